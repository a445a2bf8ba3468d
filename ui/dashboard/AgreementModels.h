#pragma once

#include "core/agreement/AgreementReport.h"

#include <QAbstractTableModel>

#include <vector>

namespace atalaya {

// What κ means, for the tooltips of the Feedback page's agreement section.
QString kappaExplanation();
// What stands for κ and its interval below kMinKappaPairs rated pairs: "too few pairs (17)".
QString tooFewPairsText(qint64 n);
// "κ 0.612 (95 % 0.48–0.73) · 81.2 % agreement · 54 rated pairs", "Weighted κ: too few pairs
// (17) · 82.4 % agreement" below kMinKappaPairs, or the empty state.
QString overallAgreementText(const AgreementReport &report);

// Reviewer pairs of the agreement report: Reviewers ("ana · bea") | Rated pairs | Weighted κ |
// 95 % interval | Agreement; below kMinKappaPairs the κ cell says "too few pairs (n)" and the
// interval is "—". SortRole gives the raw number; undefined or hidden figures sort first.
class AgreementPairsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles { SortRole = Qt::UserRole };
    static constexpr int RatedPairsColumn = 1;
    using QAbstractTableModel::QAbstractTableModel;

    void setPairs(std::vector<PairAgreement> pairs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<PairAgreement> m_pairs;
};

// One row per reviewer: Reviewer | Verdicts | median time to verdict at P0, P1, P2, P3 (headed
// by the priority, explained in the tooltip) | SLA hit rate | Overturned at adjudication.
class ReviewerAgreementModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles { SortRole = Qt::UserRole };
    static constexpr int VerdictsColumn = 1;
    using QAbstractTableModel::QAbstractTableModel;

    void setReviewers(std::vector<ReviewerFigures> reviewers);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<ReviewerFigures> m_reviewers;
};

}  // namespace atalaya
