#include "ui/dashboard/LatencyPage.h"

#include "ui/dashboard/DashboardCharts.h"
#include "ui/dashboard/GroupTableModel.h"
#include "ui/common/ChartCard.h"
#include "ui/common/TableCard.h"

#include <QHBoxLayout>

namespace atalaya {

using Col = GroupTableModel::Column;

LatencyPage::LatencyPage(const AppContext &context, QWidget *parent) : DataPage(context, parent)
{
    m_tasks = new GroupTableModel(tr("Task type"), {Col::Key, Col::AvgMs, Col::P95, Col::P99}, this);
    m_perDay = new ChartCard(this);
    m_boxes = new ChartCard(this);
    auto *tableCard = new TableCard(m_tasks, Col::P95, Qt::DescendingOrder, this);
    auto *bottom = new QHBoxLayout;
    bottom->setSpacing(10);
    bottom->addWidget(m_boxes, 6);
    bottom->addWidget(tableCard, 4);
    contentLayout()->addWidget(m_perDay, 1);
    contentLayout()->addLayout(bottom, 1);
    retranslate();
}

void LatencyPage::startLoad(const StatsQuery &query)
{
    load<LatencyData>([db = m_context.db, query] { return loadLatency(db, query); },
                      [this](const LatencyData &d) { show(d); });
}

void LatencyPage::retranslate()
{
    setHeader(title());
    m_tasks->setKeyTitle(tr("Task type"));
    if (m_data)
        show(*m_data);
}

void LatencyPage::show(const LatencyData &d)
{
    m_data = d;
    const auto style = charts::ChartStyle::fromPalette(palette());
    const bool empty = d.summary.accuracy.totalDecisions == 0;
    m_tasks->setRows(d.taskTypes);
    m_perDay->setChart(charts::latencyPerDayChart(style, d.days), empty);
    m_boxes->setChart(charts::latencyBoxChart(style, d.agentBoxes), empty);
}

}  // namespace atalaya
