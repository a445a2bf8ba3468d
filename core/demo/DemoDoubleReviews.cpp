#include "core/demo/DemoDoubleReviews.h"

#include "core/common/TimeUtil.h"
#include "core/demo/DemoRandom.h"
#include "core/demo/DemoReviewTeam.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/AuditChain.h"

#include <QHash>
#include <QStringList>

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
        if (Status s = auditchain::lockChain(db); !s)
            return s;
        QHash<qint64, Feedback> firstOf;
        for (const auto &r : plan.reviews) {
            if (r.role == ReviewRole::First) {
                firstOf.insert(r.telemetryId, r.value);
                continue;
            }
            // As FeedbackRepository records it: previous → the final verdict after this review.
            const Feedback before = firstOf.value(r.telemetryId);
            const Feedback after = r.role == ReviewRole::Adjudication ? r.value : before;
            QVariant note(QMetaType::fromType<QString>());
            if (!r.note.isEmpty())
                note = r.note;
            if (Status s = execStatement(db,
                                         QStringLiteral("INSERT INTO atalaya_feedback_audit (telemetry_id,"
                                                        " previous_value, new_value, reviewer, note, client_host,"
                                                        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                         {r.telemetryId, feedbackToString(before), feedbackToString(after), r.reviewer,
                                          note, QStringLiteral("demo"), toDbDateTime(r.at)},
                                         QStringLiteral("writing the demo's double reviews to the audit log"));
                !s)
                return s;
            if (r.role == ReviewRole::Adjudication && after != before) {
                if (Status s = execStatement(
                        db, QStringLiteral("UPDATE ai_telemetry SET human_feedback = ?, accuracy = ? WHERE id = ?"),
                        {feedbackToString(after), QString::number(accuracyFor(after), 'f', 4), r.telemetryId},
                        QStringLiteral("writing the demo's adjudications"));
                    !s)
                    return s;
            }
        }
        if (auto linked = auditchain::chainNewRows(db); !linked)
            return linked.error();
        return {};
    });
}

}  // namespace atalaya
