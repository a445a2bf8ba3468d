#include "ui/dashboard/GroupTableModel.h"

#include "ui/common/Format.h"

namespace atalaya {
namespace {

template <typename T> QVariant optionalValue(const std::optional<T> &v)
{
    return v ? QVariant(static_cast<double>(*v)) : QVariant(-1.0);
}

}  // namespace

GroupTableModel::GroupTableModel(QString keyTitle, std::vector<Column> columns, QObject *parent)
    : QAbstractTableModel(parent), m_keyTitle(std::move(keyTitle)), m_columns(std::move(columns))
{
}

void GroupTableModel::setRows(std::vector<GroupSummary> rows)
{
    const bool sameKeys = rows.size() == m_rows.size()
        && std::equal(rows.begin(), rows.end(), m_rows.begin(),
                      [](const GroupSummary &a, const GroupSummary &b) { return a.key == b.key; });
    if (sameKeys) {
        m_rows = std::move(rows);
        if (!m_rows.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int GroupTableModel::columnOf(Column column) const
{
    const auto it = std::find(m_columns.begin(), m_columns.end(), column);
    return it == m_columns.end() ? -1 : static_cast<int>(it - m_columns.begin());
}

void GroupTableModel::setKeyTitle(const QString &title)
{
    m_keyTitle = title;
    emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

int GroupTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int GroupTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant GroupTableModel::sortValue(const GroupSummary &r, Column c) const
{
    const WindowSummary &s = r.summary;
    switch (c) {
    case Column::Key: return r.key;
    case Column::Decisions: return s.accuracy.totalDecisions;
    case Column::FeedbackCount: return s.accuracy.totalWithFeedback;
    case Column::FeedbackRate: return optionalValue(s.accuracy.feedbackRatePercent());
    case Column::Accuracy: return optionalValue(s.accuracy.accuracyAvg);
    case Column::AvgConfidence: return optionalValue(s.avgConfidence);
    case Column::AvgMs: return optionalValue(s.execution.avgMs);
    case Column::P50: return optionalValue(s.execution.p50Ms);
    case Column::P95: return optionalValue(s.execution.p95Ms);
    case Column::P99: return optionalValue(s.execution.p99Ms);
    }
    return {};
}

QString GroupTableModel::displayValue(const GroupSummary &r, Column c) const
{
    const WindowSummary &s = r.summary;
    switch (c) {
    case Column::Key: return r.key;
    case Column::Decisions: return fmt::count(s.accuracy.totalDecisions);
    case Column::FeedbackCount: return fmt::count(s.accuracy.totalWithFeedback);
    case Column::FeedbackRate: return fmt::percent(s.accuracy.feedbackRatePercent());
    case Column::Accuracy: return fmt::ratioPercent(s.accuracy.accuracyAvg);
    case Column::AvgConfidence: return fmt::ratio(s.avgConfidence);
    case Column::AvgMs: return fmt::ms(s.execution.avgMs);
    case Column::P50: return fmt::ms(s.execution.p50Ms);
    case Column::P95: return fmt::ms(s.execution.p95Ms);
    case Column::P99: return fmt::ms(s.execution.p99Ms);
    }
    return {};
}

QVariant GroupTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GroupSummary &r = m_rows[static_cast<size_t>(index.row())];
    const Column c = columnAt(index.column());
    switch (role) {
    case Qt::DisplayRole: return displayValue(r, c);
    case SortRole: return sortValue(r, c);
    case KeyRole: return r.key;
    case Qt::TextAlignmentRole:
        return static_cast<int>(c == Column::Key ? Qt::AlignLeft | Qt::AlignVCenter
                                                 : Qt::AlignRight | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant GroupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (role == Qt::TextAlignmentRole)
        return static_cast<int>(section == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (columnAt(section)) {
    case Column::Key: return m_keyTitle;
    case Column::Decisions: return tr("Decisions");
    case Column::FeedbackCount: return tr("Feedback count");
    case Column::FeedbackRate: return tr("Feedback rate");
    case Column::Accuracy: return tr("Accuracy");
    case Column::AvgConfidence: return tr("Avg confidence");
    case Column::AvgMs: return tr("Avg");
    case Column::P50: return tr("P50");
    case Column::P95: return tr("P95");
    case Column::P99: return tr("P99");
    }
    return {};
}

}  // namespace atalaya
