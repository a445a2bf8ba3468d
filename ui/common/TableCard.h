#pragma once

#include "ui/dashboard/GroupTableModel.h"

#include <QFrame>

namespace atalaya {

class DataTableView;

// A card holding a sortable table of grouped rows (agents, task types): the table part of
// the Accuracy, Execution time and Feedback pages. Activating a row names its key.
class TableCard : public QFrame {
    Q_OBJECT
public:
    TableCard(GroupTableModel *model, GroupTableModel::Column sortColumn, Qt::SortOrder order,
              QWidget *parent = nullptr);

    DataTableView *view() const { return m_view; }
    // The card is never taller than its rows need, so a short table leaves the space to
    // what is laid out under it instead of an empty white area.
    void setFitToRows(bool on);

signals:
    // A row was clicked or activated with Enter: its key (agent id, task type).
    void keyActivated(const QString &key);

private:
    void fitToRows();

    DataTableView *m_view = nullptr;
    bool m_fitToRows = false;
};

}  // namespace atalaya
