#pragma once

#include "core/alerts/Alerts.h"
#include "core/queue/ReviewQueue.h"
#include "core/risk/RiskExplainer.h"
#include "core/stats/Calibration.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace atalaya {

// The thresholds of the rule table (docs/RELEASE_CHECK.md); one place, so the document, the
// rules and the tests cannot drift apart.
struct ReleaseThresholds {
    static constexpr double kFactorCondition = 0.10;  // one factor adds ≥ 10 points of risk
    static constexpr double kFactorNoGo = 0.25;
    static constexpr double kOverConfidentNoGoEce = 0.15;
    static constexpr int kStaleDays = 45;
    static constexpr double kAucCondition = 0.70;  // below: condition
    static constexpr double kAucNoGo = 0.60;  // below: no-go
};

enum class RuleStatus { Go, Condition, NoGo };
QString ruleStatusKey(RuleStatus status);  // go | condition | no_go

struct ReleaseReason {
    QString rule;  // risk_level, risk_factors, reviews_overdue, reviews_open, alerts, calibration, model_staleness, model_auc
    RuleStatus status = RuleStatus::Go;
    QString detail;  // one sentence, translated when a translator is installed
};

struct AgentReviews {
    QString agentId;
    qint64 openP0 = 0;  // pending, overdue included
    qint64 openP1 = 0;
    qint64 overdueP0 = 0;
    qint64 overdueP1 = 0;
};

struct AgentCalibration {
    QString agentId;
    qint64 reviewed = 0;
    std::optional<double> ece;
    std::optional<CalibrationVerdict> verdict;
};

struct ModelFacts {
    QString version;
    QDateTime trainedAt;
    std::optional<double> cvAuc;
};

// Everything the rules judge, gathered by runReleaseCheck() (or built by hand in tests).
struct ReleaseInputs {
    QString cycleId;
    QDateTime now;
    int windowDays = 30;  // agents, alerts and calibration are read over this window
    RiskPrediction prediction;
    ModelFacts model;
    QStringList agents;
    bool agentsGiven = false;  // --agents, instead of the agents found for the cycle
    std::vector<AgentReviews> reviews;
    std::vector<QueueItem> openItems;  // the open P0/P1 items of those agents, most urgent first
    std::vector<Alert> alerts;  // of those agents only
    std::vector<AgentCalibration> calibration;
};

struct ReleaseCheck {
    ReleaseInputs inputs;
    std::vector<ReleaseReason> reasons;
    QString verdict;  // go | go_with_conditions | no_go
};

// The rule table, one reason per rule, in the document's order.
std::vector<ReleaseReason> evaluateReleaseRules(const ReleaseInputs &inputs);
// no_go when any rule says no_go, go_with_conditions when any says condition, else go.
QString releaseVerdict(const std::vector<ReleaseReason> &reasons);
ReleaseCheck judgeRelease(ReleaseInputs inputs);

// Whole days between training and `now` (the staleness rule's age).
int modelAgeDays(const ModelFacts &model, const QDateTime &now);

// docs/RELEASE_CHECK.md §Output: {"verdict","reasons","risk","reviews","alerts","model",…}.
QJsonObject releaseCheckJson(const ReleaseCheck &check);
// Each reason as {"rule","status","detail"}, in order: the output's and the recorded check's.
QJsonArray reasonsJson(const std::vector<ReleaseReason> &reasons);
// The details of the reasons with `status`, in order.
QJsonArray detailsWith(const std::vector<ReleaseReason> &reasons, RuleStatus status);

struct ReleaseText {
    Q_DECLARE_TR_FUNCTIONS(ReleaseText)
};

}  // namespace atalaya
