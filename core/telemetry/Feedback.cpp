#include "core/telemetry/Feedback.h"

namespace atalaya {

std::optional<Feedback> feedbackFromString(const QString &text)
{
    if (text == QLatin1String("correct"))
        return Feedback::Correct;
    if (text == QLatin1String("incorrect"))
        return Feedback::Incorrect;
    if (text == QLatin1String("partially_correct"))
        return Feedback::PartiallyCorrect;
    return std::nullopt;
}

QString feedbackToString(Feedback feedback)
{
    switch (feedback) {
    case Feedback::Correct: return QStringLiteral("correct");
    case Feedback::Incorrect: return QStringLiteral("incorrect");
    case Feedback::PartiallyCorrect: return QStringLiteral("partially_correct");
    }
    return {};
}

double accuracyFor(Feedback feedback)
{
    switch (feedback) {
    case Feedback::Correct: return 1.0;
    case Feedback::Incorrect: return 0.0;
    case Feedback::PartiallyCorrect: return 0.5;
    }
    return 0.0;
}

}  // namespace atalaya
