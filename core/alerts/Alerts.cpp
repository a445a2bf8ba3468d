#include "core/alerts/Alerts.h"

#include "core/common/TimeUtil.h"
#include "core/stats/StatsService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace atalaya {
namespace {

QString scopeText(const QString &agentId)
{
    return agentId.isEmpty() ? QCoreApplication::translate("atalaya::Alerts", "all agents")
                             : QCoreApplication::translate("atalaya::Alerts", "agent %1").arg(agentId);
}

// The message in machine format (C locale, rate with 2 decimals), as the CLI's JSON prints it.
Alert make(AlertSeverity severity, const QString &metric, const QString &agentId, double value, double threshold)
{
    Alert a{severity, metric, agentId, value, threshold, QString()};
    a.message = alertMessage(a, QLocale::c(), 2);
    return a;
}

}  // namespace

QString alertMessage(const Alert &a, const QLocale &locale, int percentDecimals)
{
    const QString scope = scopeText(a.agentId);
    if (a.metric == QLatin1String("accuracy_avg")) {
        return QCoreApplication::translate("atalaya::Alerts", "Average accuracy %1 is below %2 (%3)")
            .arg(locale.toString(a.value, 'f', 3), locale.toString(a.threshold, 'f', 2), scope);
    }
    if (a.metric == QLatin1String("feedback_rate")) {
        return QCoreApplication::translate("atalaya::Alerts", "Feedback rate %1 % is below %2 % (%3)")
            .arg(locale.toString(a.value, 'f', percentDecimals), locale.toString(a.threshold, 'f', 0), scope);
    }
    if (a.metric == QLatin1String("p95_execution_time_ms")) {
        return QCoreApplication::translate("atalaya::Alerts", "Execution time P95 %1 ms is above %2 ms (%3)")
            .arg(locale.toString(a.value, 'f', 0), locale.toString(a.threshold, 'f', 0), scope);
    }
    return QCoreApplication::translate("atalaya::Alerts", "Average confidence %1 is below %2 (%3)")
        .arg(locale.toString(a.value, 'f', 3), locale.toString(a.threshold, 'f', 2), scope);
}

std::vector<Alert> evaluateAlerts(const WindowSummary &s, const QString &agentId)
{
    std::vector<Alert> out;
    if (s.accuracy.accuracyAvg && *s.accuracy.accuracyAvg < 0.80)
        out.push_back(
            make(AlertSeverity::High, QStringLiteral("accuracy_avg"), agentId, *s.accuracy.accuracyAvg, 0.80));
    if (const auto rate = s.accuracy.feedbackRatePercent(); rate && *rate < 30.0) {
        const bool high = *rate < 20.0;
        out.push_back(make(high ? AlertSeverity::High : AlertSeverity::Medium, QStringLiteral("feedback_rate"), agentId,
                           *rate, high ? 20.0 : 30.0));
    }
    if (s.execution.p95Ms && *s.execution.p95Ms > 500) {
        out.push_back(make(AlertSeverity::High, QStringLiteral("p95_execution_time_ms"), agentId,
                           static_cast<double>(*s.execution.p95Ms), 500.0));
    }
    if (s.avgConfidence && *s.avgConfidence < 0.75)
        out.push_back(make(AlertSeverity::Medium, QStringLiteral("avg_confidence"), agentId, *s.avgConfidence, 0.75));
    std::stable_sort(out.begin(), out.end(), [](const Alert &a, const Alert &b) { return a.severity > b.severity; });
    return out;
}

Result<std::vector<Alert>> activeAlerts(const StatsService &stats, const StatsQuery &query)
{
    auto overall = stats.summary(query);
    if (!overall)
        return overall.error();
    std::vector<Alert> out = evaluateAlerts(*overall);
    if (!query.agentId.isEmpty()) {
        for (Alert &a : out)
            a.agentId = query.agentId;
        return out;
    }
    auto agents = stats.grouped(query, GroupBy::Agent);
    if (!agents)
        return agents.error();
    for (const GroupSummary &g : *agents) {
        const auto perAgent = evaluateAlerts(g.summary, g.key);
        out.insert(out.end(), perAgent.begin(), perAgent.end());
    }
    return out;
}

QString severityKey(AlertSeverity severity)
{
    switch (severity) {
    case AlertSeverity::Medium: return QStringLiteral("medium");
    case AlertSeverity::High: return QStringLiteral("high");
    case AlertSeverity::Critical: return QStringLiteral("critical");
    }
    return {};
}

std::optional<AlertSeverity> severityFromKey(const QString &key)
{
    for (AlertSeverity s : {AlertSeverity::Medium, AlertSeverity::High, AlertSeverity::Critical}) {
        if (severityKey(s) == key)
            return s;
    }
    return std::nullopt;
}

bool anyAtLeast(const std::vector<Alert> &alerts, AlertSeverity severity)
{
    return std::any_of(alerts.begin(), alerts.end(), [severity](const Alert &a) { return a.severity >= severity; });
}

QJsonObject alertsJson(const std::vector<Alert> &alerts, const StatsQuery &query)
{
    QJsonArray items;
    QJsonObject counts{{QStringLiteral("critical"), 0}, {QStringLiteral("high"), 0}, {QStringLiteral("medium"), 0}};
    for (const Alert &a : alerts) {
        const QString key = severityKey(a.severity);
        counts[key] = counts[key].toInt() + 1;
        const double digits = a.metric == QLatin1String("feedback_rate") ? 100.0
            : a.metric == QLatin1String("p95_execution_time_ms")         ? 10.0
                                                                         : 10000.0;
        items.append(
            QJsonObject{{QStringLiteral("severity"), key},
                        {QStringLiteral("metric"), a.metric},
                        {QStringLiteral("agent_id"), a.agentId.isEmpty() ? QJsonValue() : QJsonValue(a.agentId)},
                        {QStringLiteral("value"), std::round(a.value * digits) / digits},
                        {QStringLiteral("threshold"), a.threshold},
                        {QStringLiteral("message"), a.message}});
    }
    return QJsonObject{{QStringLiteral("period_days"), query.periodDays},
                       {QStringLiteral("generated_at"), toIsoUtc(QDateTime::currentDateTimeUtc())},
                       {QStringLiteral("counts"), counts},
                       {QStringLiteral("alerts"), items}};
}

}  // namespace atalaya
