#include "ui/review/ReviewRuleCells.h"

namespace atalaya::rulecells {

std::optional<double> parseNumber(QString text)
{
    text = text.trimmed().replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

QString numberText(double v)
{
    return QString::number(v, 'g', 6);
}

QStringList splitTaskTypes(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}

QJsonValue equalsValue(const QString &text)
{
    const QString t = text.trimmed();
    if (t.size() >= 2 && t.startsWith(QLatin1Char('"')) && t.endsWith(QLatin1Char('"')))
        return t.mid(1, t.size() - 2);
    if (t == QLatin1String("true") || t == QLatin1String("false"))
        return t == QLatin1String("true");
    if (auto n = parseNumber(t))
        return *n;
    return t;
}

bool isJsonKind(ReviewRule::Kind k)
{
    return k == ReviewRule::Kind::JsonEquals || k == ReviewRule::Kind::JsonGreater;
}

bool isConfidenceKind(ReviewRule::Kind k)
{
    return k == ReviewRule::Kind::ConfidenceBelow || k == ReviewRule::Kind::ConfidenceRange
        || k == ReviewRule::Kind::ConfidenceAbove;
}

}  // namespace atalaya::rulecells
