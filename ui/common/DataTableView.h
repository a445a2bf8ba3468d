#pragma once

#include <QTableView>

class QSortFilterProxyModel;

namespace atalaya {

// A sortable table over any model (numeric sort through the model's SortRole) with
// "Export CSV…" and "Copy" in its context menu (docs/CLI.md CSV rules via CsvWriter).
class DataTableView : public QTableView {
    Q_OBJECT
public:
    explicit DataTableView(QWidget *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model, int sortRole);
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    // The visible table, in its current order, as CSV bytes.
    QByteArray toCsv() const;

public slots:
    void exportCsv();

signals:
    // A row was activated (clicked or Enter); the source model's row.
    void sourceRowActivated(int sourceRow);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QSortFilterProxyModel *m_proxy = nullptr;
};

}  // namespace atalaya
