#include "core/queue/QueuePriorityGuess.h"

#include "core/telemetry/Decision.h"

#include <cmath>

namespace atalaya {
namespace {

enum class Tri { False, True, Unknown };

Tri orOf(Tri a, Tri b)
{
    if (a == Tri::True || b == Tri::True)
        return Tri::True;
    return a == Tri::Unknown || b == Tri::Unknown ? Tri::Unknown : Tri::False;
}

Tri andOf(Tri a, Tri b)
{
    if (a == Tri::False || b == Tri::False)
        return Tri::False;
    return a == Tri::Unknown || b == Tri::Unknown ? Tri::Unknown : Tri::True;
}

Tri truth(bool b)
{
    return b ? Tri::True : Tri::False;
}

bool printableAscii(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

QString collationKey(const QString &s)
{
    qsizetype end = s.size();
    while (end > 0 && s.at(end - 1) == QLatin1Char(' '))
        --end;
    return s.left(end).toLower();
}

// `a = b` under a collation we do not know: identical text is equal under any; printable
// ASCII that differs beyond case and trailing spaces is unequal under any MariaDB ships.
Tri textEquals(const QString &a, const QString &b)
{
    if (a == b)
        return Tri::True;
    if (printableAscii(a) && printableAscii(b) && collationKey(a) != collationKey(b))
        return Tri::False;
    return Tri::Unknown;
}

Tri inList(const QString &value, const QStringList &list)
{
    Tri any = Tri::False;
    for (const QString &item : list)
        any = orOf(any, textEquals(value, item));
    return any;
}

// Beyond 2^53 a JSON integer and its double differ; MariaDB may compare either.
bool exactNumber(const QJsonValue &v)
{
    return v.isDouble() && std::fabs(v.toDouble()) < 9007199254740992.0;
}

bool couldBeNumberText(const QString &s)
{
    for (QChar c : s) {
        if (!c.isDigit() && !QStringLiteral(".eE+- ").contains(c))
            return false;
    }
    return true;
}

// JSON_VALUE(col, path) = 'text': MariaDB gives the text of any scalar.
Tri jsonValueEqualsText(const QJsonValue &v, const QString &text)
{
    if (v.isUndefined())
        return Tri::False;
    if (v.isString())
        return textEquals(v.toString(), text);
    if (v.isDouble())
        return couldBeNumberText(text) ? Tri::Unknown : Tri::False;
    if (v.isBool())
        return textEquals(v.toBool() ? QStringLiteral("true") : QStringLiteral("false"), text) == Tri::False
            ? Tri::False
            : Tri::Unknown;
    return Tri::Unknown;  // null, objects and arrays: not worth modelling
}

Tri ruleTruth(const ReviewRule &r, const DecisionInput &d, double confidence)
{
    const QJsonObject &source = r.field == QLatin1String("decision") ? d.decision : d.metadata;
    Tri t = Tri::False;
    switch (r.kind) {
    case ReviewRule::Kind::ConfidenceBelow: t = truth(confidence < r.value); break;
    case ReviewRule::Kind::ConfidenceRange:
        t = truth(confidence >= r.min && (r.maxInclusive ? confidence <= r.max : confidence < r.max));
        break;
    case ReviewRule::Kind::ConfidenceAbove: t = truth(confidence > r.value); break;
    case ReviewRule::Kind::TaskTypeIn: return inList(d.taskType, r.taskTypes);
    case ReviewRule::Kind::JsonEquals: {
        const QJsonValue v = jsonAtPath(source, r.path);
        if (r.equals.isBool())
            t = truth(v.isBool() && v.toBool() == r.equals.toBool());
        else if (r.equals.isDouble())
            t = !v.isDouble() ? Tri::False : exactNumber(v) ? truth(v.toDouble() == r.equals.toDouble()) : Tri::Unknown;
        else
            t = jsonValueEqualsText(v, r.equals.toString());
        break;
    }
    case ReviewRule::Kind::JsonGreater: {
        const QJsonValue v = jsonAtPath(source, r.path);
        t = !v.isDouble() ? Tri::False : exactNumber(v) ? truth(v.toDouble() > r.value) : Tri::Unknown;
        break;
    }
    }
    return r.taskTypes.isEmpty() ? t : andOf(inList(d.taskType, r.taskTypes), t);
}

}  // namespace

QueuePriorityGuess::QueuePriorityGuess(const ReviewRules &rules) : m_rules(rules)
{
    // MariaDB's JSON paths want a key that does not start with a digit to be unquoted.
    for (int i = 0; i < kPriorityCount; ++i) {
        for (const ReviewRule &r : m_rules.priority(static_cast<Priority>(i)).rules) {
            for (const QString &key : r.path.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
                if (key.front().isDigit())
                    m_active = false;
            }
        }
    }
}

int QueuePriorityGuess::priorityOf(const DecisionInput &d, qint64 confidenceE4) const
{
    if (!m_active)
        return kUnknown;
    // The column holds DECIMAL(5,4); compared with a double rule value, both sides are the
    // nearest doubles, which this division gives exactly.
    const double confidence = static_cast<double>(confidenceE4) / 10000.0;
    for (int i = 0; i < kPriorityCount; ++i) {
        Tri any = Tri::False;
        for (const ReviewRule &r : m_rules.priority(static_cast<Priority>(i)).rules) {
            any = orOf(any, ruleTruth(r, d, confidence));
            if (any == Tri::True)
                break;
        }
        if (any == Tri::Unknown)
            return kUnknown;
        if (any == Tri::True)
            return i;
    }
    return kNone;
}

int QueuePriorityGuess::codeOf(int priority, qint64 id) const
{
    const int percent = m_rules.priority(static_cast<Priority>(priority)).samplePercent;
    return percent < 100 && ReviewRules::sampleBucket(id) >= percent ? priority + kPriorityCount : priority;
}

}  // namespace atalaya
