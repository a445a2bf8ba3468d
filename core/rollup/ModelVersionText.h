#pragma once

#include "core/aggregates/VersionCells.h"

#include <QByteArrayView>

namespace atalaya::rollup {

// Which SQL function's reading of metadata.model_version to reproduce (modelVersionExpression).
enum class JsonReader {
    MariaDb,  // CAST(JSON_VALUE(metadata, '$.model_version') AS BINARY), read as UTF-8
    Sqlite,  // json_extract(metadata, '$.model_version') as Qt's driver returns it
};

// The version key the rollup build and the raw version read give a row whose metadata column
// holds `metadata` (its text as the server sends it), without asking the server: for a build
// that sums rows in C++. Equal to modelVersionKey() of the SQL expression's value on any text
// JSON_VALID / json_valid accepts (tst_model_version_text checks it against both servers):
// - the first top-level "model_version" member wins; nested ones and look-alikes inside strings
//   do not count; a missing key, null, or text that is not an object give no version;
// - strings are unescaped (\uXXXX surrogate pairs included); true and false read as 1 and 0;
// - MariaDB: numbers as written ("2.10", "1e3"), objects and arrays give no version, a key
//   written with escapes ("model\u005fversion") matches;
// - SQLite: numbers as json_extract converts them (an integer, else a double printed by
//   QVariant), objects and arrays as their JSON text without whitespace, a key written with
//   escapes does not match.
// Text the server would refuse as JSON (only possible in a non-JSON column on MariaDB; SQLite's
// valid-row test leaves such rows out): like JSON_VALUE, the member is taken when the text
// before it and the value itself are well formed, whatever follows, and no version otherwise
// (JSON_VALUE's scanner lets a few malformed tokens through, e.g. "truex" as 1 or "\x" as x;
// this does not).
// Cost: text without "model_version" (and, for MariaDB, without a backslash) is answered by a
// substring search; otherwise one pass that skips the members before the key, no parse tree.
VersionCells::Key modelVersionOf(QByteArrayView metadata, JsonReader reader);

}  // namespace atalaya::rollup
