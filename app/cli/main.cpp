#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTextStream>

#include <unistd.h>

using namespace atalaya::cli;

namespace {

void printUsage(QTextStream &out)
{
    out << "Usage: atalaya-cli COMMAND [options]   (atalaya-cli COMMAND --help for details)\n\n"
           "Commands:\n";
    for (const CommandInfo &c : CommandRegistry::all())
        out << "  " << c.name.leftJustified(12) << c.summary << '\n';
}

QtMessageHandler g_defaultHandler = nullptr;

// stderr carries the one `error: …` line of docs/CLI.md; Atalaya's own log lines (a failed query,
// a retry) belong in --log-json, and the error line already says what went wrong. That line
// is logged under atalaya.cli for --log-json and printed by CliContext::fail itself.
void consoleHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const bool ours = context.category && qstrncmp(context.category, "atalaya.", 8) == 0;
    if (ours && type != QtCriticalMsg && type != QtFatalMsg)
        return;
    if (ours && qstrcmp(context.category, "atalaya.cli") == 0)
        return;
    if (g_defaultHandler)
        g_defaultHandler(type, context, message);
    else
        QTextStream(stderr) << qFormatLogMessage(type, context, message) << '\n';
}

// `export pdf` draws Qt Charts and `release-check --pdf` paints with the GUI's fonts: both need a
// QApplication; it runs offscreen, so no display.
bool exportsPdf(int argc, char *argv[])
{
    bool exporting = false;
    bool checking = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        exporting = exporting || arg == "export";
        checking = checking || arg == "release-check";
        if ((exporting && arg == "pdf") || (checking && (arg == "--pdf" || arg.startsWith("--pdf="))))
            return true;
    }
    return false;
}

}  // namespace

int main(int argc, char *argv[])
{
    const bool gui = exportsPdf(argc, argv);
    if (gui) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // Qt's GUI start-up warns on stderr without a runtime dir; stderr is for the error line.
        if (!qEnvironmentVariableIsSet("XDG_RUNTIME_DIR")) {
            const QByteArray dir = QDir::tempPath().toUtf8() + "/atalaya-runtime-" + QByteArray::number(getuid());
            if (QDir().mkpath(QString::fromUtf8(dir))) {
                QFile::setPermissions(QString::fromUtf8(dir),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
                qputenv("XDG_RUNTIME_DIR", dir);
            }
        }
    }
    std::unique_ptr<QCoreApplication> application =
        gui ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    // stdout is JSON for scripts and stderr is for errors; progress notes go to --log-json.
    QLoggingCategory::setFilterRules(QStringLiteral("atalaya.*.info=false"));
    g_defaultHandler = qInstallMessageHandler(consoleHandler);
    QCoreApplication::setOrganizationName(QStringLiteral("Atalaya"));
    QCoreApplication::setApplicationName(QStringLiteral("atalaya"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATALAYA_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        QTextStream out(args.isEmpty() ? stderr : stdout);
        printUsage(out);
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        QTextStream(stdout) << "atalaya-cli " << ATALAYA_VERSION << '\n';
        return 0;
    }
    // Common options may come before the command: `atalaya-cli --db URL stats`.
    static const QStringList valueOptions = {QStringLiteral("--db"), QStringLiteral("--log-json"),
                                             QStringLiteral("--timeout")};
    qsizetype at = 0;
    while (at < args.size() && args[at].startsWith(QLatin1Char('-'))) {
        const bool takesValue = valueOptions.contains(args[at]);
        at += takesValue ? 2 : 1;
    }
    if (at >= args.size()) {
        QTextStream(stderr) << "error: no command given; run `atalaya-cli --help` for the list\n";
        return 2;
    }
    const QString name = args.takeAt(at);
    const CommandInfo *command = CommandRegistry::find(name);
    if (!command) {
        QTextStream(stderr) << "error: unknown command '" << name << "'; run `atalaya-cli --help` for the list\n";
        return 2;
    }
    CliContext context(name, args);
    return command->run(context);
}
