#include "ui/dashboard/OverviewPage.h"

#include "core/insights/InsightText.h"
#include "core/settings/Settings.h"

#include "ui/common/Format.h"
#include "ui/dashboard/AlertsModel.h"
#include "ui/common/DataTableView.h"
#include "ui/common/KpiCard.h"
#include "ui/common/ChartCard.h"
#include "ui/dashboard/DashboardCharts.h"

#include <algorithm>
#include <cmath>

#include <QGridLayout>
#include <QChart>
#include <QHeaderView>
#include <QLabel>

namespace atalaya {
namespace {

// "+2.1 pts" style change between two optional values; nullopt when either side is empty.
std::optional<double> delta(const std::optional<double> &now, const std::optional<double> &before)
{
    if (!now || !before)
        return std::nullopt;
    return *now - *before;
}

template <typename T> std::optional<double> asDouble(const std::optional<T> &v)
{
    return v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt;
}

// A change too small to show at this precision reads "0", not "-0,000".
double shownValue(double v, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale + 0.0;
}

QString signedNumber(double v, int decimals)
{
    const double shown = shownValue(v, decimals);
    return (shown > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(shown == 0 ? 0.0 : shown, 'f', decimals);
}

}  // namespace

OverviewPage::OverviewPage(const AppContext &context, QWidget *parent) : DataPage(context, parent)
{
    auto *grid = new QGridLayout;
    grid->setSpacing(10);
    for (int i = 0; i < KpiCount; ++i) {
        m_cards[static_cast<size_t>(i)] = new KpiCard(this);
        grid->addWidget(m_cards[static_cast<size_t>(i)], i / 3, i % 3);
    }
    contentLayout()->addLayout(grid);
    m_alertsTitle = new QLabel(this);
    QFont f = m_alertsTitle->font();
    f.setBold(true);
    m_alertsTitle->setFont(f);
    contentLayout()->addWidget(m_alertsTitle);
    m_alerts = new AlertsModel(this);
    m_alertsView = new DataTableView(this);
    m_alertsView->setSourceModel(m_alerts, AlertsModel::SortRole);
    m_alertsView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_alertsView->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_alertsView->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    contentLayout()->addWidget(m_alertsView);
    m_changesTitle = new QLabel(this);
    m_changesTitle->setFont(f);
    m_changesTitle->setTextFormat(Qt::RichText);
    m_changes = new QLabel(this);
    m_changes->setObjectName(QStringLiteral("whatChanged"));
    m_changes->setWordWrap(true);
    m_changes->setTextFormat(Qt::PlainText);
    contentLayout()->addWidget(m_changesTitle);
    contentLayout()->addWidget(m_changes);
    // The alerts table holds its rows only (a healthy team has few); the week's chart takes the
    // rest of the height, which was an empty table.
    m_week = new ChartCard(this);
    m_week->setMinimumHeight(190);
    contentLayout()->addWidget(m_week, 1);
    connect(m_changesTitle, &QLabel::linkActivated, this,
            [this] { emit navigateRequested(QStringLiteral("insights"), {}); });
    connect(m_alertsView, &DataTableView::sourceRowActivated, this, [this](int row) {
        const auto &alerts = m_alerts->alerts();
        if (row < 0 || row >= static_cast<int>(alerts.size()) || alerts[static_cast<size_t>(row)].agentId.isEmpty())
            return;
        requestAgentFilter(alerts[static_cast<size_t>(row)].agentId);
    });
    retranslate();
}

void OverviewPage::startLoad(const StatsQuery &query)
{
    const ReviewRules rules = m_context.settings ? ReviewRules::fromSettingsJson(m_context.settings->reviewRulesJson())
                                                 : ReviewRules::defaults();
    load<OverviewData>([db = m_context.db, query, rules] { return loadOverview(db, query, rules); },
                       [this](const OverviewData &d) { show(d); });
}

void OverviewPage::retranslate()
{
    setHeader(title());
    const QString titles[KpiCount] = {tr("Total decisions"),    tr("Average accuracy"), tr("Average confidence"),
                                      tr("Execution time P95"), tr("Feedback rate"),    tr("Pending P0")};
    for (int i = 0; i < KpiCount; ++i)
        m_cards[static_cast<size_t>(i)]->setTitle(titles[i]);
    m_alertsTitle->setText(tr("Active alerts"));
    m_changesTitle->setText(tr("What changed"));
    if (m_data)
        show(*m_data);
}

void OverviewPage::show(const OverviewData &d)
{
    m_data = d;
    const WindowSummary &now = d.current;
    const WindowSummary &before = d.previous;
    const QString vs = tr("vs previous %n days", nullptr, d.query.periodDays);
    const QString noBase = tr("no data in the previous %n days", nullptr, d.query.periodDays);
    // Whole days only: today's count, feedback rate and accuracy so far made every line end in a drop.
    auto series = [&d](auto metric) {
        std::vector<std::optional<double>> points;
        for (const GroupSummary &g : d.sparkDays) {
            if (!charts::isToday(g.key))
                points.push_back(metric(g.summary));
        }
        return points;
    };

    const qint64 total = now.accuracy.totalDecisions;
    const qint64 prevTotal = before.accuracy.totalDecisions;
    card(Total)->setValue(
        fmt::count(total),
        prevTotal > 0 ? tr("%1 % %2").arg(
            signedNumber(100.0 * static_cast<double>(total - prevTotal) / static_cast<double>(prevTotal), 1), vs)
                      : noBase,
        std::nullopt);
    card(Total)->setSpark(series([](const WindowSummary &s) -> std::optional<double> {
        return static_cast<double>(s.accuracy.totalDecisions);
    }));

    const auto pts = [&](const std::optional<double> &change, bool upIsGood, double scale, int decimals,
                         const QString &unit) {
        return std::make_pair(change ? tr("%1%2 %3").arg(signedNumber(*change * scale, decimals), unit, vs) : noBase,
                              change && shownValue(*change * scale, decimals) != 0
                                  ? std::optional<bool>((*change > 0) == upIsGood)
                                  : std::nullopt);
    };
    auto [accText, accBetter] =
        pts(delta(now.accuracy.accuracyAvg, before.accuracy.accuracyAvg), true, 100, 1, tr(" pts"));
    card(Accuracy)->setValue(fmt::ratioPercent(now.accuracy.accuracyAvg), accText, accBetter);
    card(Accuracy)->setSpark(series([](const WindowSummary &s) { return s.accuracy.accuracyAvg; }));

    auto [confText, confBetter] = pts(delta(now.avgConfidence, before.avgConfidence), true, 1, 3, QString());
    card(Confidence)->setValue(fmt::ratio(now.avgConfidence), confText, confBetter);
    card(Confidence)->setSpark(series([](const WindowSummary &s) { return s.avgConfidence; }));

    auto [p95Text, p95Better] =
        pts(delta(asDouble(now.execution.p95Ms), asDouble(before.execution.p95Ms)), false, 1, 0, tr(" ms"));
    card(P95)->setValue(fmt::ms(now.execution.p95Ms), p95Text, p95Better);
    card(P95)->setSpark(series([](const WindowSummary &s) { return asDouble(s.execution.p95Ms); }));

    auto [rateText, rateBetter] =
        pts(delta(now.accuracy.feedbackRatePercent(), before.accuracy.feedbackRatePercent()), true, 1, 1, tr(" pts"));
    card(FeedbackRate)->setValue(fmt::percent(now.accuracy.feedbackRatePercent()), rateText, rateBetter);
    card(FeedbackRate)->setSpark(series([](const WindowSummary &s) { return s.accuracy.feedbackRatePercent(); }));

    card(PendingP0)->setValue(d.pendingUrgent ? fmt::count(*d.pendingUrgent) : fmt::dash(),
                              tr("most urgent pending reviews, all dates (review queue)"),
                              d.pendingUrgent ? std::optional<bool>(*d.pendingUrgent == 0) : std::nullopt);
    card(PendingP0)->setSpark({});

    m_alerts->setAlerts(d.alerts);
    // As tall as its rows, up to six (then it scrolls); none: the title says so and it hides.
    const int rows = std::min(m_alerts->rowCount(), 6);
    m_alertsView->setFixedHeight(m_alertsView->horizontalHeader()->sizeHint().height()
                                 + rows * m_alertsView->verticalHeader()->defaultSectionSize()
                                 + 2 * m_alertsView->frameWidth());
    m_alertsView->setVisible(rows > 0);
    const bool anyDay = std::any_of(d.sparkDays.begin(), d.sparkDays.end(),
                                    [](const GroupSummary &g) { return g.summary.accuracy.totalDecisions > 0; });
    m_week->setChart(charts::overviewWeekChart(charts::ChartStyle::fromPalette(palette()), d.sparkDays), !anyDay);
    m_alertsTitle->setText(d.alerts.empty() ? tr("Active alerts: none — every metric is within the seed thresholds")
                                            : tr("Active alerts (%1)").arg(d.alerts.size()));
    showChanges(d.insights, d.insightsError);
}

void OverviewPage::showChanges(const InsightsReport &report, const QString &error)
{
    const auto &all = report.insights;
    const QString more = QStringLiteral(" <a href=\"insights\">%1</a>").arg(tr("All insights"));
    if (!error.isEmpty()) {
        m_changesTitle->setText(tr("What changed: could not be read (%1)").arg(error).toHtmlEscaped() + more);
        m_changes->hide();
        return;
    }
    m_changesTitle->setText((all.empty() ? tr("What changed: nothing significant against the previous period")
                                         : tr("What changed (%n)", "", static_cast<int>(all.size())))
                                .toHtmlEscaped()
                            + more);
    QStringList lines;
    for (size_t i = 0; i < all.size() && i < static_cast<size_t>(kWhatChangedRows); ++i)
        lines
            << QStringLiteral("• %1 — %2").arg(insightSeverityText(all[i].severity), insightMessage(all[i], QLocale()));
    m_changes->setText(lines.join(QLatin1Char('\n')));
    m_changes->setVisible(!lines.isEmpty());
}

}  // namespace atalaya
