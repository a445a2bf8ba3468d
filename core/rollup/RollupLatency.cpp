#include "rollup/RollupLatency.h"

#include "common/TimeUtil.h"
#include "logging/Logging.h"
#include "rollup/RollupSchema.h"
#include "storage/Database.h"
#include "storage/SqlUtil.h"

#include <QSqlError>

namespace atalaya::rollup {
namespace {

constexpr int kRowsPerStore = 200;

QString hourStart(qint64 hour)
{
    return toDbDateTime(QDateTime::fromSecsSinceEpoch(hour * 3600, Qt::UTC));
}

// Contiguous runs of the stale hours, so the raw reads are a few index range scans.
std::vector<std::pair<qint64, qint64>> hourRuns(const std::vector<StaleHour> &stale)
{
    std::vector<qint64> hours;
    for (const StaleHour &s : stale)
        hours.push_back(s.key.hour);
    std::sort(hours.begin(), hours.end());
    hours.erase(std::unique(hours.begin(), hours.end()), hours.end());
    std::vector<std::pair<qint64, qint64>> runs;
    for (qint64 h : hours) {
        if (!runs.empty() && runs.back().second == h)
            runs.back().second = h + 1;
        else
            runs.emplace_back(h, h + 1);
    }
    return runs;
}

Status readRaw(const Database &db, qint64 fromHour, qint64 toHour, std::map<HourKey, LatencyPart> &parts)
{
    const Dialect &d = db.dialect();
    const QString sql = QStringLiteral("SELECT %1, agent_id, task_type, execution_time_ms FROM ai_telemetry"
                                       " WHERE created_at >= ? AND created_at < ? AND %2")
                            .arg(d.hourNumberOf(QStringLiteral("created_at")), validExpression(d, QString()));
    auto q = execQuery(db, sql, {hourStart(fromHour), hourStart(toHour)},
                       QStringLiteral("reading execution times for the rollups"));
    if (!q)
        return q.error();
    q->setForwardOnly(true);
    while (q->next()) {
        HourKey key{q->value(0).toLongLong(), QString::fromUtf8(q->value(1).toByteArray()),
                    QString::fromUtf8(q->value(2).toByteArray())};
        const qint64 ms = q->value(3).toLongLong();
        LatencyPart &p = parts[key];
        p.sketch.add(ms);
        if (!p.min || ms < *p.min)
            p.min = ms;
        if (!p.max || ms > *p.max)
            p.max = ms;
    }
    return {};
}

QString storeSql(const Dialect &d, int rows)
{
    QString sql = QStringLiteral("INSERT INTO %1 (hour_no, agent_id, task_type, day_no, lat_built, exec_min,"
                                 " exec_max, lat) VALUES ")
                      .arg(QLatin1String(kHourTable));
    for (int i = 0; i < rows; ++i)
        sql += i ? QStringLiteral(",(?,?,?,?,?,?,?,?)") : QStringLiteral("(?,?,?,?,?,?,?,?)");
    if (d.isMySql()) {
        // Column by column, lat_built last: each IF still sees the stored lat_version.
        const QString same = QStringLiteral("lat_version = VALUES(lat_built)");
        sql += QStringLiteral(" ON DUPLICATE KEY UPDATE exec_min = IF(%1, VALUES(exec_min), exec_min),"
                              " exec_max = IF(%1, VALUES(exec_max), exec_max), lat = IF(%1, VALUES(lat), lat),"
                              " lat_built = IF(%1, VALUES(lat_built), lat_built)")
                   .arg(same);
    } else {
        sql += QStringLiteral(" ON CONFLICT(hour_no, agent_id, task_type) DO UPDATE SET exec_min = excluded.exec_min,"
                              " exec_max = excluded.exec_max, lat = excluded.lat, lat_built = excluded.lat_built"
                              " WHERE lat_version = excluded.lat_built");
    }
    return sql;
}

QVariant optionalInt(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qlonglong>());
}

Status store(const Database &db, const std::vector<StaleHour> &stale, const std::map<HourKey, LatencyPart> &parts)
{
    const LatencyPart empty;
    for (size_t start = 0; start < stale.size(); start += kRowsPerStore) {
        const size_t end = std::min(stale.size(), start + kRowsPerStore);
        QVariantList values;
        for (size_t i = start; i < end; ++i) {
            const StaleHour &s = stale[i];
            auto it = parts.find(s.key);
            const LatencyPart &p = it == parts.end() ? empty : it->second;
            values << s.key.hour << s.key.agentId << s.key.taskType << s.key.hour / 24 << s.version
                   << optionalInt(p.min) << optionalInt(p.max) << p.sketch.serialize();
        }
        if (Status s = execStatement(db, storeSql(db.dialect(), static_cast<int>(end - start)), values,
                                     QStringLiteral("storing rollup latency"));
            !s)
            return s;
    }
    return {};
}

} // namespace

Result<std::map<HourKey, LatencyPart>> rebuildLatency(const Database &db, const std::vector<StaleHour> &stale)
{
    std::map<HourKey, LatencyPart> parts;
    if (stale.empty())
        return parts;
    for (const auto &[from, to] : hourRuns(stale)) {
        if (Status s = readRaw(db, from, to, parts); !s)
            return s.error();
    }
    if (Status s = store(db, stale, parts); !s)
        qCDebug(lcStorage) << "rollup latency not stored:" << s.error().message;
    std::map<HourKey, LatencyPart> out;
    for (const StaleHour &s : stale) {
        auto it = parts.find(s.key);
        out[s.key] = it == parts.end() ? LatencyPart{} : it->second;
    }
    return out;
}

} // namespace atalaya::rollup
