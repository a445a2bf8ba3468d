#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace atalaya {

// One predicted cycle of a batch: what `risk predict --cycles-from` prints per line.
struct RiskBatchRow {
    QString cycleId;
    double riskScore = 0;
    QString level;
    double failureProbability = 0;
    QString error;  // the cycle could not be read (its features are invalid); no prediction
};

// Cycle | Risk (score and level) | Failure probability | Gate. The gate is the CLI's
// --fail-above rule (risk_score > limit), re-evaluated when the limit changes.
class RiskBatchModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Cycle, Score, FailureProbability, Gated, ColumnCount };
    enum Roles { SortRole = Qt::UserRole };
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(std::vector<RiskBatchRow> rows);
    void setLimit(double limit);
    double limit() const { return m_limit; }
    const std::vector<RiskBatchRow> &rows() const { return m_rows; }
    int gatedCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    bool gated(const RiskBatchRow &row) const { return row.error.isEmpty() && row.riskScore > m_limit; }

    std::vector<RiskBatchRow> m_rows;
    double m_limit = 0.7;
};

}  // namespace atalaya
