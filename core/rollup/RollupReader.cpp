#include "rollup/RollupReader.h"

#include "rollup/RollupLatency.h"
#include "rollup/RollupSchema.h"
#include "storage/Database.h"
#include "storage/SqlUtil.h"

namespace atalaya::rollup {
namespace {

constexpr qint64 kMsPerHour = 3600000;

struct Filter {
    QString sql;
    QVariantList values;
};

Filter hourFilter(qint64 fromHour, qint64 toHour, const QString &agentId, const QString &taskType)
{
    Filter f{QStringLiteral(" WHERE hour_no >= ? AND hour_no < ?"), {fromHour, toHour}};
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

QString dayKey(qint64 day)
{
    return QDate(1970, 1, 1).addDays(day).toString(Qt::ISODate);
}

QString keyColumn(std::optional<GroupBy> by)
{
    if (!by)
        return QStringLiteral("''");
    switch (*by) {
    case GroupBy::Agent: return QStringLiteral("agent_id");
    case GroupBy::TaskType: return QStringLiteral("task_type");
    case GroupBy::Day: return QStringLiteral("day_no");
    }
    return QStringLiteral("''");
}

QString keyOf(std::optional<GroupBy> by, const HourKey &k)
{
    if (!by)
        return QString();
    switch (*by) {
    case GroupBy::Agent: return k.agentId;
    case GroupBy::TaskType: return k.taskType;
    case GroupBy::Day: return dayKey(k.hour / 24);
    }
    return QString();
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

Status readCounters(const Database &db, const Filter &f, std::optional<GroupBy> by,
                    std::map<QString, WindowTotals> &out)
{
    QStringList sums;
    for (const QString &c : counterColumns())
        sums << QStringLiteral("SUM(%1)").arg(c);
    const QString key = keyColumn(by);
    auto q = execQuery(db,
                       QStringLiteral("SELECT %1, %2 FROM %3%4 GROUP BY %1")
                           .arg(key, sums.join(QStringLiteral(", ")), QLatin1String(kHourTable), f.sql),
                       f.values, QStringLiteral("reading the rollups"));
    if (!q)
        return q.error();
    while (q->next()) {
        const QString k = by == GroupBy::Day ? dayKey(q->value(0).toLongLong()) : keyText(q->value(0));
        WindowTotals &t = out[k];
        int c = 1;
        t.total = asInt(q->value(c++));
        t.withFeedback = asInt(q->value(c++));
        t.accuracySum = asInt(q->value(c++));
        t.correct = asInt(q->value(c++));
        t.incorrect = asInt(q->value(c++));
        t.partiallyCorrect = asInt(q->value(c++));
        for (qint64 &b : t.buckets)
            b = asInt(q->value(c++));
        t.confidenceSum = asInt(q->value(c++));
        t.executionSum = asInt(q->value(c++));
        t.quality.confidenceOutOfRange = asInt(q->value(c++));
        t.quality.negativeExecutionTime = asInt(q->value(c++));
        t.quality.unknownFeedback = asInt(q->value(c++));
        t.quality.invalidJson = asInt(q->value(c++));
        t.quality.excludedRows = asInt(q->value(c++));
    }
    return {};
}

void addLatency(WindowTotals &t, const LatencyPart &p)
{
    t.sketch.merge(p.sketch);
    t.mergeExtremes(p.min, p.max);
}

Status readLatency(const Database &db, const Filter &f, std::optional<GroupBy> by,
                   std::map<QString, WindowTotals> &out)
{
    auto q = execQuery(db,
                       QStringLiteral("SELECT hour_no, agent_id, task_type, lat_version, lat_built, exec_min, exec_max, lat"
                                      " FROM %1%2 AND n > 0")
                           .arg(QLatin1String(kHourTable), f.sql),
                       f.values, QStringLiteral("reading the rollup latency"));
    if (!q)
        return q.error();
    q->setForwardOnly(true);
    std::vector<StaleHour> stale;
    while (q->next()) {
        HourKey key{q->value(0).toLongLong(), keyText(q->value(1)), keyText(q->value(2))};
        const qint64 version = q->value(3).toLongLong();
        if (version != q->value(4).toLongLong()) {
            stale.push_back({std::move(key), version});
            continue;
        }
        WindowTotals &t = out[keyOf(by, key)];
        t.usesSketch = true;
        t.mergeExtremes(q->value(5).isNull() ? std::nullopt : std::optional<qint64>(q->value(5).toLongLong()),
                        q->value(6).isNull() ? std::nullopt : std::optional<qint64>(q->value(6).toLongLong()));
        t.sketch.mergeSerialized(q->value(7).toByteArray());
    }
    q->finish();
    auto rebuilt = rebuildLatency(db, stale);
    if (!rebuilt)
        return rebuilt.error();
    for (const auto &[key, part] : *rebuilt) {
        WindowTotals &t = out[keyOf(by, key)];
        t.usesSketch = true;
        addLatency(t, part);
    }
    return {};
}

} // namespace

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

Result<std::map<QString, WindowTotals>> rollupTotals(const Database &db, qint64 fromHour, qint64 toHour,
                                                     const QString &agentId, const QString &taskType,
                                                     std::optional<GroupBy> by)
{
    std::map<QString, WindowTotals> out;
    const Filter f = hourFilter(fromHour, toHour, agentId, taskType);
    if (Status s = readCounters(db, f, by, out); !s)
        return s.error();
    if (Status s = readLatency(db, f, by, out); !s)
        return s.error();
    return out;
}

} // namespace atalaya::rollup
