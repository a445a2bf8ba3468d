#include "core/rollup/RollupLiveRows.h"

#include "core/rollup/RollupSchema.h"
#include "core/rollup/RollupSections.h"
#include "core/storage/Database.h"
#include "core/storage/MySqlStatement.h"
#include "core/storage/SqlUtil.h"

#include <algorithm>
#include <functional>
#include <future>
#include <map>
#include <optional>

namespace atalaya::rollup {
namespace {

// 31 values a row at most: within MySQL's 65 535 and SQLite's 32 766 values a statement.
constexpr size_t kRowsPerUpsert = 1000;
// Days written together (their hour rows share statements).
constexpr size_t kSectionDays = 7;

using Key = RollupContributions::Key;
using Sorted = std::vector<std::pair<const Key *, const LiveHourRow *>>;

Sorted sorted(const LiveHourRows &rows)
{
    Sorted out;
    out.reserve(rows.size());
    for (const auto &[k, r] : rows)
        out.emplace_back(&k, &r);
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return *a.first < *b.first; });
    return out;
}

// A row as written: its key, counters and sections (built = -1: none).
struct OutRow {
    Key key;
    qint64 day = 0;
    const std::vector<qint64> *sums = nullptr;
    std::optional<qint64> min, max;
    QByteArray latency, calibration, percents, versions;
    qint64 built = 0;
};

OutRow outRow(const Key &key, qint64 day, const std::vector<qint64> &sums, const SectionPart *part)
{
    OutRow row{key, day, &sums, {}, {}, {}, {}, {}, {}, -1};
    if (part) {
        row.min = part->min;
        row.max = part->max;
        row.latency = part->sketch.serialize();
        row.calibration = part->calibration.serialize();
        row.percents = part->calibration.serializePercents();
        row.versions = part->versions.serialize();
        row.built = 0;
    }
    return row;
}

// Adds the counters to the level's rows and, where no trigger moved a section since the
// snapshot (its version still 0), sets the sections: in key order (as every writer takes
// their locks), one short statement of 1 000 rows at a time. The versions are not moved.
Status writeRows(const Database &db, Level level, const std::vector<OutRow> &rows)
{
    const Dialect &d = db.dialect();
    const QStringList key{level == Level::Hour ? QStringLiteral("hour_no") : QStringLiteral("day_no"),
                          QStringLiteral("agent_id"), QStringLiteral("task_type")};
    QStringList columns = key;
    if (level == Level::Hour)
        columns << QStringLiteral("day_no");
    columns << counterColumns();
    const QStringList latency{QStringLiteral("exec_min"), QStringLiteral("exec_max"), QStringLiteral("lat"),
                              QStringLiteral("lat_built")};
    const QStringList calibration{QStringLiteral("cal"), QStringLiteral("calp"), QStringLiteral("cal_built")};
    const QStringList versions{QStringLiteral("ver"), QStringLiteral("ver_built")};
    columns << latency << calibration << versions;
    const QString fresh = d.isMySql() ? QStringLiteral("VALUES(%1)") : QStringLiteral("excluded.%1");
    QStringList sections;
    for (const QString &c : latency)
        sections << QStringLiteral("%1 = CASE WHEN lat_version = 0 THEN %2 ELSE %1 END").arg(c, fresh.arg(c));
    for (const QString &c : calibration)
        sections << QStringLiteral("%1 = CASE WHEN cal_version = 0 THEN %2 ELSE %1 END").arg(c, fresh.arg(c));
    for (const QString &c : versions)
        sections << QStringLiteral("%1 = CASE WHEN ver_version = 0 THEN %2 ELSE %1 END").arg(c, fresh.arg(c));
    const QString upsert =
        d.upsertAdd(key, counterColumns()) + QStringLiteral(", ") + sections.join(QStringLiteral(", "));
    const QString tuple =
        QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    auto sqlFor = [&](size_t n) {
        return QStringLiteral("INSERT INTO %1 (%2) VALUES %3%4")
            .arg(tableOf(level), columns.join(QStringLiteral(", ")),
                 QStringList(static_cast<qsizetype>(n), tuple).join(QLatin1Char(',')), upsert);
    };
    const QString what = QStringLiteral("adding the scanned rows to the rollups");
    if (d.isMySql()) {
        return executeRowBatches(
            db, rows.size(), kRowsPerUpsert, [&](size_t n) { return sqlFor(n).toUtf8(); },
            [&](MySqlStatement &statement, int p, size_t i) {
                const OutRow &r = rows[i];
                statement.bindInt(p++, r.key.slot);
                statement.bindText(p++, r.key.agentId);
                statement.bindText(p++, r.key.taskType);
                if (level == Level::Hour)
                    statement.bindInt(p++, r.day);
                for (qint64 v : *r.sums)
                    statement.bindInt(p++, v);
                for (const std::optional<qint64> &v : {r.min, r.max}) {
                    if (v)
                        statement.bindInt(p++, *v);
                    else
                        statement.bindNull(p++);
                }
                statement.bindBlob(p++, r.latency);
                statement.bindInt(p++, r.built);
                statement.bindBlob(p++, r.calibration);
                statement.bindBlob(p++, r.percents);
                statement.bindInt(p++, r.built);
                statement.bindBlob(p++, r.versions);
                statement.bindInt(p++, r.built);
            },
            what);
    }
    const QVariant none(QMetaType::fromType<qlonglong>());
    for (size_t start = 0; start < rows.size(); start += kRowsPerUpsert) {
        const size_t n = std::min(kRowsPerUpsert, rows.size() - start);
        QVariantList values;
        for (size_t i = start; i < start + n; ++i) {
            const OutRow &r = rows[i];
            values << r.key.slot << QString::fromUtf8(r.key.agentId) << QString::fromUtf8(r.key.taskType);
            if (level == Level::Hour)
                values << r.day;
            for (qint64 v : *r.sums)
                values << v;
            values << (r.min ? QVariant(*r.min) : none) << (r.max ? QVariant(*r.max) : none) << r.latency << r.built
                   << r.calibration << r.percents << r.built << r.versions << r.built;
        }
        if (Status s = execStatement(db, sqlFor(n), values, what); !s)
            return s;
    }
    return {};
}

SectionPart sectionOf(const LiveHourRow &row)
{
    SectionPart part;
    std::vector<VersionTotals> versions;
    versions.reserve(row.versions.size());
    for (const auto &[version, totals] : row.versions)
        versions.push_back(totals);
    for (size_t i = 0; i < row.latencies.size(); ++i) {
        const qint32 ms = row.latencies[i];
        part.sketch.add(ms);
        versions[row.latencyVersions[i]].latency.add(ms);
        if (!part.min || ms < *part.min)
            part.min = ms;
        if (!part.max || ms > *part.max)
            part.max = ms;
    }
    for (size_t i = 0; i < row.reviewed.size(); ++i) {
        const auto &[confidence, accuracy] = row.reviewed[i];
        part.calibration.add(confidence, accuracy);
        versions[row.reviewedVersions[i]].reviewed.add(confidence, accuracy);
    }
    for (size_t i = 0; i < row.versions.size(); ++i) {
        const std::optional<QByteArray> &version = row.versions[i].first;
        part.versions.at(version ? VersionCells::Key(QString::fromUtf8(*version)) : std::nullopt) =
            std::move(versions[i]);
    }
    return part;
}

// The rows of a few whole days as written: the hours' and their days' counters and sections.
// Rows without a readable time (kNoTimeSlot) get counters only, as no window reads their
// sections.
struct Batch {
    struct Day {
        std::vector<qint64> sums;
        SectionPart part;
        bool complete = true;  // every hour's sections are in `part`
    };
    size_t end = 0;  // the first hour after the batch
    std::map<Key, Day> days;  // node-based: dayRows point into it, also after a move
    std::vector<OutRow> hourRows;
    std::vector<OutRow> dayRows;
};

// Hours are sorted by slot, so a day's hours are consecutive, and a batch of whole days
// writes its day rows complete.
Batch batchFrom(const Sorted &hours, size_t start)
{
    Batch batch;
    size_t end = start + 1;
    size_t daysTaken = 1;
    for (; end < hours.size(); ++end) {
        const qint64 day = hours[end].second->day;
        const qint64 before = hours[end - 1].second->day;
        if (day != before && (before == kNoTimeSlot || ++daysTaken > kSectionDays))
            break;
    }
    batch.end = end;
    const bool timed = hours[start].second->day != kNoTimeSlot;
    batch.hourRows.reserve(end - start);
    for (size_t i = start; i < end; ++i) {
        const auto &[k, r] = hours[i];
        Batch::Day &day = batch.days[Key{r->day, k->agentId, k->taskType}];
        if (day.sums.empty())
            day.sums.assign(r->sums.size(), 0);
        for (size_t c = 0; c < r->sums.size(); ++c)
            day.sums[c] += r->sums[c];
        if (!timed || r->tooManyVersions) {
            day.complete = false;
            batch.hourRows.push_back(outRow(*k, r->day, r->sums, nullptr));
            continue;
        }
        const SectionPart part = sectionOf(*r);
        day.part.merge(part);
        batch.hourRows.push_back(outRow(*k, r->day, r->sums, &part));
    }
    batch.dayRows.reserve(batch.days.size());
    for (const auto &[k, day] : batch.days)
        batch.dayRows.push_back(outRow(k, k.slot, day.sums, day.complete ? &day.part : nullptr));
    return batch;
}

}  // namespace

Status writeLiveHourRows(const Database &db, const LiveHourRows &rows, const ProgressFn &progress)
{
    const Sorted hours = sorted(rows);
    if (hours.empty())
        return {};
    std::future<Batch> next = std::async(std::launch::async, batchFrom, std::cref(hours), size_t(0));
    for (;;) {
        Batch batch = next.get();
        if (batch.end < hours.size())
            next = std::async(std::launch::async, batchFrom, std::cref(hours), batch.end);
        Status s = writeRows(db, Level::Hour, batch.hourRows);
        if (s)
            s = writeRows(db, Level::Day, batch.dayRows);
        if (!s) {
            if (next.valid())
                next.wait();
            return s;
        }
        if (progress)
            progress(QStringLiteral("rollup rows: %1 of %2 hours").arg(batch.end).arg(hours.size()),
                     int(batch.end * 100 / hours.size()));
        if (batch.end == hours.size())
            return {};
    }
}

}  // namespace atalaya::rollup
