#include "ui/review/ForecastPanel.h"

#include "ui/common/ChartCard.h"
#include "ui/common/ChartKit.h"
#include "ui/common/LatestLoader.h"
#include "ui/review/ReviewColors.h"

#include "core/forecast/ForecastReads.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QSpinBox>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace atalaya {
namespace {

constexpr int kUsualTeam = -1;  // the spin box's special value

QString oneDecimal(double v)
{
    return QLocale().toString(v, 'f', 1);
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
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("forecastSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    root->addWidget(m_summary);
    m_chart = new ChartCard(this);
    m_chart->setObjectName(QStringLiteral("forecastChart"));
    m_chart->setMinimumHeight(180);
    root->addWidget(m_chart, 1);
    changeEvent(nullptr);
}

void ForecastPanel::changeEvent(QEvent *event)
{
    if (!event || event->type() == QEvent::LanguageChange) {
        m_title->setText(tr("Capacity forecast, next 7 days (all agents)"));
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

void ForecastPanel::load(const std::shared_ptr<const Database> &db, const ReviewRules &rules)
{
    if (!db) {
        m_loader->drop();
        m_inputs.reset();
        showError(tr("Not connected to a database."));
        emit loaded(false);
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_loader->run<Loaded>(
        [db, rules, now] {
            auto in = forecast::readInputs(db, rules, now);
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

void ForecastPanel::draw()
{
    using namespace charts;
    if (!m_forecast) {
        m_summary->setText(m_error.isEmpty() ? tr("Loading…") : m_error);
        m_chart->setChart(newChart(ChartStyle::fromPalette(palette()), tr("Expected pending reviews")), true);
        return;
    }
    const forecast::Forecast &f = *m_forecast;
    const forecast::ForecastInputs &in = f.inputs;
    const auto throughput = in.throughput();
    QStringList lines;
    lines << (throughput ? tr("%1 verdicts per reviewer-hour over the last 4 weeks.").arg(oneDecimal(*throughput))
                         : tr("No verdicts in the last 4 weeks: nothing is reviewed in this forecast."));
    for (const forecast::Horizon &h : f.horizons) {
        QStringList breaches;
        for (int p = 0; p < kPriorityCount; ++p)
            if (in.slaHours[static_cast<size_t>(p)] > 0)
                breaches << QStringLiteral("%1 %2").arg(priorityName(static_cast<Priority>(p)),
                                                        oneDecimal(h.breaches[static_cast<size_t>(p)]));
        QString line = h.hours == 24 ? tr("Next 24 h: %1 reviewer-hours, deadlines missed: %2.")
                                     : tr("Next 7 days: %1 reviewer-hours, deadlines missed: %2.");
        line = line.arg(oneDecimal(h.planned.reviewerHours), breaches.join(QStringLiteral(", ")));
        if (throughput && h.reviewersNeeded)
            line += QLatin1Char(' ')
                + tr("Keeping every deadline takes %1 reviewer-hours (or %n reviewer(s) on every hour).", nullptr,
                     *h.reviewersNeeded)
                      .arg(oneDecimal(h.needed.reviewerHours));
        lines << line;
    }
    m_summary->setText(lines.join(QLatin1Char('\n')));

    const ChartStyle style = ChartStyle::fromPalette(palette());
    const ReviewColors colors = ReviewColors::of(palette());
    QChart *chart = newChart(style, tr("Expected pending reviews"));
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignRight);
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("ddd HH:mm"));
    x->setTickCount(8);
    styleAxis(style, x, QString());
    chart->addAxis(x, Qt::AlignBottom);
    double top = 0;
    double mostReviewers = 0;
    for (const forecast::SimHour &h : f.run) {
        for (double b : h.backlog)
            top = std::max(top, b);
        mostReviewers = std::max(mostReviewers, h.reviewers);
    }
    QValueAxis *y = roundedAxis(style, tr("pending reviews"), std::max(1.0, top * 1.1));
    chart->addAxis(y, Qt::AlignLeft);
    QValueAxis *staff = roundedAxis(style, tr("reviewers"), std::max(1.0, mostReviewers * 1.1));
    chart->addAxis(staff, Qt::AlignRight);
    auto hourEnd = [](const forecast::SimHour &h) {
        return double(forecast::hourStart(h.hour + 1).toMSecsSinceEpoch());
    };
    auto when = [](const QPointF &p) {
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(p.x())).toLocalTime(), QLocale::ShortFormat);
    };
    for (int p = 0; p < kPriorityCount; ++p) {
        const auto prio = static_cast<Priority>(p);
        auto *series = new QLineSeries;
        series->setName(priorityName(prio));
        series->setPen(QPen(colors.priority(prio), 2));
        series->append(double(in.now.toMSecsSinceEpoch()), double(in.pendingNow[static_cast<size_t>(p)]));
        for (const forecast::SimHour &h : f.run)
            series->append(hourEnd(h), h.backlog[static_cast<size_t>(p)]);
        const QString name = priorityName(prio);
        attachTooltip(series, [name, when](const QPointF &pt) {
            return tr("%1: %2 pending expected at %3").arg(name, oneDecimal(pt.y()), when(pt));
        });
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    auto *people = new QLineSeries;
    people->setName(f.reviewers ? tr("reviewers (fixed)") : tr("reviewers (usual team)"));
    people->setPen(QPen(colors.muted, 1.5, Qt::DashLine));
    for (const forecast::SimHour &h : f.run) {
        people->append(double(forecast::hourStart(h.hour).toMSecsSinceEpoch()), h.reviewers);
        people->append(hourEnd(h), h.reviewers);
    }
    attachTooltip(people, [when](const QPointF &pt) {
        return tr("%1 reviewer(s) on duty at %2").arg(oneDecimal(pt.y()), when(pt));
    });
    chart->addSeries(people);
    people->attachAxis(x);
    people->attachAxis(staff);
    x->setRange(in.now.toLocalTime(), forecast::hourStart(f.run.back().hour + 1).toLocalTime());
    m_chart->setChart(chart);
}

}  // namespace atalaya
