#include "core/chat/ChatParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

namespace atalaya {

const char *malformedKindName(MalformedKind kind)
{
    switch (kind) {
    case MalformedKind::NotJson: return "not_json";
    case MalformedKind::MissingField: return "missing_field";
    case MalformedKind::WrongType: return "wrong_type";
    case MalformedKind::OutOfRange: return "out_of_range";
    }
    return "unknown";
}

namespace {

constexpr int kMaxIdLength = 200;
constexpr double kMaxLatencyMs = 1e9;  // ~11 days: anything above is a unit mistake
constexpr double kMaxTelemetryId = 9007199254740991.0;  // 2^53 - 1, exact in a double

struct Problem {
    MalformedKind kind;
    QString detail;
};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

bool digits(const QString &s, int pos, int count, int &out)
{
    if (pos + count > s.size())
        return false;
    out = 0;
    for (int i = pos; i < pos + count; ++i) {
        const QChar c = s[i];
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
        out = out * 10 + (c.unicode() - '0');
    }
    return true;
}

int daysInMonth(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

class Validator {
public:
    explicit Validator(const QJsonObject &o) : m_o(o) { }

    std::optional<Problem> problem;

    QString requiredString(const char *key)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            fail(MalformedKind::MissingField, QStringLiteral("missing '%1'").arg(QLatin1String(key)));
            return {};
        }
        if (!v.isString()) {
            fail(MalformedKind::WrongType, QStringLiteral("'%1' must be a string").arg(QLatin1String(key)));
            return {};
        }
        return v.toString();
    }
    QString requiredId(const char *key)
    {
        QString s = requiredString(key);
        if (!problem && (s.isEmpty() || s.size() > kMaxIdLength))
            fail(MalformedKind::OutOfRange,
                 QStringLiteral("'%1' must have 1 to %2 characters").arg(QLatin1String(key)).arg(kMaxIdLength));
        return s;
    }
    QString optionalString(const char *key)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            fail(MalformedKind::WrongType, QStringLiteral("'%1' must be a string").arg(QLatin1String(key)));
            return {};
        }
        return v.toString();
    }
    std::optional<bool> optionalBool(const char *key)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isBool()) {
            fail(MalformedKind::WrongType, QStringLiteral("'%1' must be true or false").arg(QLatin1String(key)));
            return std::nullopt;
        }
        return v.toBool();
    }
    // A JSON number; `integral` refuses 4.5 where the protocol says integer.
    std::optional<double> number(const char *key, bool required, bool integral, double min, double max)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(MalformedKind::MissingField, QStringLiteral("missing '%1'").arg(QLatin1String(key)));
            return std::nullopt;
        }
        if (!v.isDouble()) {
            fail(MalformedKind::WrongType, QStringLiteral("'%1' must be a number").arg(QLatin1String(key)));
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (integral && (!std::isfinite(d) || std::floor(d) != d)) {
            fail(MalformedKind::WrongType,
                 QStringLiteral("'%1' must be an integer, got %2").arg(QLatin1String(key)).arg(d));
            return std::nullopt;
        }
        if (!(d >= min && d <= max)) {
            fail(MalformedKind::OutOfRange,
                 QStringLiteral("'%1' is %2; allowed %3 to %4").arg(QLatin1String(key)).arg(d).arg(min).arg(max));
            return std::nullopt;
        }
        return d;
    }
    void fail(MalformedKind kind, QString detail)
    {
        if (!problem)
            problem = Problem{kind, std::move(detail)};
    }

private:
    const QJsonObject &m_o;
};

std::optional<ChatEvent::Type> typeFromString(const QString &t)
{
    if (t == QLatin1String("message"))
        return ChatEvent::Type::Message;
    if (t == QLatin1String("heartbeat"))
        return ChatEvent::Type::Heartbeat;
    if (t == QLatin1String("conversation.started"))
        return ChatEvent::Type::ConversationStarted;
    if (t == QLatin1String("conversation.completed"))
        return ChatEvent::Type::ConversationCompleted;
    if (t == QLatin1String("satisfaction"))
        return ChatEvent::Type::Satisfaction;
    if (t == QLatin1String("error"))
        return ChatEvent::Type::Error;
    return std::nullopt;
}

void addProblem(ChatParseResult &into, MalformedKind kind, const QString &detail)
{
    const int k = static_cast<int>(kind);
    ++into.malformed[k];
    if (into.sample[k].isEmpty())
        into.sample[k] = detail;
}

void parseObject(const QJsonObject &o, ChatParseResult &into)
{
    Validator v(o);
    const QString typeText = v.requiredString("type");
    if (v.problem) {
        addProblem(into, v.problem->kind, v.problem->detail);
        return;
    }
    const auto type = typeFromString(typeText);
    if (!type) {
        ++into.ignored;
        return;
    }
    ChatEvent e;
    e.type = *type;
    const QString ts = v.requiredString("ts");
    if (!v.problem) {
        if (auto ms = parseChatTimestamp(ts))
            e.tsMs = *ms;
        else
            v.fail(MalformedKind::WrongType, QStringLiteral("'ts' is not an ISO 8601 UTC time: '%1'").arg(ts.left(40)));
    }
    switch (e.type) {
    case ChatEvent::Type::Heartbeat: break;
    case ChatEvent::Type::ConversationStarted:
        e.conversationId = v.requiredId("conversation_id");
        e.userId = v.optionalString("user_id");
        e.channel = v.optionalString("channel");
        break;
    case ChatEvent::Type::Message: {
        e.conversationId = v.requiredId("conversation_id");
        e.messageId = v.optionalString("message_id");
        const QString role = v.requiredString("role");
        if (!v.problem && role != QLatin1String("user") && role != QLatin1String("assistant"))
            v.fail(MalformedKind::OutOfRange,
                   QStringLiteral("'role' is '%1'; allowed user, assistant").arg(role.left(40)));
        e.assistant = role == QLatin1String("assistant");
        e.content = v.requiredString("content");
        if (auto l = v.number("latency_ms", false, false, 0, kMaxLatencyMs))
            e.latencyMs = std::llround(*l);
        e.intent = v.optionalString("intent");
        e.success = v.optionalBool("success").value_or(true);
        if (auto t = v.number("telemetry_id", false, true, 1, kMaxTelemetryId))
            e.telemetryId = static_cast<qint64>(*t);
        break;
    }
    case ChatEvent::Type::Satisfaction:
        e.conversationId = v.requiredId("conversation_id");
        if (auto r = v.number("rating", true, true, 1, 5))
            e.rating = static_cast<int>(*r);
        e.comment = v.optionalString("comment");
        break;
    case ChatEvent::Type::Error:
        e.code = v.requiredString("code");
        e.conversationId = v.optionalString("conversation_id");
        e.content = v.optionalString("message");
        if (!v.problem && e.conversationId.size() > kMaxIdLength)
            v.fail(MalformedKind::OutOfRange,
                   QStringLiteral("'conversation_id' is longer than %1 characters").arg(kMaxIdLength));
        break;
    case ChatEvent::Type::ConversationCompleted:
        e.conversationId = v.requiredId("conversation_id");
        e.resolved = v.optionalBool("resolved").value_or(false);
        break;
    }
    if (v.problem) {
        addProblem(into, v.problem->kind, typeText + QStringLiteral(": ") + v.problem->detail);
        return;
    }
    into.events.push_back(std::move(e));
}

}  // namespace

std::optional<qint64> parseChatTimestamp(const QString &s)
{
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
    int y, mo, d, h, mi, sec;
    if (s.size() < 20 || !digits(s, 0, 4, y) || s[4] != QLatin1Char('-') || !digits(s, 5, 2, mo)
        || s[7] != QLatin1Char('-') || !digits(s, 8, 2, d) || (s[10] != QLatin1Char('T') && s[10] != QLatin1Char(' '))
        || !digits(s, 11, 2, h) || s[13] != QLatin1Char(':') || !digits(s, 14, 2, mi) || s[16] != QLatin1Char(':')
        || !digits(s, 17, 2, sec))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 60)
        return std::nullopt;
    int pos = 19;
    int ms = 0;
    if (pos < s.size() && s[pos] == QLatin1Char('.')) {
        ++pos;
        int scale = 100, count = 0;
        while (pos < s.size() && s[pos].isDigit() && s[pos].unicode() < 128) {
            ms += (s[pos].unicode() - '0') * scale;
            scale /= 10;
            ++pos;
            ++count;
        }
        if (count == 0 || count > 9)
            return std::nullopt;
    }
    int offsetMin = 0;
    if (pos < s.size() && s[pos] == QLatin1Char('Z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == QLatin1Char('+') || s[pos] == QLatin1Char('-'))) {
        const int sign = s[pos] == QLatin1Char('-') ? -1 : 1;
        int oh, om;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != QLatin1Char(':')
            || !digits(s, pos + 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offsetMin = sign * (oh * 60 + om);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != s.size())
        return std::nullopt;
    const qint64 seconds = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - qint64(offsetMin) * 60;
    return seconds * 1000 + ms;
}

void parseChatFrame(const QByteArray &utf8, ChatParseResult &into)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        addProblem(into, MalformedKind::NotJson,
                   error.errorString() + QStringLiteral(" at offset %1").arg(error.offset));
        return;
    }
    if (doc.isObject()) {
        parseObject(doc.object(), into);
        return;
    }
    if (doc.isArray()) {
        const QJsonArray batch = doc.array();
        into.events.reserve(into.events.size() + batch.size());
        for (const QJsonValue &element : batch) {
            if (element.isObject())
                parseObject(element.toObject(), into);
            else
                addProblem(into, MalformedKind::WrongType, QStringLiteral("a batch element is not a JSON object"));
        }
        return;
    }
    addProblem(into, MalformedKind::WrongType, QStringLiteral("a frame must be a JSON object or array"));
}

ChatParseResult parseChatFrame(const QByteArray &utf8)
{
    ChatParseResult result;
    parseChatFrame(utf8, result);
    return result;
}

}  // namespace atalaya
