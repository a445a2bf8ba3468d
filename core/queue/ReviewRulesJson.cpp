// ReviewRules <-> JSON (Settings, rules files): the one place rules from outside are checked.
#include "core/queue/ReviewRules.h"

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
    {ReviewRule::Kind::ConfidenceBelow, "confidence_below"}, {ReviewRule::Kind::ConfidenceRange, "confidence_range"},
    {ReviewRule::Kind::ConfidenceAbove, "confidence_above"}, {ReviewRule::Kind::TaskTypeIn, "task_type_in"},
    {ReviewRule::Kind::JsonEquals, "json_equals"},           {ReviewRule::Kind::JsonGreater, "json_greater"},
};

QJsonObject ruleToJson(const ReviewRule &r)
{
    QJsonObject o{{QStringLiteral("kind"), ruleKindName(r.kind)}};
    switch (r.kind) {
    case ReviewRule::Kind::ConfidenceBelow:
    case ReviewRule::Kind::ConfidenceAbove: o.insert(QStringLiteral("value"), r.value); break;
    case ReviewRule::Kind::ConfidenceRange:
        o.insert(QStringLiteral("min"), r.min);
        o.insert(QStringLiteral("max"), r.max);
        o.insert(QStringLiteral("max_inclusive"), r.maxInclusive);
        break;
    case ReviewRule::Kind::TaskTypeIn: break;
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
        return makeError(
            ErrorCode::Usage,
            QStringLiteral("%1: \"%2\" must be a number in [0, 1], got %3").arg(where, key, jsonValueText(v)));
    return v.toDouble();
}

Result<ReviewRule> ruleFromJson(const QJsonObject &o, const QString &where)
{
    ReviewRule r;
    const QString kind = o.value(QStringLiteral("kind")).toString();
    const auto known = ruleKindFromName(kind);
    if (!known)
        return makeError(ErrorCode::Usage,
                         QStringLiteral("%1: unknown rule kind \"%2\" (%3)")
                             .arg(where, kind, ruleKindNames().join(QStringLiteral(", "))));
    r.kind = *known;
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
            return makeError(ErrorCode::Usage,
                             QStringLiteral("%1: min %2 is above max %3").arg(where).arg(*lo).arg(*hi));
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
            return makeError(
                ErrorCode::Usage,
                QStringLiteral("%1: field must be \"metadata\" or \"decision\", got \"%2\"").arg(where, r.field));
        if (!pathRe.match(r.path).hasMatch())
            return makeError(
                ErrorCode::Usage,
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

}  // namespace

QString jsonValueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble());
    return QStringLiteral("null");
}

QStringList ruleKindNames()
{
    QStringList names;
    for (const KindName &k : kKinds)
        names << QLatin1String(k.name);
    return names;
}

QString ruleKindName(ReviewRule::Kind kind)
{
    for (const KindName &k : kKinds) {
        if (k.kind == kind)
            return QLatin1String(k.name);
    }
    return {};
}

std::optional<ReviewRule::Kind> ruleKindFromName(const QString &name)
{
    for (const KindName &k : kKinds) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
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
    return {{QStringLiteral("version"), 1},
            {QStringLiteral("priorities"), priorities},
            {QStringLiteral("second_review"),
             QJsonObject{{QStringLiteral("sample_percent"), m_secondReview.samplePercent},
                         {QStringLiteral("all_p0"), m_secondReview.allP0}}}};
}

Result<ReviewRules> ReviewRules::fromJson(const QJsonObject &json)
{
    const QJsonObject priorities = json.value(QStringLiteral("priorities")).toObject();
    if (priorities.isEmpty())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("review rules: \"priorities\" object with P0..P3 is missing"));
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
            auto rule =
                ruleFromJson(rules.at(k).toObject(), QStringLiteral("review rules %1 rule %2").arg(name).arg(k + 1));
            if (!rule)
                return rule.error();
            dst.rules.push_back(*rule);
        }
    }
    // Rules saved before double review have no such object: they get the defaults.
    const QJsonObject second = json.value(QStringLiteral("second_review")).toObject();
    const int secondSample = second.value(QStringLiteral("sample_percent")).toInt(SecondReviewRules{}.samplePercent);
    if (secondSample < 0 || secondSample > 100)
        return makeError(ErrorCode::Usage, QStringLiteral("review rules second_review: sample_percent must be 0–100"));
    out.m_secondReview.samplePercent = secondSample;
    out.m_secondReview.allP0 = second.value(QStringLiteral("all_p0")).toBool(false);
    return out;
}

Result<ReviewRules> ReviewRules::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Usage,
                         QStringLiteral("cannot read the rules file %1: %2").arg(path, file.errorString()));
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

}  // namespace atalaya
