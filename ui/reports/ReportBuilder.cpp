#include "reports/ReportBuilder.h"

#include "Format.h"
#include "charts/DashboardCharts.h"
#include "models/AlertsModel.h"
#include "models/GroupTableModel.h"

#include <QChart>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

#include <memory>

namespace atalaya {
namespace {

struct Report {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

// Lays out blocks top to bottom and starts a new page when a block does not fit.
class PdfCanvas {
public:
    explicit PdfCanvas(QPdfWriter &writer, QString header)
        : m_writer(writer), m_painter(&writer), m_header(std::move(header))
    {
        m_page = QRectF(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
        beginPage();
    }

    bool ok() const { return m_painter.isActive(); }
    qreal width() const { return m_page.width(); }
    QPainter &painter() { return m_painter; }

    void ensure(qreal height)
    {
        if (m_y + height > m_page.bottom() - kFooter)
            newPage();
    }
    void newPage()
    {
        footer();
        m_writer.newPage();
        beginPage();
    }
    void finish() { footer(); m_painter.end(); }

    void text(const QString &t, qreal pointSize, bool bold = false, const QColor &color = QColor(0x22, 0x22, 0x22))
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(pointSize);
        f.setBold(bold);
        m_painter.setFont(f);
        const QRectF box = m_painter.boundingRect(QRectF(0, 0, width(), 1e6), Qt::TextWordWrap, t);
        ensure(box.height());
        m_painter.setPen(color);
        m_painter.drawText(QRectF(0, m_y, width(), box.height()), Qt::TextWordWrap, t);
        m_y += box.height() + pointSize * 0.4;
    }
    void space(qreal h) { m_y += h; }

    // Renders the chart as vectors into a box of the given height; ownership is taken.
    void chart(QChart *chart, qreal height, qreal x = 0, qreal w = -1, bool advance = true)
    {
        std::unique_ptr<QChart> owned(chart);
        if (w < 0)
            w = width();
        ensure(height);
        // Lay the chart out at screen-like size so fonts keep their proportions, then scale.
        const QSizeF logical(w / m_scale, height / m_scale);
        QGraphicsScene scene;
        scene.addItem(owned.get());
        owned->setGeometry(QRectF(QPointF(0, 0), logical));
        scene.setSceneRect(QRectF(QPointF(0, 0), logical));
        scene.render(&m_painter, QRectF(x, m_y, w, height), scene.sceneRect(), Qt::KeepAspectRatio);
        scene.removeItem(owned.get());
        if (advance)
            m_y += height + 12;
    }
    void skipChartRow(qreal height) { m_y += height + 12; }
    void emptyChart(const QString &title, qreal height, qreal x = 0, qreal w = -1)
    {
        if (w < 0)
            w = width();
        ensure(height);
        m_painter.setPen(QColor(0xaa, 0xaa, 0xaa));
        m_painter.drawRect(QRectF(x, m_y, w, height));
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(9);
        m_painter.setFont(f);
        m_painter.drawText(QRectF(x, m_y, w, height), Qt::AlignCenter, title + QStringLiteral("\n") + charts::emptyText());
    }

    void table(const QAbstractItemModel &model, const QList<qreal> &widths)
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(8);
        const qreal rowH = QFontMetricsF(f, &m_writer).height() * 1.6;
        auto row = [&](int r, bool header) {
            ensure(rowH);
            qreal x = 0;
            f.setBold(header);
            m_painter.setFont(f);
            if (header)
                m_painter.fillRect(QRectF(0, m_y, width(), rowH), QColor(0xee, 0xf1, 0xf5));
            else if (r % 2 == 1)
                m_painter.fillRect(QRectF(0, m_y, width(), rowH), QColor(0xf8, 0xf9, 0xfb));
            m_painter.setPen(QColor(0x22, 0x22, 0x22));
            for (int c = 0; c < model.columnCount(); ++c) {
                const qreal w = widths.value(c, 0.2) * width();
                const QString t = header ? model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()
                                         : model.index(r, c).data(Qt::DisplayRole).toString();
                const QVariant align = header ? model.headerData(c, Qt::Horizontal, Qt::TextAlignmentRole)
                                              : model.index(r, c).data(Qt::TextAlignmentRole);
                const Qt::Alignment a = align.isValid() ? Qt::Alignment(align.toInt()) : Qt::AlignLeft | Qt::AlignVCenter;
                m_painter.drawText(QRectF(x + 4, m_y, w - 8, rowH), a | Qt::TextSingleLine,
                                   QFontMetricsF(f, &m_writer).elidedText(t, Qt::ElideRight, w - 8));
                x += w;
            }
            m_y += rowH;
        };
        row(-1, true);
        for (int r = 0; r < model.rowCount(); ++r)
            row(r, false);
        m_y += 10;
    }

    qreal y() const { return m_y; }

private:
    static constexpr qreal kFooter = 40;

    void beginPage()
    {
        ++m_pageNumber;
        m_y = 0;
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(7.5);
        m_painter.setFont(f);
        m_painter.setPen(QColor(0x77, 0x77, 0x77));
        if (m_pageNumber > 1) {
            m_painter.drawText(QRectF(0, 0, width(), 20), Qt::AlignLeft | Qt::AlignTop, m_header);
            m_painter.setPen(QColor(0xdd, 0xdd, 0xdd));
            m_painter.drawLine(QPointF(0, 20), QPointF(width(), 20));
            m_y = 30;
        }
    }
    void footer()
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(7.5);
        m_painter.setFont(f);
        m_painter.setPen(QColor(0x77, 0x77, 0x77));
        m_painter.drawText(QRectF(0, m_page.bottom() - 20, width(), 20), Qt::AlignRight | Qt::AlignBottom,
                           Report::tr("Page %1").arg(m_pageNumber));
    }

    QPdfWriter &m_writer;
    QPainter m_painter;
    QString m_header;
    QRectF m_page;
    qreal m_y = 0;
    int m_pageNumber = 0;
    // Charts are laid out larger than their box and scaled down, so half-page charts keep
    // screen-like proportions between fonts and plot area.
    const qreal m_scale = 0.7;
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

} // namespace

Status writePdfReport(const ReportData &d, const QString &file)
{
    QPdfWriter writer(file);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    writer.setResolution(96);
    writer.setTitle(Report::tr("Atalaya report"));
    writer.setCreator(QStringLiteral("Atalaya"));
    const StatsQuery &q = d.overview.query;
    PdfCanvas c(writer, Report::tr("Atalaya — AI agent telemetry report · %1").arg(periodText(q)));
    if (!c.ok())
        return makeError(ErrorCode::Usage, Report::tr("cannot write the PDF to %1").arg(file));
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
        c.table(alerts, {0.12, 0.2, 0.68});
    }

    auto chartRow = [&](QChart *left, bool leftEmpty, QChart *right, bool rightEmpty, qreal height) {
        c.ensure(height);
        const QString lt = left->title();
        const QString rt = right->title();
        if (leftEmpty) {
            delete left;
            c.emptyChart(lt, height, 0, half);
        } else {
            c.chart(left, height, 0, half, false);
        }
        if (rightEmpty) {
            delete right;
            c.emptyChart(rt, height, half + 12, half);
        } else {
            c.chart(right, height, half + 12, half, false);
        }
        c.skipChartRow(height);
    };
    auto fullChart = [&](QChart *chart, bool isEmpty, qreal height) {
        if (isEmpty) {
            const QString t = chart->title();
            delete chart;
            c.emptyChart(t, height);
            c.skipChartRow(height);
        } else {
            c.chart(chart, height);
        }
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
    c.table(agents, {0.25, 0.1, 0.15, 0.14, 0.11, 0.14, 0.11});
    c.text(Report::tr("Task types"), 10, true);
    GroupTableModel tasks(Report::tr("Task type"), {Col::Key, Col::Decisions, Col::Accuracy, Col::AvgMs, Col::P95, Col::P99});
    tasks.setRows(d.latency.taskTypes);
    c.table(tasks, {0.3, 0.14, 0.14, 0.14, 0.14, 0.14});

    c.newPage();
    c.text(Report::tr("2. Confidence"), 13, true);
    c.text(Report::tr("ECE %1 over %2 reviewed decisions: %3.")
               .arg(fmt::ratio(d.confidence.calibration.ece), fmt::count(d.confidence.calibration.reviewed),
                    charts::verdictText(d.confidence.calibration)),
           9);
    chartRow(charts::confidenceHistogramChart(style, d.confidence.summary.confidence), empty,
             charts::reliabilityChart(style, d.confidence.calibration), d.confidence.calibration.reviewed == 0, 270);
    fullChart(charts::confidenceScatterChart(style, d.confidence.samples), d.confidence.samples.empty(), 300);

    c.newPage();
    c.text(Report::tr("3. Execution time"), 13, true);
    fullChart(charts::latencyPerDayChart(style, d.latency.days), empty, 260);
    fullChart(charts::latencyBoxChart(style, d.latency.agentBoxes), empty, 280);

    c.text(Report::tr("4. Human feedback"), 13, true);
    c.ensure(260);
    fullChart(charts::feedbackPieChart(style, d.feedback.summary.accuracy), d.feedback.summary.accuracy.totalWithFeedback == 0, 240);
    GroupTableModel feedback(Report::tr("Agent"), {Col::Key, Col::Decisions, Col::FeedbackCount, Col::FeedbackRate});
    feedback.setRows(d.feedback.agents);
    c.table(feedback, {0.4, 0.2, 0.2, 0.2});
    c.finish();
    return {};
}

} // namespace atalaya
