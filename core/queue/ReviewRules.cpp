#include "core/queue/ReviewRules.h"

#include <QCoreApplication>
#include <QLocale>

namespace atalaya {
namespace {

// Reasons are shown to reviewers in their language (the CLI installs no translator, so its
// output stays English); labels of the default rules are translated when they match, and a
// custom label has no translation and stays as written.
constexpr char kContext[] = "atalaya::ReviewRules";

// "0.62", "0.6999", "0.70": at least two decimals, at most four, no float noise.
// In the application's locale, as the reason's words are in its language ("confianza 0,53 <
// 0,70" in Spanish); a process that sets no locale gets C's "0.53".
QString number(double v)
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    QString s = locale.toString(v, 'f', 4);
    const QString point = locale.decimalPoint();
    while (s.endsWith(QLatin1Char('0')) && s.indexOf(point) < s.size() - 3)
        s.chop(1);
    return s;
}

// A default rule's label, kept in English in the rules (saved JSON, CLI) and translated in
// classify().
QString label(const char *text)
{
    return QString::fromUtf8(text);
}

ReviewRule confidenceBelow(double v)
{
    ReviewRule r;
    r.kind = ReviewRule::Kind::ConfidenceBelow;
    r.value = v;
    return r;
}

ReviewRule confidenceRange(double lo, double hi, bool inclusive)
{
    ReviewRule r;
    r.kind = ReviewRule::Kind::ConfidenceRange;
    r.min = lo;
    r.max = hi;
    r.maxInclusive = inclusive;
    return r;
}

ReviewRule taskTypes(QStringList types, QString label = {})
{
    ReviewRule r;
    r.kind = ReviewRule::Kind::TaskTypeIn;
    r.taskTypes = std::move(types);
    r.label = std::move(label);
    return r;
}

ReviewRule jsonEquals(QString field, QString path, QJsonValue equals, QString label, QStringList onlyFor = {})
{
    ReviewRule r;
    r.kind = ReviewRule::Kind::JsonEquals;
    r.field = std::move(field);
    r.path = std::move(path);
    r.equals = std::move(equals);
    r.label = std::move(label);
    r.taskTypes = std::move(onlyFor);
    return r;
}

ReviewRule jsonGreater(QString field, QString path, double v, QString label)
{
    ReviewRule r;
    r.kind = ReviewRule::Kind::JsonGreater;
    r.field = std::move(field);
    r.path = std::move(path);
    r.value = v;
    r.label = std::move(label);
    return r;
}

bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    if (a.isDouble())
        return a.toDouble() == b.toDouble();
    return a == b;
}

// The matched value for "%v", or nullopt when the rule does not match.
std::optional<QString> evaluate(const ReviewRule &r, const ReviewCandidate &c)
{
    if (!r.taskTypes.isEmpty() && r.kind != ReviewRule::Kind::TaskTypeIn && !r.taskTypes.contains(c.taskType))
        return std::nullopt;
    const bool confidenceRule = r.kind == ReviewRule::Kind::ConfidenceBelow
        || r.kind == ReviewRule::Kind::ConfidenceRange || r.kind == ReviewRule::Kind::ConfidenceAbove;
    if (confidenceRule && !isValidConfidence(c.confidence))
        return std::nullopt;
    const QJsonObject &source = r.field == QLatin1String("decision") ? c.decision : c.metadata;
    switch (r.kind) {
    case ReviewRule::Kind::ConfidenceBelow:
        if (c.confidence < r.value)
            return QCoreApplication::translate("atalaya::ReviewRules", "confidence %1 < %2")
                .arg(number(c.confidence), number(r.value));
        return std::nullopt;
    case ReviewRule::Kind::ConfidenceRange:
        if (c.confidence >= r.min && (r.maxInclusive ? c.confidence <= r.max : c.confidence < r.max))
            return QCoreApplication::translate("atalaya::ReviewRules", "confidence %1 in [%2, %3%4")
                .arg(number(c.confidence), number(r.min), number(r.max),
                     r.maxInclusive ? QStringLiteral("]") : QStringLiteral(")"));
        return std::nullopt;
    case ReviewRule::Kind::ConfidenceAbove:
        if (c.confidence > r.value)
            return QCoreApplication::translate("atalaya::ReviewRules", "confidence %1 > %2")
                .arg(number(c.confidence), number(r.value));
        return std::nullopt;
    case ReviewRule::Kind::TaskTypeIn:
        if (r.taskTypes.contains(c.taskType))
            return c.taskType;
        return std::nullopt;
    case ReviewRule::Kind::JsonEquals: {
        const QJsonValue v = jsonAtPath(source, r.path);
        if (sameJson(v, r.equals))
            return jsonValueText(v);
        return std::nullopt;
    }
    case ReviewRule::Kind::JsonGreater: {
        const QJsonValue v = jsonAtPath(source, r.path);
        if (v.isDouble() && v.toDouble() > r.value)
            return jsonValueText(v);
        return std::nullopt;
    }
    }
    return std::nullopt;
}

QString generatedReason(const ReviewRule &r, const QString &matched)
{
    switch (r.kind) {
    case ReviewRule::Kind::ConfidenceBelow:
    case ReviewRule::Kind::ConfidenceRange:
    case ReviewRule::Kind::ConfidenceAbove: return matched;
    case ReviewRule::Kind::TaskTypeIn:
        return QCoreApplication::translate("atalaya::ReviewRules", "task type %1").arg(matched);
    case ReviewRule::Kind::JsonEquals: return QStringLiteral("%1.%2 = %3").arg(r.field, r.path, matched);
    case ReviewRule::Kind::JsonGreater:
        return QStringLiteral("%1.%2 %3 > %4").arg(r.field, r.path, matched, number(r.value));
    }
    return matched;
}

}  // namespace

bool isValidConfidence(double confidence)
{
    return confidence >= 0.0 && confidence <= 1.0;
}

QString priorityName(Priority p)
{
    return QStringLiteral("P%1").arg(static_cast<int>(p));
}

std::optional<Priority> priorityFromString(const QString &text)
{
    const QString t = text.trimmed().toUpper();
    for (int i = 0; i < kPriorityCount; ++i) {
        if (t == QStringLiteral("P%1").arg(i))
            return static_cast<Priority>(i);
    }
    return std::nullopt;
}

QJsonValue jsonAtPath(const QJsonObject &object, const QString &path)
{
    QJsonValue v = object;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(part);
    }
    return v;
}

ReviewRules ReviewRules::defaults()
{
    const QStringList deployTasks = {QStringLiteral("deployment"), QStringLiteral("deploy"),
                                     QStringLiteral("deployment_risk"), QStringLiteral("deployment_decision"),
                                     QStringLiteral("rollback_decision")};
    ReviewRules r;
    PriorityRules &p0 = r.priority(Priority::P0);
    p0.slaHours = 1;
    p0.rules = {taskTypes({QStringLiteral("deployment_risk"), QStringLiteral("rollback_decision")},
                          label(QT_TRANSLATE_NOOP("atalaya::ReviewRules", "deployment/rollback task (%v)"))),
                jsonEquals(QStringLiteral("metadata"), QStringLiteral("environment"), QStringLiteral("production"),
                           label(QT_TRANSLATE_NOOP("atalaya::ReviewRules", "production deployment")), deployTasks),
                jsonEquals(QStringLiteral("decision"), QStringLiteral("action"), QStringLiteral("rollback"),
                           label(QT_TRANSLATE_NOOP("atalaya::ReviewRules", "rollback decision"))),
                confidenceBelow(0.70)};
    PriorityRules &p1 = r.priority(Priority::P1);
    p1.slaHours = 24;
    p1.rules = {confidenceRange(0.70, 0.85, false),
                jsonEquals(QStringLiteral("metadata"), QStringLiteral("critical"), true,
                           label(QT_TRANSLATE_NOOP("atalaya::ReviewRules", "marked critical"))),
                jsonGreater(QStringLiteral("metadata"), QStringLiteral("teams_affected"), 1,
                            label(QT_TRANSLATE_NOOP("atalaya::ReviewRules", "affects %v teams"))),
                jsonEquals(QStringLiteral("metadata"), QStringLiteral("severity"), QStringLiteral("critical"),
                           label(QT_TRANSLATE_NOOP("atalaya::ReviewRules", "critical code review")),
                           {QStringLiteral("code_review")})};
    PriorityRules &p2 = r.priority(Priority::P2);
    p2.slaHours = 24 * 7;
    p2.rules = {confidenceRange(0.85, 0.95, true),
                taskTypes({QStringLiteral("code_review"), QStringLiteral("performance_analysis"),
                           QStringLiteral("optimization")},
                          label(QT_TRANSLATE_NOOP("atalaya::ReviewRules", "routine %v")))};
    PriorityRules &p3 = r.priority(Priority::P3);
    p3.slaHours = 0;
    p3.samplePercent = 10;
    ReviewRule above;
    above.kind = ReviewRule::Kind::ConfidenceAbove;
    above.value = 0.95;
    p3.rules = {above};
    return r;
}

QString ReviewRules::displayLabel(const QString &label)
{
    return label.isEmpty() ? label : QCoreApplication::translate(kContext, label.toUtf8().constData());
}

std::optional<RuleMatch> ReviewRules::classify(const ReviewCandidate &c) const
{
    for (int i = 0; i < kPriorityCount; ++i) {
        const PriorityRules &p = m_priorities[static_cast<size_t>(i)];
        QStringList reasons;
        if (i == static_cast<int>(kInvalidConfidencePriority) && !isValidConfidence(c.confidence))
            reasons << QCoreApplication::translate("atalaya::ReviewRules", "invalid confidence %1 (outside 0–1)")
                           .arg(number(c.confidence));
        for (const ReviewRule &rule : p.rules) {
            if (auto matched = evaluate(rule, c)) {
                reasons << (rule.label.isEmpty() ? generatedReason(rule, *matched)
                                                 : displayLabel(rule.label).replace(QLatin1String("%v"), *matched));
            }
        }
        if (reasons.isEmpty())
            continue;
        RuleMatch m;
        m.priority = static_cast<Priority>(i);
        m.reason = reasons.join(QStringLiteral("; "));
        m.sampled = p.samplePercent >= 100 || sampleBucket(c.id) < p.samplePercent;
        return m;
    }
    return std::nullopt;
}

QDateTime ReviewRules::dueAt(Priority p, const QDateTime &createdAt) const
{
    const int hours = priority(p).slaHours;
    if (hours <= 0 || !createdAt.isValid())
        return {};
    return createdAt.addSecs(qint64(hours) * 3600);
}

int ReviewRules::sampleBucket(qint64 id)
{
    const qint64 h = ((id % 2147483648LL) * 2654435761LL + 40503LL) % 4294967311LL;
    return static_cast<int>(h % 100);
}

int ReviewRules::secondReviewBucket(qint64 id)
{
    const qint64 h = ((id % 2147483648LL) * 2246822519LL + 374761393LL) % 4294967291LL;
    return static_cast<int>(h % 100);
}

bool ReviewRules::wantsSecondReview(qint64 id, std::optional<Priority> p) const
{
    return secondReviewBucket(id) < m_secondReview.samplePercent || (m_secondReview.allP0 && p == Priority::P0);
}

bool ReviewRules::operator==(const ReviewRules &other) const
{
    return toJson() == other.toJson();
}

}  // namespace atalaya
