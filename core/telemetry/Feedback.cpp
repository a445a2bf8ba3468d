#include "core/telemetry/Feedback.h"

#include "core/common/TextLimits.h"

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

QString reviewRoleToString(ReviewRole role)
{
    switch (role) {
    case ReviewRole::First: return QStringLiteral("first");
    case ReviewRole::Second: return QStringLiteral("second");
    case ReviewRole::Adjudication: return QStringLiteral("adjudication");
    }
    return {};
}

std::optional<ReviewRole> reviewRoleFromString(const QString &text)
{
    for (ReviewRole r : {ReviewRole::First, ReviewRole::Second, ReviewRole::Adjudication}) {
        if (text == reviewRoleToString(r))
            return r;
    }
    return std::nullopt;
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

Status validateReviewText(const QString &reviewer, const QString &note, const QString &optionPrefix)
{
    const QString reviewerField = optionPrefix + QStringLiteral("reviewer");
    const QString noteField = optionPrefix + QStringLiteral("note");
    for (const auto &[field, text] : {std::pair{reviewerField, reviewer}, std::pair{noteField, note}}) {
        if (!isValidText(text))
            return makeError(ErrorCode::Usage,
                             QStringLiteral("%1 is not valid Unicode text; write it as UTF-8").arg(field));
    }
    const qsizetype characters = characterCount(reviewer);
    if (characters > kMaxReviewerCharacters)
        return makeError(ErrorCode::Usage,
                         QStringLiteral("%1 has %2 characters; at most %3 are allowed")
                             .arg(reviewerField)
                             .arg(characters)
                             .arg(kMaxReviewerCharacters));
    const qsizetype bytes = note.toUtf8().size();
    if (bytes > kMaxNoteBytes)
        return makeError(ErrorCode::Usage,
                         QStringLiteral("%1 is %2 bytes long in UTF-8; the audit log keeps at most %3 bytes "
                                        "(about 16 000 characters of any script)")
                             .arg(noteField)
                             .arg(bytes)
                             .arg(kMaxNoteBytes));
    return {};
}

}  // namespace atalaya
