#pragma once

#include "core/agreement/AgreementReport.h"

#include <QFrame>

#include <optional>

class QHBoxLayout;
class QLabel;

namespace atalaya {

class AgreementPairsModel;
class DataTableView;
class ReviewerAgreementModel;

// The Feedback page's reviewer agreement (docs/REVIEW_QUEUE.md §Agreement): the overall
// weighted κ with its interval, a table per reviewer pair and one per reviewer.
class AgreementSection : public QFrame {
    Q_OBJECT
public:
    explicit AgreementSection(QWidget *parent = nullptr);

    void setReport(const AgreementReport &report);
    void retranslate();

    QString overallText() const;
    AgreementPairsModel *pairsModel() const { return m_pairs; }
    ReviewerAgreementModel *reviewersModel() const { return m_reviewers; }
    DataTableView *pairsView() const { return m_pairsView; }
    DataTableView *reviewersView() const { return m_reviewersView; }

private:
    void shareWidthByNeed();

    QHBoxLayout *m_tables = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_overall = nullptr;
    AgreementPairsModel *m_pairs = nullptr;
    ReviewerAgreementModel *m_reviewers = nullptr;
    DataTableView *m_pairsView = nullptr;
    DataTableView *m_reviewersView = nullptr;
    std::optional<AgreementReport> m_report;
};

}  // namespace atalaya
