#pragma once

#include "core/queue/ReviewRules.h"

#include <optional>

namespace atalaya {

struct DecisionInput;

// The priority the queue-count triggers' SQL (priorityExpression) gives a new row on
// MariaDB, worked out on the client during bulk ingest so the rows need not be read back.
// Only answers where MariaDB cannot decide otherwise: text comparisons there follow the
// column's collation (case-, accent- and trailing-space-insensitive) and JSON_VALUE
// compares any scalar as text, so a near-miss or non-ASCII text is left to the server.
class QueuePriorityGuess {
public:
    static constexpr int kNone = 9;  // no rule matches: not queued
    static constexpr int kUnknown = -1;  // ask the server

    // Inactive (every row kUnknown) when a rule uses something this does not model.
    explicit QueuePriorityGuess(const ReviewRules &rules);
    bool active() const { return m_active; }

    // 0..3 for P0..P3 before the P3 sample, kNone, or kUnknown.
    int priorityOf(const DecisionInput &d, qint64 confidenceE4) const;
    // The triggers' coded priority once the row's id is known: P3 outside the sample is
    // counted apart (priority + kPriorityCount).
    int codeOf(int priority, qint64 id) const;

private:
    ReviewRules m_rules;
    bool m_active = true;
};

}  // namespace atalaya
