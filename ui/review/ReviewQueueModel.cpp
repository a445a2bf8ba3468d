#include "ui/review/ReviewQueueModel.h"
#include "ui/common/Format.h"

#include "ui/review/ReviewColors.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <algorithm>

namespace atalaya {
namespace {

bool before(const QueueItem &a, const QueueItem &b)
{
    if (a.priority != b.priority)
        return a.priority < b.priority;
    if (a.createdAt != b.createdAt)
        return a.createdAt < b.createdAt;
    return a.id < b.id;
}

}  // namespace

ReviewQueueModel::ReviewQueueModel(QObject *parent)
    : QAbstractTableModel(parent), m_now(QDateTime::currentDateTimeUtc())
{
    m_bold.setBold(true);
}

void ReviewQueueModel::setColors(const ReviewColors &colors)
{
    m_colors = colors;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

int ReviewQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int ReviewQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReviewQueueModel::durationText(qint64 seconds)
{
    seconds = std::abs(seconds);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

QColor ReviewQueueModel::priorityColor(Priority p)
{
    return ReviewColors::of().priority(p);
}

QVariant ReviewQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QueueItem &it = m_items[static_cast<size_t>(index.row())];
    const bool overdue = it.overdueAt(m_now);
    if (role == IdRole)
        return it.id;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case PriorityColumn: return priorityName(it.priority);
        case ReasonColumn: return it.reason;
        case AgentColumn: return it.agentId;
        case TaskColumn: return it.taskType;
        case ConfidenceColumn: return QLocale().toString(it.confidence, 'f', 2);
        case AgeColumn: return durationText(it.createdAt.secsTo(m_now));
        case DueColumn:
            if (!it.dueAt.isValid())
                return tr("no deadline");
            return overdue ? tr("overdue by %1").arg(durationText(it.dueAt.secsTo(m_now)))
                           : tr("in %1").arg(durationText(m_now.secsTo(it.dueAt)));
        }
    }
    if (role == Qt::ForegroundRole) {
        if (index.column() == PriorityColumn)
            return QBrush(m_colors.priority(it.priority));
        if (index.column() == DueColumn && overdue)
            return QBrush(m_colors.danger);
        if (index.column() == DueColumn && !it.dueAt.isValid())
            return QBrush(m_colors.muted);
    }
    if (role == Qt::FontRole && (index.column() == PriorityColumn || (index.column() == DueColumn && overdue)))
        return m_bold;
    if (role == Qt::TextAlignmentRole && index.column() == ConfidenceColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (index.column() == ReasonColumn || index.column() == PriorityColumn)
            return tr("%1: %2").arg(priorityName(it.priority), it.reason);
        // Capped columns: the whole name when the cell elides it.
        if (index.column() == AgentColumn)
            return it.agentId;
        if (index.column() == TaskColumn)
            return it.taskType;
        if (index.column() == DueColumn || index.column() == AgeColumn)
            return tr("Created %1%2")
                .arg(fmt::dateTimeSeconds(it.createdAt),
                     it.dueAt.isValid() ? tr(", due %1").arg(fmt::dateTimeSeconds(it.dueAt)) : QString());
        return tr("Decision #%1").arg(it.id);
    }
    return {};
}

QVariant ReviewQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case PriorityColumn: return tr("Priority");
        case ReasonColumn: return tr("Reason");
        case AgentColumn: return tr("Agent");
        case TaskColumn: return tr("Task");
        case ConfidenceColumn: return tr("Confidence");
        case AgeColumn: return tr("Age");
        case DueColumn: return tr("Due");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case PriorityColumn: return tr("P0 within 1 hour, P1 within 24 hours, P2 within a week, P3 sampled");
        case ReasonColumn: return tr("Why the rules put this decision in the queue");
        case DueColumn: return tr("Time left before the review deadline, or how late it is");
        default: break;
        }
    }
    return {};
}

void ReviewQueueModel::setItems(std::vector<QueueItem> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

int ReviewQueueModel::rowOf(qint64 id) const
{
    for (size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

QueueItem ReviewQueueModel::takeRow(int row)
{
    beginRemoveRows({}, row, row);
    QueueItem out = std::move(m_items[static_cast<size_t>(row)]);
    m_items.erase(m_items.begin() + row);
    endRemoveRows();
    return out;
}

int ReviewQueueModel::insertSorted(const QueueItem &item)
{
    const auto at = std::lower_bound(m_items.begin(), m_items.end(), item, before);
    const int row = static_cast<int>(at - m_items.begin());
    beginInsertRows({}, row, row);
    m_items.insert(at, item);
    endInsertRows();
    return row;
}

void ReviewQueueModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_items.empty())
        emit dataChanged(index(0, AgeColumn), index(rowCount() - 1, DueColumn), {Qt::DisplayRole, Qt::ForegroundRole});
}

}  // namespace atalaya
