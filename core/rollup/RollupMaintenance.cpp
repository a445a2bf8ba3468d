#include "rollup/RollupMaintenance.h"

#include "logging/Logging.h"
#include "rollup/RollupLatency.h"
#include "rollup/RollupSchema.h"
#include "storage/Database.h"
#include "storage/SqlUtil.h"

namespace atalaya::rollup {
namespace {

constexpr qint64 kHoursPerLatencyChunk = 24 * 7;

QString keyText(const QVariant &v)
{
    return v.typeId() == QMetaType::QByteArray ? QString::fromUtf8(v.toByteArray()) : v.toString();
}

Status setState(const Database &db, const QString &name, qint64 value)
{
    return execStatement(db,
                         QStringLiteral("INSERT INTO %1 (name, value) VALUES (?, ?)%2")
                             .arg(QLatin1String(kStateTable),
                                  db.dialect().upsertAdd({QStringLiteral("name")}, {}, {QStringLiteral("value")})),
                         {name, value}, QStringLiteral("recording the rollup state"));
}

Status buildCounters(const Database &db)
{
    const Dialect &d = db.dialect();
    QStringList sums;
    for (const QString &e : counterExpressions(d, QString()))
        sums << QStringLiteral("SUM(%1)").arg(e);
    const QString hour = d.hourNumberOf(QStringLiteral("created_at"));
    const QString insert =
        QStringLiteral("INSERT INTO %1 (hour_no, agent_id, task_type, day_no, %2, lat_version, lat_built)"
                       " SELECT %3, %6, %7, MIN(%4), %5, 0, -1 FROM ai_telemetry GROUP BY %3, %6, %7")
            .arg(QLatin1String(kHourTable), counterColumns().join(QStringLiteral(", ")), hour,
                 d.dayNumberOf(QStringLiteral("created_at")), sums.join(QStringLiteral(", ")),
                 d.exactKey(QStringLiteral("agent_id")), d.exactKey(QStringLiteral("task_type")));
    if (d.isMySql()) {
        // ~100 bytes a group: keep the GROUP BY's temporary table in memory.
        if (Status s = execStatement(db, QStringLiteral("SET SESSION tmp_table_size = 268435456,"
                                                        " max_heap_table_size = 268435456"),
                                     {}, QStringLiteral("sizing the rollup build"));
            !s)
            return s;
    }
    return inTransaction(db, [&]() -> Status {
        if (Status s = setState(db, QStringLiteral("ready"), 0); !s)
            return s;
        if (Status s = execStatement(db, QStringLiteral("DELETE FROM %1").arg(QLatin1String(kHourTable)), {},
                                     QStringLiteral("clearing the rollups"));
            !s)
            return s;
        if (Status s = execStatement(db, insert, {}, QStringLiteral("building the rollups")); !s)
            return s;
        return setState(db, QStringLiteral("ready"), 1);
    });
}

Status buildLatency(const Database &db, const std::function<void(const QString &)> &progress)
{
    auto range = execQuery(db, QStringLiteral("SELECT MIN(hour_no), MAX(hour_no) FROM %1").arg(QLatin1String(kHourTable)),
                           {}, QStringLiteral("reading the rollup range"));
    if (!range)
        return range.error();
    if (!range->next() || range->value(0).isNull())
        return {};
    const qint64 first = range->value(0).toLongLong();
    const qint64 last = range->value(1).toLongLong();
    range->finish();
    for (qint64 from = first; from <= last; from += kHoursPerLatencyChunk) {
        const qint64 to = from + kHoursPerLatencyChunk;
        auto rows = execQuery(db,
                              QStringLiteral("SELECT hour_no, agent_id, task_type, lat_version FROM %1"
                                             " WHERE hour_no >= ? AND hour_no < ? AND lat_built <> lat_version")
                                  .arg(QLatin1String(kHourTable)),
                              {from, to}, QStringLiteral("reading the rollup versions"));
        if (!rows)
            return rows.error();
        std::vector<StaleHour> stale;
        while (rows->next())
            stale.push_back({{rows->value(0).toLongLong(), keyText(rows->value(1)), keyText(rows->value(2))},
                             rows->value(3).toLongLong()});
        rows->finish();
        auto built = rebuildLatency(db, stale);
        if (!built)
            return built.error();
        if (progress)
            progress(QStringLiteral("rollup latency: %1 of %2 hours").arg(std::min(to, last + 1) - first).arg(last + 1 - first));
    }
    return {};
}

} // namespace

RollupStatus status(const Database &db)
{
    RollupStatus st;
    auto q = execQuery(db, QStringLiteral("SELECT value FROM %1 WHERE name = 'ready'").arg(QLatin1String(kStateTable)), {},
                       QStringLiteral("reading the rollup state"));
    if (!q || !q->next())
        return st;
    st.ready = q->value(0).toLongLong() == 1;
    q->finish();
    auto triggers = triggersOnTelemetry(db);
    if (triggers) {
        st.triggers = true;
        for (const QString &name : triggerNames())
            st.triggers = st.triggers && triggers->contains(name, Qt::CaseInsensitive);
    }
    return st;
}

Result<bool> installTriggers(const Database &db)
{
    auto existing = triggersOnTelemetry(db);
    if (!existing)
        return existing.error();
    const QStringList names = triggerNames();
    const QStringList statements = triggerStatements(db.dialect());
    for (int i = 0; i < names.size(); ++i) {
        if (existing->contains(names[i], Qt::CaseInsensitive))
            continue;
        if (Status s = execStatement(db, statements[i], {}, QStringLiteral("creating trigger %1").arg(names[i])); !s) {
            if (s.error().code == ErrorCode::Unavailable) {
                qCWarning(lcStorage) << "rollup triggers unavailable:" << s.error().message;
                return false;
            }
            return s.error();
        }
    }
    return true;
}

Status rebuild(const Database &db, const std::function<void(const QString &)> &progress)
{
    auto triggers = installTriggers(db);
    if (!triggers)
        return triggers.error();
    if (!*triggers)
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("this account may not create triggers on ai_telemetry, so the rollups "
                                        "cannot be kept in step; grant TRIGGER or run init as an account that has it"));
    if (progress)
        progress(QStringLiteral("rollup counters"));
    if (Status s = buildCounters(db); !s)
        return s;
    return buildLatency(db, progress);
}

Result<EnsureReport> ensure(const Database &db, qint64 maxRowsToBuild)
{
    EnsureReport report;
    auto triggers = installTriggers(db);
    if (!triggers)
        return triggers.error();
    report.triggers = *triggers;
    if (!report.triggers || status(db).ready)
        return report;
    auto small = telemetryHasAtMost(db, maxRowsToBuild);
    if (!small)
        return small.error();
    if (!*small) {
        report.needsRebuild = true;
        return report;
    }
    if (Status s = rebuild(db); !s)
        return s.error();
    report.built = true;
    return report;
}

} // namespace atalaya::rollup
