#pragma once

#include "core/queue/ReviewQueue.h"
#include "ui/review/ReviewColors.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QFont>

#include <vector>

namespace atalaya {

// The review queue table. Rows leave locally the moment a reviewer decides (the write follows
// asynchronously) and come back on undo at their sorted place; time columns tick with setNow.
class ReviewQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        PriorityColumn,
        ReasonColumn,
        AgentColumn,
        TaskColumn,
        ConfidenceColumn,
        AgeColumn,
        DueColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, SortKeyRole };

    explicit ReviewQueueModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the rows; the page re-selects the same decision by id.
    void setItems(std::vector<QueueItem> items);
    const QueueItem &item(int row) const { return m_items[static_cast<size_t>(row)]; }
    int rowOf(qint64 id) const;
    QueueItem takeRow(int row);
    int insertSorted(const QueueItem &item);  // returns its row
    void setNow(const QDateTime &now);
    // The palette's colours (theme change); kept here so painting a row computes none.
    void setColors(const ReviewColors &colors);
    const QDateTime &now() const { return m_now; }

    static QString durationText(qint64 seconds);
    static QColor priorityColor(Priority p);

private:
    std::vector<QueueItem> m_items;
    QDateTime m_now;
    ReviewColors m_colors = ReviewColors::of();
    QFont m_bold;
};

}  // namespace atalaya
