#include "core/rollup/RollupLiveBuild.h"

#include "core/rollup/RollupContributions.h"
#include "core/rollup/RollupSchema.h"
#include "core/rollup/RollupSections.h"
#include "core/storage/Database.h"
#include "core/storage/MySqlStatement.h"
#include "core/storage/SqlUtil.h"

#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <vector>

namespace atalaya::rollup {
namespace {

// 24 values a row at most: within MySQL's 65 535 and SQLite's 32 766 values a statement.
constexpr size_t kRowsPerUpsert = 1000;
// Days whose sections go out together (their rows share the store's statements).
constexpr size_t kSectionDays = 7;

qint64 integer(const QVariant &v)
{
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    return ok ? n : std::llround(v.toDouble());
}

QByteArray keyBytes(const QVariant &v)
{
    return v.typeId() == QMetaType::QByteArray ? v.toByteArray() : v.toString().toUtf8();
}

struct Row {
    qint64 day = 0;
    std::vector<qint64> sums;
    std::vector<qint32> latencies;                     // execution times of the valid rows
    std::vector<std::pair<qint32, qint64>> reviewed;  // (confidence, accuracy) × 10 000
};

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

// Adds the counters to the level's rows, in key order (as every writer takes their locks), one
// short statement at a time. The versions are not moved: they stay 0 on a row only the
// scan wrote, so its sections can be stored below.
Status addCounters(const Database &db, Level level, const Sorted &rows)
{
    const QStringList key{level == Level::Hour ? QStringLiteral("hour_no") : QStringLiteral("day_no"),
                          QStringLiteral("agent_id"), QStringLiteral("task_type")};
    QStringList columns = key;
    if (level == Level::Hour)
        columns << QStringLiteral("day_no");
    columns << counterColumns();
    const QString tuple =
        QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    const QString upsert = db.dialect().upsertAdd(key, counterColumns());
    auto sqlFor = [&](size_t n) {
        return QStringLiteral("INSERT INTO %1 (%2) VALUES %3%4")
            .arg(tableOf(level), columns.join(QStringLiteral(", ")),
                 QStringList(static_cast<qsizetype>(n), tuple).join(QLatin1Char(',')), upsert);
    };
    const QString what = QStringLiteral("adding the scanned rows to the rollups");
    if (db.dialect().isMySql()) {
        return executeRowBatches(
            db, rows.size(), kRowsPerUpsert, [&](size_t n) { return sqlFor(n).toUtf8(); },
            [&](MySqlStatement &statement, int p, size_t i) {
                const auto &[k, r] = rows[i];
                statement.bindInt(p++, k->slot);
                statement.bindText(p++, k->agentId);
                statement.bindText(p++, k->taskType);
                if (level == Level::Hour)
                    statement.bindInt(p++, r->day);
                for (qint64 v : r->sums)
                    statement.bindInt(p++, v);
            },
            what);
    }
    for (size_t start = 0; start < rows.size(); start += kRowsPerUpsert) {
        const size_t n = std::min(kRowsPerUpsert, rows.size() - start);
        QVariantList values;
        for (size_t i = start; i < start + n; ++i) {
            const auto &[k, r] = rows[i];
            values << k->slot << QString::fromUtf8(k->agentId) << QString::fromUtf8(k->taskType);
            if (level == Level::Hour)
                values << r->day;
            for (qint64 v : r->sums)
                values << v;
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
    return part;
}

RollupKey rollupKey(qint64 slot, const Key &k)
{
    return {slot, QString::fromUtf8(k.agentId), QString::fromUtf8(k.taskType)};
}

// The sections of the hours in `hours` (sorted, whole days) and of their days, stored where
// the row's versions are still 0.
Status storeSections(const Database &db, const Sorted &hours)
{
    std::vector<StaleRow> hourRows, dayRows;
    std::map<RollupKey, SectionPart> hourParts, dayParts;
    for (const auto &[k, r] : hours) {
        const RollupKey key = rollupKey(k->slot, *k);
        hourRows.push_back({key, 0, 0});
        SectionPart part = sectionOf(*r);
        const RollupKey day = rollupKey(r->day, *k);
        auto [it, fresh] = dayParts.try_emplace(day);
        if (fresh)
            dayRows.push_back({day, 0, 0});
        it->second.merge(part);
        hourParts.emplace(key, std::move(part));
    }
    if (Status s = storeParts(db, Level::Hour, hourRows, hourParts); !s)
        return s;
    return storeParts(db, Level::Day, dayRows, dayParts);
}

}  // namespace

struct LiveRollupPart::Gathered {
    Rows hours;
    size_t counters = 0;
};

LiveRollupPart::LiveRollupPart(const Database &db, qint64 cut, std::function<Status()> arm)
    : m_db(db), m_gathered(std::make_unique<Gathered>())
{
    const Dialect &d = db.dialect();
    m_gathered->counters = static_cast<size_t>(counterColumns().size());
    m_part.what = QStringLiteral("rollup counters");
    m_part.cut = cut;
    m_part.arm = std::move(arm);
    m_part.columns << d.hourNumberOf(QStringLiteral("created_at")) << d.dayNumberOf(QStringLiteral("created_at"))
                   << d.exactKey(QStringLiteral("agent_id")) << d.exactKey(QStringLiteral("task_type"))
                   << counterExpressions(d, QString())
                   << QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END").arg(validExpression(d, QString()))
                   << QStringLiteral("execution_time_ms")
                   << QStringLiteral("CASE WHEN human_feedback IS NOT NULL AND accuracy IS NOT NULL THEN 1 ELSE 0 END")
                   << QStringLiteral("ROUND(confidence_score * 10000)") << QStringLiteral("ROUND(accuracy * 10000)");
    Gathered &g = *m_gathered;
    m_part.add = [&g](const QSqlQuery &q, int c) {
        const qint64 hour = integer(q.value(c));
        Row &row = g.hours[Key{hour, keyBytes(q.value(c + 2)), keyBytes(q.value(c + 3))}];
        if (row.sums.empty()) {
            row.day = integer(q.value(c + 1));
            row.sums.assign(g.counters, 0);
        }
        int p = c + 4;
        for (qint64 &sum : row.sums)
            sum += integer(q.value(p++));
        // The sections of rows with a readable time only, as RollupSections reads them.
        if (integer(q.value(p)) != 1 || hour == kNoTimeSlot)
            return;
        row.latencies.push_back(static_cast<qint32>(integer(q.value(p + 1))));
        if (integer(q.value(p + 2)) == 1)
            row.reviewed.emplace_back(static_cast<qint32>(std::llround(q.value(p + 3).toDouble())),
                                      std::llround(q.value(p + 4).toDouble()));
    };
    m_part.write = [this](const ProgressFn &progress) { return write(progress); };
}

LiveRollupPart::~LiveRollupPart() = default;

Status LiveRollupPart::write(const ProgressFn &progress)
{
    const Sorted hours = sorted(m_gathered->hours);
    if (progress)
        progress(QStringLiteral("rollup rows: %1 hours").arg(hours.size()), 0);
    if (Status s = addCounters(m_db, Level::Hour, hours); !s)
        return s;
    Rows days;
    for (const auto &[k, r] : hours) {
        Row &day = days[Key{r->day, k->agentId, k->taskType}];
        if (day.sums.empty())
            day.sums.assign(r->sums.size(), 0);
        for (size_t i = 0; i < r->sums.size(); ++i)
            day.sums[i] += r->sums[i];
    }
    if (Status s = addCounters(m_db, Level::Day, sorted(days)); !s)
        return s;
    if (progress)
        progress(QStringLiteral("rollup rows: %1 hours").arg(hours.size()), 50);
    // Hours are sorted by slot, so a day's hours are consecutive; rows without a readable time
    // (kNoTimeSlot) have counters only, as no window reads their sections.
    for (size_t start = 0; start < hours.size();) {
        size_t end = start + 1;
        size_t daysTaken = 1;
        for (; end < hours.size(); ++end) {
            const qint64 day = hours[end].second->day;
            const qint64 before = hours[end - 1].second->day;
            if (day != before && (before == kNoTimeSlot || ++daysTaken > kSectionDays))
                break;
        }
        const Sorted batch(hours.begin() + qsizetype(start), hours.begin() + qsizetype(end));
        if (batch.front().second->day != kNoTimeSlot) {
            if (Status s = storeSections(m_db, batch); !s)
                return s;
        }
        start = end;
        if (progress)
            progress(QStringLiteral("rollup sections: %1 of %2 hours").arg(start).arg(hours.size()),
                     50 + int(start * 50 / hours.size()));
    }
    m_gathered->hours = {};
    return {};
}

}  // namespace atalaya::rollup
