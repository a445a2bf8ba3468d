#pragma once

#include "core/alerts/Alerts.h"

#include <QAbstractTableModel>

namespace atalaya {

// Active alerts: Severity | Scope | Alert. Severity sorts by rank (SortRole).
class AlertsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles { SortRole = Qt::UserRole };
    using QAbstractTableModel::QAbstractTableModel;

    void setAlerts(std::vector<Alert> alerts);
    const std::vector<Alert> &alerts() const { return m_alerts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString severityText(AlertSeverity severity);

private:
    std::vector<Alert> m_alerts;
};

}  // namespace atalaya
