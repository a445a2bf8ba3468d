#include "core/demo/DemoGenerator.h"

#include "core/demo/DemoRandom.h"
#include "core/demo/DemoReviewTeam.h"

#include <QJsonArray>

#include <algorithm>

namespace atalaya {
namespace {

// Each agent moved from one model version to the next some days ago, over a two-day canary
// in which the newer version's share of the traffic grows from 0 to 1. One upgrade went
// wrong: the test triage agent's newer version is less accurate, the version_regression a
// team would want to see.
struct ModelUpgrade {
    const char *older;
    const char *newer;
    int daysAgo;  // when the canary ended
    double accuracyLoss;  // the newer version's P(correct) is lower by this
};

struct AgentProfile {
    const char *agentId;
    std::vector<const char *> tasks;
    double weight;  // share of the traffic
    double medianDoubt;  // median of (1 − confidence)
    double latencyMedianMs;
    double miscalibration;  // P(correct) = confidence − this
    double spotCheckRate;  // share of its P3 (confident, routine) decisions the team reviews
    ModelUpgrade upgrade;
};

// Most traffic is routine and confident (P3, sampled); deployments and code reviews are always
// queued, so they are fewer. Together with the team's pace this gives ~30 % feedback overall.
// The code review agent is the slow, over-confident one: the alert a real team would see.
const std::vector<AgentProfile> &profiles()
{
    static const std::vector<AgentProfile> p = {
        {"deployment-risk-predictor",
         {"deployment_risk", "deployment_risk", "rollback_decision"},
         0.03,
         0.10,
         140,
         0.02,
         0.30,
         {"v2.3.1", "v2.4.0", 21, 0.0}},
        {"code-review-agent", {"code_review"}, 0.03, 0.10, 380, 0.05, 0.30, {"v1.8.0", "v1.9.0", 12, 0.0}},
        {"support-chat-assistant",
         {"chat_response", "intent_classification"},
         0.51,
         0.02,
         160,
         0.03,
         0.12,
         {"v3.1.2", "v3.2.0", 9, 0.0}},
        {"performance-analyzer",
         {"performance_analysis", "optimization"},
         0.015,
         0.09,
         150,
         0.03,
         0.30,
         {"v0.9.4", "v1.0.0", 25, 0.0}},
        {"test-triage-agent", {"test_triage"}, 0.25, 0.025, 90, 0.01, 0.16, {"v2.0.0", "v2.1.0", 5, 0.12}},
        {"incident-summarizer", {"incident_summary"}, 0.165, 0.03, 170, 0.05, 0.11, {"v1.4.0", "v1.5.0", 16, 0.0}},
    };
    return p;
}

const AgentProfile &pickAgent(DemoRandom &rng)
{
    double u = rng.uniform();
    for (const AgentProfile &p : profiles()) {
        if (u < p.weight)
            return p;
        u -= p.weight;
    }
    return profiles().back();
}

QJsonObject decisionFor(const QString &task, double confidence, DemoRandom &rng)
{
    if (task == QLatin1String("deployment_risk")) {
        const double risk = std::clamp(rng.uniform(0.02, 0.9), 0.0, 1.0);
        return {{QStringLiteral("action"), risk > 0.7 ? QStringLiteral("block") : QStringLiteral("approve")},
                {QStringLiteral("risk_score"), std::round(risk * 100) / 100},
                {QStringLiteral("risk_level"),
                 risk < 0.2       ? QStringLiteral("very_low")
                     : risk < 0.4 ? QStringLiteral("low")
                     : risk < 0.7 ? QStringLiteral("medium")
                                  : QStringLiteral("high")},
                {QStringLiteral("recommendations"),
                 QJsonArray{QStringLiteral("Monitor error rates for 2 hours post-deployment"),
                            QStringLiteral("Prepare rollback plan")}}};
    }
    if (task == QLatin1String("rollback_decision"))
        return {{QStringLiteral("action"), rng.chance(0.4) ? QStringLiteral("rollback") : QStringLiteral("hold")},
                {QStringLiteral("reasoning"), QStringLiteral("error rate above baseline after release")}};
    if (task == QLatin1String("code_review"))
        return {
            {QStringLiteral("action"), rng.chance(0.7) ? QStringLiteral("approve") : QStringLiteral("request_changes")},
            {QStringLiteral("comments"), rng.integer(0, 12)},
            {QStringLiteral("pull_request"), rng.integer(1000, 9999)}};
    if (task == QLatin1String("chat_response") || task == QLatin1String("intent_classification"))
        return {{QStringLiteral("intent"),
                 rng.pick(std::vector<QString>{QStringLiteral("billing"), QStringLiteral("login"),
                                               QStringLiteral("shipping"), QStringLiteral("refund"),
                                               QStringLiteral("other")})},
                {QStringLiteral("answered"), confidence > 0.5}};
    return {{QStringLiteral("action"), QStringLiteral("report")}, {QStringLiteral("findings"), rng.integer(0, 6)}};
}

// Whether a decision at `at` ran on the newer version: `canaryDraw` (uniform in [0, 1)) against
// the newer version's share of the traffic then.
bool onNewerVersion(const ModelUpgrade &u, const QDateTime &at, const QDateTime &now, double canaryDraw)
{
    constexpr double kCanaryDays = 2.0;
    const double daysAfterEnd = static_cast<double>(now.addDays(-u.daysAgo).msecsTo(at)) / 86400000.0;
    const double share = std::clamp(1.0 + daysAfterEnd / kCanaryDays, 0.0, 1.0);
    return canaryDraw < share;
}

QJsonObject metadataFor(const QString &task, DemoRandom &rng)
{
    QJsonObject m;
    if (task == QLatin1String("deployment_risk") || task == QLatin1String("rollback_decision"))
        m.insert(QStringLiteral("environment"),
                 rng.chance(0.6) ? QStringLiteral("production") : QStringLiteral("staging"));
    if (task == QLatin1String("code_review") && rng.chance(0.05))
        m.insert(QStringLiteral("severity"), QStringLiteral("critical"));
    if (rng.chance(0.01))
        m.insert(QStringLiteral("critical"), true);
    if (rng.chance(0.03))
        m.insert(QStringLiteral("teams_affected"), rng.integer(2, 5));
    return m;
}

// Busier during European working hours, quieter at night and at weekends.
QDateTime randomTime(const QDateTime &now, int days, DemoRandom &rng)
{
    for (;;) {
        const qint64 offsetMs = static_cast<qint64>(rng.uniform() * days * 86400000.0);
        const QDateTime t = now.addMSecs(-offsetMs);
        const int hour = t.time().hour();
        const bool weekend = t.date().dayOfWeek() >= 6;
        const double weight = (hour >= 7 && hour <= 18 ? 1.0 : 0.35) * (weekend ? 0.45 : 1.0);
        if (rng.chance(weight))
            return t;
    }
}

Feedback verdictFor(const AgentProfile &p, double confidence, bool newer, DemoRandom &rng)
{
    const double loss = newer ? p.upgrade.accuracyLoss : 0.0;
    const double pCorrect = std::clamp(confidence - p.miscalibration - loss, 0.02, 0.99);
    const double u = rng.uniform();
    return u < pCorrect                          ? Feedback::Correct
        : u < pCorrect + (1.0 - pCorrect) * 0.35 ? Feedback::PartiallyCorrect
                                                 : Feedback::Incorrect;
}

}  // namespace

DemoHistory generateDemoHistory(const DemoOptions &options)
{
    DemoRandom rng(options.seed);
    const QDateTime now = options.now.isValid() ? options.now.toUTC() : QDateTime::currentDateTimeUtc();
    const ReviewRules rules = ReviewRules::defaults();
    const DemoReviewTeam team;
    struct Generated {
        DecisionInput decision;
        std::optional<DemoVerdict> verdict;
    };
    std::vector<Generated> generated;
    generated.reserve(static_cast<size_t>(std::max(0, options.decisions)));
    for (int i = 0; i < options.decisions; ++i) {
        const AgentProfile &p = pickAgent(rng);
        DecisionInput d;
        d.agentId = QString::fromLatin1(p.agentId);
        d.taskType = QString::fromLatin1(rng.pick(p.tasks));
        const double doubt = std::clamp(rng.logNormal(p.medianDoubt, 0.75), 0.0001, 0.97);
        d.confidence = std::round((1.0 - doubt) * 10000.0) / 10000.0;
        double latency = rng.logNormal(p.latencyMedianMs, 0.55);
        if (rng.chance(0.01))
            latency *= rng.uniform(3.0, 8.0);
        d.executionTimeMs = std::max<qint64>(1, std::llround(latency));
        d.decision = decisionFor(d.taskType, d.confidence, rng);
        const double canaryDraw = rng.uniform();
        d.metadata = metadataFor(d.taskType, rng);
        d.createdAt = randomTime(now, options.days, rng);
        const bool newer = onNewerVersion(p.upgrade, d.createdAt, now, canaryDraw);
        d.metadata.insert(QStringLiteral("model_version"),
                          QString::fromLatin1(newer ? p.upgrade.newer : p.upgrade.older));
        const auto match = rules.classify({0, d.taskType, d.confidence, d.decision, d.metadata});
        const Priority priority = match ? match->priority : Priority::P3;
        auto verdict = team.review(priority, d.createdAt, now, p.spotCheckRate, rng);
        const Feedback value = verdictFor(p, d.confidence, newer, rng);
        if (verdict)
            d.feedback = value;
        generated.push_back({std::move(d), std::move(verdict)});
    }
    // Ids grow with time, as they do when agents log as they go.
    std::stable_sort(generated.begin(), generated.end(), [](const Generated &a, const Generated &b) {
        return a.decision.createdAt < b.decision.createdAt;
    });
    DemoHistory out;
    out.decisions.reserve(generated.size());
    for (Generated &g : generated) {
        if (g.verdict)
            out.reviews.push_back({out.decisions.size(), *g.decision.feedback, g.verdict->reviewer, g.verdict->at});
        out.decisions.push_back(std::move(g.decision));
    }
    return out;
}

std::vector<DecisionInput> generateDemoDecisions(const DemoOptions &options)
{
    return generateDemoHistory(options).decisions;
}

}  // namespace atalaya
