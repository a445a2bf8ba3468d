#pragma once

#include "core/aggregates/StatsTypes.h"

#include <QAbstractTableModel>

#include <vector>

namespace atalaya {

// Rows of StatsService::grouped (agents, task types, days) with a chosen set of columns.
// Display text is localised; SortRole gives the raw number so sorting is numeric, and empty
// metrics sort first. Refreshes merge when the keys are unchanged (selection survives).
class GroupTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Column { Key, Decisions, FeedbackCount, FeedbackRate, Accuracy, AvgConfidence, AvgMs, P50, P95, P99 };
    enum Roles { SortRole = Qt::UserRole, KeyRole };

    GroupTableModel(QString keyTitle, std::vector<Column> columns, QObject *parent = nullptr);

    void setRows(std::vector<GroupSummary> rows);
    const std::vector<GroupSummary> &rows() const { return m_rows; }
    Column columnAt(int column) const { return m_columns[static_cast<size_t>(column)]; }
    int columnOf(Column column) const;
    void setKeyTitle(const QString &title);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant sortValue(const GroupSummary &row, Column column) const;
    QString displayValue(const GroupSummary &row, Column column) const;

    QString m_keyTitle;
    std::vector<Column> m_columns;
    std::vector<GroupSummary> m_rows;
};

}  // namespace atalaya
