#include "ui/common/TableCard.h"

#include "ui/common/ChartCard.h"
#include "ui/common/DataTableView.h"

#include <QHeaderView>
#include <QVBoxLayout>

#include <algorithm>

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
    // Queued: the view sizes its rows after the model's signal, and the height needs them.
    connect(model, &QAbstractItemModel::modelReset, this, &TableCard::fitToRows, Qt::QueuedConnection);
    connect(model, &QAbstractItemModel::rowsInserted, this, &TableCard::fitToRows, Qt::QueuedConnection);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &TableCard::fitToRows, Qt::QueuedConnection);
    connect(m_view, &DataTableView::sourceRowActivated, this, [this, model](int row) {
        if (row >= 0 && row < model->rowCount())
            emit keyActivated(model->rows()[static_cast<size_t>(row)].key);
    });
}

namespace {
constexpr int kMaxFitHeight = 360;
}  // namespace

void TableCard::setFitToRows(bool on)
{
    m_fitToRows = on;
    fitToRows();
}

void TableCard::fitToRows()
{
    if (!m_fitToRows) {
        setMinimumHeight(0);
        setMaximumHeight(QWIDGETSIZE_MAX);
        return;
    }
    // What the card needs around the rows (header, frames, margins), from the laid-out widgets.
    const int around = height() - m_view->viewport()->height();
    const int rows = std::max(m_view->verticalHeader()->length(), m_view->verticalHeader()->defaultSectionSize());
    const int needed = around + rows + 1;
    // Layouts give a card its size hint (a QTableView's is ~200 px whatever its rows), so the
    // minimum grows with the rows too, up to where a long table scrolls instead.
    setMinimumHeight(std::min(needed, kMaxFitHeight));
    setMaximumHeight(needed);
}

}  // namespace atalaya
