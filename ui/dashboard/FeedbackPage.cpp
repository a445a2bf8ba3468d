#include "ui/dashboard/FeedbackPage.h"

#include "ui/common/Format.h"
#include "ui/dashboard/AgreementSection.h"
#include "ui/dashboard/DashboardCharts.h"
#include "ui/dashboard/GroupTableModel.h"
#include "ui/common/ChartCard.h"
#include "ui/common/TableCard.h"
#include "core/settings/Settings.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace atalaya {

using Col = GroupTableModel::Column;

FeedbackPage::FeedbackPage(const AppContext &context, QWidget *parent) : DataPage(context, parent)
{
    m_summary = new QLabel(this);
    m_agents =
        new GroupTableModel(tr("Agent"), {Col::Key, Col::Decisions, Col::FeedbackCount, Col::FeedbackRate}, this);
    m_pie = new ChartCard(this);
    auto *tableCard = new TableCard(m_agents, Col::FeedbackRate, Qt::AscendingOrder, this);
    m_view = tableCard->view();
    m_rates = new ChartCard(this);
    m_rates->setObjectName(QStringLiteral("feedbackRateChart"));
    auto *right = new QVBoxLayout;
    right->setSpacing(10);
    right->addWidget(tableCard, 2);
    right->addWidget(m_rates, 3);
    auto *row = new QHBoxLayout;
    row->setSpacing(10);
    row->addWidget(m_pie, 1);
    row->addLayout(right, 1);
    m_agreement = new AgreementSection(this);
    contentLayout()->addWidget(m_summary);
    contentLayout()->addLayout(row, 5);
    contentLayout()->addWidget(m_agreement, 3);
    connect(tableCard, &TableCard::keyActivated, this, &FeedbackPage::requestAgentFilter);
    retranslate();
}

QString FeedbackPage::summaryText() const
{
    return m_summary->text();
}

void FeedbackPage::startLoad(const StatsQuery &query)
{
    const ReviewRules rules = m_context.settings ? ReviewRules::fromSettingsJson(m_context.settings->reviewRulesJson())
                                                 : ReviewRules::defaults();
    load<FeedbackData>([db = m_context.db, query, rules] { return loadFeedback(db, query, rules); },
                       [this](const FeedbackData &d) { show(d); });
}

void FeedbackPage::retranslate()
{
    setHeader(title());
    m_agents->setKeyTitle(tr("Agent"));
    m_agreement->retranslate();
    if (m_data)
        show(*m_data);
}

void FeedbackPage::show(const FeedbackData &d)
{
    m_data = d;
    const AccuracySummary &a = d.summary.accuracy;
    m_summary->setText(
        tr("%1 reviews of %2 decisions — feedback rate %3 (seed target ≥ 30 %)")
            .arg(fmt::count(a.totalWithFeedback), fmt::count(a.totalDecisions), fmt::percent(a.feedbackRatePercent())));
    m_agents->setRows(d.agents);
    const charts::ChartStyle style = charts::ChartStyle::fromPalette(palette());
    m_pie->setChart(charts::feedbackPieChart(style, a), a.totalWithFeedback == 0);
    m_rates->setChart(charts::feedbackRateByAgentChart(style, d.agents), d.agents.empty());
    m_agreement->setReport(d.agreement);
}

}  // namespace atalaya
