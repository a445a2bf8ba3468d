#include "ui/dashboard/AgreementModels.h"

#include "ui/common/Format.h"

namespace atalaya {
namespace {

enum PairColumn { ColPair, ColPairs, ColKappa, ColInterval, ColAgreement, ColCount };
static_assert(ColPairs == AgreementPairsModel::RatedPairsColumn);
enum ReviewerColumn {
    ReviewerName,
    ReviewerVerdicts,
    ReviewerMedianP0,
    ReviewerMedianP3 = ReviewerMedianP0 + kPriorityCount - 1,
    ReviewerSla,
    ReviewerOverturned,
    ReviewerColumns
};
static_assert(ReviewerVerdicts == ReviewerAgreementModel::VerdictsColumn);

QString intervalText(const std::optional<std::pair<double, double>> &ci)
{
    return ci ? QStringLiteral("%1 – %2").arg(fmt::ratio(ci->first, 2), fmt::ratio(ci->second, 2)) : fmt::dash();
}

// A wait in the unit that reads best: minutes under two hours, hours under two days, else days.
QString waitText(const std::optional<double> &seconds)
{
    if (!seconds)
        return fmt::dash();
    const QLocale l;
    if (*seconds < 2 * 3600)
        return QCoreApplication::translate("AgreementModels", "%1 min").arg(l.toString(*seconds / 60, 'f', 0));
    if (*seconds < 2 * 86400)
        return QCoreApplication::translate("AgreementModels", "%1 h").arg(l.toString(*seconds / 3600, 'f', 1));
    return QCoreApplication::translate("AgreementModels", "%1 d").arg(l.toString(*seconds / 86400, 'f', 1));
}

QVariant sortable(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(-1e300);
}

// κ and its interval of a group with enough pairs; nothing below kMinKappaPairs.
std::optional<double> shownKappa(const KappaFigures &f)
{
    return enoughPairsForKappa(f) ? f.kappa : std::nullopt;
}
std::optional<std::pair<double, double>> shownInterval(const KappaFigures &f)
{
    return enoughPairsForKappa(f) ? f.interval : std::nullopt;
}

}  // namespace

QString kappaExplanation()
{
    return QCoreApplication::translate(
               "AgreementModels",
               "Cohen's weighted κ: how much more two reviewers agree than chance would make them, with "
               "incorrect < partially correct < correct and a one-step difference counted as half a "
               "disagreement. 1 is perfect agreement, 0 is chance level, below 0 worse than chance; "
               "above 0.6 is usually read as substantial. The interval is a 95 % bootstrap interval. κ is shown "
               "from %1 rated pairs on: with fewer, its interval spans most of the scale and says little.")
        .arg(kMinKappaPairs);
}

QString tooFewPairsText(qint64 n)
{
    return QCoreApplication::translate("AgreementModels", "too few pairs (%1)").arg(fmt::count(n));
}

QString overallAgreementText(const AgreementReport &r)
{
    const KappaFigures &o = r.overall;
    if (o.n == 0)
        return QCoreApplication::translate("AgreementModels",
                                           "No decision in this period has both a first and a second review yet.");
    QString text = enoughPairsForKappa(o)
        ? QCoreApplication::translate("AgreementModels",
                                      "Weighted κ %1 (95 % interval %2) · %3 agreement · %n rated pair(s)", nullptr,
                                      int(o.n))
              .arg(fmt::ratio(o.kappa), intervalText(o.interval), fmt::percent(o.percentAgreement))
        : QCoreApplication::translate("AgreementModels", "Weighted κ: %1 · %2 agreement")
              .arg(tooFewPairsText(o.n), fmt::percent(o.percentAgreement));
    // The same threshold as the weighted κ: the demo's 7 adjudicated decisions read "Fleiss' κ 0.000".
    if (r.fleiss.items >= kMinKappaPairs)
        text += QCoreApplication::translate("AgreementModels", " · Fleiss' κ %1 over %n adjudicated decision(s)",
                                            nullptr, int(r.fleiss.items))
                    .arg(fmt::ratio(r.fleiss.kappa));
    else if (r.fleiss.items > 0)
        text += QCoreApplication::translate("AgreementModels", " · Fleiss' κ: too few adjudicated decisions (%1)")
                    .arg(fmt::count(r.fleiss.items));
    return text;
}

void AgreementPairsModel::setPairs(std::vector<PairAgreement> pairs)
{
    beginResetModel();
    m_pairs = std::move(pairs);
    endResetModel();
}

int AgreementPairsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pairs.size());
}

int AgreementPairsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColCount;
}

QVariant AgreementPairsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const PairAgreement &p = m_pairs[size_t(index.row())];
    const KappaFigures &f = p.figures;
    if (role == Qt::TextAlignmentRole)
        return index.column() == ColPair ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                         : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && (index.column() == ColKappa || index.column() == ColInterval))
        return kappaExplanation();
    // Names may be elided in a narrow column.
    if (role == Qt::ToolTipRole && index.column() == ColPair)
        return QStringLiteral("%1 · %2").arg(p.reviewerA, p.reviewerB);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    const auto interval = shownInterval(f);
    switch (index.column()) {
    case ColPair: return QStringLiteral("%1 · %2").arg(p.reviewerA, p.reviewerB);
    case ColPairs: return sort ? QVariant(f.n) : QVariant(fmt::count(f.n));
    case ColKappa:
        if (sort)
            return sortable(shownKappa(f));
        // The count is in the Pairs column beside it: repeated here, it took width from the names.
        return enoughPairsForKappa(f) ? fmt::ratio(f.kappa)
                                      : QCoreApplication::translate("AgreementModels", "too few pairs");
    case ColInterval:
        return sort ? sortable(interval ? std::optional(interval->first) : std::nullopt)
                    : QVariant(intervalText(interval));
    case ColAgreement: return sort ? sortable(f.percentAgreement) : QVariant(fmt::percent(f.percentAgreement));
    default: return {};
    }
}

QVariant AgreementPairsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && (section == ColKappa || section == ColInterval))
        return kappaExplanation();
    if (role == Qt::ToolTipRole && section == ColAgreement)
        return tr("Share of rated pairs where both reviewers gave the same verdict.");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ColPair: return tr("Reviewers");
    case ColPairs: return tr("Pairs");
    case ColKappa: return tr("Weighted κ");
    case ColInterval: return tr("95 % interval");
    case ColAgreement: return tr("Agreement");
    default: return {};
    }
}

void ReviewerAgreementModel::setReviewers(std::vector<ReviewerFigures> reviewers)
{
    beginResetModel();
    m_reviewers = std::move(reviewers);
    endResetModel();
}

int ReviewerAgreementModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_reviewers.size());
}

int ReviewerAgreementModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ReviewerColumns;
}

QVariant ReviewerAgreementModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ReviewerFigures &r = m_reviewers[size_t(index.row())];
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return column == ReviewerName ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && column == ReviewerName)
        return r.reviewer;
    if (role == Qt::ToolTipRole && column == ReviewerVerdicts)
        return tr("%1 first reviews, %2 second reviews, %3 adjudications")
            .arg(fmt::count(r.firstReviews), fmt::count(r.secondReviews), fmt::count(r.adjudications));
    if (role == Qt::ToolTipRole && column == ReviewerSla)
        return tr("%1 of %2 first reviews within the SLA").arg(fmt::count(r.slaMet), fmt::count(r.slaDue));
    if (role == Qt::ToolTipRole && column == ReviewerOverturned)
        return tr("%1 of %2 verdicts overturned; %3 went to adjudication")
            .arg(fmt::count(r.overturned), fmt::count(r.firstReviews + r.secondReviews), fmt::count(r.adjudicated));
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    if (column >= ReviewerMedianP0 && column <= ReviewerMedianP3) {
        const auto &median = r.medianSecondsToVerdict[size_t(column - ReviewerMedianP0)];
        return sort ? sortable(median) : QVariant(waitText(median));
    }
    switch (column) {
    case ReviewerName: return r.reviewer.isEmpty() ? fmt::dash() : r.reviewer;
    case ReviewerVerdicts: return sort ? QVariant(r.verdicts) : QVariant(fmt::count(r.verdicts));
    case ReviewerSla: return sort ? sortable(r.slaHitRate()) : QVariant(fmt::ratioPercent(r.slaHitRate()));
    case ReviewerOverturned:
        return sort ? sortable(r.overturnedShare()) : QVariant(fmt::ratioPercent(r.overturnedShare()));
    default: return {};
    }
}

QVariant ReviewerAgreementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (section >= ReviewerMedianP0 && section <= ReviewerMedianP3) {
        const QString priority = priorityName(static_cast<Priority>(section - ReviewerMedianP0));
        if (role == Qt::ToolTipRole)
            return tr("Median time from the decision's creation to this reviewer's verdict, %1 decisions")
                .arg(priority);
        return role == Qt::DisplayRole ? QVariant(priority) : QVariant();
    }
    if (role == Qt::ToolTipRole && section == ReviewerSla)
        return tr("Share of the reviewer's first reviews given within the SLA of the decision's priority");
    if (role == Qt::ToolTipRole && section == ReviewerOverturned)
        return tr("Share of the reviewer's first and second reviews the adjudicator overturned");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ReviewerName: return tr("Reviewer");
    case ReviewerVerdicts: return tr("Verdicts");
    case ReviewerSla: return tr("SLA hit rate");
    case ReviewerOverturned: return tr("Overturned");
    default: return {};
    }
}

}  // namespace atalaya
