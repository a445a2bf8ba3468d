#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"
#include "app/cli/RulesOption.h"

#include "core/common/TimeUtil.h"
#include "core/chat/ChatHistory.h"
#include "core/setup/DemoLoader.h"
#include "core/storage/Database.h"
#include "core/setup/SchemaInstaller.h"
#include "core/storage/SqlUtil.h"

#include <QJsonArray>
#include <QTextStream>

namespace atalaya::cli {
namespace {

int runInit(CliContext &ctx)
{
    ctx.parser().addOption({QStringLiteral("add-indexes"),
                            QStringLiteral("Also add Atalaya's covering index to ai_telemetry (faster "
                                           "dashboards on large tables; takes a while).")});
    ctx.parser().addOption({QStringLiteral("rebuild-rollups"),
                            QStringLiteral("Rebuild Atalaya's rollup tables from ai_telemetry (needed once for a "
                                           "large existing table). Runs in short chunks while other applications "
                                           "keep writing, with progress on stderr; run it again after an "
                                           "interruption and it continues where it stopped.")});
    addRulesOption(ctx, QStringLiteral("the queue counts table is kept for"));
    ctx.parser().addOption({QStringLiteral("print-sql"),
                            QStringLiteral("Change nothing: write the SQL init would run (tables, migrations, "
                                           "triggers) to stdout, for a DBA to review and apply.")});
    if (!ctx.parse(QStringLiteral("Create the missing tables and run Atalaya's migrations (idempotent).")))
        return ctx.exitCode();
    DatabaseOptions dbOptions;
    // A rebuild's sections read a day of rows at a time: more than the default read timeout.
    if (ctx.parser().isSet(QStringLiteral("rebuild-rollups")))
        dbOptions.readTimeoutSeconds = 3600;
    auto db = ctx.database(dbOptions);
    if (!db)
        return ctx.fail(db.error());
    InitOptions options;
    options.addIndexes = ctx.parser().isSet(QStringLiteral("add-indexes"));
    options.rebuildRollups = ctx.parser().isSet(QStringLiteral("rebuild-rollups"));
    // Only the explicit rebuild talks: a plain init's small build stays quiet, as scripts expect.
    if (options.rebuildRollups)
        options.progress = [](const QString &step, int) { QTextStream(stderr) << step << '\n'; };
    auto rules = activeRules(ctx);
    if (!rules)
        return ctx.fail(rules.error());
    options.queueRules = *rules;
    if (ctx.parser().isSet(QStringLiteral("print-sql"))) {
        auto sql = schemaSql(**db, options);
        if (!sql)
            return ctx.fail(sql.error());
        QTextStream(stdout) << sqlScript(**db, *sql);
        return 0;
    }
    auto report = initialize(**db, options);
    if (!report && isPermissionDenied(report.error()))
        return ctx.fail(makeError(report.error().code,
                                  report.error().message
                                      + QStringLiteral("; or have a DBA apply the SQL that `atalaya-cli init "
                                                       "--print-sql` writes, then run init with this account")));
    if (!report)
        return ctx.fail(report.error());
    if (report->rollups == QLatin1String("no_triggers") || report->queueCounts == QLatin1String("no_triggers"))
        ctx.warn(QStringLiteral("this account lacks the TRIGGER privilege on ai_telemetry, so Atalaya's rollups and "
                                "queue counts are not kept: every figure stays exact but is read from the raw rows, "
                                "which is slow on large tables; grant TRIGGER and run init again, or have a DBA "
                                "apply `atalaya-cli init --print-sql`"));
    if (report->auditLog == QLatin1String("no_triggers"))
        ctx.warn(QStringLiteral("this account lacks the TRIGGER privilege, so the audit log is not protected by the "
                                "database: an UPDATE or DELETE on atalaya_feedback_audit is not refused (the hash "
                                "chain still shows it to `audit verify`); grant TRIGGER and run init again, or have a "
                                "DBA apply `atalaya-cli init --print-sql`"));
    return ctx.print({{QStringLiteral("schema_version"), report->schemaVersion},
                      {QStringLiteral("created"), QJsonArray::fromStringList(report->created)},
                      {QStringLiteral("migrated"), QJsonArray::fromStringList(report->migrated)},
                      {QStringLiteral("rollups"), report->rollups},
                      {QStringLiteral("queue_counts"), report->queueCounts},
                      {QStringLiteral("audit_log"), report->auditLog},
                      {QStringLiteral("audit_rows_chained"), report->auditRowsChained}});
}

int runDemo(CliContext &ctx)
{
    ctx.parser().addOption(
        {QStringLiteral("decisions"), QStringLiteral("Number of decisions (default 20000)."), QStringLiteral("n")});
    ctx.parser().addOption(
        {QStringLiteral("days"), QStringLiteral("Spread over the last D days (default 60)."), QStringLiteral("d")});
    ctx.parser().addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 42)."), QStringLiteral("s")});
    ctx.parser().addOption({QStringLiteral("now"),
                            QStringLiteral("Pretend the current time is this ISO 8601 UTC time (reproducible data)."),
                            QStringLiteral("time")});
    if (!ctx.parse(QStringLiteral("Fill the database with realistic, deterministic demo data.")))
        return ctx.exitCode();
    auto decisions = ctx.intOption(QStringLiteral("decisions"), 20000, 0, 50000000);
    if (!decisions)
        return ctx.fail(decisions.error());
    auto days = ctx.intOption(QStringLiteral("days"), 60, 1, 3650);
    if (!days)
        return ctx.fail(days.error());
    auto seed = ctx.intOption(QStringLiteral("seed"), 42, 0, std::numeric_limits<int>::max());
    if (!seed)
        return ctx.fail(seed.error());
    DemoOptions options;
    options.decisions = *decisions;
    options.days = *days;
    options.seed = static_cast<quint64>(*seed);
    if (ctx.parser().isSet(QStringLiteral("now"))) {
        options.now = parseIsoUtc(ctx.parser().value(QStringLiteral("now")));
        if (!options.now.isValid())
            return ctx.usageError(QStringLiteral("--now must be an ISO 8601 time such as 2026-11-01T12:00:00Z"));
    }
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto init = initialize(**db);
    if (!init)
        return ctx.fail(init.error());
    auto report = loadDemoData(*db, options);
    if (!report)
        return ctx.fail(report.error());
    // The chat backend's tables (docs/DATA.md, optional), so the chat page has history to show.
    auto chat = loadChatDemoHistory(**db, 400, std::min(*days, 14), static_cast<quint32>(*seed));
    if (!chat)
        return ctx.fail(chat.error());
    return ctx.print({{QStringLiteral("decisions"), report->decisions},
                      {QStringLiteral("chat_conversations"), chat->conversations},
                      {QStringLiteral("with_feedback"), report->withFeedback},
                      {QStringLiteral("audit_rows"), report->auditRows},
                      {QStringLiteral("second_reviews"), report->secondReviews},
                      {QStringLiteral("adjudicated"), report->adjudicated},
                      {QStringLiteral("awaiting_adjudication"), report->awaitingAdjudication},
                      {QStringLiteral("cycles"), report->cycles},
                      {QStringLiteral("dora_rows"), report->doraRows},
                      {QStringLiteral("risk_model"), report->riskModelVersion},
                      {QStringLiteral("risk_model_active"), report->riskModelActive},
                      {QStringLiteral("days"), options.days},
                      {QStringLiteral("seed"), static_cast<qint64>(options.seed)}});
}

}  // namespace

ATALAYA_CLI_COMMAND(init, "init", "Create missing tables and run Atalaya's migrations", runInit);
ATALAYA_CLI_COMMAND(demo, "demo", "Fill the database with realistic demo data", runDemo);

}  // namespace atalaya::cli
