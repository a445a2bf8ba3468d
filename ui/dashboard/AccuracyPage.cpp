#include "ui/dashboard/AccuracyPage.h"

#include "ui/dashboard/DashboardCharts.h"
#include "ui/dashboard/GroupTableModel.h"
#include "ui/dashboard/ModelVersionsModel.h"
#include "ui/common/DataTableView.h"
#include "ui/common/ChartCard.h"
#include "ui/common/TableCard.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace atalaya {

using Col = GroupTableModel::Column;

QFrame *AccuracyPage::versionsCard()
{
    auto *card = new QFrame(this);
    applyCardStyle(card);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(8, 6, 8, 6);
    m_versionsTitle = new QLabel(card);
    QFont bold = m_versionsTitle->font();
    bold.setBold(true);
    m_versionsTitle->setFont(bold);
    layout->addWidget(m_versionsTitle);
    m_versions = new ModelVersionsModel(this);
    m_versionsView = new DataTableView(card);
    m_versionsView->setSourceModel(m_versions, ModelVersionsModel::SortRole);
    m_versionsView->sortByColumn(ModelVersionsModel::Agent, Qt::AscendingOrder);
    m_versionsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_versionsView->horizontalHeader()->setStretchLastSection(true);
    m_versionsView->setMinimumHeight(150);
    layout->addWidget(m_versionsView);
    m_versionsNote = new QLabel(card);
    m_versionsNote->setWordWrap(true);
    m_versionsNote->hide();
    layout->addWidget(m_versionsNote);
    return card;
}

AccuracyPage::AccuracyPage(const AppContext &context, QWidget *parent) : DataPage(context, parent)
{
    m_agents = new GroupTableModel(tr("Agent"), {Col::Key, Col::Decisions, Col::Accuracy, Col::FeedbackRate}, this);
    auto *tableCard = new TableCard(m_agents, Col::Decisions, Qt::DescendingOrder, this);
    m_view = tableCard->view();
    m_byTask = new ChartCard(this);
    m_perDay = new ChartCard(this);
    // The agents table is as tall as its rows; the per-day line takes the rest of the left
    // column, and the task-type bars the whole right one.
    tableCard->setFitToRows(true);
    auto *grid = new QGridLayout;
    grid->setSpacing(10);
    grid->addWidget(tableCard, 0, 0);
    grid->addWidget(m_perDay, 1, 0);
    grid->addWidget(m_byTask, 0, 1, 2, 1);
    grid->addWidget(versionsCard(), 2, 0, 1, 2);
    grid->setRowStretch(1, 1);
    grid->setColumnStretch(0, 6);
    grid->setColumnStretch(1, 5);
    contentLayout()->addLayout(grid, 1);
    connect(tableCard, &TableCard::keyActivated, this, &AccuracyPage::requestAgentFilter);
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
    m_versionsTitle->setText(tr("Model versions"));
    m_versionsTitle->setToolTip(tr("Each agent's model versions (metadata.model_version) in the window, "
                                   "each against the one first seen before it"));
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
    m_versions->setReports(d.versions);
    m_versionsView->setVisible(!d.versionsTooMany);
    m_versionsNote->setVisible(d.versionsTooMany.has_value());
    if (d.versionsTooMany)
        m_versionsNote->setText(tr("Too many decisions in this period to compare model versions from raw rows (%1); "
                                   "choose one agent or a shorter period")
                                    .arg(QLocale().toString(*d.versionsTooMany)));
}

}  // namespace atalaya
