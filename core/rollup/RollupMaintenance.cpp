#include "core/rollup/RollupMaintenance.h"

#include "core/logging/Logging.h"
#include "core/rollup/RollupBuild.h"
#include "core/rollup/RollupSections.h"
#include "core/rollup/RollupSchema.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"
#include "core/storage/TelemetryTriggers.h"

namespace atalaya::rollup {
namespace {

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

Result<std::vector<StaleRow>> staleRows(const Database &db, Level level, qint64 from, qint64 to)
{
    const QString slot = level == Level::Hour ? QStringLiteral("hour_no") : QStringLiteral("day_no");
    auto rows =
        execQuery(db,
                  QStringLiteral("SELECT %1, agent_id, task_type, lat_version, cal_version, ver_version FROM %2"
                                 " WHERE %1 >= ? AND %1 < ? AND (lat_built <> lat_version OR cal_built <> cal_version"
                                 " OR ver_built <> ver_version)")
                      .arg(slot, tableOf(level)),
                  {from, to}, QStringLiteral("reading the rollup versions"));
    if (!rows)
        return rows.error();
    std::vector<StaleRow> stale;
    while (rows->next())
        stale.push_back({{rows->value(0).toLongLong(), keyText(rows->value(1)), keyText(rows->value(2))},
                         rows->value(3).toLongLong(),
                         rows->value(4).toLongLong(),
                         rows->value(5).toLongLong()});
    return stale;
}

// The days that hold a stale section, oldest first. Only those: two rows another writer dated
// 1970 and 9999 are two days of work, not the 2.9 million between them.
Result<std::vector<qint64>> staleDays(const Database &db)
{
    const QString stale = QStringLiteral("day_no <> %1 AND (lat_built <> lat_version OR cal_built <> cal_version"
                                         " OR ver_built <> ver_version)")
                              .arg(kNoTimeSlot);
    auto q = execQuery(db,
                       QStringLiteral("SELECT day_no FROM %1 WHERE %3 UNION SELECT day_no FROM %2 WHERE %3 ORDER BY 1")
                           .arg(QLatin1String(kDayTable), QLatin1String(kHourTable), stale),
                       {}, QStringLiteral("reading the days to rebuild"));
    if (!q)
        return q.error();
    std::vector<qint64> days;
    while (q->next())
        days.push_back(q->value(0).toLongLong());
    return days;
}

// Every stale section, day by day: the day's hours from one raw read, the day from its hours.
// Rows whose time is not readable (kNoTimeSlot) have counters only: no window reads them.
Status buildSections(const Database &db, const ProgressFn &progress)
{
    auto staleList = staleDays(db);
    if (!staleList)
        return staleList.error();
    const std::vector<qint64> &list = *staleList;
    for (size_t i = 0; i < list.size(); ++i) {
        const qint64 from = list[i];
        const qint64 to = from + 1;
        // Versions first: a write after this read moves them, and its section is not stored.
        auto days = staleRows(db, Level::Day, from, to);
        if (!days)
            return days.error();
        auto hours = staleRows(db, Level::Hour, from * 24, to * 24);
        if (!hours)
            return hours.error();
        std::map<RollupKey, SectionPart> hourParts;
        if (Status s = addRawParts(db, from * 24, to * 24, hourParts); !s)
            return s;
        if (Status s = storeParts(db, Level::Hour, *hours, hourParts); !s)
            return s;
        std::map<RollupKey, SectionPart> dayParts;
        for (const auto &[key, part] : hourParts)
            dayParts[{dayOfHour(key.slot), key.agentId, key.taskType}].merge(part);
        if (Status s = storeParts(db, Level::Day, *days, dayParts); !s)
            return s;
        // Every tenth day, and the last one so a progress bar ends at 100 %.
        if (progress && ((i + 1) % 10 == 0 || i + 1 == list.size()))
            progress(QStringLiteral("rollup sections: %1 of %2 days").arg(i + 1).arg(list.size()),
                     int((i + 1) * 100 / list.size()));
    }
    return {};
}

}  // namespace

Status buildStaleSections(const Database &db, const ProgressFn &progress)
{
    return buildSections(db, progress);
}

RollupStatus status(const Database &db)
{
    RollupStatus st;
    auto q = execQuery(db, QStringLiteral("SELECT value FROM %1 WHERE name = 'ready'").arg(QLatin1String(kStateTable)),
                       {}, QStringLiteral("reading the rollup state"));
    if (!q || !q->next())
        return st;
    st.ready = q->value(0).toLongLong() == 1;
    q->finish();
    auto triggers = telemetryTriggersExist(db, triggerNames());
    st.triggers = triggers && *triggers;
    return st;
}

Result<bool> installTriggers(const Database &db)
{
    auto existing = triggersOnTelemetry(db);
    if (!existing)
        return existing.error();
    // Whatever happens below, the cached trigger list may be out of date.
    forgetTelemetryTriggers(db);
    for (const QString &old : obsoleteTriggerNames()) {
        if (!existing->contains(old, Qt::CaseInsensitive))
            continue;
        if (Status s = execStatement(db, QStringLiteral("DROP TRIGGER %1").arg(old), {},
                                     QStringLiteral("dropping trigger %1").arg(old));
            !s)
            return s.error();
    }
    const QStringList names = triggerNames();
    const QStringList statements = triggerStatements(db.dialect());
    for (int i = 0; i < names.size(); ++i) {
        if (existing->contains(names[i], Qt::CaseInsensitive))
            continue;
        // Built rollups missed whatever was written while this trigger was gone (someone
        // dropped it): not ready until rebuilt, so reads take the raw path meanwhile.
        if (status(db).ready) {
            if (Status s = setState(db, QStringLiteral("ready"), 0); !s)
                return s.error();
        }
        if (Status s = forgetUnfinishedBuild(db); !s)
            return s.error();
        if (Status s = execStatement(db, statements[i], {}, QStringLiteral("creating trigger %1").arg(names[i])); !s) {
            if (s.error().code == ErrorCode::Unavailable) {
                qCWarning(lcStorage) << "rollup triggers unavailable:" << s.error().message;
                return false;
            }
            return s.error();
        }
    }
    forgetTelemetryTriggers(db);
    return true;
}

Result<QStringList> missingTriggerSql(const Database &db)
{
    auto existing = triggersOnTelemetry(db);
    if (!existing)
        return existing.error();
    QStringList sql;
    for (const QString &old : obsoleteTriggerNames()) {
        if (existing->contains(old, Qt::CaseInsensitive))
            sql << QStringLiteral("DROP TRIGGER %1").arg(old);
    }
    const QStringList names = triggerNames();
    const QStringList statements = triggerStatements(db.dialect());
    for (int i = 0; i < names.size(); ++i) {
        if (!existing->contains(names[i], Qt::CaseInsensitive))
            sql << statements[i];
    }
    return sql;
}

Status rebuild(const Database &db, const ProgressFn &progress)
{
    if (progress)
        progress(QStringLiteral("rollup counters"), 0);
    if (Status s = buildCounters(db, progress); !s)
        return s;
    return buildSections(db, progress);
}

Result<EnsureReport> ensure(const Database &db, qint64 maxRowsToBuild, const ProgressFn &progress)
{
    DerivedTableLifecycle rollups;
    rollups.settled = [&db]() -> Result<std::optional<DerivedTableState>> {
        auto triggers = installTriggers(db);
        if (!triggers)
            return triggers.error();
        if (!*triggers)
            return std::optional(DerivedTableState::NoTriggers);
        if (status(db).ready)
            return std::optional(DerivedTableState::Ready);
        return std::optional<DerivedTableState>();
    };
    rollups.build = [&db, &progress]() -> Result<bool> {
        if (Status s = rebuild(db, progress); !s)
            return s.error();
        return true;
    };
    return ensureDerivedTable(db, maxRowsToBuild, rollups);
}

}  // namespace atalaya::rollup
