#include "core/rollup/ModelVersionText.h"

#include <QVariant>

#include <charconv>
#include <cstdlib>
#include <string>

namespace atalaya::rollup {
namespace {

constexpr QByteArrayView kKey("model_version");
// Nesting deeper than this before the key is not followed (no stack overflow on hostile text).
constexpr int kMaxDepth = 512;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray &out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

bool isSurrogate(char32_t c)
{
    return c >= 0xD800 && c <= 0xDFFF;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool isNumber(QByteArrayView t)
{
    qsizetype i = 0;
    auto digits = [&] {
        const qsizetype from = i;
        while (i < t.size() && isDigit(t[i]))
            ++i;
        return i > from;
    };
    if (i < t.size() && t[i] == '-')
        ++i;
    if (i < t.size() && t[i] == '0')
        ++i;
    else if (!digits())
        return false;
    if (i < t.size() && t[i] == '.' && (++i, !digits()))
        return false;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == t.size();
}

bool isScalar(QByteArrayView t)
{
    return t == "true" || t == "false" || t == "null" || isNumber(t);
}

// A cursor over the metadata text that skips JSON without building it.
class Scanner {
public:
    explicit Scanner(QByteArrayView text) : m_p(text.data()), m_end(text.data() + text.size()) { }

    void skipSpace()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
    }
    bool take(char c)
    {
        skipSpace();
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }
    bool atEnd() const { return m_p == m_end; }
    char peek() const { return *m_p; }
    const char *position() const { return m_p; }

    // Past a string whose opening quote is at the cursor; its content (escapes as written) in
    // `raw`. False when it is not one (unterminated, a control character, a bad escape).
    bool skipString(QByteArrayView *raw = nullptr, bool *escaped = nullptr)
    {
        const char *start = ++m_p;
        bool anyEscape = false;
        while (m_p < m_end) {
            const unsigned char c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                if (raw)
                    *raw = QByteArrayView(start, m_p - start);
                if (escaped)
                    *escaped = anyEscape;
                ++m_p;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c == '\\') {
                anyEscape = true;
                if (++m_p == m_end)
                    return false;
                if (*m_p == 'u') {
                    if (m_end - m_p < 5)
                        return false;
                    for (int i = 1; i <= 4; ++i) {
                        if (hexValue(m_p[i]) < 0)
                            return false;
                    }
                    m_p += 4;
                } else if (!QByteArrayView("\"\\/bfnrt").contains(*m_p)) {
                    return false;
                }
            }
            ++m_p;
        }
        return false;
    }

    // Past a number or a literal (true, false, null): the token's text.
    QByteArrayView scalarToken()
    {
        const char *start = m_p;
        while (m_p < m_end && !isSpace(*m_p) && *m_p != ',' && *m_p != '}' && *m_p != ']')
            ++m_p;
        return QByteArrayView(start, m_p - start);
    }

    // Past one well-formed value (what JSON_VALUE's scanner checks before it reaches the key).
    bool skipValue(int depth = 0)
    {
        skipSpace();
        if (m_p == m_end || depth > kMaxDepth)
            return false;
        if (*m_p == '"')
            return skipString();
        if (*m_p != '{' && *m_p != '[')
            return isScalar(scalarToken());
        const char close = *m_p == '{' ? '}' : ']';
        ++m_p;
        if (take(close))
            return true;
        for (;;) {
            if (close == '}') {
                skipSpace();
                if (m_p == m_end || *m_p != '"' || !skipString() || !take(':'))
                    return false;
            }
            if (!skipValue(depth + 1))
                return false;
            if (take(close))
                return true;
            if (!take(','))
                return false;
        }
    }

private:
    const char *m_p;
    const char *m_end;
};

// The string content `raw` (escapes as written, already checked by skipString) unescaped as
// the reader does. MariaDB refuses a lone surrogate; SQLite stops at \u0000 and its UTF-16
// conversion (Qt reads text16) turns surrogates and U+FFFE/U+FFFF into U+FFFD.
std::optional<QByteArray> unescape(QByteArrayView raw, JsonReader reader)
{
    QByteArray out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c != '\\') {
            out += c;
            continue;
        }
        const char e = raw[++i];
        if (e != 'u') {
            out += e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
            continue;
        }
        auto hex4 = [&](qsizetype at) {
            char32_t v = 0;
            for (int k = 0; k < 4; ++k)
                v = v * 16 + char32_t(hexValue(raw[at + k]));
            return v;
        };
        char32_t v = hex4(i + 1);
        i += 4;
        if (v == 0 && reader == JsonReader::Sqlite)
            break;
        if (v >= 0xD800 && v <= 0xDBFF && i + 6 < raw.size() && raw[i + 1] == '\\' && raw[i + 2] == 'u') {
            const char32_t low = hex4(i + 3);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
            }
        }
        if (isSurrogate(v) && reader == JsonReader::MariaDb)
            return std::nullopt;
        if (reader == JsonReader::Sqlite && (isSurrogate(v) || v == 0xFFFE || v == 0xFFFF))
            v = 0xFFFD;
        appendUtf8(out, v);
    }
    return out;
}

// json_extract's number: an integer when the literal is one and fits, else a double; as
// keyText() prints the QVariant Qt's driver makes of it.
QString sqliteNumber(QByteArrayView token)
{
    const bool integral = !token.contains('.') && !token.contains('e') && !token.contains('E');
    if (integral) {
        qint64 v = 0;
        const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), v);
        if (error == std::errc() && end == token.data() + token.size())
            return QVariant(v).toString();
    }
    const std::string text(token.data(), size_t(token.size()));
    return QVariant(std::strtod(text.c_str(), nullptr)).toString();
}

// A container's JSON text as json_extract renders it: the source without whitespace between
// tokens.
QString compactJson(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out += c;
            if (c == '\\')
                out += text[++i];
            else if (c == '"')
                inString = false;
        } else if (!isSpace(c)) {
            out += c;
            inString = c == '"';
        }
    }
    return QString::fromUtf8(out);
}

// The value at the cursor (past the key's colon), as the reader returns it.
VersionCells::Key readValue(Scanner &s, JsonReader reader)
{
    s.skipSpace();
    if (s.atEnd())
        return std::nullopt;
    const char first = s.peek();
    if (first == '"') {
        QByteArrayView raw;
        bool escaped = false;
        if (!s.skipString(&raw, &escaped))
            return std::nullopt;
        if (!escaped)
            return QString::fromUtf8(raw);
        const auto text = unescape(raw, reader);
        return text ? VersionCells::Key(QString::fromUtf8(*text)) : std::nullopt;
    }
    if (first == '{' || first == '[') {
        if (reader == JsonReader::MariaDb)
            return std::nullopt;
        const char *start = s.position();
        if (!s.skipValue())
            return std::nullopt;
        return compactJson(QByteArrayView(start, s.position() - start));
    }
    const QByteArrayView token = s.scalarToken();
    if (token == "true")
        return QStringLiteral("1");
    if (token == "false")
        return QStringLiteral("0");
    if (!isNumber(token))
        return std::nullopt;
    if (reader == JsonReader::Sqlite)
        return sqliteNumber(token);
    return QString::fromUtf8(token);
}

bool isTheKey(QByteArrayView raw, bool escaped, JsonReader reader)
{
    if (!escaped)
        return raw == kKey;
    // SQLite 3.40 compares a key as written; MariaDB compares it unescaped.
    if (reader == JsonReader::Sqlite)
        return false;
    const auto text = unescape(raw, reader);
    return text && *text == kKey;
}

}  // namespace

VersionCells::Key modelVersionOf(QByteArrayView metadata, JsonReader reader)
{
    if (!metadata.contains(kKey) && (reader == JsonReader::Sqlite || !metadata.contains('\\')))
        return std::nullopt;
    Scanner s(metadata);
    if (!s.take('{'))
        return std::nullopt;
    s.skipSpace();
    if (!s.atEnd() && s.peek() == '}')
        return std::nullopt;
    for (;;) {
        s.skipSpace();
        if (s.atEnd() || s.peek() != '"')
            return std::nullopt;
        QByteArrayView key;
        bool escaped = false;
        if (!s.skipString(&key, &escaped) || !s.take(':'))
            return std::nullopt;
        if (isTheKey(key, escaped, reader))
            return readValue(s, reader);
        if (!s.skipValue() || !s.take(','))
            return std::nullopt;
    }
}

}  // namespace atalaya::rollup
