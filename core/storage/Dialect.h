#pragma once

#include "core/storage/DbUrl.h"

#include <QString>
#include <QStringList>

namespace atalaya {

// The few places where MySQL/MariaDB and SQLite SQL differ. Everything else is written once,
// in SQL that runs unchanged on MySQL-protocol engines (TiDB, Vitess).
class Dialect {
public:
    explicit Dialect(Backend backend) : m_backend(backend) { }

    Backend backend() const { return m_backend; }
    bool isMySql() const { return m_backend == Backend::MySQL; }

    QString autoIncrementPrimaryKey() const;  // "id BIGINT AUTO_INCREMENT PRIMARY KEY" / SQLite
    QString jsonType() const;
    QString blobType() const;
    QString tableSuffix() const;  // ENGINE/charset on MySQL, nothing on SQLite
    // Inline index clauses are MySQL-only; SQLite gets separate CREATE INDEX statements.
    bool supportsInlineIndexes() const { return isMySql(); }
    // Locks the row read inside a write transaction (SQLite locks the whole file instead).
    QString forUpdate() const;
    // An ordinal 0..23 of the UTC hour of a DATETIME column.
    QString hourOf(const QString &column) const;
    // `column` equal to a bound value byte for byte. MySQL's default collations fold case,
    // accents and trailing spaces ('Agent' = 'agent ' = 'ágent'); SQLite compares bytes, and
    // both must give the same answer. The first `column = ?` keeps the index usable. Bind the
    // value exactMatchBindings() times.
    QString exactMatch(const QString &column) const;
    int exactMatchBindings() const { return isMySql() ? 2 : 1; }
    // A GROUP BY key that keeps 'Agent' and 'agent' apart, as SQLite does.
    QString exactKey(const QString &column) const;
    // A text column type compared and grouped byte for byte (for keys copied from
    // ai_telemetry into Atalaya's own tables).
    QString exactTextType(int maxChars) const;
    // Whole hours / days since 1970-01-01 00:00 UTC of a DATETIME column (rollup keys).
    QString hourNumberOf(const QString &column) const;
    QString dayNumberOf(const QString &column) const;
    // The tail of an INSERT that, on a duplicate `key`, adds the new values of `addColumns`
    // to the stored ones and sets `setColumns` to the new ones.
    QString upsertAdd(const QStringList &key, const QStringList &addColumns, const QStringList &setColumns = {}) const;

private:
    Backend m_backend;
};

}  // namespace atalaya
