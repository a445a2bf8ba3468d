#pragma once

#include "core/common/Result.h"
#include "core/storage/Database.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace atalaya {
class Database;
}  // namespace atalaya

namespace atalaya::cli {

// What every command shares: its argument parser with the common options (--db,
// --password-stdin, --pretty, --log-json), the database, and the output conventions of
// docs/CLI.md (one JSON document on stdout; one `error: …` line on stderr and an exit code).
class CliContext {
public:
    CliContext(QString command, QStringList arguments);

    QCommandLineParser &parser() { return m_parser; }
    const QString &command() const { return m_command; }
    // The raw arguments after the command name (for commands with sub-commands).
    const QStringList &arguments() const { return m_arguments; }
    // Parses after the command added its options; false means stop with exitCode()
    // (usage error, or --help printed).
    bool parse(const QString &description, const QString &positionalSyntax = {});
    int exitCode() const { return m_exitCode; }
    QStringList positional() const { return m_parser.positionalArguments(); }

    Result<std::shared_ptr<Database>> database(const DatabaseOptions &options = {});

    // An integer option within [min, max]; the error names the option and the range.
    Result<int> intOption(const QString &name, int fallback, int min, int max) const;
    Result<double> doubleOption(const QString &name, double fallback, double min, double max) const;

    int print(const QJsonObject &json) const;
    int fail(const Error &error) const;
    int usageError(const QString &message) const;
    void warn(const QString &message) const;

private:
    QString m_command;
    QStringList m_arguments;
    QCommandLineParser m_parser;
    int m_exitCode = 0;
    std::shared_ptr<Database> m_db;
    QString m_stdinPassword;
    bool m_stdinPasswordRead = false;
};

// The rest of stdin, for `record`.
QByteArray readAllStdin();
// One line of stdin without its line end, for `--password-stdin`.
QString readStdinLine();

}  // namespace atalaya::cli
