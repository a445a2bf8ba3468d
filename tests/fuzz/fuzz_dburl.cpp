// libFuzzer target for `--db` / $ATALAYA_DB URLs (docs/CLI.md §Choosing the database): any text
// must parse or be refused with a Usage error, and no password may come back out — not in
// the error, nor in toString() (the keychain key), describe() or displayName() of a URL that
// parsed (docs/RELIABILITY.md §Security). A cluster URL (host:port,host:port,…) parses back to
// the same nodes.
//
// Input: one byte picks the shape, the rest is split at the first two NUL bytes into the user,
// the password (to which the harness appends a marker) and what follows the '@'. The shapes
// are SCHEME://user:password@rest for the schemes the parser knows and some it does not, and
// the raw bytes as typed.
#include "tests/fuzz/FuzzCheck.h"
#include "core/storage/DbUrl.h"

#include <QList>

#include <cstdint>

using namespace atalaya;

namespace {

// Ends every password the harness builds: it is in no message the parser or Qt writes, so
// finding it in an output means the password leaked.
const QString kMarker = QStringLiteral("Pw7Qx");

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const char *const kPrefixes[] = {"mysql://", "mariadb://", " mysql://",   "MYSQL://", "mysql:/",
                                            "sqlite:",  "sqlite://",  "postgres://", "",         "mysql://"};
    const int shape = data[0] % 10;
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    const QList<QByteArray> parts = rest.split('\0');

    QString text;
    bool hasPassword = false;
    if (shape == 8 || parts.size() < 3) {
        text = QString::fromUtf8(rest);
    } else {
        // No '@' in the user: the userinfo then ends inside the password or the rest, as a
        // person typing user:password@host means it.
        QString user = QString::fromUtf8(parts.at(0));
        user.remove(QLatin1Char('@'));
        const QString password = QString::fromUtf8(parts.at(1)) + kMarker;
        const QString tail = QString::fromUtf8(rest.mid(parts.at(0).size() + parts.at(1).size() + 2));
        text = QLatin1String(kPrefixes[shape]) + user + QLatin1Char(':') + password + QLatin1Char('@') + tail;
        // A SQLite URL is a file path, shown as typed; the marker typed elsewhere may be shown too.
        hasPassword = !text.startsWith(QLatin1String("sqlite:")) && text.count(kMarker) == 1;
    }

    const Result<DbUrl> url = DbUrl::parse(text);
    if (!url) {
        FUZZ_CHECK(url.error().code == ErrorCode::Usage);
        FUZZ_CHECK(url.error().message.startsWith(QLatin1String("invalid database URL: ")));
        FUZZ_CHECK(!hasPassword || !url.error().message.contains(kMarker));
        return 0;
    }
    const QString shown =
        url->toString() + QLatin1Char('\n') + url->describe() + QLatin1Char('\n') + url->displayName();
    if (url->backend == Backend::MySQL) {
        FUZZ_CHECK(!url->user.isEmpty() && !url->host.isEmpty() && !url->database.isEmpty());
        FUZZ_CHECK(url->port >= 1 && url->port <= 65535);
        FUZZ_CHECK(!hasPassword || !shown.contains(kMarker));
        // The canonical form is a URL that parses to the same connection, without password.
        const Result<DbUrl> again = DbUrl::parse(url->toString());
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(again->user == url->user && again->host == url->host && again->port == url->port
                   && again->database == url->database && again->socket == url->socket && again->sslMode == url->sslMode
                   && again->sslCa == url->sslCa && again->passwordInUrl.isEmpty() && again->nodes() == url->nodes());
        for (const DbNode &node : url->nodes())
            FUZZ_CHECK(!node.host.isEmpty() && node.port >= 1 && node.port <= 65535);
    } else {
        FUZZ_CHECK(!url->path.isEmpty());
    }
    return 0;
}
