#include "core/storage/ChunkedBuild.h"

#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "core/storage/MySqlStatement.h"
#include "core/storage/SqlUtil.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>

#include <mysql.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <future>
#include <limits>
#include <thread>

namespace atalaya {
namespace {

// Ids a scan query reads: its rows are held by the client library until the next query.
constexpr qint64 kScanIds = 100000;
// LOCK TABLES waits this long for another session's open transaction, and writers queue
// behind it meanwhile: give up and try again rather than hold them longer.
constexpr int kLockWaitSeconds = 1;
constexpr int kLockAttempts = 30;

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

Status endSnapshot(const Database &db, bool ok)
{
    if (db.dialect().isMySql())
        return execText(db, ok ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"),
                        QStringLiteral("closing the snapshot"));
    if (!ok) {
        rollbackTransaction(db);
        return {};
    }
    return commitTransaction(db);
}

// `arm` runs on a connection of its own (a thread's) and holds the rows it writes while this
// connection opens its snapshot, then commits: MySQL's consistent snapshot, or SQLite's read
// transaction in WAL mode (started by its first read; the arming holds the one write lock).
Status armAndSnapshot(const Database &db, const std::function<Status()> &arm)
{
    std::promise<Status> armed;
    std::promise<void> snapshotTaken;
    Status committed;
    std::thread armer([&] {
        Status s = beginTransaction(db);
        if (s)
            s = arm();
        const bool ok = s.ok();
        armed.set_value(s);
        if (ok) {
            snapshotTaken.get_future().wait();
            committed = commitTransaction(db);
        } else if (db.connection().isOpen()) {
            rollbackTransaction(db);
        }
        db.connection().close();
    });
    Status s = armed.get_future().get();
    bool opened = false;
    if (s && db.dialect().isMySql()) {
        s = execText(db, QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"),
                     QStringLiteral("choosing the snapshot's isolation"));
        if (s)
            s = execText(db, QStringLiteral("START TRANSACTION WITH CONSISTENT SNAPSHOT"),
                         QStringLiteral("opening a snapshot of ai_telemetry"));
        opened = s.ok();
    } else if (s) {
        s = beginTransaction(db);
        opened = s.ok();
        if (s)
            s = execText(db, QStringLiteral("SELECT 1 FROM ai_telemetry LIMIT 1"),
                         QStringLiteral("opening a snapshot of ai_telemetry"));
    }
    snapshotTaken.set_value();
    armer.join();
    if (s && !committed)
        s = committed;
    if (!s && opened)
        endSnapshot(db, false);
    return s;
}

qint64 integerOf(const char *text)
{
    if (!text)
        return 0;
    char *end = nullptr;
    const long long n = std::strtoll(text, &end, 10);
    return *end == '.' ? std::llround(std::strtod(text, nullptr)) : n;
}

// MySQL's rows as the text protocol hands them over: no value is converted twice.
class NativeRow final : public ScanRow {
public:
    MYSQL_ROW row = nullptr;
    unsigned long *lengths = nullptr;
    int first = 0;
    bool isNull(int c) const override { return !row[first + c]; }
    qint64 integer(int c) const override { return integerOf(row[first + c]); }
    QByteArray bytes(int c) const override
    {
        return row[first + c] ? QByteArray(row[first + c], qsizetype(lengths[first + c])) : QByteArray();
    }
};

class QueryRow final : public ScanRow {
public:
    const QSqlQuery *query = nullptr;
    int first = 0;
    bool isNull(int c) const override { return query->isNull(first + c); }
    qint64 integer(int c) const override
    {
        const QVariant v = query->value(first + c);
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        return ok ? n : std::llround(v.toDouble());
    }
    QByteArray bytes(int c) const override
    {
        const QVariant v = query->value(first + c);
        return v.typeId() == QMetaType::QByteArray ? v.toByteArray() : v.toString().toUtf8();
    }
};

struct ScanSql {
    QString select;  // up to the id range
    QVariantList values;
    std::vector<int> first;  // each part's first column
};

ScanSql scanSql(const std::vector<LiveScanPart *> &parts)
{
    ScanSql sql;
    QStringList columns{QStringLiteral("id")};
    for (const LiveScanPart *p : parts) {
        sql.first.push_back(int(columns.size()));
        columns << p->columns;
        sql.values << p->values;
    }
    sql.select = QStringLiteral("SELECT %1 FROM ai_telemetry").arg(columns.join(QStringLiteral(", ")));
    return sql;
}

// One read of the ids (from, to]; `each` gets every row's id and its row per part.
using EachRow = std::function<void(qint64 id, size_t part, const ScanRow &row)>;

// MySQL: the text protocol with the values written in (the driver escapes them), the whole
// range stored client-side before the rows are handed out: ~10 × faster than QSqlQuery's
// QVariant per value, and the connection is free again between reads.
Status readNative(const Database &db, const ScanSql &sql, const QString &literals, qint64 from, qint64 to, size_t parts,
                  const EachRow &each)
{
    const QString what = QStringLiteral("reading ai_telemetry");
    auto handle = mysqlHandle(db, what);
    if (!handle)
        return handle.error();
    MYSQL *mysql = *handle;
    const QByteArray text = (literals + QStringLiteral(" WHERE id > %1 AND id <= %2").arg(from).arg(to)).toUtf8();
    auto failed = [&] {
        return sqlError(db,
                        QSqlError(QString(), QString::fromUtf8(mysql_error(mysql)), QSqlError::StatementError,
                                  QString::number(mysql_errno(mysql))),
                        what);
    };
    if (mysql_real_query(mysql, text.constData(), static_cast<unsigned long>(text.size())) != 0)
        return failed();
    MYSQL_RES *result = mysql_store_result(mysql);
    if (!result)
        return failed();
    NativeRow row;
    while ((row.row = mysql_fetch_row(result))) {
        row.lengths = mysql_fetch_lengths(result);
        const qint64 id = integerOf(row.row[0]);
        for (size_t i = 0; i < parts; ++i) {
            row.first = sql.first[i];
            each(id, i, row);
        }
    }
    mysql_free_result(result);
    return {};
}

Status readQuery(const Database &db, QSqlQuery &q, const ScanSql &sql, qint64 from, qint64 to, size_t parts,
                 const EachRow &each)
{
    int p = 0;
    for (const QVariant &v : sql.values)
        q.bindValue(p++, v);
    q.bindValue(p++, from);
    q.bindValue(p, to);
    if (!q.exec())
        return sqlError(db, q.lastError(), QStringLiteral("reading ai_telemetry"));
    QueryRow row;
    row.query = &q;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        for (size_t i = 0; i < parts; ++i) {
            row.first = sql.first[i];
            each(id, i, row);
        }
    }
    q.finish();
    return {};
}

// The values of `sql` written into its text as literals.
QString withLiterals(const Database &db, const ScanSql &sql)
{
    const QSqlDriver *driver = db.connection().driver();
    QString text;
    qsizetype value = 0;
    for (QChar c : sql.select) {
        if (c != QLatin1Char('?') || value >= sql.values.size()) {
            text += c;
            continue;
        }
        const QVariant &v = sql.values[value++];
        QSqlField field(QString(), v.metaType());
        field.setValue(v);
        text += driver->formatValue(field);
    }
    return text;
}

Status scanRows(const Database &db, const std::vector<LiveScanPart *> &parts, qint64 cut, const ProgressFn &progress)
{
    const ScanSql sql = scanSql(parts);
    const bool native = db.dialect().isMySql();
    const QString literals = native ? withLiterals(db, sql) : QString();
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!native && !q.prepare(sql.select + QStringLiteral(" WHERE id > ? AND id <= ?")))
        return sqlError(db, q.lastError(), QStringLiteral("reading ai_telemetry"));
    const EachRow each = [&](qint64 id, size_t i, const ScanRow &row) {
        if (id <= parts[i]->cut)
            parts[i]->add(row);
    };
    const qint64 step = g_fixedRows > 0 ? g_fixedRows : kScanIds;
    int reads = 0;
    int reported = -1;
    for (qint64 from = 0; from < cut;) {
        if (g_maxChunks > 0 && reads == g_maxChunks)
            return makeError(ErrorCode::Internal, QStringLiteral("the scan stopped after %1 reads").arg(reads));
        const qint64 to = std::min(cut, from + step);
        if (Status s = native ? readNative(db, sql, literals, from, to, parts.size(), each)
                              : readQuery(db, q, sql, from, to, parts.size(), each);
            !s)
            return s;
        from = to;
        ++reads;
        const int percent = int(from * 100 / cut);
        if (progress && (percent / 5 != reported / 5 || from == cut)) {
            reported = percent;
            for (const LiveScanPart *part : parts)
                progress(QStringLiteral("%1: %2 % (id %3 of %4)").arg(part->what).arg(percent).arg(from).arg(cut),
                         percent);
        }
    }
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

Status runLiveScan(const Database &db, const std::vector<LiveScanPart *> &parts, const ProgressFn &progress)
{
    qint64 cut = 0;
    for (const LiveScanPart *p : parts)
        cut = std::max(cut, p->cut);
    Status armed = armAndSnapshot(db, [&]() -> Status {
        for (const LiveScanPart *p : parts) {
            if (Status s = p->arm(); !s)
                return s;
        }
        return {};
    });
    if (!armed)
        return armed;
    const Status read = scanRows(db, parts, cut, progress);
    if (Status s = endSnapshot(db, read.ok()); !s || !read)
        return read ? s : read;
    for (LiveScanPart *p : parts) {
        if (Status s = p->write(progress); !s)
            return s;
    }
    return {};
}

void setChunkLimitsForTesting(int rows, int maxChunks)
{
    g_fixedRows = rows;
    g_maxChunks = maxChunks;
}

}  // namespace atalaya
