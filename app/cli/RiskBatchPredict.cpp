#include "app/cli/CliContext.h"
#include "app/cli/RiskCommands.h"

#include "core/risk/RiskDataSource.h"
#include "core/risk/RiskModelStore.h"
#include "core/ingest/RiskCheckRecorder.h"
#include "core/risk/RiskService.h"

#include <QElapsedTimer>
#include <QFile>

#include <cmath>

namespace atalaya::cli {
namespace {

// Ids one a line; blank lines and lines starting with # are skipped.
Result<QStringList> readCycleIds(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return makeError(ErrorCode::Usage, QStringLiteral("--cycles-from: cannot read %1: %2").arg(path, f.errorString()));
    QStringList ids;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QString id = QString::fromUtf8(line).trimmed();
        if (!id.isEmpty() && !id.startsWith(QLatin1Char('#')))
            ids << id;
    }
    return ids;
}

}  // namespace

int runRiskPredictBatch(CliContext &ctx, const BatchPredictRequest &request)
{
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    QStringList ids;
    if (request.cyclesFrom.isEmpty()) {
        auto pending = RiskDataSource(*db).pendingCycles();
        if (!pending)
            return ctx.fail(pending.error());
        ids = *pending;
    } else {
        auto listed = readCycleIds(request.cyclesFrom);
        if (!listed)
            return ctx.fail(listed.error());
        if (listed->isEmpty())
            return ctx.usageError(QStringLiteral("--cycles-from %1 lists no cycle id").arg(request.cyclesFrom));
        ids = *listed;
    }
    auto model = RiskModelStore(*db).loadActive();
    if (!model)
        return ctx.fail(model.error());
    // Every cycle is read before the first line is printed, so an unknown id fails the whole
    // batch instead of leaving a partial answer.
    std::vector<CycleSample> samples;
    for (const QString &id : ids) {
        auto sample = RiskDataSource(*db).cycle(id);
        if (!sample)
            return ctx.fail(sample.error());
        samples.push_back(*sample);
    }
    QStringList gated;
    for (const CycleSample &sample : samples) {
        QElapsedTimer timer;
        timer.start();
        const RiskPrediction prediction = explainRisk(*model, sample.raw, request.language);
        const double elapsedMs = timer.nsecsElapsed() / 1e6;
        QJsonObject line{{QStringLiteral("cycle_id"), sample.cycleId},
                         {QStringLiteral("prediction"), predictionJson(prediction, *model)},
                         {QStringLiteral("model_version"), model->version},
                         {QStringLiteral("execution_time_ms"), std::round(elapsedMs * 10) / 10}};
        if (request.failAbove) {
            const bool above = prediction.riskScore > *request.failAbove;
            line.insert(QStringLiteral("gated"), above);
            if (above)
                gated << sample.cycleId;
        }
        if (request.record) {
            auto recorded = recordRiskCheck(*db, prediction, *model, sample.cycleId, request.failAbove, elapsedMs,
                                            QStringLiteral("atalaya-cli"));
            if (!recorded)
                return ctx.fail(recorded.error());
            line.insert(QStringLiteral("telemetry_id"), recorded->telemetryId);
            line.insert(QStringLiteral("decision"), recorded->decision);
        }
        ctx.print(line);
    }
    if (!gated.isEmpty())
        return ctx.fail(makeError(ErrorCode::GateFailed,
                                  QStringLiteral("%1 of %2 cycles have risk_score above --fail-above %3 (%4)")
                                      .arg(gated.size())
                                      .arg(samples.size())
                                      .arg(*request.failAbove)
                                      .arg(gated.join(QStringLiteral(", ")))));
    return 0;
}

}  // namespace atalaya::cli
