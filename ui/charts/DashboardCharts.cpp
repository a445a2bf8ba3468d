#include "charts/DashboardCharts.h"

#include "Format.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QCursor>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace atalaya::charts {
namespace {

struct DashboardCharts {
    Q_DECLARE_TR_FUNCTIONS(DashboardCharts)
};
using T = DashboardCharts;

qint64 dayMs(const QString &isoDay)
{
    return QDateTime(QDate::fromString(isoDay, Qt::ISODate), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
}

QString dayText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date(), QLocale::ShortFormat);
}

void setDateRange(QDateTimeAxis *axis, const std::vector<GroupSummary> &days)
{
    if (days.empty())
        return;
    axis->setRange(QDateTime::fromMSecsSinceEpoch(dayMs(days.front().key) - 43200000, Qt::UTC),
                   QDateTime::fromMSecsSinceEpoch(dayMs(days.back().key) + 43200000, Qt::UTC));
}

void barTooltip(QBarSet *set, std::function<QString(int)> text)
{
    QObject::connect(set, &QBarSet::hovered, set, [text = std::move(text)](bool state, int index) {
        if (state)
            QToolTip::showText(QCursor::pos(), text(index));
        else
            QToolTip::hideText();
    });
}

double niceMax(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (value <= step * magnitude)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

QString confidenceBucketName(int bucket)
{
    switch (bucket) {
    case 0: return T::tr("Low (0.00–0.50)");
    case 1: return T::tr("Medium (0.50–0.70)");
    case 2: return T::tr("Good (0.70–0.85)");
    case 3: return T::tr("High (0.85–0.95)");
    default: return T::tr("Very high (0.95–1.00)");
    }
}

QString verdictText(const CalibrationReport &c)
{
    if (!c.verdict)
        return T::tr("no reviewed decisions");
    switch (*c.verdict) {
    case CalibrationVerdict::Calibrated: return T::tr("calibrated");
    case CalibrationVerdict::OverConfident: return T::tr("over-confident");
    case CalibrationVerdict::UnderConfident: return T::tr("under-confident");
    }
    return {};
}

QChart *accuracyByTaskChart(const ChartStyle &style, const std::vector<GroupSummary> &taskTypes)
{
    QChart *chart = newChart(style, T::tr("Accuracy by task type"));
    auto *set = new QBarSet(T::tr("Accuracy"));
    set->setColor(style.accent(0));
    set->setBorderColor(style.accent(0));
    QStringList categories;
    std::vector<GroupSummary> rows;
    for (const GroupSummary &g : taskTypes) {
        if (g.summary.accuracy.accuracyAvg)
            rows.push_back(g);
    }
    std::sort(rows.begin(), rows.end(), [](const GroupSummary &a, const GroupSummary &b) {
        return *a.summary.accuracy.accuracyAvg > *b.summary.accuracy.accuracyAvg;
    });
    for (const GroupSummary &g : rows) {
        categories << g.key;
        *set << *g.summary.accuracy.accuracyAvg * 100.0;
    }
    barTooltip(set, [rows](int i) {
        const GroupSummary &g = rows[static_cast<size_t>(i)];
        return T::tr("%1: accuracy %2 over %3 reviewed decisions")
            .arg(g.key, fmt::ratioPercent(g.summary.accuracy.accuracyAvg), fmt::count(g.summary.accuracy.totalWithFeedback));
    });
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(3);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    set->setLabelColor(Qt::white);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTruncateLabels(false);
    styleAxis(style, x, T::tr("Task type"));
    if (categories.size() > 5)
        x->setLabelsAngle(-30);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = valueAxis(style, T::tr("Accuracy (%)"), 0, 100);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
    return chart;
}

QChart *accuracyPerDayChart(const ChartStyle &style, const std::vector<GroupSummary> &days)
{
    QChart *chart = newChart(style, T::tr("Accuracy per day"));
    auto *line = new QLineSeries;
    line->setName(T::tr("Average accuracy"));
    line->setPen(QPen(style.accent(0), 2));
    line->setPointsVisible(true);
    double low = 100;
    for (const GroupSummary &d : days) {
        if (d.summary.accuracy.accuracyAvg) {
            const double v = *d.summary.accuracy.accuracyAvg * 100.0;
            line->append(static_cast<qreal>(dayMs(d.key)), v);
            low = std::min(low, v);
        }
    }
    attachTooltip(line, [](const QPointF &p) {
        return T::tr("%1: accuracy %2 %").arg(dayText(static_cast<qint64>(p.x())), QLocale().toString(p.y(), 'f', 1));
    });
    auto *target = new QLineSeries;
    target->setName(T::tr("Alert threshold (80 %)"));
    QPen dashed(ChartStyle::bad(), 1, Qt::DashLine);
    target->setPen(dashed);
    if (!days.empty()) {
        target->append(static_cast<qreal>(dayMs(days.front().key) - 43200000), 80);
        target->append(static_cast<qreal>(dayMs(days.back().key) + 43200000), 80);
    }
    chart->addSeries(line);
    chart->addSeries(target);
    auto *x = dateAxis(style, T::tr("Day (UTC)"), static_cast<int>(days.size()));
    setDateRange(x, days);
    chart->addAxis(x, Qt::AlignBottom);
    auto *y = valueAxis(style, T::tr("Accuracy (%)"), std::max(0.0, std::floor(std::min(low, 80.0) / 10.0) * 10.0 - 10.0), 100);
    chart->addAxis(y, Qt::AlignLeft);
    for (auto *s : {line, target}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    return chart;
}

QChart *confidenceHistogramChart(const ChartStyle &style, const ConfidenceDistribution &distribution)
{
    QChart *chart = newChart(style, T::tr("Confidence distribution"));
    auto *set = new QBarSet(T::tr("Decisions"));
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
    barTooltip(set, [distribution](int i) {
        return T::tr("%1: %2 decisions (%3 %)")
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
    styleAxis(style, x, T::tr("Confidence score bucket"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = valueAxis(style, T::tr("Decisions"), 0, niceMax(static_cast<double>(top) * 1.1));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
    return chart;
}

QChart *reliabilityChart(const ChartStyle &style, const CalibrationReport &c)
{
    QChart *chart = newChart(style, T::tr("Reliability diagram — ECE %1, %2")
                                        .arg(fmt::ratio(c.ece), verdictText(c)));
    auto *diagonal = new QLineSeries;
    diagonal->setName(T::tr("Perfect calibration"));
    diagonal->setPen(QPen(style.grid.darker(style.dark ? 60 : 140), 1.5, Qt::DashLine));
    diagonal->append(0, 0);
    diagonal->append(1, 1);
    auto *curve = new QLineSeries;
    curve->setName(T::tr("Observed accuracy"));
    curve->setPen(QPen(style.accent(0), 2));
    auto *points = new QScatterSeries;
    points->setName(T::tr("Bins"));
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
                return T::tr("Confidence %1–%2: %3 reviewed, mean confidence %4, accuracy %5")
                    .arg(QLocale().toString(b.lo, 'f', 1), QLocale().toString(b.hi, 'f', 1), fmt::count(b.count),
                         fmt::ratio(b.meanConfidence), fmt::ratio(b.meanAccuracy));
        }
        return QString();
    });
    chart->addSeries(diagonal);
    chart->addSeries(curve);
    chart->addSeries(points);
    auto *x = valueAxis(style, T::tr("Mean confidence"), 0, 1, QStringLiteral("%.1f"));
    auto *y = valueAxis(style, T::tr("Observed accuracy"), 0, 1, QStringLiteral("%.1f"));
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
    QChart *chart = newChart(style, T::tr("Confidence vs accuracy of reviewed decisions (%1 most recent)")
                                        .arg(fmt::count(static_cast<qint64>(samples.size()))));
    const struct {
        Feedback feedback;
        QString name;
        QColor color;
    } groups[] = {{Feedback::Correct, T::tr("Correct"), ChartStyle::good()},
                  {Feedback::PartiallyCorrect, T::tr("Partially correct"), ChartStyle::warning()},
                  {Feedback::Incorrect, T::tr("Incorrect"), ChartStyle::bad()}};
    auto *x = valueAxis(style, T::tr("Confidence score"), 0, 1, QStringLiteral("%.1f"));
    auto *y = valueAxis(style, T::tr("Accuracy (jittered)"), -0.15, 1.15, QStringLiteral("%.1f"));
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
            return T::tr("%1, confidence %2").arg(name, QLocale().toString(p.x(), 'f', 3));
        });
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    return chart;
}

QChart *latencyPerDayChart(const ChartStyle &style, const std::vector<GroupSummary> &days)
{
    QChart *chart = newChart(style, T::tr("Execution time percentiles per day"));
    const struct {
        QString name;
        std::optional<qint64> ExecutionTimeStats::*field;
        int color;
    } lines[] = {{QStringLiteral("P50"), &ExecutionTimeStats::p50Ms, 1},
                 {QStringLiteral("P95"), &ExecutionTimeStats::p95Ms, 2},
                 {QStringLiteral("P99"), &ExecutionTimeStats::p99Ms, 4}};
    auto *x = dateAxis(style, T::tr("Day (UTC)"), static_cast<int>(days.size()));
    setDateRange(x, days);
    chart->addAxis(x, Qt::AlignBottom);
    double top = 0;
    std::vector<QLineSeries *> all;
    for (const auto &l : lines) {
        auto *s = new QLineSeries;
        s->setName(l.name);
        s->setPen(QPen(style.accent(l.color), 2));
        s->setPointsVisible(true);
        for (const GroupSummary &d : days) {
            const auto &v = d.summary.execution.*(l.field);
            if (v) {
                s->append(static_cast<qreal>(dayMs(d.key)), static_cast<qreal>(*v));
                top = std::max(top, static_cast<double>(*v));
            }
        }
        const QString name = l.name;
        attachTooltip(s, [name](const QPointF &p) {
            return T::tr("%1 %2: %3 ms").arg(dayText(static_cast<qint64>(p.x())), name, QLocale().toString(p.y(), 'f', 0));
        });
        chart->addSeries(s);
        s->attachAxis(x);
        all.push_back(s);
    }
    auto *y = valueAxis(style, T::tr("Execution time (ms)"), 0, niceMax(top * 1.05));
    chart->addAxis(y, Qt::AlignLeft);
    for (auto *s : all)
        s->attachAxis(y);
    return chart;
}

QChart *latencyBoxChart(const ChartStyle &style, const std::vector<ExecutionBox> &boxes)
{
    QChart *chart = newChart(style, T::tr("Execution time per agent (box: quartiles, whiskers: P5–P95)"));
    auto *series = new QBoxPlotSeries;
    series->setBrush(style.accent(0).lighter(style.dark ? 80 : 160));
    series->setPen(QPen(style.accent(0), 1.5));
    QStringList categories;
    double top = 0;
    for (const ExecutionBox &b : boxes) {
        auto *set = new QBoxSet(static_cast<qreal>(b.p5Ms), static_cast<qreal>(b.q1Ms), static_cast<qreal>(b.medianMs),
                                static_cast<qreal>(b.q3Ms), static_cast<qreal>(b.p95Ms), b.key);
        QObject::connect(set, &QBoxSet::hovered, set, [b](bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            QToolTip::showText(QCursor::pos(),
                               T::tr("%1 (%2 decisions)\nP5 %3 ms · Q1 %4 ms · median %5 ms · Q3 %6 ms · P95 %7 ms\n"
                                     "min %8 ms · max %9 ms")
                                   .arg(b.key, fmt::count(b.count))
                                   .arg(b.p5Ms)
                                   .arg(b.q1Ms)
                                   .arg(b.medianMs)
                                   .arg(b.q3Ms)
                                   .arg(b.p95Ms)
                                   .arg(b.minMs)
                                   .arg(b.maxMs));
        });
        series->append(set);
        categories << b.key;
        top = std::max(top, static_cast<double>(b.p95Ms));
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTruncateLabels(false);
    if (categories.size() > 5)
        x->setLabelsAngle(-30);
    styleAxis(style, x, T::tr("Agent"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = valueAxis(style, T::tr("Execution time (ms)"), 0, niceMax(top * 1.05));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
    return chart;
}

QChart *feedbackPieChart(const ChartStyle &style, const AccuracySummary &a)
{
    QChart *chart = newChart(style, T::tr("Human feedback (%1 reviews)").arg(fmt::count(a.totalWithFeedback)));
    auto *series = new QPieSeries;
    series->setHoleSize(0.35);
    const struct {
        QString name;
        qint64 count;
        QColor color;
    } slices[] = {{T::tr("Correct"), a.correct, ChartStyle::good()},
                  {T::tr("Partially correct"), a.partiallyCorrect, ChartStyle::warning()},
                  {T::tr("Incorrect"), a.incorrect, ChartStyle::bad()}};
    for (const auto &s : slices) {
        const double share = a.totalWithFeedback > 0 ? 100.0 * static_cast<double>(s.count) / static_cast<double>(a.totalWithFeedback) : 0;
        auto *slice = series->append(T::tr("%1: %2 (%3 %)").arg(s.name, fmt::count(s.count), QLocale().toString(share, 'f', 1)),
                                     static_cast<qreal>(s.count));
        slice->setColor(s.color);
        slice->setBorderColor(style.background);
        slice->setLabelColor(style.text);
        slice->setLabelVisible(false);
        QObject::connect(slice, &QPieSlice::hovered, slice, [slice](bool state) { slice->setExploded(state); });
    }
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

} // namespace atalaya::charts
