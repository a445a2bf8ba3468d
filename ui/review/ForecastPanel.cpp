#include "ui/review/ForecastPanel.h"

#include "ui/common/ChartCard.h"
#include "ui/common/ChartKit.h"
#include "ui/common/LatestLoader.h"
#include "ui/review/ForecastCharts.h"
#include "ui/review/ReviewColors.h"

#include "core/forecast/ForecastReads.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace atalaya {
namespace {

constexpr int kUsualTeam = -1;  // the spin box's special value

QString oneDecimal(double v)
{
    return QLocale().toString(v, 'f', 1);
}

// Reviewer-hours to plan with: whole hours.
QString whole(double v)
{
    return QLocale().toString(std::ceil(v - 1e-9), 'f', 0);
}

}  // namespace

ForecastPanel::ForecastPanel(QWidget *parent) : QFrame(parent), m_loader(new LatestLoader(this))
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(0, 4, 0, 0);
    auto *top = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("forecastTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    top->addWidget(m_title);
    top->addStretch(1);
    m_reviewersLabel = new QLabel(this);
    top->addWidget(m_reviewersLabel);
    m_reviewers = new QSpinBox(this);
    m_reviewers->setObjectName(QStringLiteral("forecastReviewers"));
    m_reviewers->setRange(kUsualTeam, 1000);
    m_reviewers->setValue(kUsualTeam);
    m_reviewers->setFocusPolicy(Qt::ClickFocus);
    m_reviewersLabel->setBuddy(m_reviewers);
    connect(m_reviewers, &QSpinBox::valueChanged, this, [this] { recompute(); });
    top->addWidget(m_reviewers);
    root->addLayout(top);
    // The figure a lead plans with comes first.
    m_needed = new QLabel(this);
    m_needed->setObjectName(QStringLiteral("forecastNeeded"));
    m_needed->setWordWrap(true);
    m_needed->setFont(bold);
    m_needed->setTextInteractionFlags(Qt::TextSelectableByMouse);
    root->addWidget(m_needed);

    auto *body = new QHBoxLayout;
    auto *figures = new QVBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("forecastSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    figures->addWidget(m_summary);
    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("forecastLegend"));
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    figures->addWidget(m_legend);
    m_pace = new QLabel(this);
    m_pace->setObjectName(QStringLiteral("forecastPace"));
    m_pace->setWordWrap(true);
    figures->addWidget(m_pace);
    figures->addStretch(1);
    body->addLayout(figures);
    for (int p = 0; p < kPriorityCount; ++p) {
        auto *card = new ChartCard(this);
        card->setObjectName(QStringLiteral("forecastChart%1").arg(priorityName(static_cast<Priority>(p))));
        card->setMinimumSize(170, 150);
        m_charts[static_cast<size_t>(p)] = card;
        body->addWidget(card, 1);
    }
    root->addLayout(body, 1);
    changeEvent(nullptr);
}

void ForecastPanel::changeEvent(QEvent *event)
{
    if (!event || event->type() == QEvent::LanguageChange) {
        m_reviewersLabel->setText(tr("Reviewers on duty:"));
        m_reviewers->setSpecialValueText(tr("usual team"));
        m_reviewers->setToolTip(
            tr("Reviewers working every hour of the forecast; \"usual team\" is how many gave verdicts at that hour of "
               "the week over the last 4 weeks (audit log)"));
    }
    if (!event || event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        draw();
    if (event)
        QFrame::changeEvent(event);
}

void ForecastPanel::load(const std::shared_ptr<const Database> &db, const ReviewRules &rules, const QString &agentId)
{
    if (agentId != m_agentId) {
        // The old agent's figures must not stand under the new agent's title.
        m_inputs.reset();
        m_forecast.reset();
        m_agentId = agentId;
    }
    if (!db) {
        m_loader->drop();
        m_inputs.reset();
        showError(tr("Not connected to a database."));
        emit loaded(false);
        return;
    }
    const QDateTime now = m_fixedNow.isValid() ? m_fixedNow : QDateTime::currentDateTimeUtc();
    m_loader->run<Loaded>(
        [db, rules, now, agentId] {
            auto in = forecast::readInputs(db, rules, now, agentId);
            return in ? Loaded{*in, {}} : Loaded{std::nullopt, in.error().message};
        },
        [this](const Loaded &result) {
            if (!result.inputs) {
                m_inputs.reset();
                showError(tr("The forecast could not be read: %1").arg(result.error));
                emit loaded(false);
                return;
            }
            m_inputs = result.inputs;
            m_error.clear();
            recompute();
            emit loaded(true);
        });
    draw();
}

std::optional<int> ForecastPanel::staffing() const
{
    return m_reviewers->value() == kUsualTeam ? std::nullopt : std::optional<int>(m_reviewers->value());
}

void ForecastPanel::recompute()
{
    if (!m_inputs)
        return;
    m_forecast = forecast::forecastFrom(*m_inputs, forecast::kDefaultHours, staffing());
    draw();
}

void ForecastPanel::showError(const QString &text)
{
    m_forecast.reset();
    m_error = text;
    draw();
}

void ForecastPanel::drawTitle()
{
    if (m_agentId.isEmpty()) {
        m_title->setText(tr("Capacity forecast, next 7 days · all agents"));
        m_title->setToolTip(tr("Every agent's arrivals and pending decisions, reviewed by the whole team"));
    } else {
        m_title->setText(tr("Capacity forecast, next 7 days · agent %1").arg(m_agentId));
        m_title->setToolTip(tr("Only agent %1's arrivals and pending decisions (the page's agent filter); the "
                               "reviewers' pace and presence are the whole team's")
                                .arg(m_agentId));
    }
}

void ForecastPanel::draw()
{
    drawTitle();
    const charts::ChartStyle style = charts::ChartStyle::fromPalette(palette());
    if (!m_forecast) {
        m_needed->setText(m_error.isEmpty() ? tr("Loading…") : m_error);
        m_summary->clear();
        m_legend->clear();
        m_pace->clear();
        // An empty chart would say "no decisions"; until there is a forecast there is none.
        for (ChartCard *card : m_charts)
            card->hide();
        return;
    }
    const forecast::Forecast &f = *m_forecast;
    const forecast::ForecastInputs &in = f.inputs;
    const auto throughput = in.throughput();
    const forecast::Horizon &day = f.horizons.front();
    const forecast::Horizon &week = f.horizons.back();
    const QString plan = f.reviewers ? tr("%n reviewer(s) on every hour", nullptr, *f.reviewers) : tr("usual team");
    if (throughput && week.reviewersNeeded) {
        m_needed->setText(tr("To keep every deadline: %1 reviewer-hours in the next 24 h, %2 in 7 days (or %n "
                             "reviewer(s) on every hour). Planned: %3 and %4 (%5).",
                             nullptr, *week.reviewersNeeded)
                              .arg(whole(day.needed.reviewerHours), whole(week.needed.reviewerHours),
                                   whole(day.planned.reviewerHours), whole(week.planned.reviewerHours), plan));
    } else {
        m_needed->setText(tr("No verdicts in the last 4 weeks: the reviewers' pace is unknown, so this forecast "
                             "reviews nothing and cannot say how many reviewer-hours are needed."));
    }
    m_summary->setText(forecastTableHtml(f));
    m_legend->setText(forecastLegendHtml());
    m_pace->setText(
        throughput ? tr("Pace: %1 verdicts per reviewer-hour (whole team, last 4 weeks).").arg(oneDecimal(*throughput))
                   : QString());

    const ReviewColors colors = ReviewColors::of(palette());
    for (int p = 0; p < kPriorityCount; ++p) {
        const auto prio = static_cast<Priority>(p);
        ChartCard *card = m_charts[static_cast<size_t>(p)];
        const bool charted = forecastCharted(in, prio);
        card->setHidden(!charted);
        if (charted)
            card->setChart(forecastPriorityChart(style, colors, f, prio));
    }
}

}  // namespace atalaya
