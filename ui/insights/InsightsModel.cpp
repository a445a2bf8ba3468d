#include "ui/insights/InsightsModel.h"

#include "core/insights/InsightText.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace atalaya {

QString insightValueText(const Insight &i, double value, const QLocale &l)
{
    if (i.metric.endsWith(QLatin1String("_ms")))
        return QStringLiteral("%1 ms").arg(l.toString(value, 'f', 0));
    if (i.metric == QLatin1String("feedback_rate"))
        return QStringLiteral("%1 %").arg(l.toString(value, 'f', 1));
    if (i.metric.endsWith(QLatin1String("_share")) || i.kind == InsightKind::ConfidenceShift)
        return QStringLiteral("%1 %").arg(l.toString(100 * value, 'f', 1));
    if (i.metric == QLatin1String("decisions_per_day"))
        return l.toString(value, 'f', 1);
    if (i.kind == InsightKind::RiskModelStale)
        return QStringLiteral("%1 d").arg(l.toString(value, 'f', 0));  // "d" in both languages
    return l.toString(value, 'f', 3);
}

InsightsModel::InsightsModel(QObject *parent) : QAbstractTableModel(parent) { }

void InsightsModel::setInsights(std::vector<Insight> insights)
{
    beginResetModel();
    m_insights = std::move(insights);
    endResetModel();
}

int InsightsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_insights.size());
}

int InsightsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString InsightsModel::valueText(const Insight &i, double value) const
{
    return insightValueText(i, value, QLocale());
}

QVariant InsightsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Insight &i = m_insights[static_cast<size_t>(index.row())];
    if (role == SortRole) {
        switch (index.column()) {
        case Severity:
            // Most severe, then most certain, first in an ascending sort.
            return -static_cast<int>(i.severity) * 10.0 + i.qValue;
        case QValue: return i.qValue;
        case Baseline: return i.baseline.value_or(0.0);
        case Current: return i.current;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Severity && i.severity == InsightSeverity::High)
        return QBrush(QColor(0xc6, 0x28, 0x28));
    if (role == Qt::ToolTipRole && index.column() == Message)
        return insightMessage(i, QLocale());
    if (role != Qt::DisplayRole)
        return {};
    const QLocale l;
    switch (index.column()) {
    case Severity: return insightSeverityText(i.severity);
    case Kind: return insightKindText(i.kind);
    case Scope: return insightScope(i);
    case Baseline: return i.baseline ? valueText(i, *i.baseline) : QString();
    case Current: return valueText(i, i.current);
    case QValue:
        // A stale model is a fact of its age: no test, no q-value (as in the JSON).
        if (i.kind == InsightKind::RiskModelStale)
            return QStringLiteral("—");
        return i.qValue < 0.0001 ? QStringLiteral("< %1").arg(l.toString(0.0001, 'f', 4))
                                 : l.toString(i.qValue, 'f', 4);
    case Message: return insightMessage(i, l);
    default: return {};
    }
}

QVariant InsightsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Severity: return tr("Severity");
    case Kind: return tr("What");
    case Scope: return tr("Scope");
    case Baseline: return tr("Baseline / target");
    case Current: return tr("Current");
    case QValue: return tr("q-value");
    case Message: return tr("Message");
    default: return {};
    }
}

}  // namespace atalaya
