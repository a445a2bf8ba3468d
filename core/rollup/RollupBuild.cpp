#include "core/rollup/RollupBuild.h"

#include "core/rollup/RollupSchema.h"
#include "core/storage/ChunkedBuild.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"
#include "core/storage/TelemetryTriggers.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace atalaya::rollup {
namespace {

// State rows of an unfinished build: the cut id its triggers were created at, and the last id
// its chunks added.
constexpr char kCutState[] = "build_cut";
constexpr char kDoneState[] = "build_done";

struct Pending {
    qint64 cut = 0;
    qint64 done = 0;
};

Status setState(const Database &db, const QString &name, qint64 value)
{
    return execStatement(db,
                         QStringLiteral("INSERT INTO %1 (name, value) VALUES (?, ?)%2")
                             .arg(QLatin1String(kStateTable),
                                  db.dialect().upsertAdd({QStringLiteral("name")}, {}, {QStringLiteral("value")})),
                         {name, value}, QStringLiteral("recording the rollup state"));
}

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

// Clears both levels and creates the triggers at a cut: from here on they count every new row.
Result<Pending> startOver(const Database &db)
{
    if (Status s = setState(db, QStringLiteral("ready"), 0); !s)
        return s.error();
    if (Status s = forgetUnfinishedBuild(db); !s)
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
        if (Status s = execStatement(db, QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)), {},
                                     QStringLiteral("clearing the rollups"));
            !s)
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
    if (!cut)
        return cut.error();
    return Pending{*cut, 0};
}

// One upsert of the rows from < id <= to into the hour level, grouped by its key; an existing
// row (an earlier chunk's, or the triggers') gets the sums added and its sections marked stale.
QString hourChunkSql(const Dialect &d)
{
    QStringList columns{QStringLiteral("hour_no"), QStringLiteral("agent_id"), QStringLiteral("task_type")};
    const QStringList key = columns;
    QStringList values{d.hourNumberOf(QStringLiteral("created_at")), d.exactKey(QStringLiteral("agent_id")),
                       d.exactKey(QStringLiteral("task_type"))};
    const QStringList groupBy = values;
    columns << QStringLiteral("day_no") << counterColumns() << QStringLiteral("lat_version")
            << QStringLiteral("lat_built") << QStringLiteral("cal_version") << QStringLiteral("cal_built");
    values << QStringLiteral("MIN(%1)").arg(d.dayNumberOf(QStringLiteral("created_at")));
    for (const QString &e : counterExpressions(d, QString()))
        values << QStringLiteral("SUM(%1)").arg(e);
    values << QStringLiteral("0") << QStringLiteral("-1") << QStringLiteral("0") << QStringLiteral("-1");
    return QStringLiteral(
               "INSERT INTO %1 (%2) SELECT %3 FROM ai_telemetry WHERE id > ? AND id <= ? GROUP BY %4%5,"
               " lat_version = lat_version + 1, cal_version = cal_version + 1, ver_version = ver_version + 1")
        .arg(QLatin1String(kHourTable), columns.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")),
             groupBy.join(QStringLiteral(", ")), d.upsertAdd(key, counterColumns()));
}

// Every day row set to the sum of its hours, a week at a time. The hours hold every row
// once (the chunks' up to the cut, the triggers' after it); the statement reads them with
// shared locks, so a trigger's hour-and-day update lands either wholly before the sum or on
// top of it. Idempotent: a resumed build simply does it again.
Status daysFromHours(const Database &db, const ProgressFn &progress)
{
    // Each day's hours: [day × 24, day × 24 + 24) for a time after 1970, but the conversions
    // truncate toward zero before it, so the range is widened to the hours actually found.
    struct Day {
        qint64 day, firstHour, lastHour;
    };
    auto q =
        execQuery(db,
                  QStringLiteral("SELECT day_no, MIN(hour_no), MAX(hour_no) FROM %1 GROUP BY day_no ORDER BY day_no")
                      .arg(QLatin1String(kHourTable)),
                  {}, QStringLiteral("reading the days of the hour rollups"));
    if (!q)
        return q.error();
    std::vector<Day> days;
    while (q->next()) {
        const qint64 day = q->value(0).toLongLong();
        const bool noTime = day == kNoTimeSlot;
        days.push_back({day, std::min(q->value(1).toLongLong(), noTime ? kNoTimeSlot : day * 24),
                        std::max(q->value(2).toLongLong(), noTime ? kNoTimeSlot : day * 24 + 23)});
    }
    q->finish();
    QStringList sums;
    for (const QString &c : counterColumns())
        sums << QStringLiteral("SUM(%1)").arg(c);
    const QString columns = counterColumns().join(QStringLiteral(", "));
    const QString sql =
        QStringLiteral(
            "INSERT INTO %1 (day_no, agent_id, task_type, %2, lat_version, lat_built, cal_version, cal_built)"
            " SELECT day_no, agent_id, task_type, %3, 0, -1, 0, -1 FROM %4 WHERE hour_no >= ? AND hour_no <= ?"
            " AND day_no >= ? AND day_no <= ?"
            " GROUP BY day_no, agent_id, task_type%5, lat_version = lat_version + 1,"
            " cal_version = cal_version + 1, ver_version = ver_version + 1")
            .arg(QLatin1String(kDayTable), columns, sums.join(QStringLiteral(", ")), QLatin1String(kHourTable),
                 db.dialect().upsertAdd(
                     {QStringLiteral("day_no"), QStringLiteral("agent_id"), QStringLiteral("task_type")}, {},
                     counterColumns()));
    constexpr size_t kDaysAtOnce = 7;
    for (size_t i = 0; i < days.size();) {
        // Rows without a readable time have a slot of their own in both levels.
        const size_t end = days[i].day == kNoTimeSlot ? i + 1 : std::min(days.size(), i + kDaysAtOnce);
        qint64 firstHour = days[i].firstHour;
        qint64 lastHour = days[i].lastHour;
        for (size_t k = i; k < end; ++k) {
            firstHour = std::min(firstHour, days[k].firstHour);
            lastHour = std::max(lastHour, days[k].lastHour);
        }
        const QVariantList range{firstHour, lastHour, days[i].day, days[end - 1].day};
        if (Status s = inTransaction(
                db, [&] { return execStatement(db, sql, range, QStringLiteral("building the day rollups")); });
            !s)
            return s;
        if (progress && (end / kDaysAtOnce % 5 == 0 || end == days.size()))
            progress(QStringLiteral("rollup days: %1 of %2").arg(end).arg(days.size()), int(end * 100 / days.size()));
        i = end;
    }
    return {};
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

Status buildCounters(const Database &db, const ProgressFn &progress)
{
    auto pending = pendingBuild(db);
    if (!pending)
        return pending.error();
    forgetTelemetryTriggers(db);
    auto triggers = telemetryTriggersExist(db, triggerNames());
    if (!triggers)
        return triggers.error();
    // A build continues only while its triggers stayed: rows written without them are in
    // neither part.
    Pending build;
    if (*pending && *triggers) {
        build = **pending;
    } else {
        auto fresh = startOver(db);
        // Triggers a DBA created (`init --print-sql`) for an account that may not drop them.
        if (!fresh && *triggers && isPermissionDenied(fresh.error()))
            return buildAtOnce(db);
        if (!fresh)
            return fresh.error();
        build = *fresh;
    }
    const QString hours = hourChunkSql(db.dialect());
    ChunkedBuild chunks;
    chunks.what = QStringLiteral("rollup counters");
    chunks.addRows = [&](qint64 from, qint64 to) {
        return execStatement(db, hours, {from, to}, QStringLiteral("building the hour rollups"));
    };
    chunks.recordDone = [&](qint64 done) { return setState(db, QLatin1String(kDoneState), done); };
    if (Status s = runChunks(db, build.done, build.cut, chunks, progress); !s)
        return s;
    if (Status s = daysFromHours(db, progress); !s)
        return s;
    return inTransaction(db, [&]() -> Status {
        if (Status s = forgetUnfinishedBuild(db); !s)
            return s;
        return setState(db, QStringLiteral("ready"), 1);
    });
}

}  // namespace atalaya::rollup
