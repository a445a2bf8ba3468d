#pragma once

#include "core/aggregates/StatsTypes.h"

#include <QJsonArray>
#include <QJsonObject>

namespace atalaya {

// The JSON shapes of docs/CLI.md (the seed's REST API keys). Ratios 4 decimals, percentages 2,
// milliseconds 1; a metric over an empty set is null.
QJsonObject accuracyJson(const AccuracySummary &a);
QJsonObject confidenceDistributionJson(const ConfidenceDistribution &c);
QJsonObject executionTimeJson(const ExecutionTimeStats &e);
QJsonObject dataQualityJson(const DataQuality &dq);

QJsonObject statsJson(const StatsSnapshot &s);
QJsonObject agentJson(const AgentDetail &a, const StatsQuery &q);
QJsonObject accuracyReportJson(const WindowSummary &s, const StatsQuery &q);
QJsonObject agentsJson(const std::vector<GroupSummary> &agents, const StatsQuery &q);
QJsonObject trendsJson(const std::vector<GroupSummary> &days, const StatsQuery &q);

}  // namespace atalaya
