#include "core/release/ReleaseCheck.h"

#include "core/aggregates/StatsQuery.h"
#include "core/common/TimeUtil.h"
#include "core/risk/RiskDataSource.h"
#include "core/risk/RiskModelStore.h"
#include "core/stats/StatsSamples.h"
#include "core/stats/StatsService.h"
#include "core/storage/SqlUtil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace atalaya {
namespace {

constexpr int kOpenItemsShown = 12;

Result<std::vector<QueueItem>> openItems(const ReviewQueue &queue, const QString &agent)
{
    std::vector<QueueItem> out;
    for (Priority p : {Priority::P0, Priority::P1}) {
        QueueFilter filter;
        filter.priority = p;
        filter.agentId = agent;
        filter.limit = kOpenItemsShown;
        auto items = queue.items(filter);
        if (!items)
            return items.error();
        out.insert(out.end(), items->begin(), items->end());
    }
    return out;
}

Status gatherReviews(const std::shared_ptr<const Database> &db, ReleaseInputs &in)
{
    const ReviewQueue queue(db, ReviewRules::defaults());
    for (const QString &agent : in.agents) {
        QueueFilter filter;
        filter.agentId = agent;
        auto counts = queue.counts(filter, in.now);
        if (!counts)
            return counts.error();
        const auto p0 = static_cast<size_t>(Priority::P0);
        const auto p1 = static_cast<size_t>(Priority::P1);
        in.reviews.push_back({agent, counts->total[p0], counts->total[p1], counts->overdue[p0], counts->overdue[p1]});
        auto items = openItems(queue, agent);
        if (!items)
            return items.error();
        in.openItems.insert(in.openItems.end(), items->begin(), items->end());
    }
    std::stable_sort(in.openItems.begin(), in.openItems.end(), [](const QueueItem &a, const QueueItem &b) {
        if (a.priority != b.priority)
            return a.priority < b.priority;
        return a.dueAt < b.dueAt;
    });
    if (in.openItems.size() > static_cast<size_t>(kOpenItemsShown))
        in.openItems.resize(static_cast<size_t>(kOpenItemsShown));
    return {};
}

Status gatherAgentHealth(const std::shared_ptr<const Database> &db, const StatsQuery &window, ReleaseInputs &in)
{
    const StatsService stats(db);
    const StatsSamples samples(db);
    for (const QString &agent : in.agents) {
        auto alerts = activeAlerts(stats, window.withAgent(agent));
        if (!alerts)
            return alerts.error();
        in.alerts.insert(in.alerts.end(), alerts->begin(), alerts->end());
        auto calibration = samples.calibration(window.withAgent(agent), 10);
        if (!calibration)
            return calibration.error();
        in.calibration.push_back({agent, calibration->reviewed, calibration->ece, calibration->verdict});
    }
    return {};
}

QString actionFor(const QString &verdict)
{
    if (verdict == QLatin1String("go"))
        return QStringLiteral("approve");
    if (verdict == QLatin1String("go_with_conditions"))
        return QStringLiteral("approve_with_conditions");
    return QStringLiteral("block");
}

}  // namespace

Result<QStringList> agentsInvolved(const Database &db, const QString &cycleId, const QDateTime &from)
{
    const QString time = db.dialect().utcTimeOf(QStringLiteral("created_at"));
    QSet<QString> agents;
    auto byTask = execQuery(db,
                            QStringLiteral("SELECT DISTINCT agent_id FROM ai_telemetry WHERE %1 >= ?"
                                           " AND task_type IN ('deployment_risk', 'rollback_decision')")
                                .arg(time),
                            {toDbDateTime(from)}, QStringLiteral("finding the agents of deployment decisions"));
    if (!byTask)
        return byTask.error();
    while (byTask->next())
        agents.insert(byTask->value(0).toString());
    // LIKE narrows the rows; the cycle id is then compared exactly in the parsed metadata.
    auto byCycle = execQuery(
        db, QStringLiteral("SELECT agent_id, metadata FROM ai_telemetry WHERE %1 >= ? AND metadata LIKE ?").arg(time),
        {toDbDateTime(from), QStringLiteral("%") + cycleId + QStringLiteral("%")},
        QStringLiteral("finding the agents of cycle %1").arg(cycleId));
    if (!byCycle)
        return byCycle.error();
    while (byCycle->next()) {
        const QJsonObject meta = QJsonDocument::fromJson(byCycle->value(1).toByteArray()).object();
        if (meta.value(QStringLiteral("cycle_id")).toString() == cycleId)
            agents.insert(byCycle->value(0).toString());
    }
    // The check's own records carry the cycle id; a check does not judge earlier checks.
    agents.remove(kReleaseCheckAgent);
    QStringList sorted(agents.begin(), agents.end());
    sorted.sort();
    return sorted;
}

Result<ReleaseCheck> runReleaseCheck(std::shared_ptr<const Database> db, const ReleaseRequest &request)
{
    ReleaseInputs in;
    in.cycleId = request.cycleId;
    in.now = request.now.isValid() ? request.now.toUTC() : QDateTime::currentDateTimeUtc();
    in.windowDays = request.windowDays;
    auto window = StatsQuery::lastDays(request.windowDays, in.now);
    if (!window)
        return window.error();
    auto model = RiskModelStore(db).loadActive();
    if (!model)
        return model.error();
    auto sample = RiskDataSource(db).cycle(request.cycleId);
    if (!sample)
        return sample.error();
    in.prediction = explainRisk(*model, sample->raw, request.language);
    in.model = {model->version, model->trainedAt, model->metrics.rocAuc};
    in.agentsGiven = !request.agents.isEmpty();
    if (in.agentsGiven) {
        in.agents = request.agents;
    } else {
        auto found = agentsInvolved(*db, request.cycleId, window->from);
        if (!found)
            return found.error();
        in.agents = *found;
    }
    if (Status s = gatherReviews(db, in); !s)
        return s.error();
    if (Status s = gatherAgentHealth(db, *window, in); !s)
        return s.error();
    return judgeRelease(std::move(in));
}

DecisionInput releaseCheckDecision(const ReleaseCheck &check, double elapsedMs, const QString &source)
{
    const ReleaseInputs &in = check.inputs;
    QStringList reasoning;
    for (const ReleaseReason &r : check.reasons) {
        if (r.status != RuleStatus::Go)
            reasoning << QStringLiteral("%1: %2").arg(r.rule, ruleStatusKey(r.status));
    }
    DecisionInput d;
    d.agentId = kReleaseCheckAgent;
    d.taskType = QStringLiteral("release_check");
    d.decision = {{QStringLiteral("action"), actionFor(check.verdict)},
                  {QStringLiteral("verdict"), check.verdict},
                  {QStringLiteral("risk_score"), in.prediction.riskScore},
                  {QStringLiteral("risk_level"), in.prediction.level},
                  {QStringLiteral("conditions"), detailsWith(check.reasons, RuleStatus::Condition)},
                  {QStringLiteral("blockers"), detailsWith(check.reasons, RuleStatus::NoGo)},
                  {QStringLiteral("reasoning"),
                   reasoning.isEmpty() ? QStringLiteral("every rule says go") : reasoning.join(QStringLiteral("; "))}};
    d.confidence = in.prediction.confidence;
    d.executionTimeMs = static_cast<qint64>(std::ceil(elapsedMs));
    d.metadata = {{QStringLiteral("cycle_id"), in.cycleId},
                  {QStringLiteral("model_version"), in.model.version},
                  {QStringLiteral("agents"), QJsonArray::fromStringList(in.agents)},
                  {QStringLiteral("reasons"), reasonsJson(check.reasons)},
                  {QStringLiteral("period_days"), in.windowDays},
                  {QStringLiteral("source"), source}};
    return d;
}

}  // namespace atalaya
