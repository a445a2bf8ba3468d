#include "core/storage/ChunkedBuild.h"

#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "core/storage/SqlUtil.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <limits>

namespace atalaya {
namespace {

// A chunk's transaction holds shared locks on its ai_telemetry rows and exclusive ones on the
// derived rows it adds to: another writer touching those waits for it, so it stays short.
constexpr qint64 kTargetChunkMs = 60;
constexpr qint64 kFirstChunkRows = 5000;
constexpr qint64 kMinChunkRows = 1000;
constexpr qint64 kMaxChunkRows = 400000;
// LOCK TABLES waits this long for another session's open transaction, and writers queue
// behind it meanwhile: give up and try again rather than hold them longer.
constexpr int kLockWaitSeconds = 1;
constexpr int kLockAttempts = 30;
constexpr int kDeadlockRetries = 5;

int g_fixedRows = 0;
int g_maxChunks = 0;

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

bool isDeadlock(const Error &e)
{
    return e.message.contains(QLatin1String("crossed this one"));
}

// Only the INSERT trigger decides which rows the chunks add: the others are created first,
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

// The id `rows` rows after `from`, or `cut` when fewer are left: ids need not be dense.
Result<qint64> chunkEnd(const Database &db, qint64 from, qint64 cut, qint64 rows)
{
    auto q = execQuery(db, QStringLiteral("SELECT id FROM ai_telemetry WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?"),
                       {from, rows - 1}, QStringLiteral("finding the next chunk of ai_telemetry"));
    if (!q)
        return q.error();
    if (!q->next())
        return cut;
    return std::min(cut, q->value(0).toLongLong());
}

// The UPDATE/DELETE triggers read build_done with a shared lock (InnoDB's locking read inside
// a writer's statement). A chunk first takes its rows, then build_done, and only then any
// derived row: a writer already holding one of the rows finishes (and is skipped) before the
// chunk goes on, and one reading build_done waits for the chunk while holding no derived row
// the chunk needs, so neither waits on the other in turn. SQLite has one writer at a time.
Status lockRange(const Database &db, qint64 from, qint64 to)
{
    if (!db.dialect().isMySql())
        return {};
    auto q =
        execQuery(db, QStringLiteral("SELECT COUNT(*) FROM ai_telemetry WHERE id > ? AND id <= ? LOCK IN SHARE MODE"),
                  {from, to}, QStringLiteral("locking the next chunk of ai_telemetry"));
    if (!q)
        return q.error();
    return {};
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

Status runChunks(const Database &db, qint64 done, qint64 cut, const ChunkedBuild &build, const ProgressFn &progress)
{
    const qint64 start = done;
    qint64 rows = g_fixedRows > 0 ? g_fixedRows : kFirstChunkRows;
    int chunks = 0;
    int reported = -1;
    while (done < cut) {
        if (g_maxChunks > 0 && chunks == g_maxChunks)
            return makeError(ErrorCode::Internal,
                             QStringLiteral("%1 stopped after %2 chunks").arg(build.what).arg(chunks));
        auto to = chunkEnd(db, done, cut, rows);
        if (!to)
            return to.error();
        QElapsedTimer timer;
        timer.start();
        Status added;
        for (int attempt = 0; attempt <= kDeadlockRetries; ++attempt) {
            added = inTransaction(db, [&]() -> Status {
                if (Status s = lockRange(db, done, *to); !s)
                    return s;
                if (Status s = build.recordDone(*to); !s)
                    return s;
                return build.addRows(done, *to);
            });
            if (added || !isDeadlock(added.error()))
                break;
            QThread::msleep(20);
        }
        if (!added)
            return added;
        done = *to;
        ++chunks;
        if (g_fixedRows <= 0) {
            // Toward the target time, at most doubling or halving a step: timings are noisy.
            const qint64 ms = std::max<qint64>(1, timer.elapsed());
            const qint64 next = rows * kTargetChunkMs / ms;
            rows = std::clamp(std::clamp(next, rows / 2, rows * 2), kMinChunkRows, kMaxChunkRows);
        }
        const int percent = int((done - start) * 100 / std::max<qint64>(1, cut - start));
        if (progress && (percent / 5 != reported / 5 || done == cut)) {
            reported = percent;
            progress(QStringLiteral("%1: %2 % (id %3 of %4)").arg(build.what).arg(percent).arg(done).arg(cut), percent);
        }
    }
    return {};
}

void setChunkLimitsForTesting(int rows, int maxChunks)
{
    g_fixedRows = rows;
    g_maxChunks = maxChunks;
}

}  // namespace atalaya
