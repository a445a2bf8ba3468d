#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"
#include "app/cli/RiskCommands.h"

#include "core/common/TimeUtil.h"
#include "core/risk/RiskModelStore.h"
#include "core/risk/RiskMonitor.h"
#include "core/risk/RiskService.h"
#include "core/setup/AllMigrations.h"
#include "core/storage/Database.h"

#include <QJsonArray>
#include <QTextStream>

namespace atalaya::cli {
namespace {

// A command that prints one view of the active model.
int printActiveModel(CliContext &ctx, const QString &description, QJsonObject (*json)(const RiskModel &))
{
    if (!ctx.parse(description))
        return ctx.exitCode();
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto model = RiskModelStore(*db).loadActive();
    return model ? ctx.print(json(*model)) : ctx.fail(model.error());
}

int runStats(CliContext &ctx)
{
    return printActiveModel(ctx, QStringLiteral("Statistics of the active deployment-risk model (seed 003 API 2)."),
                            modelStatsJson);
}

int runImportance(CliContext &ctx)
{
    return printActiveModel(ctx, QStringLiteral("Feature importance of the active model (seed 003 API 4)."),
                            importanceJson);
}

int runMonitor(CliContext &ctx)
{
    auto &p = ctx.parser();
    p.addOption({QStringLiteral("days"),
                 QStringLiteral("Recent cycles and predictions: the last N days (1–3650, default 30)."),
                 QStringLiteral("n")});
    p.addOption({QStringLiteral("daily"), QStringLiteral("Score distribution per day instead of per ISO week.")});
    if (!ctx.parse(QStringLiteral("Monitoring of the active deployment-risk model: drift, age, past accuracy.")))
        return ctx.exitCode();
    auto days = ctx.intOption(QStringLiteral("days"), 30, 1, 3650);
    if (!days)
        return ctx.fail(days.error());
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    RiskMonitorOptions options;
    options.days = *days;
    options.weekly = !p.isSet(QStringLiteral("daily"));
    auto report = RiskMonitor(*db).run(options);
    return report ? ctx.print(riskMonitorJson(*report)) : ctx.fail(report.error());
}

int runModels(CliContext &ctx)
{
    if (!ctx.parse(QStringLiteral("Stored versions of the deployment-risk model, newest first.")))
        return ctx.exitCode();
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto list = RiskModelStore(*db).list();
    if (!list)
        return ctx.fail(list.error());
    QJsonArray models;
    QJsonValue active;
    for (const StoredModelInfo &m : *list) {
        if (m.active)
            active = m.version;
        models.append(QJsonObject{{QStringLiteral("model_version"), m.version},
                                  {QStringLiteral("trained_at"), toIsoUtc(m.trainedAt)},
                                  {QStringLiteral("stored_at"), toIsoUtc(m.createdAt)},
                                  {QStringLiteral("window_days"), m.windowDays},
                                  {QStringLiteral("active"), m.active},
                                  {QStringLiteral("checks_passed"), m.checksPassed},
                                  {QStringLiteral("model_bytes"), m.modelBytes},
                                  {QStringLiteral("metrics"), m.metrics.toJson()}});
    }
    return ctx.print({{QStringLiteral("active"), active}, {QStringLiteral("models"), models}});
}

int runActivate(CliContext &ctx)
{
    if (!ctx.parse(QStringLiteral("Make a stored version the active model (roll back or forward)."),
                   QStringLiteral("VERSION")))
        return ctx.exitCode();
    const QStringList args = ctx.positional();
    if (args.size() != 1)
        return ctx.usageError(
            QStringLiteral("expected one VERSION, e.g. risk activate v1.0-2026-11-07; `risk models` lists them"));
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto previous = RiskModelStore(*db).activate(args[0]);
    if (!previous)
        return ctx.fail(previous.error());
    return ctx.print({{QStringLiteral("model_version"), args[0]},
                      {QStringLiteral("active"), true},
                      {QStringLiteral("previous"), previous->isEmpty() ? QJsonValue() : QJsonValue(*previous)}});
}

int runExport(CliContext &ctx)
{
    ctx.parser().addOption(
        {QStringLiteral("out"), QStringLiteral("File to write (permissions 0600)."), QStringLiteral("file")});
    if (!ctx.parse(QStringLiteral("Export a model version (default: the active one) to a file."),
                   QStringLiteral("[VERSION]")))
        return ctx.exitCode();
    const QString out = ctx.parser().value(QStringLiteral("out"));
    if (out.isEmpty())
        return ctx.usageError(QStringLiteral("--out FILE is required"));
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    const QStringList args = ctx.positional();
    RiskModelStore store(*db);
    auto model = args.isEmpty() ? store.loadActive() : store.load(args[0]);
    if (!model)
        return ctx.fail(model.error());
    if (Status s = exportModelFile(*model, out); !s)
        return ctx.fail(s.error());
    return ctx.print({{QStringLiteral("model_version"), model->version}, {QStringLiteral("file"), out}});
}

int runImportModel(CliContext &ctx)
{
    ctx.parser().addOption({QStringLiteral("activate"), QStringLiteral("Also make it the active model.")});
    if (!ctx.parse(QStringLiteral("Import a model file written by `risk export`."), QStringLiteral("FILE")))
        return ctx.exitCode();
    const QStringList args = ctx.positional();
    if (args.size() != 1)
        return ctx.usageError(QStringLiteral("expected one model FILE"));
    auto model = importModelFile(args[0]);
    if (!model)
        return ctx.fail(model.error());
    if (int code = ensureRiskSchema(ctx); code != 0)
        return code;
    const bool activate = ctx.parser().isSet(QStringLiteral("activate"));
    auto version = RiskModelStore(*ctx.database()).saveImported(*model, activate);
    if (!version)
        return ctx.fail(version.error());
    return ctx.print({{QStringLiteral("model_version"), *version}, {QStringLiteral("active"), activate}});
}

struct SubCommand {
    const char *name;
    CommandFn run;
    const char *summary;
};

const SubCommand kSubCommands[] = {
    {"predict", runRiskPredict,
     "(--features JSON | --cycle ID) [--fail-above X] [--record]  explain one deployment's risk"},
    {"train", runRiskTrain, "[--days 90] [--dry-run] [--activate-anyway]  train and store a new version"},
    {"stats", runStats, "statistics of the active model"},
    {"importance", runImportance, "feature importance of the active model"},
    {"models", runModels, "stored versions"},
    {"monitor", runMonitor, "[--days 30] [--daily]  drift, age and past accuracy of the active model"},
    {"activate", runActivate, "VERSION  roll back or forward"},
    {"import", runRiskImportCsv, "FILE.csv [--skip-invalid --rejects F]  import delivery cycles"},
    {"export", runExport, "[VERSION] --out FILE  write a model file (0600)"},
    {"import-model", runImportModel, "FILE [--activate]  store a model file"},
};

int runRisk(CliContext &ctx)
{
    static const QStringList valueOptions = {QStringLiteral("--db"), QStringLiteral("--log-json")};
    QStringList args = ctx.arguments();
    qsizetype at = 0;
    while (at < args.size() && args[at].startsWith(QLatin1Char('-')))
        at += valueOptions.contains(args[at]) ? 2 : 1;
    const QString name = at < args.size() ? args.takeAt(at) : QString();
    for (const SubCommand &sub : kSubCommands) {
        if (name == QLatin1String(sub.name)) {
            CliContext subContext(QStringLiteral("risk ") + name, args);
            return sub.run(subContext);
        }
    }
    const bool help =
        name.isEmpty() && (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h")));
    QTextStream out(help ? stdout : stderr);
    if (!help)
        out << "error: "
            << (name.isEmpty() ? QStringLiteral("a sub-command is required")
                               : QStringLiteral("unknown sub-command '%1'").arg(name))
            << "; one of:\n";
    for (const SubCommand &sub : kSubCommands)
        out << "  risk " << QString::fromLatin1(sub.name).leftJustified(13) << QString::fromUtf8(sub.summary) << '\n';
    return help ? 0 : static_cast<int>(ErrorCode::Usage);
}

}  // namespace

int ensureRiskSchema(CliContext &ctx)
{
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto migrated = migrate(**db);
    return migrated ? 0 : ctx.fail(migrated.error());
}

ATALAYA_CLI_COMMAND(risk, "risk",
                    "Deployment-risk predictor: predict, train, stats, importance, models, activate, import", runRisk);

}  // namespace atalaya::cli
