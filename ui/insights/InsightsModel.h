#pragma once

#include "core/insights/Insight.h"

#include <QAbstractTableModel>

#include <vector>

namespace atalaya {

// The insights of one report as a table: Severity | What | Scope | Baseline | Current | q | Message.
// SortRole gives the severity as a number (then the q-value), so the proxy sorts most severe
// first; text follows the UI locale.
class InsightsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Severity, Kind, Scope, Baseline, Current, QValue, Message, ColumnCount };
    enum Roles { SortRole = Qt::UserRole };

    explicit InsightsModel(QObject *parent = nullptr);

    void setInsights(std::vector<Insight> insights);
    const std::vector<Insight> &insights() const { return m_insights; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString valueText(const Insight &insight, double value) const;

    std::vector<Insight> m_insights;
};

// The insight's figure as a reader reads it (ratio as %, ms, PSI) in `locale`.
QString insightValueText(const Insight &insight, double value, const QLocale &locale);

}  // namespace atalaya
