#pragma once

#include "core/common/Result.h"
#include "core/aggregates/StatsTypes.h"

#include <QJsonObject>
#include <QLocale>
#include <QMetaType>

#include <memory>
#include <optional>
#include <vector>

namespace atalaya {

class StatsService;

enum class AlertSeverity { Medium = 1, High = 2, Critical = 3 };

// One active alert: the seed's thresholds that apply to telemetry data (docs/CLI.md §alerts).
struct Alert {
    AlertSeverity severity = AlertSeverity::Medium;
    QString metric;  // accuracy_avg, feedback_rate, p95_execution_time_ms, avg_confidence
    QString agentId;  // empty = the whole window
    double value = 0.0;
    double threshold = 0.0;
    QString message;  // machine number format (the CLI's); translated when a translator is installed
};

// The alert's sentence with its numbers in `locale`: QLocale::c() for machine output, the
// UI's locale for display ("0,784", "18,4 %" in Spanish).
QString alertMessage(const Alert &alert, const QLocale &locale, int percentDecimals = 1);

// The seed thresholds: accuracy < 0.80 high; feedback rate < 20 % high, < 30 % medium;
// execution P95 > 500 ms high; average confidence < 0.75 medium. Metrics over an empty set
// raise nothing. One alert per metric (the most severe).
std::vector<Alert> evaluateAlerts(const WindowSummary &summary, const QString &agentId = {});

// Overall first, then per agent, most severe first within each scope.
Result<std::vector<Alert>> activeAlerts(const StatsService &stats, const StatsQuery &query);

QString severityKey(AlertSeverity severity);
std::optional<AlertSeverity> severityFromKey(const QString &key);
bool anyAtLeast(const std::vector<Alert> &alerts, AlertSeverity severity);

QJsonObject alertsJson(const std::vector<Alert> &alerts, const StatsQuery &query);

}  // namespace atalaya

Q_DECLARE_METATYPE(atalaya::Alert)
