#include "pages/AccuracyPage.h"

#include "charts/DashboardCharts.h"
#include "models/GroupTableModel.h"
#include "widgets/ChartCard.h"
#include "widgets/DataTableView.h"

#include <QHBoxLayout>
#include <QHeaderView>

namespace atalaya {

using Col = GroupTableModel::Column;

AccuracyPage::AccuracyPage(const AppContext &context, QWidget *parent) : DataPage(context, parent)
{
    m_agents = new GroupTableModel(tr("Agent"), {Col::Key, Col::Decisions, Col::Accuracy, Col::FeedbackRate}, this);
    auto *tableCard = new QFrame(this);
    applyCardStyle(tableCard);
    auto *tableLayout = new QVBoxLayout(tableCard);
    tableLayout->setContentsMargins(4, 4, 4, 4);
    m_view = new DataTableView(tableCard);
    m_view->setSourceModel(m_agents, GroupTableModel::SortRole);
    m_view->sortByColumn(m_agents->columnOf(Col::Decisions), Qt::DescendingOrder);
    m_view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tableLayout->addWidget(m_view);
    m_byTask = new ChartCard(this);
    m_perDay = new ChartCard(this);
    auto *top = new QHBoxLayout;
    top->setSpacing(10);
    top->addWidget(tableCard, 5);
    top->addWidget(m_byTask, 6);
    contentLayout()->addLayout(top, 1);
    contentLayout()->addWidget(m_perDay, 1);
    connect(m_view, &DataTableView::sourceRowActivated, this, [this](int row) {
        if (row < 0 || row >= m_agents->rowCount())
            return;
        DashboardFilter f = filter();
        f.agentId = m_agents->rows()[static_cast<size_t>(row)].key;
        emit filterRequested(f);
    });
    retranslate();
}

void AccuracyPage::startLoad(const StatsQuery &query)
{
    load<AccuracyData>([db = m_context.db, query] { return loadAccuracy(db, query); },
                       [this](const AccuracyData &d) { show(d); });
}

void AccuracyPage::retranslate()
{
    setHeader(title());
    m_agents->setKeyTitle(tr("Agent"));
    if (m_data)
        show(*m_data);
}

void AccuracyPage::show(const AccuracyData &d)
{
    m_data = d;
    const auto style = charts::ChartStyle::fromPalette(palette());
    const bool empty = d.summary.accuracy.totalDecisions == 0;
    const bool noFeedback = d.summary.accuracy.totalWithFeedback == 0;
    m_agents->setRows(d.agents);
    m_byTask->setChart(charts::accuracyByTaskChart(style, d.taskTypes), empty || noFeedback);
    m_perDay->setChart(charts::accuracyPerDayChart(style, d.days), empty || noFeedback);
}

} // namespace atalaya
