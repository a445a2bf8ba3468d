#include "ui/reports/ReportBuilder.h"

#include "ui/common/Format.h"
#include "ui/dashboard/DashboardCharts.h"
#include "ui/dashboard/AgreementModels.h"
#include "ui/dashboard/AlertsModel.h"
#include "ui/insights/InsightsModel.h"
#include "ui/dashboard/GroupTableModel.h"
#include "ui/reports/PdfCanvas.h"

#include <QChart>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPdfWriter>
#include <QSaveFile>
#include <QBuffer>
#include <QDir>

#include <functional>
#include <vector>

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
        .arg(q.agentId.isEmpty() ? Report::tr("all") : q.agentId,
             q.taskType.isEmpty() ? Report::tr("all") : q.taskType);
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

// Draws the chart (or its empty state) in a box without moving the cursor; owns chart.
void place(PdfCanvas &c, QChart *chart, bool isEmpty, qreal height, qreal x, qreal w)
{
    if (isEmpty) {
        const QString title = chart->title();
        delete chart;
        c.emptyChart(title, height, x, w);
    } else {
        c.chart(chart, height, x, w);
    }
}

void chartRow(PdfCanvas &c, QChart *left, bool leftEmpty, QChart *right, bool rightEmpty, qreal height)
{
    const qreal half = (c.width() - 12) / 2;
    c.ensure(height);
    place(c, left, leftEmpty, height, 0, half);
    place(c, right, rightEmpty, height, half + 12, half);
    c.skipChartRow(height);
}

void fullChart(PdfCanvas &c, QChart *chart, bool isEmpty, qreal height)
{
    c.ensure(height);
    place(c, chart, isEmpty, height, 0, c.width());
    c.skipChartRow(height);
}

// What failed and what to do about it.
Error writeError(const QString &path, const QString &reason)
{
    return Error{ErrorCode::Usage,
                 Report::tr("Cannot write the report to %1 (%2). Choose a folder where you may create files, "
                            "or check that the disk is not full.")
                     .arg(QDir::toNativeSeparators(path), reason)};
}

bool isEmpty(const ReportData &d)
{
    return d.overview.current.accuracy.totalDecisions == 0;
}

using Block = std::function<void(PdfCanvas &, const ReportData &)>;

// Every block of the report, in order. Each runs once per PdfCanvas pass and is one step of
// PdfReportWriter: no block may take long on the GUI thread (a chart or a table at most).
std::vector<Block> reportBlocks()
{
    using Col = GroupTableModel::Column;
    const auto style = charts::ChartStyle::forPrint();
    std::vector<Block> blocks;
    blocks.push_back([](PdfCanvas &c, const ReportData &d) {
        const StatsQuery &q = d.overview.query;
        c.text(Report::tr("Atalaya — AI agent telemetry report"), 18, true);
        c.text(Report::tr("Period: %1").arg(periodText(q)), 9);
        c.text(Report::tr("Filters: %1").arg(filterText(q)), 9);
        c.text(Report::tr("Data source: %1").arg(d.dataSource), 9);
        // The app's one time shape, not ISO's "T…Z": the period above reads "yyyy-MM-dd HH:mm … UTC".
        c.text(Report::tr("Generated at: %1").arg(fmt::dateTimeSeconds(d.generatedAt) + QStringLiteral(" UTC")), 9);
        c.space(8);
        c.text(Report::tr("Key figures"), 12, true);
        kpiBlock(c, d.overview);
    });
    blocks.push_back([](PdfCanvas &c, const ReportData &d) {
        c.text(Report::tr("Active alerts"), 12, true);
        if (d.overview.alerts.empty()) {
            c.text(Report::tr("None: every metric is within the seed 000 thresholds."), 9);
            return;
        }
        AlertsModel alerts;
        alerts.setAlerts(d.overview.alerts);
        c.table(alerts);
    });
    blocks.push_back([](PdfCanvas &c, const ReportData &d) {
        c.text(Report::tr("Insights"), 12, true);
        const InsightsReport &r = d.overview.insights;
        c.text(Report::tr("The period against the one before it; %n test(s), false-discovery rate 5 % "
                          "(docs/INSIGHTS.md).",
                          "", r.testsRun),
               9);
        if (r.insights.empty()) {
            c.text(Report::tr("No significant change."), 9);
            return;
        }
        InsightsModel insights;
        insights.setInsights(r.insights);
        c.table(insights);
    });
    blocks.push_back([style](PdfCanvas &c, const ReportData &d) {
        const bool noData = isEmpty(d) || d.accuracy.summary.accuracy.totalWithFeedback == 0;
        c.newPage();
        c.text(Report::tr("1. Accuracy"), 13, true);
        chartRow(c, charts::accuracyByTaskChart(style, d.accuracy.taskTypes), noData,
                 charts::accuracyPerDayChart(style, d.accuracy.days), noData, 250);
    });
    blocks.push_back([](PdfCanvas &c, const ReportData &d) {
        c.text(Report::tr("Agents"), 10, true);
        GroupTableModel agents(Report::tr("Agent"),
                               {Col::Key, Col::Decisions, Col::FeedbackCount, Col::FeedbackRate, Col::Accuracy,
                                Col::AvgConfidence, Col::P95});
        agents.setRows(d.accuracy.agents);
        c.table(agents);
    });
    blocks.push_back([](PdfCanvas &c, const ReportData &d) {
        c.text(Report::tr("Task types"), 10, true);
        GroupTableModel tasks(Report::tr("Task type"),
                              {Col::Key, Col::Decisions, Col::Accuracy, Col::AvgMs, Col::P95, Col::P99});
        tasks.setRows(d.latency.taskTypes);
        c.table(tasks);
    });
    blocks.push_back([style](PdfCanvas &c, const ReportData &d) {
        c.newPage();
        c.text(Report::tr("2. Confidence"), 13, true);
        c.text(Report::tr("ECE %1 over %2 reviewed decisions: %3.")
                   .arg(fmt::ratio(d.confidence.calibration.ece), fmt::count(d.confidence.calibration.reviewed),
                        charts::verdictText(d.confidence.calibration)),
               9);
        chartRow(c, charts::confidenceHistogramChart(style, d.confidence.summary.confidence), isEmpty(d),
                 charts::reliabilityChart(style, d.confidence.calibration), d.confidence.calibration.reviewed == 0,
                 270);
    });
    blocks.push_back([style](PdfCanvas &c, const ReportData &d) {
        fullChart(c, charts::confidenceScatterChart(style, charts::prepareConfidenceScatter(d.confidence.samples)),
                  d.confidence.samples.empty(), 300);
    });
    blocks.push_back([style](PdfCanvas &c, const ReportData &d) {
        c.newPage();
        c.text(Report::tr("3. Execution time"), 13, true);
        fullChart(c, charts::latencyPerDayChart(style, d.latency.days), isEmpty(d), 240);
    });
    blocks.push_back([style](PdfCanvas &c, const ReportData &d) {
        fullChart(c, charts::latencyBoxChart(style, d.latency.agentBoxes), isEmpty(d), 255);
    });
    blocks.push_back([style](PdfCanvas &c, const ReportData &d) {
        c.text(Report::tr("4. Human feedback"), 13, true);
        fullChart(c, charts::feedbackPieChart(style, d.feedback.summary.accuracy),
                  d.feedback.summary.accuracy.totalWithFeedback == 0, 190);
    });
    blocks.push_back([](PdfCanvas &c, const ReportData &d) {
        GroupTableModel feedback(Report::tr("Agent"),
                                 {Col::Key, Col::Decisions, Col::FeedbackCount, Col::FeedbackRate});
        feedback.setRows(d.feedback.agents);
        c.table(feedback);
    });
    blocks.push_back([style](PdfCanvas &c, const ReportData &d) {
        fullChart(c, charts::feedbackRateByAgentChart(style, d.feedback.agents), d.feedback.agents.empty(), 200);
    });
    blocks.push_back([](PdfCanvas &c, const ReportData &d) {
        const AgreementReport &a = d.feedback.agreement;
        c.text(Report::tr("Reviewer agreement"), 10, true);
        c.text(overallAgreementText(a), 9);
        if (a.overall.n == 0)
            return;
        c.text(kappaExplanation(), 8);
        AgreementPairsModel pairs;
        pairs.setPairs(a.pairs);
        c.table(pairs);
    });
    blocks.push_back([](PdfCanvas &c, const ReportData &d) {
        const AgreementReport &a = d.feedback.agreement;
        if (a.reviewers.empty())
            return;
        c.text(Report::tr("Reviewers"), 10, true);
        c.text(Report::tr("P0–P3: median time from the decision's creation to the reviewer's verdict. SLA hit "
                          "rate: first reviews given within the priority's SLA. Overturned: share of the "
                          "reviewer's first and second reviews the adjudicator changed."),
               8);
        ReviewerAgreementModel reviewers;
        reviewers.setReviewers(a.reviewers);
        c.table(reviewers);
    });
    return blocks;
}

}  // namespace

struct PdfReportWriter::State {
    ReportData data;
    QString path;
    QSaveFile file;
    QBuffer buffer;
    std::unique_ptr<QPdfWriter> writer;
    std::vector<Block> blocks;
    QString header;
    std::unique_ptr<PdfCanvas> canvas;
    int done = 0;
};

PdfReportWriter::PdfReportWriter(QString file) : d(std::make_unique<State>())
{
    d->path = std::move(file);
    d->file.setFileName(d->path);
    d->blocks = reportBlocks();
}

PdfReportWriter::~PdfReportWriter()
{
    // Painter and canvas end before the writer and the buffer they paint into.
    d->canvas.reset();
    d->writer.reset();
    if (d->file.isOpen())
        d->file.cancelWriting();
}

Status PdfReportWriter::open()
{
    if (!d->file.open(QIODevice::WriteOnly)) {
        return writeError(d->path, d->file.errorString());
    }
    return {};
}

void PdfReportWriter::begin(ReportData data)
{
    d->data = std::move(data);
    d->buffer.open(QIODevice::WriteOnly);
    d->writer = std::make_unique<QPdfWriter>(&d->buffer);
    d->writer->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                         QPageLayout::Millimeter));
    d->writer->setResolution(96);
    d->writer->setTitle(Report::tr("Atalaya report"));
    d->writer->setCreator(QStringLiteral("Atalaya"));
    d->header = Report::tr("Atalaya — AI agent telemetry report · %1").arg(periodText(d->data.overview.query));
    d->canvas = std::make_unique<PdfCanvas>(*d->writer, PdfCanvas::Pass::Measure, d->header);
}

int PdfReportWriter::stepCount() const
{
    return static_cast<int>(d->blocks.size()) * 2;
}

int PdfReportWriter::stepsDone() const
{
    return d->done;
}

void PdfReportWriter::step()
{
    const int blocks = static_cast<int>(d->blocks.size());
    d->blocks[static_cast<size_t>(d->done % blocks)](*d->canvas, d->data);
    ++d->done;
    if (d->done == blocks) {
        // Measuring done: the painting pass knows the page total for "page N of M".
        d->canvas->finish();
        const int pages = d->canvas->pageCount();
        d->canvas = std::make_unique<PdfCanvas>(*d->writer, PdfCanvas::Pass::Paint, d->header, pages);
    }
}

Status PdfReportWriter::commit()
{
    const bool painted = d->canvas && d->canvas->ok();
    if (painted)
        d->canvas->finish();
    d->canvas.reset();
    d->writer.reset();
    if (!painted || d->file.write(d->buffer.data()) != d->buffer.data().size() || !d->file.commit()) {
        const QString reason = painted ? d->file.errorString() : Report::tr("the PDF could not be drawn");
        d->file.cancelWriting();
        return writeError(d->path, reason);
    }
    return {};
}

Status writePdfReport(const ReportData &data, const QString &file)
{
    PdfReportWriter writer(file);
    if (auto opened = writer.open(); !opened)
        return opened;
    writer.begin(data);
    while (!writer.atEnd())
        writer.step();
    return writer.commit();
}

}  // namespace atalaya
