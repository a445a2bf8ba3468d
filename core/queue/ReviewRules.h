#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace atalaya {

// P0..P3 of docs/REVIEW_QUEUE.md. Lower is more urgent.
enum class Priority : int { P0 = 0, P1 = 1, P2 = 2, P3 = 3 };
constexpr int kPriorityCount = 4;
QString priorityName(Priority p);  // "P0"
std::optional<Priority> priorityFromString(const QString &text);  // "P0" / "p0"

// One condition of a priority. Which fields matter depends on the kind.
struct ReviewRule {
    enum class Kind {
        ConfidenceBelow,  // confidence < value
        ConfidenceRange,  // min <= confidence < max (<= max when maxInclusive)
        ConfidenceAbove,  // confidence > value
        TaskTypeIn,  // task_type in taskTypes
        JsonEquals,  // field.path == value (string, bool or number); only for taskTypes if set
        JsonGreater,  // field.path is a number > value; only for taskTypes if set
    };
    Kind kind = Kind::ConfidenceBelow;
    double value = 0.0;
    double min = 0.0;
    double max = 0.0;
    bool maxInclusive = false;
    QStringList taskTypes;
    QString field;  // "metadata" or "decision" (decision_made)
    QString path;  // top-level key or dotted path: "environment", "action"
    QJsonValue equals;
    // Human-readable reason; "%v" is replaced by the matched value. Empty = generated.
    QString label;
};

struct PriorityRules {
    std::vector<ReviewRule> rules;  // any match puts a decision here
    int slaHours = 0;  // 0 = no deadline
    int samplePercent = 100;  // P3: only this stable share of matches is queued
};

// Which reviewed decisions get a blind second review (docs/REVIEW_QUEUE.md §Double review): a
// stable sample of every reviewed decision, and optionally every P0.
struct SecondReviewRules {
    int samplePercent = 5;  // 0 = none by sample
    bool allP0 = false;
};

// What a decision needs for classification; the queue fetches exactly this.
struct ReviewCandidate {
    qint64 id = 0;
    QString taskType;
    double confidence = 0.0;
    QJsonObject decision;
    QJsonObject metadata;
};

struct RuleMatch {
    Priority priority = Priority::P3;
    QString reason;  // every matching rule of that priority, "; "-joined
    bool sampled = true;  // false: a P3 match outside the stable sample
};

// A confidence outside 0–1 is no score at all: only a broken writer stores one (Atalaya's
// record refuses it). No confidence rule matches it — "confidence 1.70 > 0.95" would file it
// as a routine P3 sample — and it is queued at P1 with the reason "invalid confidence", so a
// human looks at the decision and at the writer within P1's SLA, whatever the rule set. The
// stats leave it out of the averages and count it in data_quality.confidence_out_of_range.
constexpr Priority kInvalidConfidencePriority = Priority::P1;
bool isValidConfidence(double confidence);

// The P0–P3 rule set as data (docs/REVIEW_QUEUE.md defaults), serialisable to JSON for Settings
// and rules files. The same rules are compiled to SQL (ReviewRulesSql) and evaluated here;
// tests hold both to the same edge cases.
class ReviewRules {
public:
    static ReviewRules defaults();
    static Result<ReviewRules> fromJson(const QJsonObject &json);
    static Result<ReviewRules> fromFile(const QString &path);
    // Settings JSON (empty = defaults); invalid JSON in settings falls back to the defaults.
    static ReviewRules fromSettingsJson(const QByteArray &json);
    QJsonObject toJson() const;
    Status saveFile(const QString &path) const;

    const PriorityRules &priority(Priority p) const { return m_priorities[static_cast<size_t>(p)]; }
    PriorityRules &priority(Priority p) { return m_priorities[static_cast<size_t>(p)]; }
    const SecondReviewRules &secondReview() const { return m_secondReview; }
    SecondReviewRules &secondReview() { return m_secondReview; }

    // Highest matching priority, or nullopt when no rule matches. A P3 match outside the
    // sample is returned with sampled = false (queued only with include-p3-all).
    std::optional<RuleMatch> classify(const ReviewCandidate &c) const;

    // created_at + SLA; invalid for "no deadline".
    QDateTime dueAt(Priority p, const QDateTime &createdAt) const;

    // Stable bucket 0..99 of an id, computed identically here and in SQL
    // (ReviewRulesSql::sampleBucketSql): ((id mod 2^31) * 2654435761 + 40503) mod 4294967311
    // mod 100. A prime modulus keeps the buckets independent of the id's parity.
    static int sampleBucket(qint64 id);
    // The second-review sample's bucket 0..99, independent of sampleBucket (another multiplier
    // and prime), so the P3 sample is not all second-reviewed: ((id mod 2^31) * 2246822519 +
    // 374761393) mod 4294967291 mod 100 (ReviewRulesSql::secondReviewBucketSql).
    static int secondReviewBucket(qint64 id);
    // Whether a reviewed decision of `priority` (nullopt: no rule matches) is picked for a
    // second review.
    bool wantsSecondReview(qint64 id, std::optional<Priority> priority) const;

    // A rule's label in the interface language: the default rules' labels are stored in
    // English (saved JSON, CLI) and translated here; a custom label stays as written.
    static QString displayLabel(const QString &label);

    bool operator==(const ReviewRules &other) const;

private:
    std::array<PriorityRules, kPriorityCount> m_priorities;
    SecondReviewRules m_secondReview;
};

// Looks up a dotted path ("a.b") in an object; undefined when absent.
QJsonValue jsonAtPath(const QJsonObject &object, const QString &path);
// A scalar JSON value as reasons and messages show it: text as is, true/false, numbers, null.
QString jsonValueText(const QJsonValue &value);

// The rule kinds by their names in the rules JSON ("confidence_below", …), in enum order.
QStringList ruleKindNames();
QString ruleKindName(ReviewRule::Kind kind);
std::optional<ReviewRule::Kind> ruleKindFromName(const QString &name);

}  // namespace atalaya
