#include "core/insights/InsightText.h"

#include "core/common/JsonUtil.h"
#include "core/common/TimeUtil.h"
#include "core/stats/ConfidenceBuckets.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace atalaya {
namespace {

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

// The seed's bucket names (core/stats/ConfidenceBuckets.h order).
QString bucketName(int bucket)
{
    static const char *const names[] = {
        QT_TRANSLATE_NOOP("atalaya::Insights", "Low (< 0.50)"),
        QT_TRANSLATE_NOOP("atalaya::Insights", "Medium (0.50–0.70)"),
        QT_TRANSLATE_NOOP("atalaya::Insights", "Good (0.70–0.85)"),
        QT_TRANSLATE_NOOP("atalaya::Insights", "High (0.85–0.95)"),
        QT_TRANSLATE_NOOP("atalaya::Insights", "Very high (≥ 0.95)"),
    };
    return QCoreApplication::translate("atalaya::Insights", names[std::clamp(bucket, 0, 4)]);
}

QString targetMessage(const Insight &i, const QLocale &l, const QString &scope)
{
    const double goal = i.baseline.value_or(0.0);
    if (i.metric == QLatin1String("high_confidence_share"))
        return QCoreApplication::translate("atalaya::Insights",
                                           "%1 % of decisions are High or Very High, below the %2 % target (%3)")
            .arg(l.toString(100 * i.current, 'f', 1), l.toString(100 * goal, 'f', 0), scope);
    if (i.metric == QLatin1String("low_confidence_share"))
        return QCoreApplication::translate("atalaya::Insights", "%1 % of decisions are Low, above the %2 % target (%3)")
            .arg(l.toString(100 * i.current, 'f', 1), l.toString(100 * goal, 'f', 0), scope);
    if (i.metric == QLatin1String("p99_execution_time_ms"))
        return QCoreApplication::translate("atalaya::Insights",
                                           "Execution time P99 %1 ms is not below the %2 ms target (%3)")
            .arg(l.toString(i.current, 'f', 0), l.toString(goal, 'f', 0), scope);
    return QCoreApplication::translate("atalaya::Insights", "Accuracy %1 is below the %2 target (%3)")
        .arg(l.toString(i.current, 'f', 3), l.toString(goal, 'f', 2), scope);
}

}  // namespace

QString insightScope(const Insight &i)
{
    if (!i.agentId.isEmpty() && !i.taskType.isEmpty())
        return QCoreApplication::translate("atalaya::Insights", "agent %1, task type %2").arg(i.agentId, i.taskType);
    if (!i.agentId.isEmpty())
        return QCoreApplication::translate("atalaya::Insights", "agent %1").arg(i.agentId);
    if (!i.taskType.isEmpty())
        return QCoreApplication::translate("atalaya::Insights", "task type %1").arg(i.taskType);
    return QCoreApplication::translate("atalaya::Insights", "all agents");
}

QString insightMessage(const Insight &i, const QLocale &l)
{
    const QString scope = insightScope(i);
    const double before = i.baseline.value_or(0.0);
    switch (i.kind) {
    case InsightKind::AccuracyDrop:
        return QCoreApplication::translate("atalaya::Insights", "Accuracy fell from %1 to %2 (%3)")
            .arg(l.toString(before, 'f', 3), l.toString(i.current, 'f', 3), scope);
    case InsightKind::LatencyIncrease:
        return QCoreApplication::translate("atalaya::Insights", "Execution time %1 rose from %2 ms to %3 ms (%4)")
            .arg(i.metric.startsWith(QLatin1String("p50")) ? QStringLiteral("P50") : QStringLiteral("P95"),
                 l.toString(before, 'f', 0), l.toString(i.current, 'f', 0), scope);
    case InsightKind::ConfidenceShift:
        return QCoreApplication::translate(
                   "atalaya::Insights",
                   "Confidence distribution shifted (PSI %1): %2 went from %3 % to %4 % of decisions (%5)")
            .arg(l.toString(i.psi.value_or(0.0), 'f', 2), bucketName(i.bucket.value_or(0)),
                 l.toString(100 * before, 'f', 1), l.toString(100 * i.current, 'f', 1), scope);
    case InsightKind::FeedbackRateDrop:
        return QCoreApplication::translate("atalaya::Insights", "Feedback rate fell from %1 % to %2 % (%3)")
            .arg(l.toString(before, 'f', 1), l.toString(i.current, 'f', 1), scope);
    case InsightKind::VolumeChange:
        return QCoreApplication::translate("atalaya::Insights", "Decisions per day went from %1 to %2 (%3)")
            .arg(l.toString(before, 'f', 1), l.toString(i.current, 'f', 1), scope);
    case InsightKind::CalibrationWorse:
        return QCoreApplication::translate("atalaya::Insights", "Calibration worsened: ECE went from %1 to %2 (%3)")
            .arg(l.toString(before, 'f', 3), l.toString(i.current, 'f', 3), scope);
    case InsightKind::TargetMissed: return targetMessage(i, l, scope);
    case InsightKind::VersionRegression:
        if (i.metric == QLatin1String("p95_execution_time_ms"))
            return QCoreApplication::translate("atalaya::Insights",
                                               "Model version %1 is slower than %2: P95 %3 ms against %4 ms (%5)")
                .arg(i.version, i.previousVersion, l.toString(i.current, 'f', 0), l.toString(before, 'f', 0), scope);
        return QCoreApplication::translate("atalaya::Insights",
                                           "Model version %1 is less accurate than %2: %3 against %4 (%5)")
            .arg(i.version, i.previousVersion, l.toString(i.current, 'f', 3), l.toString(before, 'f', 3), scope);
    case InsightKind::RiskFeatureDrift:
        return QCoreApplication::translate("atalaya::Insights",
                                           "Risk feature %1 drifted from the model's training data (PSI %2, %3 recent cycles)")
            .arg(i.metric, l.toString(i.psi.value_or(0.0), 'f', 2), l.toString(i.nCurrent));
    case InsightKind::RiskModelStale:
        return QCoreApplication::translate("atalaya::Insights",
                                           "The risk model was last trained %1 days ago (retrain every %2 days)")
            .arg(l.toString(i.current, 'f', 0), l.toString(before, 'f', 0));
    case InsightKind::RiskPredictionAccuracy:
        return QCoreApplication::translate(
                   "atalaya::Insights",
                   "Past risk predictions were right %1 % of the time against %2 % in the model's validation (%3 outcomes)")
            .arg(l.toString(100 * i.current, 'f', 1), l.toString(100 * before, 'f', 1), l.toString(i.nCurrent));
    }
    return {};
}

QString insightKindText(InsightKind kind)
{
    switch (kind) {
    case InsightKind::AccuracyDrop: return QCoreApplication::translate("atalaya::Insights", "Accuracy drop");
    case InsightKind::LatencyIncrease: return QCoreApplication::translate("atalaya::Insights", "Latency increase");
    case InsightKind::ConfidenceShift: return QCoreApplication::translate("atalaya::Insights", "Confidence shift");
    case InsightKind::FeedbackRateDrop: return QCoreApplication::translate("atalaya::Insights", "Feedback rate drop");
    case InsightKind::VolumeChange: return QCoreApplication::translate("atalaya::Insights", "Volume change");
    case InsightKind::CalibrationWorse: return QCoreApplication::translate("atalaya::Insights", "Calibration worse");
    case InsightKind::TargetMissed: return QCoreApplication::translate("atalaya::Insights", "Target missed");
    case InsightKind::VersionRegression: return QCoreApplication::translate("atalaya::Insights", "Version regression");
    case InsightKind::RiskFeatureDrift: return QCoreApplication::translate("atalaya::Insights", "Risk feature drift");
    case InsightKind::RiskModelStale: return QCoreApplication::translate("atalaya::Insights", "Risk model stale");
    case InsightKind::RiskPredictionAccuracy:
        return QCoreApplication::translate("atalaya::Insights", "Risk prediction accuracy");
    }
    return {};
}

QString insightSeverityText(InsightSeverity severity)
{
    switch (severity) {
    case InsightSeverity::High: return QCoreApplication::translate("atalaya::Insights", "High");
    case InsightSeverity::Medium: return QCoreApplication::translate("atalaya::Insights", "Medium");
    case InsightSeverity::Low: return QCoreApplication::translate("atalaya::Insights", "Low");
    }
    return {};
}

QJsonObject insightsJson(const InsightsReport &report)
{
    QJsonArray rows;
    for (const Insight &i : report.insights) {
        // A stale model is a fact of its age, not a test: no p-value enters the FDR control.
        const bool untested = i.kind == InsightKind::RiskModelStale;
        QJsonObject o{
            {QStringLiteral("kind"), insightKindKey(i.kind)},
            {QStringLiteral("agent_id"), textOrNull(i.agentId)},
            {QStringLiteral("task_type"), textOrNull(i.taskType)},
            {QStringLiteral("metric"), i.metric},
            {QStringLiteral("baseline"), roundedOrNull(i.baseline, 4)},
            {QStringLiteral("current"), roundTo(i.current, 4)},
            {QStringLiteral("change"), roundTo(i.change, 4)},
            {QStringLiteral("n_baseline"), untested || i.kind == InsightKind::TargetMissed
                                               ? QJsonValue(QJsonValue::Null)
                                               : QJsonValue(i.nBaseline)},
            {QStringLiteral("n_current"), i.nCurrent},
            {QStringLiteral("q_value"), untested ? QJsonValue(QJsonValue::Null) : QJsonValue(i.qValue)},
            {QStringLiteral("severity"), insightSeverityKey(i.severity)},
            {QStringLiteral("since"), toIsoUtc(i.since)},
            {QStringLiteral("message"), i.message},
        };
        if (i.kind == InsightKind::VersionRegression) {
            o.insert(QStringLiteral("version"), i.version);
            o.insert(QStringLiteral("previous_version"), i.previousVersion);
        }
        if (i.psi)
            o.insert(QStringLiteral("psi"), roundTo(*i.psi, 4));
        if (i.bucket)
            o.insert(QStringLiteral("bucket"), confidenceBucketKey(*i.bucket));
        else
            o.insert(QStringLiteral("p_value"), untested ? QJsonValue(QJsonValue::Null) : QJsonValue(i.pValue));
        rows.append(o);
    }
    QJsonArray skipped;
    for (const SkippedCheck &s : report.skipped) {
        skipped.append(QJsonObject{{QStringLiteral("kind"), insightKindKey(s.kind)},
                                   {QStringLiteral("agent_id"), s.agentId},
                                   {QStringLiteral("decisions"), s.decisions},
                                   {QStringLiteral("reason"), s.reason}});
    }
    return {{QStringLiteral("period_days"), report.window.periodDays},
            {QStringLiteral("tests_run"), report.testsRun},
            {QStringLiteral("window"), windowJson(report.window)},
            {QStringLiteral("baseline"), windowJson(report.baseline)},
            {QStringLiteral("insights"), rows},
            {QStringLiteral("skipped"), skipped}};
}

}  // namespace atalaya
