#include "core/queue/QueueCountsStore.h"

#include "core/common/TimeUtil.h"
#include "core/logging/Logging.h"
#include "core/queue/QueueCountsLive.h"
#include "core/queue/QueueCountsSchema.h"
#include "core/queue/QueueCountsSets.h"
#include "core/queue/ReviewRulesSql.h"
#include "core/storage/ChunkedBuild.h"
#include "core/storage/Database.h"
#include "core/storage/LiveScan.h"
#include "core/storage/SqlUtil.h"
#include "core/storage/TelemetryTriggers.h"

#include <QSqlDriver>
#include <QSqlField>

namespace atalaya::queuecounts {
namespace {

QString table(const char *name)
{
    return QLatin1String(name);
}

Status buildTables(const Database &db, const ReviewRules &rules)
{
    const Dialect &d = db.dialect();
    const QString id = rulesId(rules);
    const SqlFragment code = priorityExpression(rules, d, SampleMode::Coded, {});
    const QString fill =
        QStringLiteral("INSERT INTO %1 (rules_id, hour_no, agent_id, prio, n) SELECT ?, h, a, c, COUNT(*) FROM"
                       " (SELECT %2 AS h, %3 AS a, %4 AS c FROM ai_telemetry WHERE human_feedback IS NULL)"
                       " pending WHERE c < 9 GROUP BY h, a, c")
            .arg(table(kHourTable), d.hourNumberOf(QStringLiteral("created_at")),
                 d.exactKey(QStringLiteral("agent_id")), code.sql);
    return inTransaction(db, [&]() -> Status {
        for (const char *t : {kHourTable, kTotalTable}) {
            if (Status s = execStatement(db, QStringLiteral("DELETE FROM %1 WHERE rules_id = ?").arg(table(t)), {id},
                                         QStringLiteral("clearing %1").arg(table(t)));
                !s)
                return s;
        }
        if (Status s = execStatement(db, fill, QVariantList{id} + code.values,
                                     QStringLiteral("counting the pending decisions"));
            !s)
            return s;
        if (Status s = execStatement(
                db,
                QStringLiteral("INSERT INTO %1 (rules_id, agent_id, prio, n) SELECT rules_id, agent_id, prio,"
                               " SUM(n) FROM %2 WHERE rules_id = ? GROUP BY rules_id, agent_id, prio")
                    .arg(table(kTotalTable), table(kHourTable)),
                {id}, QStringLiteral("summing the queue totals"));
            !s)
            return s;
        if (Status s = clearBuildState(db, id); !s)
            return s;
        return setState(db, id, kReadyState, QString::number(QDateTime::currentMSecsSinceEpoch()));
    });
}

QString journalOf(const QString &id)
{
    return QStringLiteral("queue:") + id;
}

// An unfinished build of a set: the cut id its triggers were created at and the last id its
// chunks read.
struct Pending {
    qint64 cut = 0;
    qint64 done = 0;
};

Result<std::optional<Pending>> pendingBuild(const Database &db, const QString &id)
{
    auto q = execQuery(
        db, QStringLiteral("SELECT name, value FROM %1 WHERE rules_id = ? AND name IN (?, ?)").arg(table(kStateTable)),
        {id, QLatin1String(kCutState), QLatin1String(kDoneState)},
        QStringLiteral("reading the queue counts build state"));
    if (!q)
        return q.error();
    std::optional<qint64> cut, done;
    while (q->next())
        (q->value(0).toString() == QLatin1String(kCutState) ? cut : done) = q->value(1).toLongLong();
    if (!cut || !done)
        return std::optional<Pending>();
    return std::optional(Pending{*cut, *done});
}

// A stopped build of `rules` that can go on: its triggers stayed (rows written without them
// would be in neither part) and its journal holds what it read.
Result<std::optional<Pending>> resumableBuild(const Database &db, const ReviewRules &rules)
{
    const QString id = rulesId(rules);
    auto st = readState(db, id);
    if (!st)
        return st.error();
    auto pending = pendingBuild(db, id);
    if (!pending)
        return pending.error();
    if (!*pending || st->rules != rulesKey(rules))
        return std::optional<Pending>();
    forgetTelemetryTriggers(db);
    auto exist = triggersExist(db, id);
    if (!exist)
        return exist.error();
    auto covered = *exist ? scanJournalCovers(db, journalOf(id), (*pending)->done) : Result<bool>(false);
    if (!covered)
        return covered.error();
    return *covered ? *pending : std::optional<Pending>();
}

// Clears the set's rows and (re)creates its triggers at a cut; false when the account may not
// create triggers.
Result<std::optional<qint64>> startOver(const Database &db, const ReviewRules &rules)
{
    const QString id = rulesId(rules);
    // Readers of these rules fall back to raw counts from here until the build completes;
    // other rule sets keep their rows and triggers.
    for (const char *name : {kReadyState, kRulesState}) {
        if (Status s = clearState(db, id, name); !s)
            return s.error();
    }
    if (Status s = clearBuildState(db, id); !s)
        return s.error();
    if (Status s = forgetScanJournal(db, journalOf(id)); !s)
        return s.error();
    if (Status s = dropOldestSets(db, id); !s)
        return s.error();
    if (Status s = dropTriggers(db, id); !s) {
        if (s.error().code != ErrorCode::Unavailable)
            return s.error();
        qCWarning(lcStorage) << "queue count triggers unavailable:" << s.error().message;
        return std::optional<qint64>();
    }
    // Without this set's triggers no other writer touches its rows: clearing them blocks nobody.
    for (const char *t : {kHourTable, kTotalTable}) {
        if (Status s = execStatement(db, QStringLiteral("DELETE FROM %1 WHERE rules_id = ?").arg(table(t)), {id},
                                     QStringLiteral("clearing %1").arg(table(t)));
            !s)
            return s.error();
    }
    CutState state;
    state.table = table(kStateTable);
    state.record = [&db, &id](qint64 cut) -> Status {
        if (Status s = setState(db, id, kDoneState, QStringLiteral("0")); !s)
            return s;
        return setState(db, id, kCutState, QString::number(cut));
    };
    auto cut = createTriggersAtCut(db, triggerStatements(db.dialect(), *db.connection().driver(), rules),
                                   QStringLiteral("creating the queue count triggers"), state);
    forgetTelemetryTriggers(db);
    if (!cut) {
        if (cut.error().code != ErrorCode::Unavailable)
            return cut.error();
        qCWarning(lcStorage) << "queue count triggers unavailable:" << cut.error().message;
        dropTriggers(db, id);
        return std::optional<qint64>();
    }
    // The bulk ingest reads the triggers' rules from here (QueueCountsBatch).
    if (Status s = setState(db, id, kRulesState, rulesKey(rules)); !s)
        return s.error();
    return std::optional(*cut);
}

}  // namespace

Result<bool> installedFor(const Database &db, const ReviewRules &rules)
{
    const QString id = rulesId(rules);
    auto st = readState(db, id);
    if (!st)
        return st.error();
    if (!st->builtAt || st->rules != rulesKey(rules))
        return false;
    return triggersExist(db, id);
}

Result<std::vector<ReviewRules>> triggerRuleSets(const Database &db)
{
    auto states = readStates(db);
    if (!states)
        return states.error();
    std::vector<ReviewRules> sets;
    for (const auto &[id, st] : *states) {
        if (!st.rules)
            continue;
        auto exist = triggersExist(db, id);
        if (!exist)
            return exist.error();
        if (*exist)
            sets.push_back(ReviewRules::fromSettingsJson(st.rules->toUtf8()));
    }
    return sets;
}

Result<std::unique_ptr<LiveQueueCountsPart>> startLiveBuild(const Database &db, const ReviewRules &rules)
{
    const QString id = rulesId(rules);
    auto resumable = resumableBuild(db, rules);
    if (!resumable)
        return resumable.error();
    Pending build;
    if (*resumable) {
        build = **resumable;
    } else {
        auto cut = startOver(db, rules);
        if (!cut)
            return cut.error();
        if (!*cut)
            return std::unique_ptr<LiveQueueCountsPart>();
        build.cut = **cut;
    }
    LiveScanPart part;
    part.what = QStringLiteral("queue counts");
    part.journal = journalOf(id);
    part.cut = build.cut;
    part.done = build.done;
    part.recordDone = [&db, id](qint64 done) { return setState(db, id, kDoneState, QString::number(done)); };
    return std::make_unique<LiveQueueCountsPart>(db, rules, std::move(part));
}

Status finishLiveBuild(const Database &db, const ReviewRules &rules)
{
    const QString id = rulesId(rules);
    return inTransaction(db, [&]() -> Status {
        if (Status s = clearBuildState(db, id); !s)
            return s;
        return setState(db, id, kReadyState, QString::number(QDateTime::currentMSecsSinceEpoch()));
    });
}

Result<bool> rebuild(const Database &db, const ReviewRules &rules, const ProgressFn &progress)
{
    auto build = startLiveBuild(db, rules);
    if (!build)
        return build.error();
    if (!*build)
        return false;
    if (Status s = runLiveScan(db, {&(*build)->part()}, progress); !s)
        return s.error();
    if (Status s = finishLiveBuild(db, rules); !s)
        return s.error();
    return true;
}

Result<QStringList> installSql(const Database &db, const ReviewRules &rules)
{
    const QString id = rulesId(rules);
    // Before the migrations ran there is nothing to ask: everything is to be created.
    if (tableNames(db).contains(table(kStateTable))) {
        auto st = readState(db, id);
        if (!st)
            return st.error();
        auto exist = triggersExist(db, id);
        if (!exist)
            return exist.error();
        if (*exist && st->rules == rulesKey(rules))
            return QStringList();
    }
    const QSqlDriver &driver = *db.connection().driver();
    QStringList sql;
    for (const QString &name : triggerNames(id))
        sql << QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(name);
    sql << triggerStatements(db.dialect(), driver, rules);
    QSqlField value(QStringLiteral("value"), QMetaType(QMetaType::QString));
    value.setValue(rulesKey(rules));
    sql << QStringLiteral("DELETE FROM %1 WHERE rules_id = '%2'").arg(table(kStateTable), id)
        << QStringLiteral("INSERT INTO %1 (rules_id, name, value) VALUES ('%2', '%3', %4)")
               .arg(table(kStateTable), id, QLatin1String(kRulesState), driver.formatValue(value));
    return sql;
}

Result<EnsureReport> ensure(const Database &db, const ReviewRules &rules, qint64 maxRowsToBuild)
{
    DerivedTableLifecycle counts;
    // Once its triggers were created, a set is ready while they exist and needs a rebuild
    // after one was dropped.
    counts.settled = [&db, &rules, maxRowsToBuild]() -> Result<std::optional<DerivedTableState>> {
        const QString id = rulesId(rules);
        auto st = readState(db, id);
        if (!st)
            return st.error();
        if (!st->rules)
            return std::optional<DerivedTableState>();
        auto exist = triggersExist(db, id);
        if (!exist)
            return exist.error();
        if (st->builtAt && *exist)
            return std::optional(DerivedTableState::Ready);
        // Triggers a DBA created from `init --print-sql`: the rows need no privilege beyond
        // writing, so an account without TRIGGER builds them here.
        if (*exist && *st->rules == rulesKey(rules)) {
            auto small = telemetryHasAtMost(db, maxRowsToBuild);
            if (!small)
                return small.error();
            if (*small) {
                if (Status s = buildTables(db, rules); !s)
                    return s.error();
                return std::optional(DerivedTableState::Ready);
            }
        }
        return std::optional(DerivedTableState::NeedsRebuild);
    };
    counts.build = [&db, &rules] { return rebuild(db, rules); };
    return ensureDerivedTable(db, maxRowsToBuild, counts);
}

}  // namespace atalaya::queuecounts
