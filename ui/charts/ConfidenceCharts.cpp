// Page 3 (Confidence): the seed bucket histogram, the reliability diagram and the
// confidence-vs-feedback scatter.
#include "charts/DashboardCharts.h"

#include "Format.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegendMarker>
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
        categories << confidenceBucketName(b).replace(QStringLiteral(" ("), QStringLiteral("<br>(")).toHtmlEscaped()
                          .replace(QStringLiteral("&lt;br&gt;"), QStringLiteral("<br>"));
        *set << static_cast<qreal>(distribution.counts[static_cast<size_t>(b)]);
        top = std::max(top, distribution.counts[static_cast<size_t>(b)]);
    }
    attachTooltip(set, [distribution](int i) {
        return DashboardCharts::tr("%1: %2 decisions (%3 %)")
            .arg(confidenceBucketName(i), fmt::count(distribution.counts[static_cast<size_t>(i)]),
                 QLocale().toString(distribution.percentage(i), 'f', 2));
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
    QChart *chart = newChart(style, DashboardCharts::tr("Reliability diagram — ECE %1, %2")
                                        .arg(fmt::ratio(c.ece), verdictText(c)));
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

QChart *confidenceScatterChart(const ChartStyle &style, const std::vector<ReviewedSample> &samples)
{
    QChart *chart = newChart(style, DashboardCharts::tr("Confidence vs accuracy of reviewed decisions (%1 most recent)")
                                        .arg(fmt::count(static_cast<qint64>(samples.size()))));
    const struct {
        Feedback feedback;
        QString name;
        QColor color;
    } groups[] = {{Feedback::Correct, DashboardCharts::tr("Correct"), ChartStyle::good()},
                  {Feedback::PartiallyCorrect, DashboardCharts::tr("Partially correct"), ChartStyle::warning()},
                  {Feedback::Incorrect, DashboardCharts::tr("Incorrect"), ChartStyle::bad()}};
    auto *x = valueAxis(style, DashboardCharts::tr("Confidence score"), 0, 1, QStringLiteral("%.1f"));
    auto *y = valueAxis(style, DashboardCharts::tr("Accuracy (jittered)"), -0.15, 1.15, QStringLiteral("%.1f"));
    setTickInterval(y, 0.5);
    x->setTickCount(6);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (const auto &g : groups) {
        auto *s = new QScatterSeries;
        s->setName(g.name);
        QColor c = g.color;
        c.setAlpha(150);
        s->setColor(c);
        s->setBorderColor(Qt::transparent);
        s->setMarkerSize(6);
        int i = 0;
        for (const ReviewedSample &r : samples) {
            // Accuracy takes only 0, 0.5 and 1: a fixed, deterministic jitter spreads the
            // points so that density is visible.
            const double jitter = (((i++ * 7919) % 101) - 50) / 50.0 * 0.08;
            if (r.feedback == g.feedback)
                s->append(r.confidence, r.accuracy + jitter);
        }
        const QString name = g.name;
        attachTooltip(s, [name](const QPointF &p) {
            return DashboardCharts::tr("%1, confidence %2").arg(name, QLocale().toString(p.x(), 'f', 3));
        });
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    return chart;
}

} // namespace atalaya::charts
