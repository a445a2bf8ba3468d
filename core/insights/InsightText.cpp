#include "core/insights/InsightText.h"

#include "core/common/JsonUtil.h"
#include "core/common/TimeUtil.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace atalaya {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("atalaya::Insights", text);
}

QJsonValue textOrNull(const QString &v)
{
    return v.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
}

QJsonObject windowJson(const StatsQuery &q)
{
    return {{QStringLiteral("from"), toIsoUtc(q.from)},
            {QStringLiteral("to"), toIsoUtc(q.to)},
            {QStringLiteral("days"), roundTo(static_cast<double>(q.from.msecsTo(q.to)) / 86400000.0, 4)}};
}

QString targetMessage(const Insight &i, const QLocale &l, const QString &scope)
{
    const double goal = i.baseline.value_or(0.0);
    if (i.metric == QLatin1String("high_confidence_share"))
        return tr("%1 % of decisions are High or Very High, below the %2 % target (%3)")
            .arg(l.toString(100 * i.current, 'f', 1), l.toString(100 * goal, 'f', 0), scope);
    if (i.metric == QLatin1String("low_confidence_share"))
        return tr("%1 % of decisions are Low, above the %2 % target (%3)")
            .arg(l.toString(100 * i.current, 'f', 1), l.toString(100 * goal, 'f', 0), scope);
    if (i.metric == QLatin1String("p99_execution_time_ms"))
        return tr("Execution time P99 %1 ms is not below the %2 ms target (%3)")
            .arg(l.toString(i.current, 'f', 0), l.toString(goal, 'f', 0), scope);
    return tr("Accuracy %1 is below the %2 target (%3)")
        .arg(l.toString(i.current, 'f', 3), l.toString(goal, 'f', 2), scope);
}

}  // namespace

QString insightScope(const Insight &i)
{
    if (!i.agentId.isEmpty() && !i.taskType.isEmpty())
        return tr("agent %1, task type %2").arg(i.agentId, i.taskType);
    if (!i.agentId.isEmpty())
        return tr("agent %1").arg(i.agentId);
    if (!i.taskType.isEmpty())
        return tr("task type %1").arg(i.taskType);
    return tr("all agents");
}

QString insightMessage(const Insight &i, const QLocale &l)
{
    const QString scope = insightScope(i);
    const double before = i.baseline.value_or(0.0);
    switch (i.kind) {
    case InsightKind::AccuracyDrop:
        return tr("Accuracy fell from %1 to %2 (%3)")
            .arg(l.toString(before, 'f', 3), l.toString(i.current, 'f', 3), scope);
    case InsightKind::LatencyIncrease:
        return tr("Execution time %1 rose from %2 ms to %3 ms (%4)")
            .arg(i.metric.startsWith(QLatin1String("p50")) ? QStringLiteral("P50") : QStringLiteral("P95"),
                 l.toString(before, 'f', 0), l.toString(i.current, 'f', 0), scope);
    case InsightKind::ConfidenceShift:
        return tr("Confidence distribution shifted (PSI %1): High and Very High went from %2 % to %3 % (%4)")
            .arg(l.toString(i.psi.value_or(0.0), 'f', 2), l.toString(100 * before, 'f', 1),
                 l.toString(100 * i.current, 'f', 1), scope);
    case InsightKind::FeedbackRateDrop:
        return tr("Feedback rate fell from %1 % to %2 % (%3)")
            .arg(l.toString(before, 'f', 1), l.toString(i.current, 'f', 1), scope);
    case InsightKind::VolumeChange:
        return tr("Decisions per day went from %1 to %2 (%3)")
            .arg(l.toString(before, 'f', 1), l.toString(i.current, 'f', 1), scope);
    case InsightKind::CalibrationWorse:
        return tr("Calibration worsened: ECE went from %1 to %2 (%3)")
            .arg(l.toString(before, 'f', 3), l.toString(i.current, 'f', 3), scope);
    case InsightKind::TargetMissed:
        return targetMessage(i, l, scope);
    case InsightKind::VersionRegression:
        return tr("A newer model version performs worse (%1)").arg(scope);
    }
    return {};
}

QString insightKindText(InsightKind kind)
{
    switch (kind) {
    case InsightKind::AccuracyDrop:
        return tr("Accuracy drop");
    case InsightKind::LatencyIncrease:
        return tr("Latency increase");
    case InsightKind::ConfidenceShift:
        return tr("Confidence shift");
    case InsightKind::FeedbackRateDrop:
        return tr("Feedback rate drop");
    case InsightKind::VolumeChange:
        return tr("Volume change");
    case InsightKind::CalibrationWorse:
        return tr("Calibration worse");
    case InsightKind::TargetMissed:
        return tr("Target missed");
    case InsightKind::VersionRegression:
        return tr("Version regression");
    }
    return {};
}

QString insightSeverityText(InsightSeverity severity)
{
    switch (severity) {
    case InsightSeverity::High:
        return tr("High");
    case InsightSeverity::Medium:
        return tr("Medium");
    case InsightSeverity::Low:
        return tr("Low");
    }
    return {};
}

QJsonObject insightsJson(const InsightsReport &report)
{
    QJsonArray rows;
    for (const Insight &i : report.insights) {
        QJsonObject o{
            {QStringLiteral("kind"), insightKindKey(i.kind)},
            {QStringLiteral("agent_id"), textOrNull(i.agentId)},
            {QStringLiteral("task_type"), textOrNull(i.taskType)},
            {QStringLiteral("metric"), i.metric},
            {QStringLiteral("baseline"), roundedOrNull(i.baseline, 4)},
            {QStringLiteral("current"), roundTo(i.current, 4)},
            {QStringLiteral("change"), roundTo(i.change, 4)},
            {QStringLiteral("n_baseline"),
             i.kind == InsightKind::TargetMissed ? QJsonValue(QJsonValue::Null) : QJsonValue(i.nBaseline)},
            {QStringLiteral("n_current"), i.nCurrent},
            {QStringLiteral("q_value"), i.qValue},
            {QStringLiteral("severity"), insightSeverityKey(i.severity)},
            {QStringLiteral("since"), toIsoUtc(i.since)},
            {QStringLiteral("message"), i.message},
        };
        if (i.psi)
            o.insert(QStringLiteral("psi"), roundTo(*i.psi, 4));
        else
            o.insert(QStringLiteral("p_value"), i.pValue);
        rows.append(o);
    }
    return {{QStringLiteral("period_days"), report.window.periodDays},
            {QStringLiteral("tests_run"), report.testsRun},
            {QStringLiteral("window"), windowJson(report.window)},
            {QStringLiteral("baseline"), windowJson(report.baseline)},
            {QStringLiteral("insights"), rows}};
}

}  // namespace atalaya
