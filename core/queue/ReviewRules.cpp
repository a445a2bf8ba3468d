#include "queue/ReviewRules.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace atalaya {
namespace {

struct KindName {
    ReviewRule::Kind kind;
    const char *name;
};

constexpr KindName kKinds[] = {
    {ReviewRule::Kind::ConfidenceBelow, "confidence_below"},
    {ReviewRule::Kind::ConfidenceRange, "confidence_range"},
    {ReviewRule::Kind::ConfidenceAbove, "confidence_above"},
    {ReviewRule::Kind::TaskTypeIn, "task_type_in"},
    {ReviewRule::Kind::JsonEquals, "json_equals"},
    {ReviewRule::Kind::JsonGreater, "json_greater"},
};

QString kindName(ReviewRule::Kind kind)
{
    for (const KindName &k : kKinds) {
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    }
    return {};
}

// "0.62", "0.6999", "0.70": at least two decimals, at most four, no float noise.
QString number(double v)
{
    QString s = QString::number(v, 'f', 4);
    while (s.endsWith(QLatin1Char('0')) && s.indexOf(QLatin1Char('.')) < s.size() - 3)
        s.chop(1);
    return s;
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble());
    return QStringLiteral("null");
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

ReviewRule jsonEquals(QString field, QString path, QJsonValue equals, QString label,
                      QStringList onlyFor = {})
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
    if (!r.taskTypes.isEmpty() && r.kind != ReviewRule::Kind::TaskTypeIn
        && !r.taskTypes.contains(c.taskType))
        return std::nullopt;
    const QJsonObject &source = r.field == QLatin1String("decision") ? c.decision : c.metadata;
    switch (r.kind) {
    case ReviewRule::Kind::ConfidenceBelow:
        if (c.confidence < r.value)
            return QStringLiteral("confidence %1 < %2").arg(number(c.confidence), number(r.value));
        return std::nullopt;
    case ReviewRule::Kind::ConfidenceRange:
        if (c.confidence >= r.min && (r.maxInclusive ? c.confidence <= r.max : c.confidence < r.max))
            return QStringLiteral("confidence %1 in [%2, %3%4")
                .arg(number(c.confidence), number(r.min), number(r.max),
                     r.maxInclusive ? QStringLiteral("]") : QStringLiteral(")"));
        return std::nullopt;
    case ReviewRule::Kind::ConfidenceAbove:
        if (c.confidence > r.value)
            return QStringLiteral("confidence %1 > %2").arg(number(c.confidence), number(r.value));
        return std::nullopt;
    case ReviewRule::Kind::TaskTypeIn:
        if (r.taskTypes.contains(c.taskType))
            return c.taskType;
        return std::nullopt;
    case ReviewRule::Kind::JsonEquals: {
        const QJsonValue v = jsonAtPath(source, r.path);
        if (sameJson(v, r.equals))
            return jsonText(v);
        return std::nullopt;
    }
    case ReviewRule::Kind::JsonGreater: {
        const QJsonValue v = jsonAtPath(source, r.path);
        if (v.isDouble() && v.toDouble() > r.value)
            return jsonText(v);
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
    case ReviewRule::Kind::ConfidenceAbove:
        return matched;
    case ReviewRule::Kind::TaskTypeIn:
        return QStringLiteral("task type %1").arg(matched);
    case ReviewRule::Kind::JsonEquals:
        return QStringLiteral("%1.%2 = %3").arg(r.field, r.path, matched);
    case ReviewRule::Kind::JsonGreater:
        return QStringLiteral("%1.%2 %3 > %4").arg(r.field, r.path, matched, number(r.value));
    }
    return matched;
}

QJsonObject ruleToJson(const ReviewRule &r)
{
    QJsonObject o{{QStringLiteral("kind"), kindName(r.kind)}};
    switch (r.kind) {
    case ReviewRule::Kind::ConfidenceBelow:
    case ReviewRule::Kind::ConfidenceAbove:
        o.insert(QStringLiteral("value"), r.value);
        break;
    case ReviewRule::Kind::ConfidenceRange:
        o.insert(QStringLiteral("min"), r.min);
        o.insert(QStringLiteral("max"), r.max);
        o.insert(QStringLiteral("max_inclusive"), r.maxInclusive);
        break;
    case ReviewRule::Kind::TaskTypeIn:
        break;
    case ReviewRule::Kind::JsonEquals:
        o.insert(QStringLiteral("field"), r.field);
        o.insert(QStringLiteral("path"), r.path);
        o.insert(QStringLiteral("equals"), r.equals);
        break;
    case ReviewRule::Kind::JsonGreater:
        o.insert(QStringLiteral("field"), r.field);
        o.insert(QStringLiteral("path"), r.path);
        o.insert(QStringLiteral("value"), r.value);
        break;
    }
    if (!r.taskTypes.isEmpty())
        o.insert(QStringLiteral("task_types"), QJsonArray::fromStringList(r.taskTypes));
    if (!r.label.isEmpty())
        o.insert(QStringLiteral("label"), r.label);
    return o;
}

Result<double> unitNumber(const QJsonObject &o, const QString &key, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble() || v.toDouble() < 0.0 || v.toDouble() > 1.0)
        return makeError(ErrorCode::Usage,
                         QStringLiteral("%1: \"%2\" must be a number in [0, 1], got %3")
                             .arg(where, key, jsonText(v)));
    return v.toDouble();
}

Result<ReviewRule> ruleFromJson(const QJsonObject &o, const QString &where)
{
    ReviewRule r;
    const QString kind = o.value(QStringLiteral("kind")).toString();
    bool known = false;
    for (const KindName &k : kKinds) {
        if (kind == QLatin1String(k.name)) {
            r.kind = k.kind;
            known = true;
        }
    }
    if (!known)
        return makeError(ErrorCode::Usage,
                         QStringLiteral("%1: unknown rule kind \"%2\" (confidence_below, confidence_range,"
                                        " confidence_above, task_type_in, json_equals, json_greater)")
                             .arg(where, kind));
    for (const QJsonValue &t : o.value(QStringLiteral("task_types")).toArray()) {
        if (!t.isString() || t.toString().isEmpty() || t.toString().size() > 50)
            return makeError(ErrorCode::Usage,
                             QStringLiteral("%1: task_types must hold task type names (1–50 chars)").arg(where));
        r.taskTypes << t.toString();
    }
    r.label = o.value(QStringLiteral("label")).toString();
    switch (r.kind) {
    case ReviewRule::Kind::ConfidenceBelow:
    case ReviewRule::Kind::ConfidenceAbove: {
        auto v = unitNumber(o, QStringLiteral("value"), where);
        if (!v)
            return v.error();
        r.value = *v;
        break;
    }
    case ReviewRule::Kind::ConfidenceRange: {
        auto lo = unitNumber(o, QStringLiteral("min"), where);
        if (!lo)
            return lo.error();
        auto hi = unitNumber(o, QStringLiteral("max"), where);
        if (!hi)
            return hi.error();
        if (*lo > *hi)
            return makeError(ErrorCode::Usage, QStringLiteral("%1: min %2 is above max %3").arg(where).arg(*lo).arg(*hi));
        r.min = *lo;
        r.max = *hi;
        r.maxInclusive = o.value(QStringLiteral("max_inclusive")).toBool(false);
        break;
    }
    case ReviewRule::Kind::TaskTypeIn:
        if (r.taskTypes.isEmpty())
            return makeError(ErrorCode::Usage, QStringLiteral("%1: task_type_in needs task_types").arg(where));
        break;
    case ReviewRule::Kind::JsonEquals:
    case ReviewRule::Kind::JsonGreater: {
        static const QRegularExpression pathRe(QStringLiteral("^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$"));
        r.field = o.value(QStringLiteral("field")).toString();
        r.path = o.value(QStringLiteral("path")).toString();
        if (r.field != QLatin1String("metadata") && r.field != QLatin1String("decision"))
            return makeError(ErrorCode::Usage,
                             QStringLiteral("%1: field must be \"metadata\" or \"decision\", got \"%2\"").arg(where, r.field));
        if (!pathRe.match(r.path).hasMatch())
            return makeError(ErrorCode::Usage,
                             QStringLiteral("%1: path \"%2\" must be dotted names of letters, digits and _").arg(where, r.path));
        if (r.kind == ReviewRule::Kind::JsonEquals) {
            r.equals = o.value(QStringLiteral("equals"));
            if (!r.equals.isString() && !r.equals.isBool() && !r.equals.isDouble())
                return makeError(ErrorCode::Usage,
                                 QStringLiteral("%1: equals must be a string, a boolean or a number").arg(where));
        } else {
            const QJsonValue v = o.value(QStringLiteral("value"));
            if (!v.isDouble())
                return makeError(ErrorCode::Usage, QStringLiteral("%1: value must be a number").arg(where));
            r.value = v.toDouble();
        }
        break;
    }
    }
    return r;
}

} // namespace

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
                          QStringLiteral("deployment/rollback task (%v)")),
                jsonEquals(QStringLiteral("metadata"), QStringLiteral("environment"), QStringLiteral("production"),
                           QStringLiteral("production deployment"), deployTasks),
                jsonEquals(QStringLiteral("decision"), QStringLiteral("action"), QStringLiteral("rollback"),
                           QStringLiteral("rollback decision")),
                confidenceBelow(0.70)};
    PriorityRules &p1 = r.priority(Priority::P1);
    p1.slaHours = 24;
    p1.rules = {confidenceRange(0.70, 0.85, false),
                jsonEquals(QStringLiteral("metadata"), QStringLiteral("critical"), true, QStringLiteral("marked critical")),
                jsonGreater(QStringLiteral("metadata"), QStringLiteral("teams_affected"), 1,
                            QStringLiteral("affects %v teams")),
                jsonEquals(QStringLiteral("metadata"), QStringLiteral("severity"), QStringLiteral("critical"),
                           QStringLiteral("critical code review"), {QStringLiteral("code_review")})};
    PriorityRules &p2 = r.priority(Priority::P2);
    p2.slaHours = 24 * 7;
    p2.rules = {confidenceRange(0.85, 0.95, true),
                taskTypes({QStringLiteral("code_review"), QStringLiteral("performance_analysis"),
                           QStringLiteral("optimization")},
                          QStringLiteral("routine %v"))};
    PriorityRules &p3 = r.priority(Priority::P3);
    p3.slaHours = 0;
    p3.samplePercent = 10;
    ReviewRule above;
    above.kind = ReviewRule::Kind::ConfidenceAbove;
    above.value = 0.95;
    p3.rules = {above};
    return r;
}

std::optional<RuleMatch> ReviewRules::classify(const ReviewCandidate &c) const
{
    for (int i = 0; i < kPriorityCount; ++i) {
        const PriorityRules &p = m_priorities[static_cast<size_t>(i)];
        QStringList reasons;
        for (const ReviewRule &rule : p.rules) {
            if (auto matched = evaluate(rule, c)) {
                reasons << (rule.label.isEmpty() ? generatedReason(rule, *matched)
                                                 : QString(rule.label).replace(QLatin1String("%v"), *matched));
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

QJsonObject ReviewRules::toJson() const
{
    QJsonObject priorities;
    for (int i = 0; i < kPriorityCount; ++i) {
        const PriorityRules &p = m_priorities[static_cast<size_t>(i)];
        QJsonArray rules;
        for (const ReviewRule &r : p.rules)
            rules.append(ruleToJson(r));
        priorities.insert(priorityName(static_cast<Priority>(i)),
                          QJsonObject{{QStringLiteral("sla_hours"), p.slaHours},
                                      {QStringLiteral("sample_percent"), p.samplePercent},
                                      {QStringLiteral("rules"), rules}});
    }
    return {{QStringLiteral("version"), 1}, {QStringLiteral("priorities"), priorities}};
}

Result<ReviewRules> ReviewRules::fromJson(const QJsonObject &json)
{
    const QJsonObject priorities = json.value(QStringLiteral("priorities")).toObject();
    if (priorities.isEmpty())
        return makeError(ErrorCode::Usage, QStringLiteral("review rules: \"priorities\" object with P0..P3 is missing"));
    ReviewRules out;
    for (int i = 0; i < kPriorityCount; ++i) {
        const QString name = priorityName(static_cast<Priority>(i));
        const QJsonObject p = priorities.value(name).toObject();
        PriorityRules &dst = out.m_priorities[static_cast<size_t>(i)];
        const int sla = p.value(QStringLiteral("sla_hours")).toInt(-1);
        if (sla < 0 || sla > 24 * 366)
            return makeError(ErrorCode::Usage,
                             QStringLiteral("review rules %1: sla_hours must be 0 (none) to 8784").arg(name));
        dst.slaHours = sla;
        const int sample = p.value(QStringLiteral("sample_percent")).toInt(100);
        if (sample < 0 || sample > 100)
            return makeError(ErrorCode::Usage,
                             QStringLiteral("review rules %1: sample_percent must be 0–100").arg(name));
        dst.samplePercent = sample;
        const QJsonArray rules = p.value(QStringLiteral("rules")).toArray();
        for (qsizetype k = 0; k < rules.size(); ++k) {
            auto rule = ruleFromJson(rules.at(k).toObject(), QStringLiteral("review rules %1 rule %2").arg(name).arg(k + 1));
            if (!rule)
                return rule.error();
            dst.rules.push_back(*rule);
        }
    }
    return out;
}

Result<ReviewRules> ReviewRules::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Usage, QStringLiteral("cannot read the rules file %1: %2").arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("the rules file %1 is not a JSON object: %2").arg(path, error.errorString()));
    return fromJson(doc.object());
}

ReviewRules ReviewRules::fromSettingsJson(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return defaults();
    auto parsed = fromJson(QJsonDocument::fromJson(json).object());
    return parsed ? *parsed : defaults();
}

Status ReviewRules::saveFile(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Usage, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return makeError(ErrorCode::Usage, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

bool ReviewRules::operator==(const ReviewRules &other) const
{
    return toJson() == other.toJson();
}

} // namespace atalaya
