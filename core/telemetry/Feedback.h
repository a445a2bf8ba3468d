#pragma once

#include <QString>

#include <optional>

namespace atalaya {

enum class Feedback { Correct, Incorrect, PartiallyCorrect };

// "correct" | "incorrect" | "partially_correct"; anything else is nullopt.
std::optional<Feedback> feedbackFromString(const QString &text);
QString feedbackToString(Feedback feedback);
// correct = 1.0, incorrect = 0.0, partially_correct = 0.5 (docs/DATA.md).
double accuracyFor(Feedback feedback);

}  // namespace atalaya
