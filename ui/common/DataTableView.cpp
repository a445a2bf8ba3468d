#include "ui/common/DataTableView.h"

#include "core/reports/CsvWriter.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>

namespace atalaya {

DataTableView::DataTableView(QWidget *parent) : QTableView(parent)
{
    m_proxy = new QSortFilterProxyModel(this);
    QTableView::setModel(m_proxy);
    setSortingEnabled(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    setFrameShape(QFrame::NoFrame);
    connect(this, &QAbstractItemView::clicked, this,
            [this](const QModelIndex &index) { emit sourceRowActivated(m_proxy->mapToSource(index).row()); });
    connect(this, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { emit sourceRowActivated(m_proxy->mapToSource(index).row()); });
}

void DataTableView::setSourceModel(QAbstractItemModel *model, int sortRole)
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(sortRole);
}

QByteArray DataTableView::toCsv() const
{
    QStringList header;
    for (int c = 0; c < m_proxy->columnCount(); ++c)
        header << m_proxy->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    CsvWriter csv(header);
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_proxy->columnCount(); ++c)
            cells << m_proxy->index(r, c).data(Qt::DisplayRole).toString();
        csv.addRow(cells);
    }
    return csv.data();
}

void DataTableView::exportCsv()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export table as CSV"), QStringLiteral("atalaya.csv"),
                                                      tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(toCsv()) < 0) {
        QMessageBox::warning(this, tr("Export failed"), tr("Cannot write %1: %2").arg(file, out.errorString()));
    }
}

void DataTableView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Export CSV…"), this, &DataTableView::exportCsv);
    menu.addAction(tr("Copy table"), this, [this] { QApplication::clipboard()->setText(QString::fromUtf8(toCsv())); });
    menu.exec(event->globalPos());
}

}  // namespace atalaya
