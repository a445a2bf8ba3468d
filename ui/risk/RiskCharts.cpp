#include "ui/risk/RiskCharts.h"

#include "core/risk/RiskFeatureLabels.h"
#include "ui/common/ChartKit.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QPainter>
#include <QValueAxis>
#include <QVBoxLayout>

#include <numeric>

namespace atalaya {
namespace {

const QColor kRaises(0xc6, 0x28, 0x28);
const QColor kLowers(0x2e, 0x7d, 0x32);

QChartView *makeView(QWidget *parent)
{
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    auto *layout = new QVBoxLayout(parent);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view);
    return view;
}

// What an empty chart is waiting for, centred over it, instead of a blank box.
QLabel *makeEmptyHint(QChartView *view)
{
    auto *hint = new QLabel(view->viewport());
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(view->viewport());
    layout->addWidget(hint, 0, Qt::AlignCenter);
    return hint;
}

// The dashboard's chart look from the widget's palette (light or dark), on creation and on
// a theme change (which rebuilds the axes). Bar colours are the callers'.
void styleChart(QChart *chart, const QWidget *widget)
{
    charts::applyChartStyle(charts::ChartStyle::fromPalette(widget->palette()), chart);
}

// Before the axis is added: the layout then measures its labels in their final font.
void styleAxis(QAbstractAxis *axis, const QWidget *widget)
{
    charts::styleAxis(charts::ChartStyle::fromPalette(widget->palette()), axis, axis->titleText());
}

// Horizontal bar charts draw the first category at the bottom: order ascending by value so
// the largest bar ends up on top.
std::vector<int> ascending(const Contributions &values)
{
    std::vector<int> order(kRiskFeatureCount);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return values[a] < values[b]; });
    return order;
}

QStringList labelsOf(const std::vector<int> &order)
{
    QStringList labels;
    for (int i : order)
        labels << riskFeatureLabel(i);
    return labels;
}

void resetChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
}

}  // namespace

QString riskLevelText(const QString &level)
{
    if (level == QLatin1String("very_low"))
        return RiskGauge::tr("Very low");
    if (level == QLatin1String("low"))
        return RiskGauge::tr("Low");
    if (level == QLatin1String("medium"))
        return RiskGauge::tr("Medium");
    return RiskGauge::tr("High");
}

QString riskHeadline(const QString &level)
{
    if (level == QLatin1String("very_low"))
        return RiskGauge::tr("Very low risk");
    if (level == QLatin1String("low"))
        return RiskGauge::tr("Low risk");
    if (level == QLatin1String("medium"))
        return RiskGauge::tr("Medium risk");
    return RiskGauge::tr("High risk");
}

RiskGauge::RiskGauge(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(48);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void RiskGauge::setScore(std::optional<double> score)
{
    m_score = score;
    update();
}

void RiskGauge::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    paintRiskGauge(p, QRectF(16, 8, width() - 32, 20), m_score, palette().color(QPalette::WindowText), QLocale());
}

void paintRiskGauge(QPainter &p, const QRectF &bar, std::optional<double> score, const QColor &ink,
                    const QLocale &locale)
{
    struct Zone {
        double from, to;
        QColor color;
    };
    const Zone zones[] = {{0.0, 0.2, QColor(0x66, 0xbb, 0x6a)},
                          {0.2, 0.4, QColor(0xc0, 0xca, 0x33)},
                          {0.4, 0.7, QColor(0xff, 0xa7, 0x26)},
                          {0.7, 1.0, QColor(0xe5, 0x39, 0x35)}};
    for (const Zone &z : zones)
        p.fillRect(QRectF(bar.left() + z.from * bar.width(), bar.top(), (z.to - z.from) * bar.width(), bar.height()),
                   z.color);
    p.setPen(ink);
    p.setBrush(Qt::NoBrush);
    p.drawRect(bar);
    const qreal label = bar.height() * 0.8;
    for (double tick : {0.0, 0.2, 0.4, 0.7, 1.0}) {
        const double x = bar.left() + tick * bar.width();
        p.drawText(QRectF(x - label, bar.bottom() + 2, 2 * label, label), Qt::AlignHCenter | Qt::AlignTop,
                   locale.toString(tick, 'f', 1));
    }
    if (score) {
        const double x = bar.left() + std::clamp(*score, 0.0, 1.0) * bar.width();
        p.setPen(QPen(ink, 3));
        p.drawLine(QPointF(x, bar.top() - 5), QPointF(x, bar.bottom() + 5));
    }
}

FeatureChart::FeatureChart(int minimumHeight, QWidget *parent) : QWidget(parent)
{
    m_view = makeView(this);
    m_hint = makeEmptyHint(m_view);
    styleChart(m_view->chart(), this);
    setMinimumHeight(minimumHeight);
}

void FeatureChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange) {
        // A copy: redrawing replaces m_redraw while it runs.
        if (const std::function<void()> redraw = m_redraw)
            redraw();
        else
            styleChart(m_view->chart(), this);
    }
    QWidget::changeEvent(event);
}

void FeatureChart::clear()
{
    m_redraw = nullptr;
    resetChart(m_view->chart());
    m_hint->show();
}

QChart *FeatureChart::beginChart(std::function<void()> redraw)
{
    m_redraw = std::move(redraw);
    m_hint->hide();
    QChart *chart = m_view->chart();
    resetChart(chart);
    styleChart(chart, this);  // the number locale may have changed with the language
    return chart;
}

ContributionChart::ContributionChart(QWidget *parent) : FeatureChart(260, parent)
{
    retranslate();
}

void ContributionChart::retranslate()
{
    m_view->chart()->setTitle(tr("Why: exact Shapley contributions"));
    m_hint->setText(tr("Run a check to see which features raise or lower the risk."));
}

void ContributionChart::setContributions(const Contributions &c, double baseValue)
{
    QChart *chart = beginChart([this, c, baseValue] { setContributions(c, baseValue); });
    auto *raises = new QBarSet(tr("Raises the risk"));
    auto *lowers = new QBarSet(tr("Lowers the risk"));
    raises->setColor(kRaises);
    lowers->setColor(kLowers);
    double extent = 0.01;
    const std::vector<int> order = ascending(c);
    for (int i : order) {
        *raises << std::max(0.0, c[i]);
        *lowers << std::min(0.0, c[i]);
        extent = std::max(extent, std::abs(c[i]));
    }
    auto *series = new QHorizontalStackedBarSeries;
    series->append(raises);
    series->append(lowers);
    chart->addSeries(series);
    auto *features = new QBarCategoryAxis;
    features->append(labelsOf(order));
    features->setTruncateLabels(true);  // untruncated, the longest Spanish name overflowed the chart
    styleAxis(features, this);
    chart->addAxis(features, Qt::AlignLeft);
    series->attachAxis(features);
    auto *values = new QValueAxis;
    values->setRange(-extent * 1.1, extent * 1.1);
    values->setLabelFormat(QStringLiteral("%.2f"));  // localized labels take no "+" flag
    values->setTickCount(5);
    values->applyNiceNumbers();  // ticks at round steps (0.10, not 0.09 from a ±0.18 range)
    values->setTitleText(tr("Δ score vs base %1").arg(QLocale().toString(baseValue, 'f', 3)));
    styleAxis(values, this);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
}

ImportanceChart::ImportanceChart(QWidget *parent) : FeatureChart(220, parent)
{
    retranslate();
}

void ImportanceChart::retranslate()
{
    m_view->chart()->setTitle(tr("Feature importance (permutation)"));
    m_hint->setText(tr("No model yet: train one to see which features matter most."));
}

void ImportanceChart::setImportance(const Contributions &importance)
{
    QChart *chart = beginChart([this, importance] { setImportance(importance); });
    auto *set = new QBarSet(tr("Importance"));
    set->setColor(QColor(0x42, 0x7a, 0xc8));
    double top = 0.01;
    const std::vector<int> order = ascending(importance);
    for (int i : order) {
        *set << importance[i];
        top = std::max(top, importance[i]);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto *features = new QBarCategoryAxis;
    features->append(labelsOf(order));
    features->setTruncateLabels(true);  // untruncated, the longest Spanish name overflowed the chart
    styleAxis(features, this);
    chart->addAxis(features, Qt::AlignLeft);
    series->attachAxis(features);
    auto *values = new QValueAxis;
    values->setRange(0, top * 1.1);
    values->setLabelFormat(QStringLiteral("%.2f"));
    values->applyNiceNumbers();  // ticks at round steps (0.20, not 0.17 from a 0.70 range)
    styleAxis(values, this);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
}

}  // namespace atalaya
