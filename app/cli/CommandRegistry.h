#pragma once

#include <QString>

#include <vector>

namespace atalaya::cli {

class CliContext;
using CommandFn = int (*)(CliContext &);

struct CommandInfo {
    QString name;  // "stats", or "risk" for a group with sub-commands
    QString summary;  // one line for `atalaya-cli --help`
    CommandFn run;
};

// Commands register themselves from their own file, so adding one touches nothing else.
class CommandRegistry {
public:
    static bool add(CommandInfo info);
    static const CommandInfo *find(const QString &name);
    static std::vector<CommandInfo> all();  // sorted by name
};

}  // namespace atalaya::cli

#define ATALAYA_CLI_COMMAND(id, name, summary, fn)                                                                     \
    static const bool atalaya_cli_registered_##id =                                                                    \
        ::atalaya::cli::CommandRegistry::add({QStringLiteral(name), QStringLiteral(summary), fn})
