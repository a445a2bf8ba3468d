#include "app/cli/CliContext.h"

#include "core/logging/JsonLogSink.h"
#include "core/logging/Logging.h"
#include "core/session/ConnectionResolver.h"
#include "core/storage/Database.h"
#include "core/storage/ReplicaLag.h"
#include "core/storage/ReplicaRoute.h"

#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace atalaya::cli {
namespace {

const QString kDb = QStringLiteral("db");
const QString kPasswordStdin = QStringLiteral("password-stdin");
const QString kReadDb = QStringLiteral("read-db");
const QString kPretty = QStringLiteral("pretty");
const QString kLogJson = QStringLiteral("log-json");
const QString kTimeout = QStringLiteral("timeout");

}  // namespace

QString readStdinLine()
{
    QByteArray line;
    for (int c = std::fgetc(stdin); c != EOF && c != '\n'; c = std::fgetc(stdin))
        line.append(static_cast<char>(c));
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

QByteArray readAllStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return in.readAll();
}

CliContext::CliContext(QString command, QStringList arguments)
    : m_command(std::move(command)), m_arguments(std::move(arguments))
{
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
}

bool CliContext::parse(const QString &description, const QString &positionalSyntax)
{
    m_parser.setApplicationDescription(description);
    m_parser.addOption({kDb,
                        QStringLiteral("Database URL (sqlite:PATH, mysql://user@host:port/db); "
                                       "default $ATALAYA_DB, then the embedded SQLite file."),
                        QStringLiteral("url")});
    m_parser.addOption({kReadDb,
                        QStringLiteral("A replica of --db for reads (mysql://user@host:port/db): queue, counts and "
                                       "figures come from it, writes go to --db; default $ATALAYA_READ_DB."),
                        QStringLiteral("url")});
    m_parser.addOption(
        {kPasswordStdin, QStringLiteral("Read the database password from the first line of standard input.")});
    m_parser.addOption({kPretty, QStringLiteral("Indent the JSON output.")});
    m_parser.addOption({kLogJson, QStringLiteral("Append structured JSON log lines to FILE."), QStringLiteral("file")});
    m_parser.addOption({kTimeout,
                        QStringLiteral("Seconds to wait for a lock another session holds on the data before giving "
                                       "up (default 20)."),
                        QStringLiteral("seconds")});
    const QCommandLineOption help = m_parser.addHelpOption();
    if (!positionalSyntax.isEmpty())
        m_parser.addPositionalArgument(positionalSyntax, QString());
    QStringList argv = m_arguments;
    argv.prepend(QStringLiteral("atalaya-cli ") + m_command);
    if (!m_parser.parse(argv)) {
        m_exitCode = usageError(m_parser.errorText() + QStringLiteral("; see `atalaya-cli ") + m_command
                                + QStringLiteral(" --help`"));
        return false;
    }
    if (m_parser.isSet(help)) {
        QTextStream(stdout) << m_parser.helpText();
        m_exitCode = 0;
        return false;
    }
    if (m_parser.isSet(kPasswordStdin)) {
        // Only the first line, so `record` can read its input from the rest of stdin.
        m_stdinPassword = readStdinLine();
    }
    if (m_parser.isSet(kLogJson)) {
        QString error;
        if (!JsonLogSink::install(m_parser.value(kLogJson), &error)) {
            m_exitCode = usageError(error);
            return false;
        }
    }
    return true;
}

Result<std::shared_ptr<Database>> CliContext::database(const DatabaseOptions &options)
{
    if (m_db)
        return m_db;
    // An empty --db is a script whose variable was unset: falling back to the embedded file
    // would answer from (or create) a database nobody meant.
    if (m_parser.isSet(kDb) && m_parser.value(kDb).trimmed().isEmpty())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("--db is empty; give a database URL (sqlite:PATH or "
                                        "mysql://user@host:port/db), or leave --db out to use $ATALAYA_DB or "
                                        "the embedded SQLite file"));
    ConnectionRequest request;
    request.urlFlag = m_parser.value(kDb);
    request.readUrlFlag = m_parser.value(kReadDb);
    request.stdinPassword = m_stdinPassword;
    auto resolved = ConnectionResolver().resolve(request);
    if (!resolved)
        return resolved.error();
    for (const QString &warning : std::as_const(resolved->warnings))
        warn(warning);
    DatabaseOptions opened = options;
    auto timeout = intOption(kTimeout, opened.lockWaitTimeoutSeconds, 1, 3600);
    if (!timeout)
        return timeout.error();
    opened.lockWaitTimeoutSeconds = *timeout;
    auto db = Database::open(resolved->url, resolved->password, opened);
    if (!db)
        return db.error();
    if (resolved->readUrl) {
        if (Status replica = (*db)->attachReplica(*resolved->readUrl, resolved->readPassword); !replica)
            return replica.error();
        if (replica_route::isDown(**db))
            warn(QStringLiteral("the read replica %1 does not answer (%2); reading from the primary %3 instead")
                     .arg(resolved->readUrl->describe(), replica_route::downReason(**db), resolved->url.describe()));
        if (auto problems = replicationProblems(**db)) {
            for (const QString &problem : std::as_const(*problems))
                warn(problem);
        }
    }
    m_db = *db;
    return m_db;
}

Result<int> CliContext::intOption(const QString &name, int fallback, int min, int max) const
{
    if (!m_parser.isSet(name))
        return fallback;
    bool ok = false;
    const QString raw = m_parser.value(name);
    const int v = raw.toInt(&ok);
    if (!ok || v < min || v > max)
        return makeError(
            ErrorCode::Usage,
            QStringLiteral("--%1 is '%2'; it must be an integer from %3 to %4").arg(name, raw).arg(min).arg(max));
    return v;
}

Result<double> CliContext::doubleOption(const QString &name, double fallback, double min, double max) const
{
    if (!m_parser.isSet(name))
        return fallback;
    bool ok = false;
    const QString raw = m_parser.value(name);
    const double v = raw.toDouble(&ok);
    if (!ok || v < min || v > max)
        return makeError(
            ErrorCode::Usage,
            QStringLiteral("--%1 is '%2'; it must be a number from %3 to %4").arg(name, raw).arg(min).arg(max));
    return v;
}

int CliContext::print(const QJsonObject &json) const
{
    const QJsonDocument doc(json);
    const QByteArray bytes = doc.toJson(m_parser.isSet(kPretty) ? QJsonDocument::Indented : QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    if (!bytes.endsWith('\n'))
        std::fputc('\n', stdout);
    std::fflush(stdout);
    return 0;
}

int CliContext::fail(const Error &error) const
{
    const int code = static_cast<int>(error.code);
    // The console handler leaves atalaya.cli to this line; --log-json gets it with the code.
    logEvent(lcCli(), QtCriticalMsg, error.message,
             {{QStringLiteral("command"), m_command}, {QStringLiteral("exit_code"), code}});
    QTextStream(stderr) << "error: " << error.message << '\n';
    return code;
}

int CliContext::usageError(const QString &message) const
{
    return fail(makeError(ErrorCode::Usage, message));
}

void CliContext::warn(const QString &message) const
{
    QTextStream(stderr) << "warning: " << message << '\n';
}

}  // namespace atalaya::cli
