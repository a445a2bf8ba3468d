#include "core/setup/DemoLoader.h"

#include "core/common/TimeUtil.h"
#include "core/demo/DemoDoubleReviews.h"
#include "core/demo/DoraGenerator.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/risk/RiskService.h"
#include "core/rollup/RollupMaintenance.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QJsonDocument>

#include <algorithm>

namespace atalaya {
namespace {

Status writeDoraRows(const Database &db, const std::vector<DoraRow> &rows)
{
    return inTransaction(db, [&]() -> Status {
        for (const DoraRow &r : rows) {
            if (Status s = execStatement(
                    db,
                    QStringLiteral("INSERT INTO dora_metrics (cycle_id, feature_id, phase_name, decision,"
                                   " duration_seconds, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {r.cycleId, r.featureId, r.phaseName, r.decision, QString::number(r.durationSeconds, 'f', 2),
                     QString::fromUtf8(QJsonDocument(r.metadata).toJson(QJsonDocument::Compact)),
                     toDbDateTime(r.createdAt)},
                    QStringLiteral("writing delivery cycle %1").arg(r.cycleId));
                !s)
                return s;
        }
        return {};
    });
}

}  // namespace

Result<DemoReport> loadDemoData(const std::shared_ptr<const Database> &db, const DemoOptions &options)
{
    const DemoHistory history = generateDemoHistory(options);
    const std::vector<DecisionInput> &decisions = history.decisions;
    auto batch = DecisionRecorder(db).recordBatch(decisions);
    if (!batch)
        return batch.error();
    DemoReport report;
    report.decisions = batch->inserted;
    report.withFeedback = static_cast<qint64>(history.reviews.size());
    // One transaction of one writer gets consecutive ids (idStep apart on a cluster); when another
    // writer's rows were interleaved the ids of the verdicts are unknown, and no audit row is
    // better than a wrong one.
    if (batch->inserted > 0 && (batch->lastId - batch->firstId) / batch->idStep + 1 == batch->inserted) {
        const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
        const DemoDoubleReviewPlan plan = planDemoDoubleReviews(history.reviews, batch->firstId, batch->idStep,
                                                                ReviewRules::defaults(), now, options.seed);
        if (Status s = writeDemoDoubleReviews(*db, plan); !s)
            return s.error();
        report.auditRows = report.withFeedback + plan.seconds + plan.adjudicated;
        report.secondReviews = plan.seconds;
        report.adjudicated = plan.adjudicated;
        report.awaitingAdjudication = plan.awaitingAdjudication;
    }
    if (rollup::status(*db).usable()) {
        if (Status s = rollup::buildStaleSections(*db); !s)
            return s.error();
    }
    const int cycles = std::max(60, options.days * 4);
    const auto rows = generateDemoCycles(cycles, options.days, options.seed, options.now);
    if (Status s = writeDoraRows(*db, rows); !s)
        return s.error();
    report.cycles = cycles;
    report.doraRows = static_cast<qint64>(rows.size());
    // The first start shows a trained risk model; it is activated only if it passes its checks.
    TrainRequest train;
    train.days = options.days;
    train.options.now = options.now;
    auto model = RiskService(db).train(train);
    if (!model)
        return model.error();
    report.riskModelVersion = model->model.version;
    report.riskModelActive = model->activated;
    return report;
}

}  // namespace atalaya
