#pragma once

#include "core/common/Result.h"

#include <QString>

#include <optional>

namespace atalaya {

enum class Feedback { Correct, Incorrect, PartiallyCorrect };

// "correct" | "incorrect" | "partially_correct"; anything else is nullopt.
std::optional<Feedback> feedbackFromString(const QString &text);
QString feedbackToString(Feedback feedback);
// Which review of a decision a verdict is (docs/REVIEW_QUEUE.md §Double review): the first,
// a blind second by another reviewer, or the adjudication of a first and second that disagree.
enum class ReviewRole { First, Second, Adjudication };
QString reviewRoleToString(ReviewRole role);  // "first" | "second" | "adjudication"
std::optional<ReviewRole> reviewRoleFromString(const QString &text);
// Who a first review is attributed to when another system wrote human_feedback directly.
inline constexpr char kExternalReviewer[] = "(external)";

// correct = 1.0, incorrect = 0.0, partially_correct = 0.5 (docs/DATA.md).
double accuracyFor(Feedback feedback);

// The audit log's columns: reviewer VARCHAR(100), note TEXT (65 535 bytes). Checked before any
// write, so nothing is cut or refused half-way; `optionPrefix` is "--" for the CLI's options.
constexpr int kMaxReviewerCharacters = 100;
constexpr int kMaxNoteBytes = 65535;
Status validateReviewText(const QString &reviewer, const QString &note, const QString &optionPrefix = {});

}  // namespace atalaya
