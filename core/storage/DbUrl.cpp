#include "core/storage/DbUrl.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace atalaya {
namespace {

Error urlError(const QString &what)
{
    return makeError(ErrorCode::Usage, QStringLiteral("invalid database URL: %1").arg(what));
}

const QStringList kSslModes = {QStringLiteral("disabled"), QStringLiteral("preferred"), QStringLiteral("required"),
                               QStringLiteral("verify-ca"), QStringLiteral("verify-identity")};

// QUrl::errorString() quotes the whole source and its user info, password included, and
// a URL that does not parse has no password() to strip: the text itself is redacted, from
// the first ':' of the user info up to its last '@' (a password may hold an unencoded '@').
// A query key or value quoted back only when it looks like one: after a password holding an
// unencoded '/' or '?', the query may be the rest of that password.
QString quotedOption(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_.-]{1,30}$"));
    return plain.match(text).hasMatch() ? QStringLiteral("'%1'").arg(text) : QStringLiteral("(not shown)");
}

QString redacted(const QString &text)
{
    const qsizetype start = text.indexOf(QLatin1String("://"));
    if (start < 0)
        return text;
    const qsizetype authority = start + 3;
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at < authority)
        return text;
    const qsizetype colon = text.indexOf(QLatin1Char(':'), authority);
    if (colon < 0 || colon > at)
        return text;
    return text.left(colon + 1) + QStringLiteral("***") + text.mid(at);
}

// Qt's reason without its "; source was …" tail, which repeats the unredacted input.
QString parseProblem(const QString &safeText)
{
    const QUrl url(safeText, QUrl::StrictMode);
    if (url.isValid())
        return QStringLiteral("the user name or password has characters that must be percent-encoded");
    return url.errorString().section(QStringLiteral("; source was"), 0, 0);
}

// Where the host list of SCHEME://userinfo@hosts/path?query begins and ends in text, as QUrl
// splits it: the authority ends at the first '/', '?' or '#', the userinfo at its last '@'.
struct HostSpan {
    qsizetype begin = -1;
    qsizetype end = -1;
    bool userInfo = false;
};

HostSpan hostSpan(const QString &text)
{
    const qsizetype scheme = text.indexOf(QLatin1String("://"));
    if (scheme < 0)
        return {};
    const qsizetype authority = scheme + 3;
    HostSpan span;
    span.end = text.size();
    for (const QChar stop : {QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype i = text.indexOf(stop, authority);
        if (i >= 0 && i < span.end)
            span.end = i;
    }
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'), span.end - 1);
    span.userInfo = at >= authority;
    span.begin = span.userInfo ? at + 1 : authority;
    return span;
}

// Node `number` of a node list, "host[:port]", checked by Qt's URL parser as the first node is.
// Not quoted back: a mistyped URL may have put part of its password there.
Result<DbNode> parseNode(const QString &item, qsizetype number)
{
    if (item.isEmpty())
        return urlError(QStringLiteral("the node list has an empty entry; write mysql://user@h1:p1,h2:p2/database"));
    const QUrl url(QStringLiteral("mysql://u@%1/d").arg(item), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().startsWith(QLatin1Char('u'))
        || url.path() != QLatin1String("/d"))
        return urlError(QStringLiteral("node %1 of the node list is not host or host:port").arg(number));
    const int port = url.port(3306);
    if (port < 1 || port > 65535)
        return urlError(QStringLiteral("port %1 is out of range 1-65535").arg(port));
    return DbNode{url.host(), port};
}

Result<DbUrl> parseSingleMysql(const QString &text);

// mysql://user@h1:p1,h2:p2,h3:p3/db: the first node goes through the single-server parser with
// the rest of the URL, the others one by one.
Result<DbUrl> parseMysql(const QString &text)
{
    const HostSpan span = hostSpan(text);
    // Without a user info the URL is refused anyway, and the authority may be the start of a
    // password holding a '/': it is not split, so no part of it can reach a message.
    const QString hosts = span.userInfo ? text.mid(span.begin, span.end - span.begin) : QString();
    if (!hosts.contains(QLatin1Char(',')))
        return parseSingleMysql(text);
    const QStringList items = hosts.split(QLatin1Char(','));
    auto db = parseSingleMysql(text.left(span.begin) + items.first() + text.mid(span.end));
    if (!db)
        return db;
    if (!db->socket.isEmpty())
        return urlError(QStringLiteral("socket= names one local server and cannot go with a node list; "
                                       "drop one of them"));
    QList<DbNode> seen = {DbNode{db->host, db->port}};
    for (qsizetype i = 1; i < items.size(); ++i) {
        auto node = parseNode(items.at(i), i + 1);
        if (!node)
            return node.error();
        if (seen.contains(*node))
            return urlError(QStringLiteral("node %1:%2 is listed twice").arg(node->host).arg(node->port));
        seen << *node;
        db->moreNodes << *node;
    }
    return db;
}

Result<DbUrl> parseSingleMysql(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        const QString safe = redacted(text);
        return urlError(QStringLiteral("'%1' is not a URL (%2); expected mysql://user@host:port/database")
                            .arg(safe, parseProblem(safe)));
    }
    DbUrl db;
    db.backend = Backend::MySQL;
    db.user = url.userName();
    db.passwordInUrl = url.password();
    db.host = url.host();
    if (db.user.isEmpty())
        return urlError(QStringLiteral("the user is missing; write mysql://USER@host/database"));
    if (db.host.isEmpty())
        return urlError(QStringLiteral("the host is missing; write mysql://user@HOST/database"));
    const int port = url.port(3306);
    if (port < 1 || port > 65535)
        return urlError(QStringLiteral("port %1 is out of range 1-65535").arg(port));
    db.port = port;
    db.database = url.path().mid(1);
    if (db.database.isEmpty() || db.database.contains(QLatin1Char('/')))
        return urlError(QStringLiteral("the database name is missing or has a '/'; write "
                                       "mysql://user@host/DATABASE"));
    // user:pa@ss/word@host… splits inside the password; the rest of it must not become a name
    // that toString() and describe() show.
    if (db.database.contains(QLatin1Char('@')))
        return urlError(QStringLiteral("the database name has an '@'; a password with '@' or '/' must be "
                                       "percent-encoded (%40, %2F)"));
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("socket")) {
            db.socket = value;
        } else if (key == QLatin1String("ssl-mode")) {
            if (!kSslModes.contains(value))
                return urlError(QStringLiteral("ssl-mode %1 is not one of %2")
                                    .arg(quotedOption(value), kSslModes.join(QLatin1String(", "))));
            db.sslMode = value;
        } else if (key == QLatin1String("ssl-ca")) {
            db.sslCa = value;
        } else {
            return urlError(
                QStringLiteral("unknown option %1; allowed: socket, ssl-mode, ssl-ca").arg(quotedOption(key)));
        }
    }
    if ((db.sslMode == QLatin1String("verify-ca") || db.sslMode == QLatin1String("verify-identity"))
        && db.sslCa.isEmpty())
        return urlError(QStringLiteral("ssl-mode=%1 needs ssl-ca=/path/ca.pem").arg(db.sslMode));
    return db;
}

}  // namespace

Result<DbUrl> DbUrl::parse(const QString &rawText)
{
    const QString text = rawText.trimmed();
    if (text.isEmpty())
        return urlError(QStringLiteral("it is empty"));
    if (text.startsWith(QLatin1String("sqlite:"))) {
        QString path = text.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2);
        if (path.isEmpty())
            return urlError(QStringLiteral("the SQLite file path is missing; write sqlite:PATH.db"));
        DbUrl db;
        db.backend = Backend::SQLite;
        db.path = QDir::cleanPath(QDir::current().absoluteFilePath(path));
        return db;
    }
    if (text.startsWith(QLatin1String("mysql://")) || text.startsWith(QLatin1String("mariadb://")))
        return parseMysql(text);
    // Only a scheme is quoted back: whatever else was typed may hold a password.
    static const QRegularExpression schemeShape(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]{0,19}$"));
    const QString scheme = text.section(QLatin1Char(':'), 0, 0);
    if (!text.contains(QLatin1Char(':')) || !schemeShape.match(scheme).hasMatch())
        return urlError(QStringLiteral("it has no scheme; use sqlite:PATH, mysql://user@host:port/db or mariadb://…"));
    return urlError(QStringLiteral("scheme '%1' is not supported; use sqlite:PATH, "
                                   "mysql://user@host:port/db or mariadb://…")
                        .arg(scheme));
}

DbUrl DbUrl::embeddedDefault()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    DbUrl db;
    db.backend = Backend::SQLite;
    db.path = QDir(dir).filePath(QStringLiteral("atalaya.db"));
    return db;
}

QList<DbNode> DbUrl::nodes() const
{
    return QList<DbNode>{DbNode{host, port}} + moreNodes;
}

DbUrl DbUrl::atNode(qsizetype i) const
{
    DbUrl one = *this;
    const DbNode node = nodes().value(i, DbNode{host, port});
    one.host = node.host;
    one.port = node.port;
    one.moreNodes.clear();
    return one;
}

QString DbUrl::toString() const
{
    if (backend == Backend::SQLite)
        return QStringLiteral("sqlite:") + path;
    QUrl url;
    url.setScheme(QStringLiteral("mysql"));
    url.setUserName(user);
    url.setHost(host);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery query;
    if (!socket.isEmpty())
        query.addQueryItem(QStringLiteral("socket"), socket);
    if (!sslMode.isEmpty())
        query.addQueryItem(QStringLiteral("ssl-mode"), sslMode);
    if (!sslCa.isEmpty())
        query.addQueryItem(QStringLiteral("ssl-ca"), sslCa);
    url.setQuery(query);
    // Pretty decoding would write a space of the query (a socket path) as is, which the
    // strict parse refuses: the canonical form must parse back.
    QString text = url.toString(QUrl::EncodeSpaces);
    if (moreNodes.isEmpty())
        return text;
    QStringList others;
    for (const DbNode &node : moreNodes) {
        QUrl one;
        one.setScheme(QStringLiteral("mysql"));
        one.setHost(node.host);
        one.setPort(node.port);
        others << one.authority();
    }
    return text.insert(hostSpan(text).end, QLatin1Char(',') + others.join(QLatin1Char(',')));
}

QString DbUrl::describe() const
{
    if (backend == Backend::SQLite)
        return QStringLiteral("SQLite %1").arg(path);
    QStringList nodeNames;
    for (const DbNode &node : nodes())
        nodeNames << QStringLiteral("%1:%2").arg(node.host).arg(node.port);
    const QString where = socket.isEmpty() ? nodeNames.join(QLatin1Char(',')) : socket;
    return QStringLiteral("MySQL %1@%2/%3").arg(user, where, database);
}

QString DbUrl::displayName() const
{
    if (backend == Backend::SQLite)
        return QFileInfo(path).fileName();
    return QStringLiteral("%1/%2").arg(socket.isEmpty() ? host : QStringLiteral("localhost"), database);
}

}  // namespace atalaya
