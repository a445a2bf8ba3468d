#pragma once

#include "core/insights/ModelVersions.h"

#include <QAbstractTableModel>

#include <vector>

namespace atalaya {

// The Accuracy page's "Model versions" table: each agent's versions, first seen first, with
// accuracy and its 95 % interval, P95, confidence, ECE, and how each version compares with
// the one before it (significant differences named, the tests' figures in the tooltip).
class ModelVersionsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Agent,
        Version,
        // The verdict beside the version it is about, in view whatever the table's width.
        VersusPrevious,
        Decisions,
        Reviewed,
        Accuracy,
        Interval,
        P95,
        MeanConfidence,
        Ece,
        FirstSeen,
        LastSeen,
        ColumnCount
    };
    enum Roles { SortRole = Qt::UserRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setReports(std::vector<VersionReport> reports);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        QString agentId;
        VersionStats stats;
        std::vector<VersionComparison> versusPrevious;  // empty for an agent's first version
    };
    QString display(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    QString comparisonSummary(const Row &row) const;
    QString comparisonDetails(const Row &row) const;
    bool worse(const Row &row) const;

    std::vector<Row> m_rows;
};

}  // namespace atalaya
