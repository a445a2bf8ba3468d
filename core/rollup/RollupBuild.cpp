#include "core/rollup/RollupBuild.h"

#include "core/rollup/RollupLiveBuild.h"
#include "core/rollup/RollupSchema.h"
#include "core/storage/ChunkedBuild.h"
#include "core/storage/Database.h"
#include "core/storage/LiveScan.h"
#include "core/storage/SqlUtil.h"
#include "core/storage/TelemetryTriggers.h"

#include <optional>

namespace atalaya::rollup {
namespace {

// State rows of an unfinished build: the cut id its triggers were created at, and the last id
// its chunks added.
constexpr char kCutState[] = "build_cut";
constexpr char kDoneState[] = "build_done";
constexpr char kJournal[] = "rollups";

struct Pending {
    qint64 cut = 0;
    qint64 done = 0;
};

Result<std::optional<Pending>> pendingBuild(const Database &db)
{
    auto q = execQuery(
        db, QStringLiteral("SELECT name, value FROM %1 WHERE name IN (?, ?)").arg(QLatin1String(kStateTable)),
        {QLatin1String(kCutState), QLatin1String(kDoneState)}, QStringLiteral("reading the rollup build state"));
    if (!q)
        return q.error();
    std::optional<qint64> cut, done;
    while (q->next())
        (q->value(0).toString() == QLatin1String(kCutState) ? cut : done) = q->value(1).toLongLong();
    if (!cut || !done)
        return std::optional<Pending>();
    return std::optional(Pending{*cut, *done});
}

Status setState(const Database &db, const QString &name, qint64 value)
{
    return execStatement(db,
                         QStringLiteral("INSERT INTO %1 (name, value) VALUES (?, ?)%2")
                             .arg(QLatin1String(kStateTable),
                                  db.dialect().upsertAdd({QStringLiteral("name")}, {}, {QStringLiteral("value")})),
                         {name, value}, QStringLiteral("recording the rollup state"));
}

// MySQL's TRUNCATE drops and recreates the table instead of deleting its ~300 k rows one by one
// (seconds); it needs the DROP privilege, without which the rows are deleted.
Status clearTable(const Database &db, const QString &table)
{
    const QString what = QStringLiteral("clearing the rollups");
    if (db.dialect().isMySql()) {
        const Status truncated = execStatement(db, QStringLiteral("TRUNCATE TABLE %1").arg(table), {}, what);
        if (truncated || !isPermissionDenied(truncated.error()))
            return truncated;
    }
    return execStatement(db, QStringLiteral("DELETE FROM %1").arg(table), {}, what);
}

// Clears both levels and creates the triggers at a cut: from here on they count every new row.
Result<qint64> startOver(const Database &db)
{
    if (Status s = setState(db, QStringLiteral("ready"), 0); !s)
        return s.error();
    if (Status s = forgetUnfinishedBuild(db); !s)
        return s.error();
    if (Status s = forgetScanJournal(db, QLatin1String(kJournal)); !s)
        return s.error();
    auto existing = triggersOnTelemetry(db);
    if (!existing)
        return existing.error();
    forgetTelemetryTriggers(db);
    // Without triggers no other writer touches the rollup rows: clearing them blocks nobody.
    for (const QString &name : obsoleteTriggerNames() + triggerNames()) {
        if (!existing->contains(name, Qt::CaseInsensitive))
            continue;
        if (Status s = execStatement(db, QStringLiteral("DROP TRIGGER %1").arg(name), {},
                                     QStringLiteral("dropping trigger %1").arg(name));
            !s)
            return s.error();
    }
    for (const char *table : {kHourTable, kDayTable}) {
        if (Status s = clearTable(db, QLatin1String(table)); !s)
            return s.error();
    }
    CutState state;
    state.table = QLatin1String(kStateTable);
    state.record = [&db](qint64 cut) -> Status {
        if (Status s = setState(db, QLatin1String(kDoneState), 0); !s)
            return s;
        return setState(db, QLatin1String(kCutState), cut);
    };
    auto cut =
        createTriggersAtCut(db, triggerStatements(db.dialect()), QStringLiteral("creating the rollup triggers"), state);
    forgetTelemetryTriggers(db);
    return cut;
}

// Without a cut: both levels cleared and filled in one transaction while the triggers go on
// (writers wait on its locks and apply on top). Only for an account that may not recreate the
// triggers, on a table small enough for a plain `init` to build.
Status buildAtOnce(const Database &db)
{
    const Dialect &d = db.dialect();
    QStringList sums;
    for (const QString &e : counterExpressions(d, QString()))
        sums << QStringLiteral("SUM(%1)").arg(e);
    const QString hour = d.hourNumberOf(QStringLiteral("created_at"));
    const QString hours =
        QStringLiteral("INSERT INTO %1 (hour_no, agent_id, task_type, day_no, %2, lat_version, lat_built)"
                       " SELECT %3, %6, %7, MIN(%4), %5, 0, -1 FROM ai_telemetry GROUP BY %3, %6, %7")
            .arg(QLatin1String(kHourTable), counterColumns().join(QStringLiteral(", ")), hour,
                 d.dayNumberOf(QStringLiteral("created_at")), sums.join(QStringLiteral(", ")),
                 d.exactKey(QStringLiteral("agent_id")), d.exactKey(QStringLiteral("task_type")));
    QStringList daySums;
    for (const QString &c : counterColumns())
        daySums << QStringLiteral("SUM(%1)").arg(c);
    const QString days =
        QStringLiteral(
            "INSERT INTO %1 (day_no, agent_id, task_type, %2, lat_version, lat_built, cal_version, cal_built)"
            " SELECT day_no, agent_id, task_type, %3, 0, -1, 0, -1 FROM %4 GROUP BY day_no, agent_id, task_type")
            .arg(QLatin1String(kDayTable), counterColumns().join(QStringLiteral(", ")),
                 daySums.join(QStringLiteral(", ")), QLatin1String(kHourTable));
    return inTransaction(db, [&]() -> Status {
        for (const char *table : {kHourTable, kDayTable}) {
            if (Status s = execStatement(db, QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)), {},
                                         QStringLiteral("clearing the rollups"));
                !s)
                return s;
        }
        if (Status s = execStatement(db, hours, {}, QStringLiteral("building the rollups")); !s)
            return s;
        if (Status s = execStatement(db, days, {}, QStringLiteral("building the day rollups")); !s)
            return s;
        if (Status s = forgetUnfinishedBuild(db); !s)
            return s;
        return setState(db, QStringLiteral("ready"), 1);
    });
}

}  // namespace

Status forgetUnfinishedBuild(const Database &db)
{
    return execStatement(db, QStringLiteral("DELETE FROM %1 WHERE name IN (?, ?)").arg(QLatin1String(kStateTable)),
                         {QLatin1String(kCutState), QLatin1String(kDoneState)},
                         QStringLiteral("clearing the rollup build state"));
}

Result<std::unique_ptr<LiveRollupPart>> startCounterBuild(const Database &db)
{
    auto pending = pendingBuild(db);
    if (!pending)
        return pending.error();
    forgetTelemetryTriggers(db);
    auto triggers = telemetryTriggersExist(db, triggerNames());
    if (!triggers)
        return triggers.error();
    // A build goes on only while its triggers stayed (rows written without them are in neither
    // part) and its journal holds what its chunks read.
    auto covered =
        *pending && *triggers ? scanJournalCovers(db, QLatin1String(kJournal), (*pending)->done) : Result<bool>(false);
    if (!covered)
        return covered.error();
    Pending build;
    if (*covered) {
        build = **pending;
    } else {
        auto fresh = startOver(db);
        // Triggers a DBA created (`init --print-sql`) for an account that may not drop them.
        if (!fresh && *triggers && isPermissionDenied(fresh.error())) {
            if (Status s = buildAtOnce(db); !s)
                return s.error();
            return std::unique_ptr<LiveRollupPart>();
        }
        if (!fresh && isPermissionDenied(fresh.error()))
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("this account may not create triggers on ai_telemetry, so the rollups "
                                            "cannot be kept in step; grant TRIGGER or run init as an account that "
                                            "has it (%1)")
                                 .arg(fresh.error().message));
        if (!fresh)
            return fresh.error();
        build.cut = *fresh;
    }
    LiveScanPart part;
    part.what = QStringLiteral("rollup counters");
    part.journal = QLatin1String(kJournal);
    part.cut = build.cut;
    part.done = build.done;
    part.recordDone = [&db](qint64 done) { return setState(db, QLatin1String(kDoneState), done); };
    return std::make_unique<LiveRollupPart>(db, std::move(part));
}

Status finishCounterBuild(const Database &db)
{
    return inTransaction(db, [&]() -> Status {
        if (Status s = forgetUnfinishedBuild(db); !s)
            return s;
        return setState(db, QStringLiteral("ready"), 1);
    });
}

Status buildCounters(const Database &db, const ProgressFn &progress)
{
    auto build = startCounterBuild(db);
    if (!build)
        return build.error();
    if (!*build)
        return {};
    if (Status s = runLiveScan(db, {&(*build)->part()}, progress); !s)
        return s;
    return finishCounterBuild(db);
}

}  // namespace atalaya::rollup
