#include "core/queue/QueueCountsSchema.h"

#include "core/queue/ReviewRulesSql.h"
#include "core/storage/ChunkedBuild.h"
#include "core/storage/TelemetryTriggers.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace atalaya::queuecounts {
namespace {

// One upsert adding `delta` pending decisions of code `code` (an SQL expression) for `row` to
// the rows of rule set `id` (hex digits only, written in as a literal).
QStringList upserts(const Dialect &d, const QString &id, const QString &row, const QString &code, int delta)
{
    const QString hour = d.hourNumberOf(row + QStringLiteral("created_at"));
    const QString agent = row + QStringLiteral("agent_id");
    const QString set = QLatin1Char('\'') + id + QLatin1Char('\'');
    const QString add = d.upsertAdd(
        {QStringLiteral("rules_id"), QStringLiteral("hour_no"), QStringLiteral("agent_id"), QStringLiteral("prio")},
        {QStringLiteral("n")});
    const QString addTotal = d.upsertAdd(
        {QStringLiteral("rules_id"), QStringLiteral("agent_id"), QStringLiteral("prio")}, {QStringLiteral("n")});
    if (d.isMySql())
        return {QStringLiteral("INSERT INTO %1 (rules_id, hour_no, agent_id, prio, n) VALUES (%2, %3, %4, %5, %6)%7")
                    .arg(QLatin1String(kHourTable), set, hour, agent, code)
                    .arg(delta)
                    .arg(add),
                QStringLiteral("INSERT INTO %1 (rules_id, agent_id, prio, n) VALUES (%2, %3, %4, %5)%6")
                    .arg(QLatin1String(kTotalTable), set, agent, code)
                    .arg(delta)
                    .arg(addTotal)};
    // SQLite has no trigger variables: the code is computed in a one-row subquery, and its
    // WHERE (which an upsert after a SELECT needs anyway) skips decisions no rule queues.
    const QString pending = QStringLiteral("%1human_feedback IS NULL AND c < 9").arg(row);
    return {QStringLiteral(
                "INSERT INTO %1 (rules_id, hour_no, agent_id, prio, n) SELECT %2, %3, %4, c, %5 FROM (SELECT %6 AS c)"
                " WHERE %7%8")
                .arg(QLatin1String(kHourTable), set, hour, agent)
                .arg(delta)
                .arg(code, pending, add),
            QStringLiteral(
                "INSERT INTO %1 (rules_id, agent_id, prio, n) SELECT %2, %3, c, %4 FROM (SELECT %5 AS c) WHERE %6%7")
                .arg(QLatin1String(kTotalTable), set, agent)
                .arg(delta)
                .arg(code, pending, addTotal)};
}

QString mysqlBlock(const Dialect &d, const QString &id, const QString &row, const QString &code, int delta,
                   const QString &extraCondition)
{
    return QStringLiteral("IF %1%2human_feedback IS NULL THEN SET c = %3; IF c < 9 THEN %4; END IF; END IF")
        .arg(extraCondition, row, code, upserts(d, id, row, QStringLiteral("c"), delta).join(QStringLiteral("; ")));
}

}  // namespace

std::vector<Migration> migrations()
{
    return {
        {31, QStringLiteral("queue_counts"), migrationStatements},
        {32, QStringLiteral("queue_counts_per_rules"), perRuleSetMigrationStatements},
    };
}

QStringList migrationStatements(const Dialect &d)
{
    const QString agent = d.exactTextType(100);
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (hour_no BIGINT NOT NULL, agent_id %2 NOT NULL,"
                       " prio SMALLINT NOT NULL, n BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (hour_no, agent_id, prio))%3")
            .arg(QLatin1String(kHourTable), agent, d.tableSuffix()),
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (agent_id %2 NOT NULL, prio SMALLINT NOT NULL,"
                       " n BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (agent_id, prio))%3")
            .arg(QLatin1String(kTotalTable), agent, d.tableSuffix()),
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (name VARCHAR(50) NOT NULL PRIMARY KEY, value TEXT NOT NULL)%2")
            .arg(QLatin1String(kStateTable), d.tableSuffix()),
    };
}

QStringList perRuleSetMigrationStatements(const Dialect &d)
{
    const QString agent = d.exactTextType(100);
    const QString id = QStringLiteral("CHAR(16)");
    return {
        QStringLiteral("DROP TRIGGER IF EXISTS atalaya_queue_ai"),
        QStringLiteral("DROP TRIGGER IF EXISTS atalaya_queue_au"),
        QStringLiteral("DROP TRIGGER IF EXISTS atalaya_queue_ad"),
        QStringLiteral("DROP TABLE IF EXISTS %1").arg(QLatin1String(kHourTable)),
        QStringLiteral("DROP TABLE IF EXISTS %1").arg(QLatin1String(kTotalTable)),
        QStringLiteral("DROP TABLE IF EXISTS %1").arg(QLatin1String(kStateTable)),
        QStringLiteral(
            "CREATE TABLE %1 (rules_id %2 NOT NULL, hour_no BIGINT NOT NULL, agent_id %3 NOT NULL,"
            " prio SMALLINT NOT NULL, n BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (rules_id, hour_no, agent_id, prio))%4")
            .arg(QLatin1String(kHourTable), id, agent, d.tableSuffix()),
        QStringLiteral("CREATE TABLE %1 (rules_id %2 NOT NULL, agent_id %3 NOT NULL, prio SMALLINT NOT NULL,"
                       " n BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (rules_id, agent_id, prio))%4")
            .arg(QLatin1String(kTotalTable), id, agent, d.tableSuffix()),
        QStringLiteral("CREATE TABLE %1 (rules_id %2 NOT NULL, name VARCHAR(50) NOT NULL, value TEXT NOT NULL,"
                       " PRIMARY KEY (rules_id, name))%3")
            .arg(QLatin1String(kStateTable), id, d.tableSuffix()),
    };
}

QString rulesKey(const ReviewRules &rules)
{
    // Only what decides the pending queue: the second-review settings change no count, and
    // counts kept before they existed stay valid.
    QJsonObject json = rules.toJson();
    json.remove(QStringLiteral("second_review"));
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

// Bumped when the trigger SQL changes for the same rules (4: the UPDATE and DELETE triggers
// leave alone the rows a running build has still to add; 3: a created_at that is not a time
// goes to kNoTimeSlot instead of failing the writer's INSERT; an out-of-range confidence has
// its own reason), so that sets built by older triggers are rebuilt, not reused.
constexpr char kTriggerGeneration[] = "4:";

QString rulesIdOfKey(const QString &key)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray(kTriggerGeneration) + key.toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(16));
}

QString rulesId(const ReviewRules &rules)
{
    return rulesIdOfKey(rulesKey(rules));
}

QStringList triggerNames(const QString &rulesId)
{
    return {QStringLiteral("atalaya_queue_ai_") + rulesId, QStringLiteral("atalaya_queue_au_") + rulesId,
            QStringLiteral("atalaya_queue_ad_") + rulesId};
}

QStringList triggerStatements(const Dialect &d, const QSqlDriver &driver, const ReviewRules &rules)
{
    const QString id = rulesId(rules);
    const QString newCode =
        inlineValues(priorityExpression(rules, d, SampleMode::Coded, QStringLiteral("NEW.")), driver);
    const QString oldCode =
        inlineValues(priorityExpression(rules, d, SampleMode::Coded, QStringLiteral("OLD.")), driver);
    const QStringList names = triggerNames(id);
    // A row up to the cut is the build's until its scan's snapshot is taken (build_done moves then).
    const QString reached = awaitsNoChunk(d, QLatin1String(kStateTable), QStringLiteral("rules_id = '%1'").arg(id),
                                          true, QStringLiteral("OLD.id"));
    if (d.isMySql()) {
        // The app's bulk ingest adds its rows' counts itself (QueueCountsBatch), like the rollups.
        const QString byTrigger = QStringLiteral("%1 IS NULL AND ").arg(QLatin1String(kAppMaintainsVariable));
        auto block = [&d, &id](const QString &row, const QString &code, int delta, const QString &extra) {
            return mysqlBlock(d, id, row, code, delta, extra);
        };
        auto trigger = [](const QString &name, const QString &event, const QStringList &blocks) {
            return QStringLiteral(
                       "CREATE TRIGGER %1 AFTER %2 ON ai_telemetry FOR EACH ROW BEGIN DECLARE c INT; %3; END")
                .arg(name, event, blocks.join(QStringLiteral("; ")));
        };
        return {trigger(names[0], QStringLiteral("INSERT"), {block(QStringLiteral("NEW."), newCode, 1, byTrigger)}),
                trigger(names[1], QStringLiteral("UPDATE"),
                        {QStringLiteral("IF %1 THEN %2; %3; END IF")
                             .arg(reached, block(QStringLiteral("OLD."), oldCode, -1, {}),
                                  block(QStringLiteral("NEW."), newCode, 1, {}))}),
                trigger(names[2], QStringLiteral("DELETE"),
                        {QStringLiteral("IF %1 THEN %2; END IF")
                             .arg(reached, block(QStringLiteral("OLD."), oldCode, -1, {}))})};
    }
    auto trigger = [](const QString &name, const QString &event, const QStringList &statements,
                      const QString &guard = {}) {
        return QStringLiteral("CREATE TRIGGER %1 AFTER %2 ON ai_telemetry%4 BEGIN %3; END")
            .arg(name, event, statements.join(QStringLiteral("; ")),
                 guard.isEmpty() ? QString() : QStringLiteral(" WHEN ") + guard);
    };
    const QStringList added = upserts(d, id, QStringLiteral("NEW."), newCode, 1);
    const QStringList removed = upserts(d, id, QStringLiteral("OLD."), oldCode, -1);
    return {trigger(names[0], QStringLiteral("INSERT"), added),
            trigger(names[1], QStringLiteral("UPDATE"), removed + added, reached),
            trigger(names[2], QStringLiteral("DELETE"), removed, reached)};
}

}  // namespace atalaya::queuecounts
