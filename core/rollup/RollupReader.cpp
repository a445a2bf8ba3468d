#include "core/rollup/RollupReader.h"

#include "core/common/TimeUtil.h"
#include "core/logging/Logging.h"
#include "core/rollup/RollupSections.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <functional>

namespace atalaya::rollup {
namespace {

constexpr qint64 kMsPerHour = 3600000;

// What a read needs of each row; the counters beyond n and fb only with Counters.
enum Section { Latency = 1, Calibration = 2, CalibrationPercents = 4, Counters = 8, Versions = 16 };

// One rollup row as a reader sees it: its counters, and either its stored (fresh) sections
// or the parts rebuilt for it.
struct RowView {
    RollupKey key;
    WindowTotals counters;
    std::optional<qint64> min;
    std::optional<qint64> max;
    QByteArray latency;
    QByteArray calibration;
    QByteArray percents;
    QByteArray versions;
    const SectionPart *rebuilt = nullptr;
};
using Visitor = std::function<void(const RowView &)>;

struct Filter {
    QString sql;
    QVariantList values;
};

Filter slotFilter(Level level, const std::vector<std::pair<qint64, qint64>> &ranges, const QString &agentId,
                  const QString &taskType)
{
    const QString slot = level == Level::Hour ? QStringLiteral("hour_no") : QStringLiteral("day_no");
    Filter f;
    QStringList parts;
    for (const auto &[from, to] : ranges) {
        parts << QStringLiteral("(%1 >= ? AND %1 < ?)").arg(slot);
        f.values << from << to;
    }
    f.sql = QStringLiteral(" WHERE (") + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    if (!agentId.isEmpty()) {
        f.sql += QStringLiteral(" AND agent_id = ?");
        f.values << agentId;
    }
    if (!taskType.isEmpty()) {
        f.sql += QStringLiteral(" AND task_type = ?");
        f.values << taskType;
    }
    return f;
}

// MySQL returns the byte-exact (VARBINARY) keys as bytes.
QString keyText(const QVariant &v)
{
    return v.typeId() == QMetaType::QByteArray ? QString::fromUtf8(v.toByteArray()) : v.toString();
}

qint64 asInt(const QVariant &v)
{
    return v.isNull() ? 0 : v.toLongLong();
}

std::optional<qint64> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

// The columns a read selects before its sections: every counter, or only n and fb.
QStringList readColumns(int sections)
{
    return sections & Counters ? counterColumns() : counterColumns().mid(0, 2);
}

void readCounters(const QSqlQuery &q, int c, int sections, WindowTotals &t)
{
    t.total = asInt(q.value(c++));
    t.withFeedback = asInt(q.value(c++));
    if (!(sections & Counters))
        return;
    t.accuracySum = asInt(q.value(c++));
    t.correct = asInt(q.value(c++));
    t.incorrect = asInt(q.value(c++));
    t.partiallyCorrect = asInt(q.value(c++));
    for (qint64 &b : t.buckets)
        b = asInt(q.value(c++));
    t.confidenceSum = asInt(q.value(c++));
    t.executionSum = asInt(q.value(c++));
    t.quality.confidenceOutOfRange = asInt(q.value(c++));
    t.quality.negativeExecutionTime = asInt(q.value(c++));
    t.quality.unknownFeedback = asInt(q.value(c++));
    t.quality.invalidJson = asInt(q.value(c++));
    t.quality.excludedRows = asInt(q.value(c++));
}

Status visitLevel(const Database &db, Level level, const std::vector<std::pair<qint64, qint64>> &ranges,
                  const QString &agentId, const QString &taskType, int sections, const Visitor &visit);

// Rebuilds the stale rows' parts: hours from raw rows, days by merging their hours.
Result<std::map<RollupKey, SectionPart>> rebuild(const Database &db, Level level, const std::vector<StaleRow> &stale,
                                                 const QString &agentId, const QString &taskType)
{
    std::map<RollupKey, SectionPart> parts;
    if (stale.empty())
        return parts;
    if (level == Level::Hour) {
        for (const auto &[from, to] : slotRuns(stale)) {
            if (Status s = addRawParts(db, from, to, parts); !s)
                return s.error();
        }
    } else {
        Status s =
            visitLevel(db, Level::Hour, slotRuns(stale, 24), agentId, taskType,
                       Latency | Calibration | Versions | Counters, [&](const RowView &row) {
                           SectionPart &day = parts[{dayOfHour(row.key.slot), row.key.agentId, row.key.taskType}];
                           if (row.rebuilt)
                               day.merge(*row.rebuilt);
                           else
                               day.mergeStored(row.min, row.max, row.latency, row.calibration, row.versions);
                       });
        if (!s)
            return s.error();
    }
    if (Status s = storeParts(db, level, stale, parts); !s)
        qCDebug(lcStorage) << "rollup sections not stored:" << s.error().message;
    return parts;
}

Status visitLevel(const Database &db, Level level, const std::vector<std::pair<qint64, qint64>> &ranges,
                  const QString &agentId, const QString &taskType, int sections, const Visitor &visit)
{
    if (ranges.empty())
        return {};
    const Filter f = slotFilter(level, ranges, agentId, taskType);
    const QString slot = level == Level::Hour ? QStringLiteral("hour_no") : QStringLiteral("day_no");
    QString payload;
    if (sections & Latency)
        payload += QStringLiteral(", exec_min, exec_max, lat");
    if (sections & Calibration)
        payload += QStringLiteral(", cal");
    if (sections & CalibrationPercents)
        payload += QStringLiteral(", calp");
    if (sections & Versions)
        payload += QStringLiteral(", ver");
    const QStringList columns = readColumns(sections);
    auto q = execQuery(db,
                       QStringLiteral("SELECT %1, agent_id, task_type, lat_version, lat_built, cal_version, cal_built,"
                                      " ver_version, ver_built, %2%3 FROM %4%5")
                           .arg(slot, columns.join(QStringLiteral(", ")), payload, tableOf(level), f.sql),
                       f.values, QStringLiteral("reading the rollups"));
    if (!q)
        return q.error();
    q->setForwardOnly(true);
    const int first = 9;
    const int payloadAt = first + int(columns.size());
    std::vector<StaleRow> stale;
    std::vector<RowView> staleViews;
    RowView row;
    while (q->next()) {
        row.key = {q->value(0).toLongLong(), keyText(q->value(1)), keyText(q->value(2))};
        row.counters = WindowTotals{};
        readCounters(*q, first, sections, row.counters);
        const qint64 latVersion = q->value(3).toLongLong();
        const qint64 calVersion = q->value(5).toLongLong();
        const bool latStale = (sections & Latency) && row.counters.total > 0 && latVersion != q->value(4).toLongLong();
        const bool calStale = (sections & (Calibration | CalibrationPercents)) && row.counters.withFeedback > 0
            && calVersion != q->value(6).toLongLong();
        const qint64 verVersion = q->value(7).toLongLong();
        const bool verStale = (sections & Versions) && row.counters.total > 0 && verVersion != q->value(8).toLongLong();
        // A section is empty, whatever it last stored, once its row has no rows it counts.
        int c = payloadAt;
        if (sections & Latency) {
            const bool any = row.counters.total > 0;
            row.min = any ? optionalInt(q->value(c)) : std::nullopt;
            row.max = any ? optionalInt(q->value(c + 1)) : std::nullopt;
            row.latency = any ? q->value(c + 2).toByteArray() : QByteArray();
            c += 3;
        }
        // Each column's place moves on whether or not its value is used.
        if (sections & Calibration)
            row.calibration = row.counters.withFeedback > 0 ? q->value(c).toByteArray() : QByteArray();
        c += (sections & Calibration) ? 1 : 0;
        if (sections & CalibrationPercents)
            row.percents = row.counters.withFeedback > 0 ? q->value(c).toByteArray() : QByteArray();
        c += (sections & CalibrationPercents) ? 1 : 0;
        if (sections & Versions)
            row.versions = row.counters.total > 0 ? q->value(c).toByteArray() : QByteArray();
        if (latStale || calStale || verStale) {
            stale.push_back({row.key, latVersion, calVersion, verVersion});
            staleViews.push_back(row);
            continue;
        }
        visit(row);
    }
    q->finish();
    auto parts = rebuild(db, level, stale, agentId, taskType);
    if (!parts)
        return parts.error();
    const SectionPart empty;
    for (RowView &view : staleViews) {
        auto it = parts->find(view.key);
        view.rebuilt = it == parts->end() ? &empty : &it->second;
        visit(view);
    }
    return {};
}

QString dayKey(qint64 day)
{
    return QDate(1970, 1, 1).addDays(day).toString(Qt::ISODate);
}

QString groupKey(std::optional<GroupBy> by, Level level, const RollupKey &k)
{
    if (!by)
        return QString();
    switch (*by) {
    case GroupBy::Agent: return k.agentId;
    case GroupBy::TaskType: return k.taskType;
    case GroupBy::Day: return dayKey(level == Level::Hour ? dayOfHour(k.slot) : k.slot);
    }
    return QString();
}

}  // namespace

qint64 ceilHour(const QDateTime &t)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    return ms >= 0 ? (ms + kMsPerHour - 1) / kMsPerHour : -((-ms) / kMsPerHour);
}

qint64 floorHour(const QDateTime &t)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    return ms >= 0 ? ms / kMsPerHour : -((-ms + kMsPerHour - 1) / kMsPerHour);
}

QDateTime hourStart(qint64 hour)
{
    return QDateTime::fromMSecsSinceEpoch(hour * kMsPerHour, Qt::UTC);
}

WindowPlan planWindow(const QDateTime &from, const QDateTime &to)
{
    WindowPlan plan;
    const qint64 firstHour = ceilHour(from);
    const qint64 lastHour = floorHour(to);
    if (firstHour >= lastHour) {
        plan.raw.push_back({from, to});
        return plan;
    }
    if (from < hourStart(firstHour))
        plan.raw.push_back({from, hourStart(firstHour)});
    if (hourStart(lastHour) < to)
        plan.raw.push_back({hourStart(lastHour), to});
    const qint64 firstDay = -dayOfHour(-firstHour);  // the first day starting at or after firstHour
    const qint64 lastDay = dayOfHour(lastHour);
    if (firstDay >= lastDay) {
        plan.hours.emplace_back(firstHour, lastHour);
        return plan;
    }
    plan.days.emplace_back(firstDay, lastDay);
    if (firstHour < firstDay * 24)
        plan.hours.emplace_back(firstHour, firstDay * 24);
    if (lastDay * 24 < lastHour)
        plan.hours.emplace_back(lastDay * 24, lastHour);
    return plan;
}

Result<std::vector<TimeRange>> complementEdges(const Database &db, WindowPlan &plan, Subtract subtract)
{
    std::vector<TimeRange> minus;
    std::vector<TimeRange> raw;
    for (const TimeRange &edge : plan.raw) {
        const qint64 hour = floorHour(edge.from);
        const QDateTime start = hourStart(hour);
        const QDateTime end = hourStart(hour + 1);
        auto q = execQuery(
            db,
            QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN %1 >= ? AND %1 < ? THEN 1 ELSE 0 END)"
                           " FROM ai_telemetry WHERE %1 >= ? AND %1 < ?")
                .arg(db.dialect().utcTimeOf(QStringLiteral("created_at"))),
            {toDbDateTime(edge.from), toDbDateTime(edge.to), toDbDateTime(start), toDbDateTime(end)},
            QStringLiteral("counting the rows of an edge hour"));
        if (!q)
            return q.error();
        const qint64 all = q->next() ? asInt(q->value(0)) : 0;
        const qint64 inside = asInt(q->value(1));
        q->finish();
        if (all - inside >= inside || (subtract == Subtract::No && all != inside)) {
            raw.push_back(edge);
            continue;
        }
        plan.hours.emplace_back(hour, hour + 1);
        if (all == inside)
            continue;
        if (start < edge.from)
            minus.push_back({start, edge.from});
        if (edge.to < end)
            minus.push_back({edge.to, end});
    }
    plan.raw = raw;
    return minus;
}

namespace {

// Every rollup row of the plan merged into the totals `into` picks for it.
Status addTotals(const Database &db, const WindowPlan &plan, const QString &agentId, const QString &taskType,
                 const std::function<WindowTotals &(Level, const RollupKey &)> &into)
{
    for (Level level : {Level::Day, Level::Hour}) {
        Status s = visitLevel(db, level, level == Level::Day ? plan.days : plan.hours, agentId, taskType,
                              Latency | Counters, [&](const RowView &row) {
                                  WindowTotals &t = into(level, row.key);
                                  t.mergeCounts(row.counters);
                                  if (row.counters.total == 0)
                                      return;
                                  t.usesSketch = true;
                                  if (row.rebuilt) {
                                      t.sketch.merge(row.rebuilt->sketch);
                                      t.mergeExtremes(row.rebuilt->min, row.rebuilt->max);
                                  } else {
                                      t.sketch.mergeSerialized(row.latency);
                                      t.mergeExtremes(row.min, row.max);
                                  }
                              });
        if (!s)
            return s;
    }
    return {};
}

}  // namespace

Result<std::map<QString, WindowTotals>> rollupTotals(const Database &db, const WindowPlan &plan, const QString &agentId,
                                                     const QString &taskType, std::optional<GroupBy> by)
{
    std::map<QString, WindowTotals> out;
    Status s = addTotals(db, plan, agentId, taskType,
                         [&](Level level, const RollupKey &k) -> WindowTotals & { return out[groupKey(by, level, k)]; });
    if (!s)
        return s.error();
    return out;
}

Result<std::map<std::pair<QString, QString>, WindowTotals>> rollupPairTotals(const Database &db, const WindowPlan &plan,
                                                                             const QString &agentId,
                                                                             const QString &taskType)
{
    std::map<std::pair<QString, QString>, WindowTotals> out;
    Status s = addTotals(db, plan, agentId, taskType, [&](Level, const RollupKey &k) -> WindowTotals & {
        return out[{k.agentId, k.taskType}];
    });
    if (!s)
        return s.error();
    return out;
}

Status addRollupCells(const Database &db, const WindowPlan &plan, const QString &agentId, const QString &taskType,
                      CalibrationGrid &grid)
{
    for (Level level : {Level::Day, Level::Hour}) {
        Status s = visitLevel(db, level, level == Level::Day ? plan.days : plan.hours, agentId, taskType, Calibration,
                              [&](const RowView &row) {
                                  if (row.rebuilt)
                                      grid.add(row.rebuilt->calibration);
                                  else
                                      grid.addSerialized(row.calibration);
                              });
        if (!s)
            return s;
    }
    return {};
}

Status addRollupPercents(const Database &db, const WindowPlan &plan, const QString &agentId, const QString &taskType,
                         PercentGrid &grid)
{
    return addRollupPercentsByAgent(db, plan, agentId, taskType, [&](const QString &) -> PercentGrid & { return grid; });
}

Status addRollupPercentsByAgent(const Database &db, const WindowPlan &plan, const QString &agentId,
                                const QString &taskType, const std::function<PercentGrid &(const QString &)> &gridOf)
{
    for (Level level : {Level::Day, Level::Hour}) {
        Status s = visitLevel(db, level, level == Level::Day ? plan.days : plan.hours, agentId, taskType,
                              CalibrationPercents, [&](const RowView &row) {
                                  PercentGrid &grid = gridOf(row.key.agentId);
                                  if (row.rebuilt)
                                      grid.add(row.rebuilt->calibration);
                                  else
                                      grid.addSerialized(row.percents);
                              });
        if (!s)
            return s;
    }
    return {};
}

Status addRollupVersions(const Database &db, const WindowPlan &plan, const QString &agentId, const QString &taskType,
                         const std::function<void(const QString &agentId, const VersionCells &)> &add)
{
    for (Level level : {Level::Day, Level::Hour}) {
        Status s = visitLevel(db, level, level == Level::Day ? plan.days : plan.hours, agentId, taskType, Versions,
                              [&](const RowView &row) {
                                  if (row.rebuilt) {
                                      add(row.key.agentId, row.rebuilt->versions);
                                      return;
                                  }
                                  VersionCells stored;
                                  if (!stored.mergeSerialized(row.versions))
                                      qCWarning(lcStorage)
                                          << "unreadable model-version section of" << row.key.agentId << row.key.slot;
                                  add(row.key.agentId, stored);
                              });
        if (!s)
            return s;
    }
    return {};
}

}  // namespace atalaya::rollup
