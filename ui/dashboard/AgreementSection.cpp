#include "ui/dashboard/AgreementSection.h"

#include "ui/common/ChartCard.h"
#include "ui/common/DataTableView.h"
#include "ui/dashboard/AgreementModels.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>

#include <algorithm>
#include <QVBoxLayout>

namespace atalaya {

AgreementSection::AgreementSection(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("agreementSection"));
    applyCardStyle(this);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_overall = new QLabel(this);
    m_overall->setObjectName(QStringLiteral("agreementOverall"));
    m_overall->setWordWrap(true);
    m_pairs = new AgreementPairsModel(this);
    m_reviewers = new ReviewerAgreementModel(this);
    m_pairsView = new DataTableView(this);
    m_pairsView->setObjectName(QStringLiteral("agreementPairs"));
    m_pairsView->setSourceModel(m_pairs, AgreementPairsModel::SortRole);
    m_pairsView->sortByColumn(AgreementPairsModel::RatedPairsColumn, Qt::DescendingOrder);
    m_reviewersView = new DataTableView(this);
    m_reviewersView->setObjectName(QStringLiteral("agreementReviewers"));
    m_reviewersView->setSourceModel(m_reviewers, ReviewerAgreementModel::SortRole);
    m_reviewersView->sortByColumn(ReviewerAgreementModel::VerdictsColumn, Qt::DescendingOrder);
    // Figures keep their full width and never wrap; the names take what is left and elide,
    // with the full name in the tooltip.
    for (DataTableView *view : {m_pairsView, m_reviewersView}) {
        QHeaderView *header = view->horizontalHeader();
        header->setSectionResizeMode(QHeaderView::ResizeToContents);
        header->setSectionResizeMode(0, QHeaderView::Stretch);
        header->setStretchLastSection(false);
        header->setMinimumSectionSize(48);
        view->setWordWrap(false);
        view->setTextElideMode(Qt::ElideRight);
    }
    m_tables = new QHBoxLayout;
    m_tables->setSpacing(10);
    m_tables->addWidget(m_pairsView, 1);
    m_tables->addWidget(m_reviewersView, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_overall);
    layout->addLayout(m_tables, 1);
    retranslate();
}

void AgreementSection::setReport(const AgreementReport &report)
{
    m_report = report;
    m_overall->setText(overallAgreementText(report));
    m_pairs->setPairs(report.pairs);
    m_reviewers->setReviewers(report.reviewers);
    shareWidthByNeed();
}

// Half the width each cut the reviewer names ("pablo.r…") beside eight figures while the pairs
// table had room to spare: each table gets a share of the width in proportion to what its
// columns need whole.
void AgreementSection::shareWidthByNeed()
{
    int column = 0;
    for (DataTableView *view : {m_pairsView, m_reviewersView}) {
        const QHeaderView *header = view->horizontalHeader();
        int need = 2 * view->frameWidth() + view->verticalScrollBar()->sizeHint().width();
        for (int c = 0; c < header->count(); ++c)
            need += std::max(header->sectionSizeHint(c), static_cast<const QAbstractItemView *>(view)->sizeHintForColumn(c));
        m_tables->setStretch(column++, need);
    }
}

void AgreementSection::retranslate()
{
    m_title->setText(tr("Reviewer agreement (double reviews)"));
    const QString why = kappaExplanation();
    m_title->setToolTip(why);
    m_overall->setToolTip(why);
    if (m_report)
        setReport(*m_report);
}

QString AgreementSection::overallText() const
{
    return m_overall->text();
}

}  // namespace atalaya
