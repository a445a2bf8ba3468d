#include "ui/insights/WhatIfPanel.h"

#include "core/settings/Settings.h"
#include "ui/common/ChartCard.h"
#include "ui/common/Format.h"
#include "ui/insights/WhatIfChart.h"
#include "ui/review/ReviewRulesModel.h"
#include "ui/review/ReviewRulesSave.h"

#include <QChart>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace atalaya {
namespace {

QString perDay(double v)
{
    return QLocale().toString(v, 'f', 1);
}

QString signedPerDay(double v)
{
    const double shown = std::round(v * 10.0) / 10.0;
    if (shown == 0.0)
        return perDay(0.0);
    return (shown > 0 ? QStringLiteral("+") : QStringLiteral("−")) + perDay(std::abs(shown));
}

QString cut(double v)
{
    return QLocale().toString(v, 'f', 2);
}

}  // namespace

WhatIfPanel::WhatIfPanel(Settings *settings, QWidget *parent)
    : QWidget(parent), m_settings(settings), m_rules(savedReviewRules(settings))
{
    buildUi();
    const CutPoints own = cutPointsOf(m_rules).value_or(CutPoints{});
    setCutPoints(own);
    if (m_settings) {
        connect(m_settings, &Settings::changed, this, [this](const QString &key) {
            if (key != QLatin1String("queue/rules"))
                return;
            m_rules = savedReviewRules(m_settings);
            m_curveStale = true;
            recompute();
        });
    }
    retranslate();
}

void WhatIfPanel::buildUi()
{
    auto *root = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    auto *sliders = new QGridLayout;
    for (int i = 0; i < 3; ++i) {
        auto *slider = new QSlider(Qt::Horizontal, this);
        slider->setObjectName(QStringLiteral("whatIfSlider%1").arg(i));
        slider->setRange(i, 98 + i);  // room for the cuts below and above it to stay apart
        slider->setSingleStep(1);
        slider->setPageStep(5);
        slider->setFocusPolicy(Qt::StrongFocus);
        auto *spin = new QDoubleSpinBox(this);
        spin->setObjectName(QStringLiteral("whatIfSpin%1").arg(i));
        spin->setDecimals(2);
        spin->setSingleStep(0.01);
        spin->setRange(i / 100.0, (98 + i) / 100.0);
        auto *label = new QLabel(this);
        label->setBuddy(slider);
        m_sliders[static_cast<size_t>(i)] = slider;
        m_spins[static_cast<size_t>(i)] = spin;
        m_sliderLabels[static_cast<size_t>(i)] = label;
        sliders->addWidget(label, i, 0);
        sliders->addWidget(slider, i, 1);
        sliders->addWidget(spin, i, 2);
        connect(slider, &QSlider::valueChanged, this, [this, i](int percent) { sliderMoved(i, percent); });
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, i](double value) {
            if (!m_syncing)
                m_sliders[static_cast<size_t>(i)]->setValue(static_cast<int>(std::lround(value * 100)));
        });
    }
    sliders->setColumnStretch(1, 1);
    left->addLayout(sliders);

    auto *table = new QGridLayout;
    for (int c = 0; c < ColumnCount; ++c) {
        m_columnNames[static_cast<size_t>(c)] = new QLabel(this);
        m_columnNames[static_cast<size_t>(c)]->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->addWidget(m_columnNames[static_cast<size_t>(c)], 0, c + 1);
    }
    for (int r = 0; r < RowCount; ++r) {
        m_rowNames[static_cast<size_t>(r)] = new QLabel(this);
        table->addWidget(m_rowNames[static_cast<size_t>(r)], r + 1, 0);
        for (int c = 0; c < ColumnCount; ++c) {
            auto *figure = new QLabel(fmt::dash(), this);
            figure->setObjectName(QStringLiteral("whatIfFigure%1_%2").arg(r).arg(c));
            figure->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            figure->setTextInteractionFlags(Qt::TextSelectableByMouse);
            m_figures[static_cast<size_t>(r)][static_cast<size_t>(c)] = figure;
            table->addWidget(figure, r + 1, c + 1);
        }
    }
    table->setColumnStretch(0, 1);
    left->addLayout(table);
    m_basis = new QLabel(this);
    m_basis->setWordWrap(true);
    left->addWidget(m_basis);
    m_apply = new QPushButton(this);
    m_apply->setObjectName(QStringLiteral("whatIfApply"));
    connect(m_apply, &QPushButton::clicked, this, &WhatIfPanel::apply);
    left->addWidget(m_apply, 0, Qt::AlignLeft);
    left->addStretch(1);
    root->addLayout(left, 2);

    m_chart = new ChartCard(this);
    m_chart->setMinimumWidth(360);
    root->addWidget(m_chart, 3);
    m_chartLater = new QTimer(this);
    m_chartLater->setSingleShot(true);
    m_chartLater->setInterval(150);  // a held arrow key redraws the curve once it stops
    connect(m_chartLater, &QTimer::timeout, this, &WhatIfPanel::redrawChart);
}

void WhatIfPanel::retranslate()
{
    const std::array<QString, 3> names = {tr("P&0 below"), tr("P&1 below"), tr("P&2 up to")};
    const std::array<QString, 3> tips = {
        tr("Decisions with a confidence below this are P0: reviewed within the P0 deadline"),
        tr("Decisions from the P0 cut to below this are P1"),
        tr("Decisions from the P1 cut up to this one are P2; above it they are P3, of which only a sample is "
           "reviewed")};
    for (size_t i = 0; i < 3; ++i) {
        m_sliderLabels[i]->setText(names[i]);
        m_sliders[i]->setToolTip(tips[i]);
        m_spins[i]->setToolTip(tips[i]);
    }
    m_columnNames[CurrentColumn]->setText(tr("Current, a day"));
    m_columnNames[ProposedColumn]->setText(tr("Proposed, a day"));
    m_columnNames[ChangeColumn]->setText(tr("Change"));
    m_rowNames[P0Row]->setText(tr("P0 reviews"));
    m_rowNames[P1Row]->setText(tr("P1 reviews"));
    m_rowNames[P2Row]->setText(tr("P2 reviews"));
    m_rowNames[P3Row]->setText(tr("P3 reviews (sample)"));
    m_rowNames[LoadRow]->setText(tr("All reviews"));
    m_rowNames[MissedRow]->setText(tr("Wrong decisions unreviewed"));
    m_rowNames[MissedRow]->setToolTip(tr("Expected wrong decisions a day that no reviewer sees: an incorrect "
                                         "decision counts 1, a partially correct one 0.5"));
    m_apply->setText(tr("&Apply as rule set…"));
    m_apply->setToolTip(tr("Store these cut-points as the review rules (asks first); the queue re-prioritises at "
                           "once and the other rules stay as they are"));
    showFigures();
    redrawChart();
}

void WhatIfPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        redrawChart();
}

void WhatIfPanel::setInputs(const WhatIfInputs &inputs)
{
    m_inputs = inputs;
    m_curveStale = true;
    recompute();
    redrawChart();
}

CutPoints WhatIfPanel::cutPoints() const
{
    return CutPoints{m_spins[0]->value(), m_spins[1]->value(), m_spins[2]->value()};
}

void WhatIfPanel::setCutPoints(const CutPoints &cuts)
{
    m_syncing = true;
    const std::array<double, 3> values = {cuts.p0Below, cuts.p1Below, cuts.p2Below};
    for (size_t i = 0; i < 3; ++i) {
        m_sliders[i]->setValue(static_cast<int>(std::lround(values[i] * 100)));
        m_spins[i]->setValue(values[i]);
    }
    m_syncing = false;
    recompute();
}

void WhatIfPanel::setConfirmer(std::function<bool(const QString &)> confirmer)
{
    m_confirmer = std::move(confirmer);
}

QString WhatIfPanel::figureText(Row row, Column column) const
{
    return m_figures[static_cast<size_t>(row)][static_cast<size_t>(column)]->text();
}

void WhatIfPanel::sliderMoved(int index, int percent)
{
    if (m_syncing)
        return;
    // The cuts stay rising: moving one pushes the ones it passes.
    std::array<int, 3> v = {m_sliders[0]->value(), m_sliders[1]->value(), m_sliders[2]->value()};
    v[static_cast<size_t>(index)] = percent;
    for (size_t j = static_cast<size_t>(index) + 1; j < 3; ++j)
        v[j] = std::max(v[j], v[j - 1] + 1);
    for (int j = index - 1; j >= 0; --j)
        v[static_cast<size_t>(j)] = std::min(v[static_cast<size_t>(j)], v[static_cast<size_t>(j) + 1] - 1);
    m_syncing = true;
    for (size_t j = 0; j < 3; ++j) {
        m_sliders[j]->setValue(v[j]);
        m_spins[j]->setValue(v[j] / 100.0);
    }
    m_syncing = false;
    recompute();
}

void WhatIfPanel::recompute()
{
    if (!m_inputs || !m_apply)
        return;
    const CutPoints cuts = cutPoints();
    WhatIfReport r = m_report.value_or(WhatIfReport{});
    r.query = m_inputs->query;
    r.days = m_inputs->days;
    r.bands = m_inputs->bands;
    r.arrivals = m_inputs->arrivals;
    r.reviewed = m_inputs->reviewed;
    r.current = {cutPointsOf(m_rules), evaluateRules(*m_inputs, m_rules)};
    r.proposed = {cuts, evaluateRules(*m_inputs, withCutPoints(m_rules, cuts))};
    m_report = std::move(r);
    showFigures();
    m_chartLater->start();
}

void WhatIfPanel::showFigures()
{
    const bool shown = m_report.has_value();
    const auto current = shown ? m_report->current.cuts : std::nullopt;
    const CutPoints cuts = cutPoints();
    const bool same = current && std::abs(current->p0Below - cuts.p0Below) < 1e-9
        && std::abs(current->p1Below - cuts.p1Below) < 1e-9 && std::abs(current->p2Below - cuts.p2Below) < 1e-9;
    m_apply->setEnabled(shown && m_settings && !same);
    if (!shown)
        return;
    auto value = [](const WhatIfFigures &f, int row) {
        if (row == LoadRow)
            return f.loadPerDay();
        if (row == MissedRow)
            return f.missedErrorsPerDay;
        return f.perDay[static_cast<size_t>(row)];
    };
    for (int row = 0; row < RowCount; ++row) {
        const double before = value(m_report->current.figures, row);
        const double after = value(m_report->proposed.figures, row);
        auto &cells = m_figures[static_cast<size_t>(row)];
        cells[CurrentColumn]->setText(perDay(before));
        cells[ProposedColumn]->setText(perDay(after));
        cells[ChangeColumn]->setText(signedPerDay(after - before));
    }
    m_basis->setText(tr("Estimated from %1 reviewed of %2 decisions over %3 days, from each confidence band's "
                        "error rate. Current rules: %4. Only confidence and task-type rules are evaluated; rules on "
                        "metadata lift some decisions higher than shown.")
                         .arg(fmt::count(m_report->reviewed), fmt::count(m_report->arrivals),
                              QLocale().toString(m_report->days, 'f', 1),
                              current ? tr("P0 below %1, P1 below %2, P2 up to %3")
                                            .arg(cut(current->p0Below), cut(current->p1Below), cut(current->p2Below))
                                      : tr("confidence rules of another shape")));
    QStringList bands;
    for (const WhatIfBand &b : m_report->bands) {
        bands << tr("Confidence %1–%2: %3 a day, %4 reviewed, error rate %5")
                     .arg(cut(b.lo), cut(b.hi), perDay(static_cast<double>(b.arrivals) / m_report->days),
                          fmt::count(b.reviewed), fmt::ratioPercent(b.errorRate));
    }
    m_basis->setToolTip(bands.join(QLatin1Char('\n')));
}

void WhatIfPanel::redrawChart()
{
    if (!m_inputs || !m_report || !m_chart)
        return;
    // Which side of the swept cut a decision falls on does not depend on P0 and P1, so the
    // curve is swept once per window and rule set (~0.15 s at 80 000 cells), not per key.
    if (m_curveStale) {
        m_curve = whatIfCurve(*m_inputs, m_rules, cutPointsOf(m_rules).value_or(cutPoints()));
        m_curveStale = false;
    }
    m_report->curve = m_curve;
    m_chart->setChart(whatIfCurveChart(charts::ChartStyle::fromPalette(palette()), m_report->curve, m_report->current,
                                       m_report->proposed),
                      m_inputs->arrivals == 0);
}

void WhatIfPanel::apply()
{
    if (!m_settings)
        return;
    const CutPoints cuts = cutPoints();
    const QString question = tr("Store P0 below %1, P1 below %2 and P2 up to %3 as the review rules? The queue "
                                "re-prioritises at once; rules on task types and metadata, deadlines and the P3 "
                                "sample stay as they are.")
                                 .arg(cut(cuts.p0Below), cut(cuts.p1Below), cut(cuts.p2Below));
    const bool yes = m_confirmer ? m_confirmer(question)
                                 : QMessageBox::question(this, tr("Apply as rule set"), question) == QMessageBox::Yes;
    if (!yes)
        return;
    // Through the rules editor's model, so the set is checked the way a saved edit is.
    ReviewRulesModel model;
    model.setRules(withCutPoints(m_rules, cuts));
    const auto rules = model.rules();
    if (!rules) {
        QMessageBox::warning(this, tr("Apply as rule set"), rules.error().message);
        return;
    }
    saveReviewRules(*m_settings, *rules);
    m_rules = *rules;
    m_curveStale = true;
    recompute();
    emit rulesApplied();
}

}  // namespace atalaya
