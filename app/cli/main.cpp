#include "CliContext.h"
#include "CommandRegistry.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace atalaya::cli;

namespace {

void printUsage(QTextStream &out)
{
    out << "Usage: atalaya-cli COMMAND [options]   (atalaya-cli COMMAND --help for details)\n\n"
           "Commands:\n";
    for (const CommandInfo &c : CommandRegistry::all())
        out << "  " << c.name.leftJustified(12) << c.summary << '\n';
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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
    const QString name = args.takeFirst();
    const CommandInfo *command = CommandRegistry::find(name);
    if (!command) {
        QTextStream(stderr) << "error: unknown command '" << name
                            << "'; run `atalaya-cli --help` for the list\n";
        return 2;
    }
    CliContext context(name, args);
    return command->run(context);
}
