#include "core/dashboard/OpenMetrics.h"

#include "core/insights/InsightsService.h"
#include "core/stats/StatsService.h"

#include <QStringList>

namespace atalaya {
namespace {

// Label values escape backslash, double quote and newline (OpenMetrics §ABNF).
QString labelValue(const QString &v)
{
    QString out = v;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    out.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return out;
}

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

class Writer {
public:
    void family(const QString &name, const QString &type, const QString &help, const QString &unit = {})
    {
        m_lines << QStringLiteral("# TYPE %1 %2").arg(name, type);
        if (!unit.isEmpty())
            m_lines << QStringLiteral("# UNIT %1 %2").arg(name, unit);
        m_lines << QStringLiteral("# HELP %1 %2").arg(name, help);
    }
    void sample(const QString &name, const QStringList &labels, double value)
    {
        const QString l =
            labels.isEmpty() ? QString() : QLatin1Char('{') + labels.join(QLatin1Char(',')) + QLatin1Char('}');
        m_lines << name + l + QLatin1Char(' ') + number(value);
    }
    QString text() const { return m_lines.join(QLatin1Char('\n')) + QStringLiteral("\n# EOF\n"); }

private:
    QStringList m_lines;
};

QString label(const QString &key, const QString &value)
{
    return QStringLiteral("%1=\"%2\"").arg(key, labelValue(value));
}

// One family per figure, overall (agent="") first, then per agent.
void perScope(Writer &w, const MetricsSnapshot &s, const QString &name, const QString &help, const QString &unit,
              const std::function<std::optional<double>(const WindowSummary &)> &value)
{
    w.family(name, QStringLiteral("gauge"), help, unit);
    if (auto v = value(s.summary))
        w.sample(name, {label(QStringLiteral("agent"), {})}, *v);
    for (const GroupSummary &g : s.agents) {
        if (auto v = value(g.summary))
            w.sample(name, {label(QStringLiteral("agent"), g.key)}, *v);
    }
}

std::optional<double> seconds(const std::optional<qint64> &ms)
{
    return ms ? std::optional<double>(static_cast<double>(*ms) / 1000.0) : std::nullopt;
}

}  // namespace

Result<MetricsSnapshot> loadMetrics(const std::shared_ptr<const Database> &db, const StatsQuery &query,
                                    const ReviewRules &rules)
{
    const StatsService stats(db);
    MetricsSnapshot s;
    s.query = query;
    auto summary = stats.summary(query);
    if (!summary)
        return summary.error();
    s.summary = *summary;
    auto agents = stats.grouped(query, GroupBy::Agent);
    if (!agents)
        return agents.error();
    s.agents = *agents;
    auto queue = ReviewQueue(db, rules).counts(QueueFilter{}, QDateTime::currentDateTimeUtc());
    if (!queue)
        return queue.error();
    s.queue = *queue;
    auto insights = InsightsService(db).run(insightOptionsFor(query));
    if (!insights)
        return insights.error();
    s.insights = *insights;
    return s;
}

QString openMetricsText(const MetricsSnapshot &s)
{
    Writer w;
    perScope(
        w, s, QStringLiteral("atalaya_decisions"), QStringLiteral("Decisions in the window."), {},
        [](const WindowSummary &v) { return std::optional<double>(static_cast<double>(v.accuracy.totalDecisions)); });
    perScope(w, s, QStringLiteral("atalaya_accuracy_ratio"),
             QStringLiteral("Average accuracy of reviewed decisions (partial counts 0.5)."), QStringLiteral("ratio"),
             [](const WindowSummary &v) { return v.accuracy.accuracyAvg; });
    perScope(w, s, QStringLiteral("atalaya_feedback_ratio"), QStringLiteral("Share of decisions with human feedback."),
             QStringLiteral("ratio"), [](const WindowSummary &v) {
                 auto p = v.accuracy.feedbackRatePercent();
                 return p ? std::optional<double>(*p / 100.0) : std::nullopt;
             });
    perScope(w, s, QStringLiteral("atalaya_confidence_ratio"), QStringLiteral("Average confidence score."),
             QStringLiteral("ratio"), [](const WindowSummary &v) { return v.avgConfidence; });
    const struct {
        const char *percentile;
        std::optional<qint64> ExecutionTimeStats::*field;
    } quantiles[] = {
        {"50", &ExecutionTimeStats::p50Ms}, {"95", &ExecutionTimeStats::p95Ms}, {"99", &ExecutionTimeStats::p99Ms}};
    const QString latency = QStringLiteral("atalaya_execution_time_seconds");
    w.family(latency, QStringLiteral("gauge"), QStringLiteral("Execution time percentiles (nearest rank)."),
             QStringLiteral("seconds"));
    auto latencyOf = [&](const QString &agent, const WindowSummary &v) {
        for (const auto &q : quantiles) {
            if (auto sec = seconds(v.execution.*(q.field)))
                w.sample(latency,
                         {label(QStringLiteral("agent"), agent),
                          label(QStringLiteral("percentile"), QLatin1String(q.percentile))},
                         *sec);
        }
    };
    latencyOf({}, s.summary);
    for (const GroupSummary &g : s.agents)
        latencyOf(g.key, g.summary);

    const QString pending = QStringLiteral("atalaya_review_queue_pending");
    w.family(pending, QStringLiteral("gauge"), QStringLiteral("Decisions waiting for human review, by priority."));
    for (int p = 0; p < kPriorityCount; ++p)
        w.sample(pending, {label(QStringLiteral("priority"), QStringLiteral("P%1").arg(p))},
                 static_cast<double>(s.queue.total[static_cast<size_t>(p)]));
    const QString overdue = QStringLiteral("atalaya_review_queue_overdue");
    w.family(overdue, QStringLiteral("gauge"), QStringLiteral("Pending reviews past their priority's due time."));
    for (int p = 0; p < kPriorityCount; ++p)
        w.sample(overdue, {label(QStringLiteral("priority"), QStringLiteral("P%1").arg(p))},
                 static_cast<double>(s.queue.overdue[static_cast<size_t>(p)]));

    const QString insights = QStringLiteral("atalaya_insights");
    w.family(insights, QStringLiteral("gauge"),
             QStringLiteral("Significant changes against the previous window, by severity (docs/INSIGHTS.md)."));
    for (InsightSeverity sev : {InsightSeverity::High, InsightSeverity::Medium, InsightSeverity::Low}) {
        const auto n = std::count_if(s.insights.insights.begin(), s.insights.insights.end(),
                                     [sev](const Insight &i) { return i.severity == sev; });
        w.sample(insights, {label(QStringLiteral("severity"), insightSeverityKey(sev))}, static_cast<double>(n));
    }
    return w.text();
}

}  // namespace atalaya
