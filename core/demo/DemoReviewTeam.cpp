#include "core/demo/DemoReviewTeam.h"

#include <array>

namespace atalaya {
namespace {

struct Pace {
    double reviewedShare;  // the rest is never reviewed
    double medianHours;  // log-normal delay from created_at to the verdict
    double sigma;
};

// Per priority, P0..P3 (P3's share is the agent's spot-check rate). With these, ~14 % of P0,
// ~4 % of P1 and ~2 % of P2 verdicts come after their SLA, and 0.2–0.5 % never come. Spot
// checks come within hours too, so the last days mix confident and doubtful verdicts like the
// rest (later ones would make accuracy seem to fall in the last days).
constexpr std::array<Pace, kPriorityCount> kPace{{
    {0.998, 20.0 / 60.0, 1.0},
    {0.995, 5.0, 0.9},
    {0.995, 60.0, 0.5},
    {1.0, 8.0, 0.8},
}};

}  // namespace

const QStringList &DemoReviewTeam::reviewers()
{
    static const QStringList names{QStringLiteral("ana.garcia"), QStringLiteral("luis.moreno"),
                                   QStringLiteral("marta.diaz"), QStringLiteral("pablo.ruiz"),
                                   QStringLiteral("elena.torres")};
    return names;
}

std::optional<DemoVerdict> DemoReviewTeam::review(Priority priority, const QDateTime &createdAt, const QDateTime &now,
                                                  double spotCheckRate, DemoRandom &rng) const
{
    const Pace &pace = kPace[static_cast<size_t>(priority)];
    const double share = priority == Priority::P3 ? spotCheckRate : pace.reviewedShare;
    // Every draw is made whatever the outcome, so one decision's fate never shifts the next's.
    const bool reviewed = rng.chance(share);
    const double hours = rng.logNormal(pace.medianHours, pace.sigma);
    const QString &who = rng.pick(reviewers());
    const QDateTime at = createdAt.addMSecs(static_cast<qint64>(hours * 3600000.0));
    if (!reviewed || at > now)
        return std::nullopt;
    return DemoVerdict{who, at};
}

}  // namespace atalaya
