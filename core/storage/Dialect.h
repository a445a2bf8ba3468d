#pragma once

#include "core/storage/DbUrl.h"

#include <QString>
#include <QStringList>

namespace atalaya {

// The rollup and queue-count slot of rows whose time cannot be read: far below any hour or
// day a DATETIME can hold (year 0 is hour −17 268 672), so no window reaches it.
inline constexpr qint64 kNoTimeSlot = -1000000000;

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
    // Whole hours / days since 1970-01-01 00:00 UTC of a DATETIME column (rollup keys), or
    // kNoTimeSlot when the stored value is not a time (a text another writer put in a SQLite
    // file, MariaDB's zero date): a trigger must never refuse that writer's INSERT.
    QString hourNumberOf(const QString &column) const;
    QString dayNumberOf(const QString &column) const;
    // Whole seconds since 1970-01-01 00:00 UTC of a DATETIME column (NULL when it is no time),
    // for comparing two instants a given number of seconds apart.
    QString epochSecondsOf(const QString &column) const;
    // The column as UTC "yyyy-MM-dd HH:mm:ss.zzz" (the form of toDbDateTime()), to compare with
    // bound window edges. SQLite stores whatever text a writer gave, and its strings compare
    // byte by byte: "…T10:00:00Z", "…10:00:00+02:00" and "…10:00:00" (no milliseconds) would
    // land outside the window that holds their instant. SQLite gets strftime() of the column,
    // which an index on the same expression serves (atalaya_telemetry_utc, core/setup/SchemaInstaller.cpp); MySQL's DATETIME is as is.
    QString utcTimeOf(const QString &column) const;
    // Rows whose created_at is not a time (counted in data_quality, in no window), using an index.
    QString noTimePredicate(const QString &column) const;
    // The tail of an INSERT that, on a duplicate `key`, adds the new values of `addColumns`
    // to the stored ones and sets `setColumns` to the new ones.
    QString upsertAdd(const QStringList &key, const QStringList &addColumns, const QStringList &setColumns = {}) const;

private:
    Backend m_backend;
};

}  // namespace atalaya
