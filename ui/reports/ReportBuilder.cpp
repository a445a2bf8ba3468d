#include "reports/ReportBuilder.h"

#include "Format.h"
#include "charts/DashboardCharts.h"
#include "models/AlertsModel.h"
#include "models/GroupTableModel.h"
#include "reports/PdfCanvas.h"

#include <QChart>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPdfWriter>

namespace atalaya {
namespace {

struct Report {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

QString periodText(const StatsQuery &q)
{
    const QLocale l;
    return Report::tr("%1 to %2 UTC (%n days)", nullptr, q.periodDays)
        .arg(l.toString(q.from.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm")),
             l.toString(q.to.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm")));
}

QString filterText(const StatsQuery &q)
{
    return Report::tr("Agent: %1 · Task type: %2")
        .arg(q.agentId.isEmpty() ? Report::tr("all") : q.agentId, q.taskType.isEmpty() ? Report::tr("all") : q.taskType);
}

void kpiBlock(PdfCanvas &c, const OverviewData &o)
{
    const WindowSummary &s = o.current;
    const std::pair<QString, QString> kpis[] = {
        {Report::tr("Total decisions"), fmt::count(s.accuracy.totalDecisions)},
        {Report::tr("Average accuracy"), fmt::ratioPercent(s.accuracy.accuracyAvg)},
        {Report::tr("Average confidence"), fmt::ratio(s.avgConfidence)},
        {Report::tr("Execution time P95"), fmt::ms(s.execution.p95Ms)},
        {Report::tr("Feedback rate"), fmt::percent(s.accuracy.feedbackRatePercent())},
        {Report::tr("Pending P0"), o.pendingUrgent ? fmt::count(*o.pendingUrgent) : fmt::dash()},
    };
    const qreal boxW = c.width() / 3.0;
    const qreal boxH = 58;
    c.ensure(boxH * 2);
    if (!c.painting()) {
        c.space(boxH * 2 + 10);
        return;
    }
    QPainter &p = c.painter();
    const qreal top = c.y();
    for (int i = 0; i < 6; ++i) {
        const QRectF box(boxW * (i % 3) + 3, top + boxH * (i / 3) + 3, boxW - 6, boxH - 6);
        p.setPen(QColor(0xdd, 0xe1, 0xe6));
        p.setBrush(QColor(0xf8, 0xf9, 0xfb));
        p.drawRoundedRect(box, 4, 4);
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(7);
        p.setFont(f);
        p.setPen(QColor(0x66, 0x66, 0x66));
        p.drawText(box.adjusted(8, 6, -8, 0), Qt::AlignLeft | Qt::AlignTop, kpis[i].first.toUpper());
        f.setPointSizeF(15);
        f.setBold(true);
        p.setFont(f);
        p.setPen(QColor(0x22, 0x22, 0x22));
        p.drawText(box.adjusted(8, 0, -8, -6), Qt::AlignLeft | Qt::AlignBottom, kpis[i].second);
    }
    p.setBrush(Qt::NoBrush);
    c.space(boxH * 2 + 10);
}

// Every block of the report, in order; run once per PdfCanvas pass.
void layOut(PdfCanvas &c, const ReportData &d)
{
    const StatsQuery &q = d.overview.query;
    const auto style = charts::ChartStyle::forPrint();
    const qreal half = (c.width() - 12) / 2;
    const bool empty = d.overview.current.accuracy.totalDecisions == 0;

    c.text(Report::tr("Atalaya — AI agent telemetry report"), 18, true);
    c.text(Report::tr("Period: %1").arg(periodText(q)), 9);
    c.text(Report::tr("Filters: %1").arg(filterText(q)), 9);
    c.text(Report::tr("Data source: %1").arg(d.dataSource), 9);
    c.text(Report::tr("Generated at: %1").arg(d.generatedAt.toUTC().toString(Qt::ISODate)), 9);
    c.space(8);
    c.text(Report::tr("Key figures"), 12, true);
    kpiBlock(c, d.overview);
    c.text(Report::tr("Active alerts"), 12, true);
    if (d.overview.alerts.empty()) {
        c.text(Report::tr("None: every metric is within the seed 000 thresholds."), 9);
    } else {
        AlertsModel alerts;
        alerts.setAlerts(d.overview.alerts);
        c.table(alerts);
    }

    // Draws the chart (or its empty state) in a box without moving the cursor; owns chart.
    auto place = [&](QChart *chart, bool isEmpty, qreal height, qreal x, qreal w) {
        if (isEmpty) {
            const QString title = chart->title();
            delete chart;
            c.emptyChart(title, height, x, w);
        } else {
            c.chart(chart, height, x, w);
        }
    };
    auto chartRow = [&](QChart *left, bool leftEmpty, QChart *right, bool rightEmpty, qreal height) {
        c.ensure(height);
        place(left, leftEmpty, height, 0, half);
        place(right, rightEmpty, height, half + 12, half);
        c.skipChartRow(height);
    };
    auto fullChart = [&](QChart *chart, bool isEmpty, qreal height) {
        c.ensure(height);
        place(chart, isEmpty, height, 0, c.width());
        c.skipChartRow(height);
    };

    using Col = GroupTableModel::Column;
    c.newPage();
    c.text(Report::tr("1. Accuracy"), 13, true);
    const bool noFeedback = d.accuracy.summary.accuracy.totalWithFeedback == 0;
    chartRow(charts::accuracyByTaskChart(style, d.accuracy.taskTypes), empty || noFeedback,
             charts::accuracyPerDayChart(style, d.accuracy.days), empty || noFeedback, 250);
    c.text(Report::tr("Agents"), 10, true);
    GroupTableModel agents(Report::tr("Agent"), {Col::Key, Col::Decisions, Col::FeedbackCount, Col::FeedbackRate,
                                                 Col::Accuracy, Col::AvgConfidence, Col::P95});
    agents.setRows(d.accuracy.agents);
    c.table(agents);
    c.text(Report::tr("Task types"), 10, true);
    GroupTableModel tasks(Report::tr("Task type"), {Col::Key, Col::Decisions, Col::Accuracy, Col::AvgMs, Col::P95, Col::P99});
    tasks.setRows(d.latency.taskTypes);
    c.table(tasks);

    c.newPage();
    c.text(Report::tr("2. Confidence"), 13, true);
    c.text(Report::tr("ECE %1 over %2 reviewed decisions: %3.")
               .arg(fmt::ratio(d.confidence.calibration.ece), fmt::count(d.confidence.calibration.reviewed),
                    charts::verdictText(d.confidence.calibration)),
           9);
    chartRow(charts::confidenceHistogramChart(style, d.confidence.summary.confidence), empty,
             charts::reliabilityChart(style, d.confidence.calibration), d.confidence.calibration.reviewed == 0, 270);
    fullChart(charts::confidenceScatterChart(style, charts::prepareConfidenceScatter(d.confidence.samples)),
              d.confidence.samples.empty(), 300);

    c.newPage();
    c.text(Report::tr("3. Execution time"), 13, true);
    fullChart(charts::latencyPerDayChart(style, d.latency.days), empty, 240);
    fullChart(charts::latencyBoxChart(style, d.latency.agentBoxes), empty, 255);

    c.text(Report::tr("4. Human feedback"), 13, true);
    fullChart(charts::feedbackPieChart(style, d.feedback.summary.accuracy), d.feedback.summary.accuracy.totalWithFeedback == 0, 190);
    GroupTableModel feedback(Report::tr("Agent"), {Col::Key, Col::Decisions, Col::FeedbackCount, Col::FeedbackRate});
    feedback.setRows(d.feedback.agents);
    c.table(feedback);
}

} // namespace

Status writePdfReport(const ReportData &d, const QString &file)
{
    QPdfWriter writer(file);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    writer.setResolution(96);
    writer.setTitle(Report::tr("Atalaya report"));
    writer.setCreator(QStringLiteral("Atalaya"));
    const QString header = Report::tr("Atalaya — AI agent telemetry report · %1").arg(periodText(d.overview.query));
    PdfCanvas measure(writer, PdfCanvas::Pass::Measure, header);
    layOut(measure, d);
    measure.finish();
    PdfCanvas c(writer, PdfCanvas::Pass::Paint, header, measure.pageCount());
    if (!c.ok())
        return makeError(ErrorCode::Usage, Report::tr("cannot write the PDF to %1").arg(file));
    layOut(c, d);
    c.finish();
    return {};
}

} // namespace atalaya
