#pragma once

#include "core/demo/DemoRandom.h"
#include "core/queue/ReviewRules.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace atalaya {

// A verdict the demo team gave: who and when (never after `now`).
struct DemoVerdict {
    QString reviewer;
    QDateTime at;
};

// How a staffed team works the queue of REVIEW_QUEUE.md: nearly every P0–P2 decision is
// reviewed, most P0 within the hour, P1 within a day, P2 within the week, a few late and a few
// never; of the rest (P3) only a spot-checked share. Decisions still waiting at `now` stay
// pending, so the queue holds mostly recent items.
class DemoReviewTeam {
public:
    DemoReviewTeam() = default;

    // The verdict on a decision of this priority created at `createdAt`, or nullopt while
    // pending. `spotCheckRate`: the share of P3 decisions this agent's owners look at.
    std::optional<DemoVerdict> review(Priority priority, const QDateTime &createdAt, const QDateTime &now,
                                      double spotCheckRate, DemoRandom &rng) const;

    static const QStringList &reviewers();
};

}  // namespace atalaya
