#pragma once

#include "core/release/ReleaseRules.h"

#include <QAbstractTableModel>
#include <QColor>

namespace atalaya {

// The reasons of a release check: Rule | Status | Detail, for the page's dialog and the PDF.
class ReleaseReasonsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setReasons(std::vector<ReleaseReason> reasons);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "Go", "Go with conditions", "No-go" (translated).
    static QString verdictText(const QString &verdict);
    static QColor verdictColor(const QString &verdict);
    static QString statusText(RuleStatus status);
    static QString ruleTitle(const QString &rule);

private:
    std::vector<ReleaseReason> m_reasons;
};

}  // namespace atalaya
