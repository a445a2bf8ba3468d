#pragma once

#include "core/common/Result.h"

#include <QString>

#include <optional>

namespace atalaya {

enum class Feedback { Correct, Incorrect, PartiallyCorrect };

// "correct" | "incorrect" | "partially_correct"; anything else is nullopt.
std::optional<Feedback> feedbackFromString(const QString &text);
QString feedbackToString(Feedback feedback);
// correct = 1.0, incorrect = 0.0, partially_correct = 0.5 (docs/DATA.md).
double accuracyFor(Feedback feedback);

// The audit log's columns: reviewer VARCHAR(100), note TEXT (65 535 bytes). Checked before any
// write, so nothing is cut or refused half-way; `optionPrefix` is "--" for the CLI's options.
constexpr int kMaxReviewerCharacters = 100;
constexpr int kMaxNoteBytes = 65535;
Status validateReviewText(const QString &reviewer, const QString &note, const QString &optionPrefix = {});

}  // namespace atalaya
