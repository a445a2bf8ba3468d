#pragma once

#include "core/common/Result.h"
#include "core/storage/Dialect.h"
#include "core/storage/Migrations.h"

#include <QByteArray>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <optional>

namespace atalaya {
class Database;
}

// The feedback audit log as evidence (docs/DATA.md §Audit chain): triggers refuse UPDATE and
// DELETE on it, and a hash chain beside it (one row per audit row, in chain order) makes a
// change behind the triggers' back visible to `audit verify`.
namespace atalaya::auditchain {

inline constexpr const char *kAuditTable = "atalaya_feedback_audit";
// seq (1, 2, …), audit_id, prev_hash, row_hash: append-only like the audit table.
inline constexpr const char *kChainTable = "atalaya_feedback_audit_chain";
// One row (id 1): the last link (seq, row_hash) and the highest audit id chained. Writers lock
// it, which serialises the chain; verify compares it with the chain's end.
inline constexpr const char *kHeadTable = "atalaya_feedback_audit_head";
// prev_hash of the first link.
inline constexpr const char *kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

// One audit row as the chain hashes it. Text fields are nullopt for SQL NULL.
struct ChainedRow {
    qint64 seq = 0;
    qint64 auditId = 0;
    qint64 telemetryId = 0;
    std::optional<QString> previousValue;
    std::optional<QString> newValue;
    std::optional<QString> reviewer;
    std::optional<QString> note;
    std::optional<QString> clientHost;
    QString createdAt;  // createdAtText() of the row
    QString prevHash;
};

// The UTF-8 bytes that are hashed: a compact JSON array, as Python's
// json.dumps(row, ensure_ascii=False, separators=(",", ":")) writes it.
QByteArray canonicalText(const ChainedRow &row);
// Lowercase hex SHA-256 of canonicalText().
QString rowHash(const ChainedRow &row);

// created_at of `alias` as text, the same on every read: MySQL `YYYY-MM-DD HH:MM:SS.ffffff`,
// SQLite the text as stored.
QString createdAtText(const Dialect &d, const QString &alias);
// The audit columns in ChainedRow order (id … created_at text) for a SELECT over `alias`.
QString auditColumns(const Dialect &d, const QString &alias);

// A ChainedRow (without seq and prevHash) from auditColumns() starting at column `first`.
ChainedRow rowFromQuery(const QSqlQuery &q, int first);

// Migration 2: the chain and head tables and the head row.
std::vector<Migration> migrations();

// The triggers that refuse UPDATE and DELETE on the audit and chain tables.
QStringList triggerNames();
QStringList triggerStatements(const Dialect &d);
// The statements that create the ones missing here (`init --print-sql`).
Result<QStringList> missingTriggerSql(const Database &db);
// Creates the missing ones; false when the account may not create triggers.
Result<bool> installTriggers(const Database &db);

// Inside a write transaction, before inserting audit rows: locks the head until the
// transaction ends, so links are appended one writer at a time.
Status lockChain(const Database &db);
// Inside the same transaction: links every audit row above the head's highest chained id, in
// id order (rows other systems wrote directly included). Returns how many were linked.
Result<qint64> chainNewRows(const Database &db);
// Both, in a transaction of its own, when there is anything to link (init). Reads only otherwise.
Result<qint64> chainPending(const Database &db);

}  // namespace atalaya::auditchain
