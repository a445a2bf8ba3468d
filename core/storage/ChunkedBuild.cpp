#include "core/storage/ChunkedBuild.h"

#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "core/storage/SqlUtil.h"

#include <QSqlError>
#include <QSqlQuery>

#include <limits>

namespace atalaya {
namespace {

// LOCK TABLES waits this long for another session's open transaction, and writers queue
// behind it meanwhile: give up and try again rather than hold them longer.
constexpr int kLockWaitSeconds = 1;
constexpr int kLockAttempts = 30;

Result<qint64> maxId(const Database &db)
{
    auto q = execQuery(db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM ai_telemetry"), {},
                       QStringLiteral("reading the last id of ai_telemetry"));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

// LOCK TABLES and UNLOCK TABLES are not preparable on every server: sent as text.
Status execText(const Database &db, const QString &sql, const QString &what)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql))
        return sqlError(db, q.lastError(), what);
    return {};
}

bool isLockTimeout(const Error &e)
{
    return e.message.contains(QLatin1String("held a lock on the data"));
}

// Only the INSERT trigger decides which rows the scan adds: the others are created first,
// outside the lock, so that writers wait for one CREATE TRIGGER only.
Result<qint64> createUnderTableLock(const Database &db, const QStringList &statements, const QString &what,
                                    const CutState &state)
{
    for (qsizetype i = 1; i < statements.size(); ++i) {
        if (Status s = execStatement(db, statements[i], {}, what); !s)
            return s.error();
    }
    auto set = [&db](int seconds) {
        return execStatement(db, QStringLiteral("SET SESSION lock_wait_timeout = %1").arg(seconds), {},
                             QStringLiteral("setting the lock wait"));
    };
    if (Status s = set(kLockWaitSeconds); !s)
        return s.error();
    Result<qint64> cut = makeError(ErrorCode::Internal, QString());
    for (int attempt = 0; attempt < kLockAttempts; ++attempt) {
        Status locked = execText(db, QStringLiteral("LOCK TABLES ai_telemetry WRITE, %1 WRITE").arg(state.table),
                                 QStringLiteral("locking ai_telemetry for %1").arg(what));
        if (!locked && isLockTimeout(locked.error()))
            continue;
        if (!locked) {
            cut = locked.error();
            break;
        }
        cut = maxId(db);
        if (Status s = cut ? state.record(*cut) : Status(); !s)
            cut = s.error();
        if (Status s = cut ? execStatement(db, statements.value(0), {}, what) : Status(); !s)
            cut = s.error();
        execText(db, QStringLiteral("UNLOCK TABLES"), QStringLiteral("unlocking ai_telemetry"));
        break;
    }
    set(db.options().lockWaitTimeoutSeconds);
    if (!cut && cut.error().message.isEmpty())
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("%1 failed: another session kept a transaction on ai_telemetry open for "
                                        "%2 s; retry when it has finished")
                             .arg(what)
                             .arg(kLockAttempts * kLockWaitSeconds));
    return cut;
}

}  // namespace

QString awaitsNoChunk(const Dialect &d, const QString &stateTable, const QString &extraKey, bool textValues,
                      const QString &id)
{
    auto row = [&](const QString &alias, const char *name) {
        QString key = QStringLiteral("%1.name = '%2'").arg(alias, QLatin1String(name));
        if (!extraKey.isEmpty())
            key += QStringLiteral(" AND %1.%2").arg(alias, extraKey);
        return key;
    };
    auto value = [&](const QString &alias) {
        const QString column = alias + QStringLiteral(".value");
        if (!textValues)
            return column;
        return QStringLiteral("CAST(%1 AS %2)")
            .arg(column, d.isMySql() ? QStringLiteral("SIGNED") : QStringLiteral("INTEGER"));
    };
    // The cut first: without a build its row is absent and that one lookup decides.
    return QStringLiteral("NOT EXISTS (SELECT 1 FROM %1 c WHERE %2 AND %3 >= %4 AND EXISTS"
                          " (SELECT 1 FROM %1 d WHERE %5 AND %6 < %4))")
        .arg(stateTable, row(QStringLiteral("c"), "build_cut"), value(QStringLiteral("c")), id,
             row(QStringLiteral("d"), "build_done"), value(QStringLiteral("d")));
}

Result<qint64> createTriggersAtCut(const Database &db, const QStringList &statements, const QString &what,
                                   const CutState &state)
{
    if (Status s = state.record(std::numeric_limits<qint64>::max()); !s)
        return s.error();
    if (db.dialect().isMySql())
        return createUnderTableLock(db, statements, what, state);
    // SQLite has one writer at a time: inside one transaction nobody else writes.
    return inTransaction(db, [&]() -> Result<qint64> {
        for (const QString &sql : statements) {
            if (Status s = execStatement(db, sql, {}, what); !s)
                return s.error();
        }
        auto cut = maxId(db);
        if (Status s = cut ? state.record(*cut) : Status(); !s)
            return s.error();
        return cut;
    });
}

}  // namespace atalaya
