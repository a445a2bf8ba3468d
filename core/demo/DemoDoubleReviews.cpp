#include "core/demo/DemoDoubleReviews.h"

#include "core/common/TimeUtil.h"
#include "core/demo/DemoRandom.h"
#include "core/demo/DemoReviewTeam.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/AuditChain.h"

#include <QHash>
#include <QStringList>

#include <algorithm>
#include <numeric>

namespace atalaya {
namespace {

// The verdict a second reviewer who disagrees gives: a neighbour on the scale, since reviewers
// rarely flip correct to incorrect outright.
Feedback disagreeing(Feedback first, DemoRandom &rng)
{
    switch (first) {
    case Feedback::Correct: return rng.chance(0.75) ? Feedback::PartiallyCorrect : Feedback::Incorrect;
    case Feedback::Incorrect: return rng.chance(0.75) ? Feedback::PartiallyCorrect : Feedback::Correct;
    case Feedback::PartiallyCorrect: return rng.chance(0.5) ? Feedback::Correct : Feedback::Incorrect;
    }
    return Feedback::Correct;
}

QString otherThan(const QStringList &taken, DemoRandom &rng)
{
    QStringList free;
    for (const QString &name : DemoReviewTeam::reviewers()) {
        if (!taken.contains(name))
            free << name;
    }
    return rng.pick(free);
}

const QStringList kDisagreementNotes{
    QStringLiteral("the answer misses part of the request"),
    QStringLiteral("right action, wrong justification"),
    QStringLiteral("acceptable under the runbook"),
    QStringLiteral("would have escalated instead"),
};

QHash<qint64, Feedback> firstVerdicts(const DemoDoubleReviewPlan &plan)
{
    QHash<qint64, Feedback> first;
    for (const auto &r : plan.reviews) {
        if (r.role == ReviewRole::First)
            first.insert(r.telemetryId, r.value);
    }
    return first;
}

// Every verdict of the plan in the audit log, as FeedbackRepository records them (a first review:
// no previous value; a second review or an adjudication: previous → the final verdict after it),
// in the order they were given: a log appends as the team works, so its newest rows are its
// latest verdicts and the chain's order is time order. Multi-row INSERTs of 200 verdicts.
Status writeAudit(const Database &db, const DemoDoubleReviewPlan &plan)
{
    constexpr size_t kRowsPerStatement = 200;
    const QHash<qint64, Feedback> firstOf = firstVerdicts(plan);
    std::vector<size_t> order(plan.reviews.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&plan](size_t a, size_t b) { return plan.reviews[a].at < plan.reviews[b].at; });
    const QVariant none(QMetaType::fromType<QString>());
    if (Status s = auditchain::lockChain(db); !s)
        return s;
    for (size_t start = 0; start < order.size(); start += kRowsPerStatement) {
        const size_t end = std::min(order.size(), start + kRowsPerStatement);
        QStringList rows;
        QVariantList values;
        for (size_t i = start; i < end; ++i) {
            const auto &r = plan.reviews[order[i]];
            const bool first = r.role == ReviewRole::First;
            const Feedback before = firstOf.value(r.telemetryId);
            const Feedback after = r.role == ReviewRole::Adjudication ? r.value : before;
            rows << QStringLiteral("(?, ?, ?, ?, ?, ?, ?)");
            values << r.telemetryId << (first ? none : QVariant(feedbackToString(before)))
                   << feedbackToString(first ? r.value : after) << r.reviewer
                   << (r.note.isEmpty() ? none : QVariant(r.note)) << QStringLiteral("demo") << toDbDateTime(r.at);
        }
        if (Status s = execStatement(db,
                                     QStringLiteral("INSERT INTO atalaya_feedback_audit (telemetry_id,"
                                                    " previous_value, new_value, reviewer, note, client_host,"
                                                    " created_at) VALUES ")
                                         + rows.join(QStringLiteral(", ")),
                                     values, QStringLiteral("writing the demo's verdicts to the audit log"));
            !s)
            return s;
    }
    return {};
}

}  // namespace

DemoDoubleReviewPlan planDemoDoubleReviews(const std::vector<DemoReview> &firstReviews, qint64 firstId, qint64 idStep,
                                           const ReviewRules &rules, const QDateTime &now, quint64 seed)
{
    DemoDoubleReviewPlan plan;
    DemoRandom rng(seed ^ 0x5EC0DULL);
    std::vector<DemoDoubleReviewPlan::Review> later;
    for (const DemoReview &first : firstReviews) {
        const qint64 id = firstId + static_cast<qint64>(first.index) * idStep;
        plan.reviews.push_back({id, first.reviewer, first.value, ReviewRole::First, first.at, {}});
        // Every draw is made whatever the outcome, so one decision's fate never shifts the next's.
        const QString second = otherThan({first.reviewer}, rng);
        const QDateTime secondAt = first.at.addSecs(static_cast<qint64>(rng.logNormal(20.0, 0.8) * 3600));
        const double agreeRate = first.value == Feedback::PartiallyCorrect ? 0.70 : 0.92;
        const bool agrees = rng.chance(agreeRate);
        const Feedback other = disagreeing(first.value, rng);
        const QString adjudicator = otherThan({first.reviewer, second}, rng);
        const QDateTime adjudicatedAt = secondAt.addSecs(static_cast<qint64>(rng.logNormal(30.0, 0.7) * 3600));
        const bool adjudicatorSidesWithFirst = rng.chance(0.55);
        // The adjudicator's backlog: some disagreements wait whatever their age.
        const bool leftWaiting = rng.chance(0.12);
        const QString &note = rng.pick(kDisagreementNotes);
        if (!rules.wantsSecondReview(id, std::nullopt) || secondAt > now)
            continue;
        ++plan.seconds;
        const Feedback secondValue = agrees ? first.value : other;
        later.push_back({id, second, secondValue, ReviewRole::Second, secondAt, agrees ? QString() : note});
        if (agrees) {
            ++plan.agreed;
            continue;
        }
        if (leftWaiting || adjudicatedAt > now) {
            ++plan.awaitingAdjudication;
            continue;
        }
        ++plan.adjudicated;
        later.push_back({id,
                         adjudicator,
                         adjudicatorSidesWithFirst ? first.value : secondValue,
                         ReviewRole::Adjudication,
                         adjudicatedAt,
                         {}});
    }
    plan.reviews.insert(plan.reviews.end(), later.begin(), later.end());
    return plan;
}

Status writeDemoDoubleReviews(const Database &db, const DemoDoubleReviewPlan &plan)
{
    constexpr size_t kRowsPerStatement = 200;
    return inTransaction(db, [&]() -> Status {
        for (size_t start = 0; start < plan.reviews.size(); start += kRowsPerStatement) {
            const size_t end = std::min(plan.reviews.size(), start + kRowsPerStatement);
            QStringList rows;
            QVariantList values;
            for (size_t i = start; i < end; ++i) {
                const auto &r = plan.reviews[i];
                rows << QStringLiteral("(?, ?, ?, ?, ?, ?)");
                values << r.telemetryId << r.reviewer << feedbackToString(r.value)
                       << (r.note.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(r.note))
                       << reviewRoleToString(r.role) << toDbDateTime(r.at);
            }
            if (Status s = execStatement(db,
                                         QStringLiteral("INSERT INTO atalaya_reviews (telemetry_id, reviewer, verdict,"
                                                        " note, role, created_at) VALUES ")
                                             + rows.join(QStringLiteral(", ")),
                                         values, QStringLiteral("writing the demo's double reviews"));
                !s)
                return s;
        }
        if (Status s = writeAudit(db, plan); !s)
            return s;
        const QHash<qint64, Feedback> firstOf = firstVerdicts(plan);
        for (const auto &r : plan.reviews) {
            if (r.role != ReviewRole::Adjudication || r.value == firstOf.value(r.telemetryId))
                continue;
            if (Status s = execStatement(
                    db, QStringLiteral("UPDATE ai_telemetry SET human_feedback = ?, accuracy = ? WHERE id = ?"),
                    {feedbackToString(r.value), QString::number(accuracyFor(r.value), 'f', 4), r.telemetryId},
                    QStringLiteral("writing the demo's adjudications"));
                !s)
                return s;
        }
        if (auto linked = auditchain::chainNewRows(db); !linked)
            return linked.error();
        return {};
    });
}

}  // namespace atalaya
