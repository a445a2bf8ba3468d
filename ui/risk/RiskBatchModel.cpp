#include "ui/risk/RiskBatchModel.h"

#include "ui/risk/RiskCharts.h"

#include <QColor>
#include <QLocale>

#include <algorithm>

namespace atalaya {

void RiskBatchModel::setRows(std::vector<RiskBatchRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void RiskBatchModel::setLimit(double limit)
{
    m_limit = limit;
    if (!m_rows.empty())
        emit dataChanged(index(0, Gated), index(rowCount() - 1, Gated));
}

int RiskBatchModel::gatedCount() const
{
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(), [this](const RiskBatchRow &r) { return gated(r); }));
}

int RiskBatchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RiskBatchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RiskBatchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const RiskBatchRow &r = m_rows[static_cast<size_t>(index.row())];
    const QLocale l;
    if (role == SortRole) {
        switch (index.column()) {
        case Cycle:
            return r.cycleId;
        case Score:
            return r.riskScore;
        case FailureProbability:
            return r.failureProbability;
        default:
            return gated(r);
        }
    }
    if (role == Qt::DisplayRole) {
        if (!r.error.isEmpty() && index.column() != Cycle)
            return index.column() == Score ? r.error : QVariant();
        switch (index.column()) {
        case Cycle:
            return r.cycleId;
        case Score:
            return tr("%1 · %2").arg(l.toString(r.riskScore, 'f', 3), riskLevelText(r.level));
        case FailureProbability:
            return l.toString(r.failureProbability * 100, 'f', 1) + QStringLiteral(" %");
        default:
            return gated(r) ? tr("Above %1").arg(l.toString(m_limit, 'f', 2)) : tr("No");
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Gated && gated(r))
        return QColor(0xc6, 0x28, 0x28);
    if (role == Qt::TextAlignmentRole && index.column() == FailureProbability)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RiskBatchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Cycle:
        return tr("Cycle");
    case Score:
        return tr("Risk");
    case FailureProbability:
        return tr("P(failure)");
    default:
        return tr("Gate");
    }
}

}  // namespace atalaya
