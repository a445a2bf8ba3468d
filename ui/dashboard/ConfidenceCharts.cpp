// Page 3 (Confidence): the seed bucket histogram, the reliability diagram and the
// confidence-vs-feedback scatter.
#include "ui/dashboard/DashboardCharts.h"

#include "ui/common/Format.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QGuiApplication>
#include <QImage>
#include <QtMath>
#include <QLegend>
#include <QLegendMarker>
#include <QPainter>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>

namespace atalaya::charts {

QString confidenceBucketName(int bucket)
{
    switch (bucket) {
    case 0: return DashboardCharts::tr("Low (0.00–0.50)");
    case 1: return DashboardCharts::tr("Medium (0.50–0.70)");
    case 2: return DashboardCharts::tr("Good (0.70–0.85)");
    case 3: return DashboardCharts::tr("High (0.85–0.95)");
    default: return DashboardCharts::tr("Very high (0.95–1.00)");
    }
}

QString verdictText(const CalibrationReport &c)
{
    if (!c.verdict)
        return DashboardCharts::tr("no reviewed decisions");
    switch (*c.verdict) {
    case CalibrationVerdict::Calibrated: return DashboardCharts::tr("calibrated");
    case CalibrationVerdict::OverConfident: return DashboardCharts::tr("over-confident");
    case CalibrationVerdict::UnderConfident: return DashboardCharts::tr("under-confident");
    }
    return {};
}

QChart *confidenceHistogramChart(const ChartStyle &style, const ConfidenceDistribution &distribution)
{
    QChart *chart = newChart(style, DashboardCharts::tr("Confidence distribution"));
    auto *set = new QBarSet(DashboardCharts::tr("Decisions"));
    set->setColor(style.accent(1));
    set->setBorderColor(style.accent(1));
    set->setLabelColor(style.text);
    QStringList categories;
    qint64 top = 0;
    QFont labelFont = set->labelFont();
    labelFont.setPointSizeF(8);
    set->setLabelFont(labelFont);
    for (int b = 0; b < 5; ++b) {
        // Axis labels are rich text: name and range on two lines so the five fit side by side.
        categories << confidenceBucketName(b)
                          .replace(QStringLiteral(" ("), QStringLiteral("<br>("))
                          .toHtmlEscaped()
                          .replace(QStringLiteral("&lt;br&gt;"), QStringLiteral("<br>"));
        *set << static_cast<qreal>(distribution.counts[static_cast<size_t>(b)]);
        top = std::max(top, distribution.counts[static_cast<size_t>(b)]);
    }
    attachTooltip(set, [distribution](int i) {
        return DashboardCharts::tr("%1: %2 decisions (%3)")
            .arg(confidenceBucketName(i), fmt::count(distribution.counts[static_cast<size_t>(i)]),
                 fmt::percent(distribution.percentage(i)));
    });
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTruncateLabels(false);
    styleAxis(style, x, DashboardCharts::tr("Confidence score bucket"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = roundedAxis(style, DashboardCharts::tr("Decisions"), static_cast<double>(top) * 1.1);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
    return chart;
}

QChart *reliabilityChart(const ChartStyle &style, const CalibrationReport &c)
{
    QChart *chart =
        newChart(style, DashboardCharts::tr("Reliability diagram — ECE %1, %2").arg(fmt::ratio(c.ece), verdictText(c)));
    auto *diagonal = new QLineSeries;
    diagonal->setName(DashboardCharts::tr("Perfect calibration"));
    diagonal->setPen(QPen(style.grid.darker(style.dark ? 60 : 140), 1.5, Qt::DashLine));
    diagonal->append(0, 0);
    diagonal->append(1, 1);
    auto *curve = new QLineSeries;
    curve->setName(DashboardCharts::tr("Observed accuracy"));
    curve->setPen(QPen(style.accent(0), 2));
    auto *points = new QScatterSeries;
    points->setName(DashboardCharts::tr("Bins"));
    points->setColor(style.accent(0));
    points->setBorderColor(style.background);
    points->setMarkerSize(9);
    std::vector<CalibrationBin> bins;
    for (const CalibrationBin &b : c.bins) {
        if (b.count > 0) {
            curve->append(*b.meanConfidence, *b.meanAccuracy);
            points->append(*b.meanConfidence, *b.meanAccuracy);
        }
    }
    const CalibrationReport copy = c;
    attachTooltip(points, [copy](const QPointF &p) {
        for (const CalibrationBin &b : copy.bins) {
            if (b.count > 0 && qFuzzyCompare(*b.meanConfidence + 1, p.x() + 1))
                return DashboardCharts::tr("Confidence %1–%2: %3 reviewed, mean confidence %4, accuracy %5")
                    .arg(QLocale().toString(b.lo, 'f', 1), QLocale().toString(b.hi, 'f', 1), fmt::count(b.count),
                         fmt::ratio(b.meanConfidence), fmt::ratio(b.meanAccuracy));
        }
        return QString();
    });
    chart->addSeries(diagonal);
    chart->addSeries(curve);
    chart->addSeries(points);
    auto *x = valueAxis(style, DashboardCharts::tr("Mean confidence"), 0, 1, QStringLiteral("%.1f"));
    auto *y = valueAxis(style, DashboardCharts::tr("Observed accuracy"), 0, 1, QStringLiteral("%.1f"));
    x->setTickCount(6);
    y->setTickCount(6);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (auto *s : std::initializer_list<QXYSeries *>{diagonal, curve, points}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->legend()->markers(points).first()->setVisible(false);
    return chart;
}

ConfidenceScatter prepareConfidenceScatter(const std::vector<ReviewedSample> &samples)
{
    ConfidenceScatter scatter;
    scatter.samples = static_cast<qint64>(samples.size());
    int i = 0;
    for (const ReviewedSample &r : samples) {
        // Accuracy takes only 0, 0.5 and 1: a fixed, deterministic jitter spreads the
        // points so that density is visible.
        const double jitter = (((i++ * 7919) % 101) - 50) / 50.0 * 0.08;
        const size_t group = r.feedback == Feedback::Correct ? 0 : r.feedback == Feedback::PartiallyCorrect ? 1 : 2;
        scatter.groups[group].append(QPointF(r.confidence, r.accuracy + jitter));
    }
    return scatter;
}

namespace {

// A filled disc the series paints at each point. Scatter series make one graphics item per
// point (2 000 items cost ~60 ms on the UI thread to create and ~25 ms per paint); light
// markers on a pen-less line series are only painted. The image has the screen's pixel
// size, so painting it is a plain blit without scaling.
QImage discMarker(const QColor &color, int size)
{
    const qreal ratio = qApp->devicePixelRatio();
    const int pixels = qCeil(size * ratio);
    QImage image(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(0, 0, size, size));
    return image;
}

}  // namespace

QChart *confidenceScatterChart(const ChartStyle &style, const ConfidenceScatter &scatter)
{
    QChart *chart = newChart(style,
                             DashboardCharts::tr("Confidence vs accuracy of reviewed decisions (%1 most recent)")
                                 .arg(fmt::count(scatter.samples)));
    const std::array<std::pair<QString, QColor>, 3> groups = {
        std::pair{DashboardCharts::tr("Correct"), ChartStyle::good()},
        std::pair{DashboardCharts::tr("Partially correct"), ChartStyle::warning()},
        std::pair{DashboardCharts::tr("Incorrect"), ChartStyle::bad()}};
    auto *x = valueAxis(style, DashboardCharts::tr("Confidence score"), 0, 1, QStringLiteral("%.1f"));
    auto *y = valueAxis(style, DashboardCharts::tr("Accuracy (jittered)"), -0.15, 1.15, QStringLiteral("%.1f"));
    setTickInterval(y, 0.5);
    x->setTickCount(6);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeCircle);
    constexpr int kMarkerSize = 6;
    for (size_t g = 0; g < groups.size(); ++g) {
        const auto &[name, solid] = groups[g];
        QColor color = solid;
        color.setAlpha(150);
        QXYSeries *s = nullptr;
        if (style.print) {
            // The PDF keeps vector markers; the report is built once, not on every refresh.
            auto *points = new QScatterSeries;
            points->setColor(color);
            points->setBorderColor(Qt::transparent);
            points->setMarkerSize(kMarkerSize);
            s = points;
        } else {
            s = new QLineSeries;
            QPen pen(Qt::NoPen);
            pen.setColor(solid);  // the legend marker takes its colour from the pen
            s->setPen(pen);
            s->setLightMarker(discMarker(color, kMarkerSize));
            s->setMarkerSize(kMarkerSize);
        }
        s->setName(name);
        s->replace(scatter.groups[g]);
        attachTooltip(s, [name](const QPointF &p) {
            return DashboardCharts::tr("%1, confidence %2").arg(name, QLocale().toString(p.x(), 'f', 3));
        });
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    return chart;
}

}  // namespace atalaya::charts
