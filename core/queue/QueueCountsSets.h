#pragma once

#include "core/common/Result.h"

#include <QString>

#include <map>
#include <optional>

namespace atalaya {
class Database;
}  // namespace atalaya

// The rule sets whose counts are kept (docs/DATA.md §Queue counts): each set's state rows, its
// triggers, and making room, since every kept set's triggers run on every write.
namespace atalaya::queuecounts {

// The state rows of an unfinished chunked build.
inline constexpr char kCutState[] = "build_cut";
inline constexpr char kDoneState[] = "build_done";

// A rule set's rules (as its triggers evaluate them) and the time its rows were built.
struct SetState {
    std::optional<QString> rules;
    std::optional<qint64> builtAt;
};

Status setState(const Database &db, const QString &id, const char *name, const QString &value);
Status clearState(const Database &db, const QString &id, const char *name);
Status clearBuildState(const Database &db, const QString &id);
Result<std::map<QString, SetState>> readStates(const Database &db);
Result<SetState> readState(const Database &db, const QString &id);
Result<bool> triggersExist(const Database &db, const QString &id);
Status dropTriggers(const Database &db, const QString &id);
// Drops a rule set: its triggers, then its rows and state.
Status dropSet(const Database &db, const QString &id);
// Makes room for one more set: the sets built longest ago go first (a set whose build never
// finished counts as oldest).
Status dropOldestSets(const Database &db, const QString &keep);

}  // namespace atalaya::queuecounts
