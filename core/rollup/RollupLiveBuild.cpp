#include "core/rollup/RollupLiveBuild.h"

#include "core/common/TimeUtil.h"
#include "core/rollup/RollupContributions.h"
#include "core/rollup/RollupSchema.h"
#include "core/rollup/RollupSections.h"
#include "core/storage/Database.h"
#include "core/storage/MySqlStatement.h"
#include "core/storage/SqlUtil.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

namespace atalaya::rollup {
namespace {

// 29 values a row at most: within MySQL's 65 535 and SQLite's 32 766 values a statement.
constexpr size_t kRowsPerUpsert = 1000;
// Days written together (their hour rows share statements).
constexpr size_t kSectionDays = 7;

// The scan's columns 4–11 (below) hold what the 18 counter expressions of the triggers
// (counterExpressions) test, each test made once in SQL, so the comparisons keep the column's
// collation and type: valid, not valid, the feedback kind, the confidence bucket, then the
// values summed. Column order of counterColumns():
enum Counter {
    N,
    Fb,
    AccSum,
    Correct,
    Incorrect,
    Partial,
    B0,
    ConfSum = B0 + 5,
    ExecSum,
    DqConf,
    DqNeg,
    DqFb,
    DqJson,
    DqExcluded,
    CounterCount
};
constexpr int kCorrect = 1, kIncorrect = 2, kPartial = 3, kOtherFeedback = 4;
constexpr int kOutOfRange = 9;

void addCounters(const ScanRow &r, std::vector<qint64> &sums)
{
    const bool valid = r.integer(4) == 1;
    const qint64 feedback = r.integer(6);
    const qint64 bucket = r.integer(7);
    const qint64 ms = r.integer(9);
    if (valid) {
        ++sums[N];
        if (bucket >= 0 && bucket < 5)
            ++sums[B0 + bucket];
        sums[ConfSum] += r.integer(8);
        sums[ExecSum] += ms;
        if (feedback != 0) {
            ++sums[Fb];
            sums[AccSum] += r.integer(10);
        }
        if (feedback == kCorrect)
            ++sums[Correct];
        else if (feedback == kIncorrect)
            ++sums[Incorrect];
        else if (feedback == kPartial)
            ++sums[Partial];
    }
    sums[DqConf] += bucket == kOutOfRange ? 1 : 0;
    sums[DqNeg] += ms < 0 ? 1 : 0;
    sums[DqFb] += feedback == kOtherFeedback ? 1 : 0;
    sums[DqJson] += r.integer(11);
    sums[DqExcluded] += r.integer(5);
}

struct Row {
    qint64 day = 0;
    std::vector<qint64> sums;
    std::vector<qint32> latencies;  // execution times of the valid rows
    std::vector<std::pair<qint32, qint64>> reviewed;  // (confidence, accuracy) × 10 000
    // The valid rows' totals per model version (bytes as read; nullopt: none), few per row.
    std::vector<std::pair<std::optional<QByteArray>, VersionTotals>> versions;
};

// created_at in ms since the epoch as addRawParts reads it (fromDbDateTime: the fraction of a
// second rounded to ms, at most 999): MySQL's column 14 holds microseconds, SQLite's the text.
qint64 createdMs(const ScanRow &r, int column)
{
    const QByteArrayView text = r.text(column);
    if (text.size() < 19 || text[4] != '-') {
        const qint64 us = r.integer(column);
        const qint64 seconds = us >= 0 ? us / 1000000 : -((-us + 999999) / 1000000);
        return seconds * 1000 + std::min<qint64>(999, (us - seconds * 1000000 + 500) / 1000);
    }
    const QString iso = QString::fromLatin1(text);
    return fromDbDateTime(QVariant(iso)).toMSecsSinceEpoch();
}

VersionTotals &versionOf(Row &row, const ScanRow &r, int column)
{
    std::optional<QByteArray> key;
    if (!r.isNull(column))
        key = r.bytes(column);
    for (auto &[version, totals] : row.versions) {
        if (version == key)
            return totals;
    }
    return row.versions.emplace_back(std::move(key), VersionTotals()).second;
}

using Key = RollupContributions::Key;
using Rows = std::unordered_map<Key, Row, RollupContributions::KeyHash>;
using Sorted = std::vector<std::pair<const Key *, const Row *>>;

Sorted sorted(const Rows &rows)
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

SectionPart sectionOf(const Row &row)
{
    SectionPart part;
    for (qint32 ms : row.latencies) {
        part.sketch.add(ms);
        if (!part.min || ms < *part.min)
            part.min = ms;
        if (!part.max || ms > *part.max)
            part.max = ms;
    }
    for (const auto &[confidence, accuracy] : row.reviewed)
        part.calibration.add(confidence, accuracy);
    for (const auto &[version, totals] : row.versions)
        part.versions.at(version ? VersionCells::Key(QString::fromUtf8(*version)) : std::nullopt) = totals;
    return part;
}

// The hours in `hours` (sorted, whole days) and their days: counters and sections. Rows
// without a readable time (kNoTimeSlot) get counters only, as no window reads their sections.
Status writeDays(const Database &db, const Sorted &hours)
{
    const bool timed = hours.front().second->day != kNoTimeSlot;
    struct Day {
        std::vector<qint64> sums;
        SectionPart part;
    };
    std::map<Key, Day> days;
    std::vector<OutRow> hourRows;
    hourRows.reserve(hours.size());
    for (const auto &[k, r] : hours) {
        Day &day = days[Key{r->day, k->agentId, k->taskType}];
        if (day.sums.empty())
            day.sums.assign(r->sums.size(), 0);
        for (size_t i = 0; i < r->sums.size(); ++i)
            day.sums[i] += r->sums[i];
        if (!timed) {
            hourRows.push_back(outRow(*k, r->day, r->sums, nullptr));
            continue;
        }
        const SectionPart part = sectionOf(*r);
        day.part.merge(part);
        hourRows.push_back(outRow(*k, r->day, r->sums, &part));
    }
    if (Status s = writeRows(db, Level::Hour, hourRows); !s)
        return s;
    std::vector<OutRow> dayRows;
    dayRows.reserve(days.size());
    for (const auto &[k, day] : days)
        dayRows.push_back(outRow(k, k.slot, day.sums, timed ? &day.part : nullptr));
    return writeRows(db, Level::Day, dayRows);
}

}  // namespace

struct LiveRollupPart::Gathered {
    Rows hours;
    size_t counters = 0;
};

LiveRollupPart::LiveRollupPart(const Database &db, LiveScanPart part)
    : m_db(db), m_gathered(std::make_unique<Gathered>()), m_part(std::move(part))
{
    const Dialect &d = db.dialect();
    m_gathered->counters = static_cast<size_t>(counterColumns().size());
    Q_ASSERT(m_gathered->counters == CounterCount);
    const QString valid = validExpression(d, QString());
    m_part.columns << d.hourNumberOf(QStringLiteral("created_at")) << d.dayNumberOf(QStringLiteral("created_at"))
                   << d.exactKey(QStringLiteral("agent_id")) << d.exactKey(QStringLiteral("task_type"))
                   << QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END").arg(valid)
                   << QStringLiteral("CASE WHEN NOT %1 THEN 1 ELSE 0 END").arg(valid)
                   << QStringLiteral("CASE WHEN human_feedback IS NULL THEN 0 WHEN human_feedback = 'correct' THEN %1"
                                     " WHEN human_feedback = 'incorrect' THEN %2"
                                     " WHEN human_feedback = 'partially_correct' THEN %3 ELSE %4 END")
                          .arg(kCorrect)
                          .arg(kIncorrect)
                          .arg(kPartial)
                          .arg(kOtherFeedback)
                   << QStringLiteral("CASE WHEN confidence_score < 0 OR confidence_score > 1 THEN %1"
                                     " WHEN confidence_score < 0.5 THEN 0 WHEN confidence_score < 0.7 THEN 1"
                                     " WHEN confidence_score < 0.85 THEN 2 WHEN confidence_score < 0.95 THEN 3"
                                     " ELSE 4 END")
                          .arg(kOutOfRange)
                   << QStringLiteral("ROUND(confidence_score * 10000)") << QStringLiteral("execution_time_ms")
                   << QStringLiteral("ROUND(accuracy * 10000)")
                   << (d.isMySql() ? QStringLiteral("0")
                                   : QStringLiteral("CASE WHEN NOT (json_valid(decision_made) AND json_valid(metadata))"
                                                    " THEN 1 ELSE 0 END"))
                   << modelVersionExpression(d) << QStringLiteral("human_feedback")
                   << (d.isMySql() ? QStringLiteral("TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', created_at)")
                                   : d.utcTimeOf(QStringLiteral("created_at")));
    Gathered &g = *m_gathered;
    m_part.add = [&g](const ScanRow &r) {
        const qint64 hour = r.integer(0);
        Row &row = g.hours[Key{hour, r.bytes(2), r.bytes(3)}];
        if (row.sums.empty()) {
            row.day = r.integer(1);
            row.sums.assign(g.counters, 0);
        }
        addCounters(r, row.sums);
        // The sections of rows with a readable time only, as RollupSections reads them.
        if (r.integer(4) != 1 || hour == kNoTimeSlot)
            return;
        row.latencies.push_back(static_cast<qint32>(r.integer(9)));
        const bool reviewed = r.integer(6) != 0 && !r.isNull(10);
        if (reviewed)
            row.reviewed.emplace_back(static_cast<qint32>(r.integer(8)), r.integer(10));
        VersionTotals &v = versionOf(row, r, 12);
        ++v.n;
        v.confidenceSumE4 += r.integer(8);
        v.latency.add(r.integer(9));
        // As addRawParts compares it: byte for byte, not by the column's collation.
        const QByteArrayView feedback = r.text(13);
        if (feedback == "correct")
            ++v.correct;
        else if (feedback == "partially_correct")
            ++v.partial;
        else if (feedback == "incorrect")
            ++v.incorrect;
        if (reviewed)
            v.reviewed.add(static_cast<int>(r.integer(8)), r.integer(10));
        const qint64 at = createdMs(r, 14);
        if (!v.firstMs || at < *v.firstMs)
            v.firstMs = at;
        if (!v.lastMs || at > *v.lastMs)
            v.lastMs = at;
    };
    m_part.write = [this](const ProgressFn &progress) { return write(progress); };
}

LiveRollupPart::~LiveRollupPart() = default;

Status LiveRollupPart::write(const ProgressFn &progress)
{
    const Sorted hours = sorted(m_gathered->hours);
    // Hours are sorted by slot, so a day's hours are consecutive, and a batch of whole days
    // writes its day rows complete.
    for (size_t start = 0; start < hours.size();) {
        size_t end = start + 1;
        size_t daysTaken = 1;
        for (; end < hours.size(); ++end) {
            const qint64 day = hours[end].second->day;
            const qint64 before = hours[end - 1].second->day;
            if (day != before && (before == kNoTimeSlot || ++daysTaken > kSectionDays))
                break;
        }
        if (Status s = writeDays(m_db, Sorted(hours.begin() + qsizetype(start), hours.begin() + qsizetype(end))); !s)
            return s;
        start = end;
        if (progress)
            progress(QStringLiteral("rollup rows: %1 of %2 hours").arg(start).arg(hours.size()),
                     int(start * 100 / hours.size()));
    }
    m_gathered->hours = {};
    return {};
}

}  // namespace atalaya::rollup
