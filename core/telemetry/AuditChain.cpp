#include "core/telemetry/AuditChain.h"

#include "core/logging/Logging.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QCryptographicHash>

namespace atalaya::auditchain {
namespace {

// Audit rows read and linked per statement while chaining. Qt's SQLite driver looks up every
// placeholder's name per bind, which grows with the square of their number: 100 rows (400
// values) a statement chained 101 k rows in 6.5 s where 500 took 15.8 s (SQLite, loaded machine).
constexpr int kChainBatch = 100;

void appendJsonString(QString &out, const QString &text)
{
    out += QLatin1Char('"');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': out += QLatin1String("\\\""); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\r': out += QLatin1String("\\r"); break;
        case '\t': out += QLatin1String("\\t"); break;
        case '\b': out += QLatin1String("\\b"); break;
        case '\f': out += QLatin1String("\\f"); break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
}

void appendOptional(QString &out, const std::optional<QString> &text)
{
    if (text)
        appendJsonString(out, *text);
    else
        out += QLatin1String("null");
}

std::optional<QString> optionalText(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toString();
}

QStringList migrationStatements(const Dialect &d)
{
    QStringList s;
    s << QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (seq BIGINT NOT NULL PRIMARY KEY, audit_id BIGINT NOT NULL,"
                        " prev_hash CHAR(64) NOT NULL, row_hash CHAR(64) NOT NULL%2)%3")
             .arg(QLatin1String(kChainTable),
                  d.supportsInlineIndexes() ? QStringLiteral(", UNIQUE INDEX idx_audit_chain_audit (audit_id)")
                                            : QString(),
                  d.tableSuffix());
    if (!d.supportsInlineIndexes())
        s << QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS idx_audit_chain_audit ON %1 (audit_id)")
                 .arg(QLatin1String(kChainTable));
    s << QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (id INT NOT NULL PRIMARY KEY, seq BIGINT NOT NULL,"
                        " row_hash CHAR(64) NOT NULL, max_audit_id BIGINT NOT NULL)%2")
             .arg(QLatin1String(kHeadTable), d.tableSuffix());
    s << QStringLiteral("INSERT %1 INTO %2 (id, seq, row_hash, max_audit_id) VALUES (1, 0, '%3', 0)")
             .arg(d.isMySql() ? QStringLiteral("IGNORE") : QStringLiteral("OR IGNORE"), QLatin1String(kHeadTable),
                  QLatin1String(kGenesisHash));
    return s;
}

struct Head {
    qint64 seq = 0;
    QString hash;
    qint64 maxAuditId = 0;
};

Result<Head> readHead(const Database &db, bool locking)
{
    auto q = execQuery(db,
                       QStringLiteral("SELECT seq, row_hash, max_audit_id FROM %1 WHERE id = 1")
                               .arg(QLatin1String(kHeadTable))
                           + (locking ? db.dialect().forUpdate() : QString()),
                       {}, QStringLiteral("reading the audit chain head"));
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::Unavailable, QStringLiteral("the audit chain head row is missing from %1 — run "
                                                                "`atalaya-cli init` to restore it")
                                                     .arg(QLatin1String(kHeadTable)));
    return Head{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong()};
}

Status insertLinks(const Database &db, const std::vector<ChainedRow> &rows, const QStringList &hashes)
{
    if (rows.empty())
        return {};
    QStringList tuples;
    QVariantList values;
    for (size_t i = 0; i < rows.size(); ++i) {
        tuples << QStringLiteral("(?, ?, ?, ?)");
        values << rows[i].seq << rows[i].auditId << rows[i].prevHash << hashes[int(i)];
    }
    return execStatement(db,
                         QStringLiteral("INSERT INTO %1 (seq, audit_id, prev_hash, row_hash) VALUES ")
                                 .arg(QLatin1String(kChainTable))
                             + tuples.join(QLatin1String(", ")),
                         values, QStringLiteral("linking audit rows into the chain"));
}

}  // namespace

QByteArray canonicalText(const ChainedRow &row)
{
    QString out = QStringLiteral("[%1,%2,%3,").arg(row.seq).arg(row.auditId).arg(row.telemetryId);
    appendOptional(out, row.previousValue);
    out += QLatin1Char(',');
    appendOptional(out, row.newValue);
    out += QLatin1Char(',');
    appendOptional(out, row.reviewer);
    out += QLatin1Char(',');
    appendOptional(out, row.note);
    out += QLatin1Char(',');
    appendOptional(out, row.clientHost);
    out += QLatin1Char(',');
    appendJsonString(out, row.createdAt);
    out += QLatin1Char(',');
    appendJsonString(out, row.prevHash);
    out += QLatin1Char(']');
    return out.toUtf8();
}

QString rowHash(const ChainedRow &row)
{
    return QString::fromLatin1(QCryptographicHash::hash(canonicalText(row), QCryptographicHash::Sha256).toHex());
}

QString createdAtText(const Dialect &d, const QString &alias)
{
    return d.isMySql() ? QStringLiteral("DATE_FORMAT(%1.created_at, '%Y-%m-%d %H:%i:%s.%f')").arg(alias)
                       : QStringLiteral("CAST(%1.created_at AS TEXT)").arg(alias);
}

QString auditColumns(const Dialect &d, const QString &alias)
{
    return QStringLiteral("%1.id, %1.telemetry_id, %1.previous_value, %1.new_value, %1.reviewer, %1.note,"
                          " %1.client_host, ")
               .arg(alias)
        + createdAtText(d, alias);
}

ChainedRow rowFromQuery(const QSqlQuery &q, int first)
{
    ChainedRow r;
    r.auditId = q.value(first).toLongLong();
    r.telemetryId = q.value(first + 1).toLongLong();
    r.previousValue = optionalText(q.value(first + 2));
    r.newValue = optionalText(q.value(first + 3));
    r.reviewer = optionalText(q.value(first + 4));
    r.note = optionalText(q.value(first + 5));
    r.clientHost = optionalText(q.value(first + 6));
    r.createdAt = q.value(first + 7).toString();
    return r;
}

std::vector<Migration> migrations()
{
    return {{2, QStringLiteral("feedback_audit_chain"), migrationStatements}};
}

QStringList triggerNames()
{
    return {QStringLiteral("atalaya_audit_no_update"), QStringLiteral("atalaya_audit_no_delete"),
            QStringLiteral("atalaya_audit_chain_no_update"), QStringLiteral("atalaya_audit_chain_no_delete")};
}

QStringList triggerStatements(const Dialect &d)
{
    const QStringList names = triggerNames();
    const QString tables[] = {QLatin1String(kAuditTable), QLatin1String(kChainTable)};
    const QString events[] = {QStringLiteral("UPDATE"), QStringLiteral("DELETE")};
    QStringList out;
    for (int t = 0; t < 2; ++t) {
        for (int e = 0; e < 2; ++e) {
            const QString message = QStringLiteral("%1 is append-only: %2 refused").arg(tables[t], events[e]);
            // No `;` in the MySQL form: one statement, which every client runs without DELIMITER.
            out << (d.isMySql() ? QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 FOR EACH ROW"
                                                 " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '%4'")
                                : QStringLiteral("CREATE TRIGGER IF NOT EXISTS %1 BEFORE %2 ON %3"
                                                 " BEGIN SELECT RAISE(ABORT, '%4'); END"))
                       .arg(names[t * 2 + e], events[e], tables[t], message);
        }
    }
    return out;
}

Result<QStringList> missingTriggerSql(const Database &db)
{
    auto existing = triggersOn(db, {QLatin1String(kAuditTable), QLatin1String(kChainTable)},
                               QStringLiteral("listing the triggers on the audit log"));
    if (!existing)
        return existing.error();
    const QStringList names = triggerNames();
    const QStringList statements = triggerStatements(db.dialect());
    QStringList sql;
    for (int i = 0; i < names.size(); ++i) {
        if (!existing->contains(names[i], Qt::CaseInsensitive))
            sql << statements[i];
    }
    return sql;
}

Result<bool> installTriggers(const Database &db)
{
    auto missing = missingTriggerSql(db);
    if (!missing)
        return missing.error();
    for (const QString &sql : *missing) {
        if (Status s = execStatement(db, sql, {}, QStringLiteral("creating the audit log's append-only triggers"));
            !s) {
            if (isPermissionDenied(s.error())) {
                qCWarning(lcStorage) << "audit triggers unavailable:" << s.error().message;
                return false;
            }
            return s.error();
        }
    }
    return true;
}

Status lockChain(const Database &db)
{
    // MySQL: a locking read of the head row. SQLite: a write, which takes the database's write
    // lock now rather than at the first insert (a deferred transaction that read first could
    // not upgrade once another writer committed).
    if (db.dialect().isMySql()) {
        auto head = readHead(db, true);
        if (!head)
            return head.error();
        return {};
    }
    return execStatement(db, QStringLiteral("UPDATE %1 SET seq = seq WHERE id = 1").arg(QLatin1String(kHeadTable)),
                         {}, QStringLiteral("locking the audit chain"));
}

Result<qint64> chainNewRows(const Database &db)
{
    auto head = readHead(db, true);
    if (!head)
        return head.error();
    Head h = *head;
    qint64 linked = 0;
    for (;;) {
        auto q = execQuery(db,
                           QStringLiteral("SELECT %1 FROM %2 a WHERE a.id > ? ORDER BY a.id LIMIT %3")
                                   .arg(auditColumns(db.dialect(), QStringLiteral("a")), QLatin1String(kAuditTable))
                                   .arg(kChainBatch)
                               + db.dialect().forUpdate(),
                           {h.maxAuditId}, QStringLiteral("reading the audit rows to chain"));
        if (!q)
            return q.error();
        std::vector<ChainedRow> rows;
        QStringList hashes;
        while (q->next()) {
            ChainedRow r = rowFromQuery(*q, 0);
            r.seq = ++h.seq;
            r.prevHash = h.hash;
            h.hash = rowHash(r);
            h.maxAuditId = r.auditId;
            hashes << h.hash;
            rows.push_back(std::move(r));
        }
        q->finish();
        if (rows.empty())
            break;
        if (Status s = insertLinks(db, rows, hashes); !s)
            return s.error();
        linked += qint64(rows.size());
        if (int(rows.size()) < kChainBatch)
            break;
    }
    if (linked == 0)
        return qint64(0);
    if (Status s = execStatement(
            db,
            QStringLiteral("UPDATE %1 SET seq = ?, row_hash = ?, max_audit_id = ? WHERE id = 1")
                .arg(QLatin1String(kHeadTable)),
            {h.seq, h.hash, h.maxAuditId}, QStringLiteral("moving the audit chain head"));
        !s)
        return s.error();
    return linked;
}

Result<qint64> chainPending(const Database &db)
{
    auto head = readHead(db, false);
    if (!head)
        return head.error();
    auto newest = execQuery(db, QStringLiteral("SELECT MAX(id) FROM %1").arg(QLatin1String(kAuditTable)), {},
                            QStringLiteral("reading the newest audit row"));
    if (!newest)
        return newest.error();
    if (!newest->next() || newest->value(0).isNull() || newest->value(0).toLongLong() <= head->maxAuditId)
        return qint64(0);
    newest->finish();
    auto linked = inTransaction(db, [&db]() -> Result<qint64> {
        if (Status s = lockChain(db); !s)
            return s.error();
        return chainNewRows(db);
    });
    if (linked && *linked > 0)
        qCInfo(lcStorage) << "chained" << *linked << "audit rows";
    return linked;
}

}  // namespace atalaya::auditchain
