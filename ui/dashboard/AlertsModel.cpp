#include "ui/dashboard/AlertsModel.h"

#include <QColor>

namespace atalaya {

void AlertsModel::setAlerts(std::vector<Alert> alerts)
{
    beginResetModel();
    m_alerts = std::move(alerts);
    endResetModel();
}

int AlertsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_alerts.size());
}

int AlertsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 3;
}

QString AlertsModel::severityText(AlertSeverity severity)
{
    switch (severity) {
    case AlertSeverity::Critical: return tr("Critical");
    case AlertSeverity::High: return tr("High");
    case AlertSeverity::Medium: return tr("Medium");
    }
    return {};
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Alert &a = m_alerts[static_cast<size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case 0: return severityText(a.severity);
        case 1: return a.agentId.isEmpty() ? tr("All agents") : a.agentId;
        default: return alertMessage(a, QLocale());  // the UI's number format, not the CLI's
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case 0: return static_cast<int>(a.severity);
        case 1: return a.agentId;
        default: return alertMessage(a, QLocale());
        }
    }
    if (role == Qt::ForegroundRole && index.column() == 0)
        return a.severity == AlertSeverity::Medium ? QColor(0xc0, 0x7a, 0x00) : QColor(0xd6, 0x45, 0x3d);
    return {};
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section > 2)
        return {};
    switch (section) {
    case 0: return tr("Severity");
    case 1: return tr("Scope");
    default: return tr("Alert");
    }
}

}  // namespace atalaya
