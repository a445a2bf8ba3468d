#pragma once

#include "core/queue/ReviewRules.h"

#include <QDateTime>

#include <array>
#include <limits>
#include <optional>
#include <vector>

namespace atalaya::forecast {

constexpr int kHoursPerWeek = 168;
constexpr int kHistoryWeeks = 4;
// The due hour of work without a deadline (P3): after every horizon.
constexpr qint64 kNoDeadline = std::numeric_limits<qint64>::max();
// Fewer passed deadlines than this say nothing about the team's lateness.
constexpr qint64 kMinLateEvidence = 20;

template <typename T> using PerPriority = std::array<T, kPriorityCount>;
using WeekProfile = std::array<double, kHoursPerWeek>;

// Hours since 1970-01-01 00:00 UTC, and the hour of the week (0 = Monday 00:00 UTC).
qint64 hourNumber(const QDateTime &t);
QDateTime hourStart(qint64 hour);
int hourOfWeek(qint64 hour);

// Pending reviews that share a due hour: unreviewed at the end of hour `dueHour` they breach.
struct Cohort {
    qint64 dueHour = kNoDeadline;
    double count = 0.0;
};

// What the forecast starts from (docs/INSIGHTS.md §Capacity forecast): the queue now, the
// arrivals and the team's pace of the last four weeks.
struct ForecastInputs {
    QDateTime now;
    // Empty: every agent. Else the arrivals and the backlog are that agent's decisions only;
    // throughput, presence and lateness stay the whole team's (reviewers work one queue).
    QString agentId;
    PerPriority<int> slaHours{};  // 0 = no deadline
    PerPriority<WeekProfile> arrivals{};  // expected queued decisions per hour of the week
    int arrivalsSampleStride = 1;  // 1: every row classified; k: one id in k, counts × k
    qint64 verdicts = 0;  // in the last four weeks
    qint64 activeReviewerHours = 0;  // (reviewer, hour) pairs with at least one verdict
    WeekProfile typicalReviewers{};  // reviewers active at that hour of the week, averaged
    // The team's own lateness: of the decisions whose deadline passed within the history and
    // whose review time is known (a verdict in the audit log, or still pending), how many
    // were reviewed after their due hour or not at all.
    PerPriority<qint64> dueSeen{};
    PerPriority<qint64> lateSeen{};
    PerPriority<std::vector<Cohort>> backlog;  // pending now, ascending due hour
    PerPriority<qint64> pendingNow{};
    PerPriority<qint64> overdueNow{};
    PerPriority<std::optional<QDateTime>> oldestPending;

    // Verdicts per active reviewer-hour; nullopt without verdicts.
    std::optional<double> throughput() const;
    // lateSeen / dueSeen, or 0 below kMinLateEvidence deadlines seen.
    double lateShare(Priority p) const;
    // Whether anything arrived in the history or is pending now.
    bool hasQueue() const;
};

}  // namespace atalaya::forecast
