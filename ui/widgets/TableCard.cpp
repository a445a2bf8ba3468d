#include "widgets/TableCard.h"

#include "widgets/ChartCard.h"
#include "widgets/DataTableView.h"

#include <QHeaderView>
#include <QVBoxLayout>

namespace atalaya {

TableCard::TableCard(GroupTableModel *model, GroupTableModel::Column sortColumn, Qt::SortOrder order, QWidget *parent)
    : QFrame(parent)
{
    applyCardStyle(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_view = new DataTableView(this);
    m_view->setSourceModel(model, GroupTableModel::SortRole);
    m_view->sortByColumn(model->columnOf(sortColumn), order);
    m_view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    layout->addWidget(m_view);
    connect(m_view, &DataTableView::sourceRowActivated, this, [this, model](int row) {
        if (row >= 0 && row < model->rowCount())
            emit keyActivated(model->rows()[static_cast<size_t>(row)].key);
    });
}

} // namespace atalaya
