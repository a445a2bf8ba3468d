#include "app/cli/CliContext.h"
#include "app/cli/RiskCommands.h"

#include "core/risk/RiskCsvImport.h"
#include "core/risk/RiskDataSource.h"
#include "core/risk/RiskModelStore.h"
#include "core/ingest/RiskCheckRecorder.h"
#include "core/risk/RiskService.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

namespace atalaya::cli {
namespace {

const QString kLangHelp = QStringLiteral("Language of the recommendations: es or en (default: the system's).");

Result<QJsonObject> featuresArgument(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (text == QLatin1String("-")) {
        bytes = readAllStdin();
    } else if (text.startsWith(QLatin1Char('@'))) {
        QFile f(text.mid(1));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Usage,
                             QStringLiteral("--features: cannot read %1: %2").arg(text.mid(1), f.errorString()));
        bytes = f.readAll();
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (!doc.isObject())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("--features must be a JSON object of the 10 raw features (%1)")
                             .arg(error.error == QJsonParseError::NoError ? QStringLiteral("got another JSON value")
                                                                          : error.errorString()));
    QJsonObject o = doc.object();
    // The seed's request body {"features": {...}} works as well.
    if (o.size() == 1 && o.value(QStringLiteral("features")).isObject())
        o = o.value(QStringLiteral("features")).toObject();
    return o;
}

}  // namespace

int runRiskPredict(CliContext &ctx)
{
    auto &p = ctx.parser();
    p.addOption({QStringLiteral("features"),
                 QStringLiteral("The 10 raw features as a JSON object (or @FILE, or - for stdin)."),
                 QStringLiteral("json")});
    p.addOption({QStringLiteral("cycle"), QStringLiteral("Predict an existing delivery cycle of dora_metrics."),
                 QStringLiteral("id")});
    p.addOption({QStringLiteral("all-pending"),
                 QStringLiteral("Predict every cycle deployed without an outcome yet (one JSON line each).")});
    p.addOption({QStringLiteral("cycles-from"),
                 QStringLiteral("Predict the cycles listed in FILE, one id a line (one JSON line each)."),
                 QStringLiteral("file")});
    p.addOption({QStringLiteral("fail-above"),
                 QStringLiteral("Exit 6 when risk_score is above X (with a batch: when any cycle is)."),
                 QStringLiteral("x")});
    p.addOption({QStringLiteral("record"),
                 QStringLiteral("Record the check as a decision in ai_telemetry (agent deployment-risk-predictor).")});
    p.addOption({QStringLiteral("lang"), kLangHelp, QStringLiteral("es|en")});
    if (!ctx.parse(QStringLiteral("Predict a deployment's failure risk and explain it (seed 003 API 1).")))
        return ctx.exitCode();
    const bool byFeatures = p.isSet(QStringLiteral("features"));
    const bool byCycle = p.isSet(QStringLiteral("cycle"));
    const bool allPending = p.isSet(QStringLiteral("all-pending"));
    const bool cyclesFrom = p.isSet(QStringLiteral("cycles-from"));
    if (int(byFeatures) + int(byCycle) + int(allPending) + int(cyclesFrom) != 1)
        return ctx.usageError(
            QStringLiteral("give exactly one of --features JSON, --cycle ID, --all-pending or --cycles-from FILE"));
    std::optional<double> failAbove;
    if (p.isSet(QStringLiteral("fail-above"))) {
        auto x = ctx.doubleOption(QStringLiteral("fail-above"), 0.0, 0.0, 1.0);
        if (!x)
            return ctx.fail(x.error());
        failAbove = *x;
    }
    const QString lang = p.value(QStringLiteral("lang"));
    if (!lang.isEmpty() && lang != QLatin1String("es") && lang != QLatin1String("en"))
        return ctx.usageError(QStringLiteral("--lang is '%1'; allowed: es, en").arg(lang));
    if (allPending || cyclesFrom) {
        return runRiskPredictBatch(ctx, {p.value(QStringLiteral("cycles-from")), failAbove,
                                         p.isSet(QStringLiteral("record")), riskLanguageFrom(lang)});
    }
    FeatureVector raw{};
    if (byFeatures) {
        auto json = featuresArgument(p.value(QStringLiteral("features")));
        if (!json)
            return ctx.fail(json.error());
        auto parsed = parseRawFeatures(*json);
        if (!parsed)
            return ctx.fail(parsed.error());
        raw = *parsed;
    }
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    QElapsedTimer timer;
    timer.start();
    auto model = RiskModelStore(*db).loadActive();
    if (!model)
        return ctx.fail(model.error());
    timer.restart();  // the check itself, not loading the forest once
    const QString cycleId = p.value(QStringLiteral("cycle"));
    if (byCycle) {
        auto sample = RiskDataSource(*db).cycle(cycleId);
        if (!sample)
            return ctx.fail(sample.error());
        raw = sample->raw;
    }
    const RiskPrediction prediction = explainRisk(*model, raw, riskLanguageFrom(lang));
    const double elapsedMs = timer.nsecsElapsed() / 1e6;
    QJsonObject out{{QStringLiteral("prediction"), predictionJson(prediction, *model)},
                    {QStringLiteral("model_version"), model->version},
                    {QStringLiteral("execution_time_ms"), std::round(elapsedMs * 10) / 10}};
    if (byCycle)
        out.insert(QStringLiteral("cycle_id"), cycleId);
    if (p.isSet(QStringLiteral("record"))) {
        auto recorded = recordRiskCheck(*db, prediction, *model, cycleId, failAbove, elapsedMs,
                                        QStringLiteral("atalaya-cli"));
        if (!recorded)
            return ctx.fail(recorded.error());
        out.insert(QStringLiteral("telemetry_id"), recorded->telemetryId);
        out.insert(QStringLiteral("decision"), recorded->decision);
    }
    const int printed = ctx.print(out);
    if (printed == 0 && failAbove && prediction.riskScore > *failAbove)
        return ctx.fail(makeError(ErrorCode::GateFailed,
                                  QStringLiteral("risk_score %1 is above --fail-above %2 (%3); the deployment is gated")
                                      .arg(prediction.riskScore, 0, 'f', 4)
                                      .arg(*failAbove)
                                      .arg(prediction.level)));
    return printed;
}

int runRiskTrain(CliContext &ctx)
{
    auto &p = ctx.parser();
    p.addOption({QStringLiteral("days"), QStringLiteral("Train on cycles deployed in the last N days (default 90)."),
                 QStringLiteral("n")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Train and report, store nothing.")});
    p.addOption({QStringLiteral("activate-anyway"),
                 QStringLiteral("Activate the new model even when validation checks fail.")});
    if (!ctx.parse(QStringLiteral("Train a new version of the deployment-risk model (seed 003 API 3).")))
        return ctx.exitCode();
    auto days = ctx.intOption(QStringLiteral("days"), 90, 1, 3650);
    if (!days)
        return ctx.fail(days.error());
    TrainRequest request;
    request.days = *days;
    request.dryRun = p.isSet(QStringLiteral("dry-run"));
    request.activateAnyway = p.isSet(QStringLiteral("activate-anyway"));
    if (!request.dryRun) {
        if (int code = ensureRiskSchema(ctx); code != 0)
            return code;
    }
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto outcome = RiskService(*db).train(request);
    if (!outcome)
        return ctx.fail(outcome.error());
    const int printed = ctx.print(trainOutcomeJson(*outcome));
    if (printed != 0 || allPassed(outcome->checks) || request.activateAnyway)
        return printed;
    QStringList failed;
    for (const ValidationCheck &c : outcome->checks)
        if (!c.passed)
            failed << QStringLiteral("%1 %2 < %3")
                          .arg(c.name, c.value ? QString::number(*c.value, 'f', 3) : QStringLiteral("null"))
                          .arg(c.threshold);
    return ctx.fail(makeError(
        ErrorCode::GateFailed,
        QStringLiteral("validation checks failed (%1); %2 (use --activate-anyway to activate it all the same)")
            .arg(failed.join(QStringLiteral(", ")),
                 outcome->stored ? QStringLiteral("model %1 stored but not activated").arg(outcome->model.version)
                                 : QStringLiteral("dry run, nothing stored"))));
}

int runRiskImportCsv(CliContext &ctx)
{
    ctx.parser().addOption(
        {QStringLiteral("skip-invalid"), QStringLiteral("Import the valid rows; invalid ones go to --rejects.")});
    ctx.parser().addOption({QStringLiteral("rejects"),
                            QStringLiteral("Where the invalid rows go (with --skip-invalid)."),
                            QStringLiteral("file")});
    if (!ctx.parse(
            QStringLiteral(
                "Import delivery cycles from a CSV (cycle_id, created_at, deployment_failed and the 10 raw features)."),
            QStringLiteral("FILE.csv")))
        return ctx.exitCode();
    const QStringList args = ctx.positional();
    if (args.size() != 1)
        return ctx.usageError(QStringLiteral("expected one FILE.csv"));
    const bool skip = ctx.parser().isSet(QStringLiteral("skip-invalid"));
    const QString rejectsPath = ctx.parser().value(QStringLiteral("rejects"));
    if (skip && rejectsPath.isEmpty())
        return ctx.usageError(QStringLiteral("--skip-invalid needs --rejects FILE for the invalid rows"));
    QFile file(args[0]);
    if (!file.open(QIODevice::ReadOnly))
        return ctx.usageError(QStringLiteral("cannot read %1: %2").arg(args[0], file.errorString()));
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto report = importCyclesCsv(*db, file.readAll(), {skip});
    if (!report)
        return ctx.fail(report.error());
    if (skip && report->rejected > 0) {
        QFile rejects(rejectsPath);
        if (!rejects.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || rejects.write(report->rejectedCsv) != report->rejectedCsv.size())
            return ctx.usageError(QStringLiteral("cannot write %1: %2").arg(rejectsPath, rejects.errorString()));
    }
    return ctx.print({{QStringLiteral("imported"), report->imported}, {QStringLiteral("rejected"), report->rejected}});
}

}  // namespace atalaya::cli
