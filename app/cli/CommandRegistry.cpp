#include "app/cli/CommandRegistry.h"

#include <algorithm>

namespace atalaya::cli {
namespace {

std::vector<CommandInfo> &registry()
{
    static std::vector<CommandInfo> commands;
    return commands;
}

}  // namespace

bool CommandRegistry::add(CommandInfo info)
{
    registry().push_back(std::move(info));
    return true;
}

const CommandInfo *CommandRegistry::find(const QString &name)
{
    for (const CommandInfo &c : registry()) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

std::vector<CommandInfo> CommandRegistry::all()
{
    std::vector<CommandInfo> sorted = registry();
    std::sort(sorted.begin(), sorted.end(), [](const CommandInfo &a, const CommandInfo &b) { return a.name < b.name; });
    return sorted;
}

}  // namespace atalaya::cli
