#include "core/queue/FeedbackOutbox.h"

#include "core/common/TimeUtil.h"
#include "core/logging/Logging.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/FeedbackRepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

namespace atalaya {
namespace {

const QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QVariant nullable(const std::optional<QString> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<QString>());
}

// A null QString binds as SQL NULL; these columns are NOT NULL text.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

OutboxEntry entryFrom(const QSqlQuery &q)
{
    OutboxEntry e;
    e.key = q.value(0).toString();
    e.telemetryId = q.value(1).toLongLong();
    e.restore = q.value(2).toInt() != 0;
    if (!q.value(3).isNull())
        e.value = feedbackFromString(q.value(3).toString());
    if (q.value(4).toInt() != 0)
        e.expectedPrevious = q.value(5).toString();
    e.reviewer = q.value(6).toString();
    e.note = q.value(7).toString();
    e.createdAt = fromDbDateTime(q.value(8));
    e.attempts = q.value(9).toInt();
    e.nextAttemptAt = fromDbDateTime(q.value(10));
    e.lastError = q.value(11).toString();
    e.role = reviewRoleFromString(q.value(12).toString()).value_or(ReviewRole::First);
    return e;
}

}  // namespace

FeedbackOutbox::FeedbackOutbox(QString path, std::shared_ptr<Database> store)
    : m_path(std::move(path)), m_store(std::move(store))
{
}

FeedbackOutbox::~FeedbackOutbox() = default;

QString FeedbackOutbox::defaultPath(const QString &databaseUrl)
{
    const QByteArray hash = QCryptographicHash::hash(databaseUrl.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + QStringLiteral("/feedback-outbox-%1.db").arg(QString::fromLatin1(hash));
}

QString FeedbackOutbox::newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

int FeedbackOutbox::backoffSeconds(int attempts)
{
    return std::min(8, 1 << std::clamp(attempts - 1, 0, 3));
}

Result<std::unique_ptr<FeedbackOutbox>> FeedbackOutbox::open(const QString &path)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return makeError(
            ErrorCode::Unavailable,
            QStringLiteral("cannot create the folder %1 for the feedback outbox").arg(info.absolutePath()));
    {
        // Created 0600 in one step, before SQLite (whose journal files copy these modes).
        QFile file(path);
        if (!file.open(QIODevice::ReadWrite, kOwnerOnly))
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("cannot open the feedback outbox %1: %2").arg(path, file.errorString()));
        file.setPermissions(kOwnerOnly);
    }
    auto url = DbUrl::parse(QStringLiteral("sqlite:") + info.absoluteFilePath());
    if (!url)
        return url.error();
    auto store = Database::open(*url, {});
    if (!store)
        return store.error();
    if (Status s =
            execStatement(**store,
                          QStringLiteral("CREATE TABLE IF NOT EXISTS outbox ("
                                         "seq INTEGER PRIMARY KEY AUTOINCREMENT, client_key TEXT NOT NULL UNIQUE,"
                                         " telemetry_id INTEGER NOT NULL, is_restore INTEGER NOT NULL,"
                                         " value TEXT NULL, has_expected INTEGER NOT NULL,"
                                         " expected_previous TEXT NULL, reviewer TEXT NOT NULL, note TEXT NOT NULL,"
                                         " created_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
                                         " next_attempt_at TEXT NOT NULL, last_error TEXT NOT NULL DEFAULT '',"
                                         " role TEXT NOT NULL DEFAULT 'first')"),
                          {}, QStringLiteral("creating the feedback outbox"));
        !s)
        return s.error();
    // An outbox written before double review holds first reviews only.
    auto columns =
        execQuery(**store, QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('outbox') WHERE name = 'role'"), {},
                  QStringLiteral("reading the feedback outbox's columns"));
    if (!columns)
        return columns.error();
    if (columns->next() && columns->value(0).toInt() == 0) {
        columns->finish();
        if (Status s = execStatement(**store,
                                     QStringLiteral("ALTER TABLE outbox ADD COLUMN role TEXT NOT NULL DEFAULT 'first'"),
                                     {}, QStringLiteral("upgrading the feedback outbox"));
            !s)
            return s.error();
    }
    return std::unique_ptr<FeedbackOutbox>(new FeedbackOutbox(info.absoluteFilePath(), *store));
}

Result<QString> FeedbackOutbox::enqueue(OutboxEntry e)
{
    if (e.key.isEmpty())
        e.key = newKey();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!e.createdAt.isValid())
        e.createdAt = now;
    if (!e.nextAttemptAt.isValid())
        e.nextAttemptAt = now;
    QVariant value(QMetaType::fromType<QString>());
    if (e.value)
        value = feedbackToString(*e.value);
    if (Status s =
            execStatement(*m_store,
                          QStringLiteral("INSERT INTO outbox (client_key, telemetry_id, is_restore, value,"
                                         " has_expected, expected_previous, reviewer, note, created_at,"
                                         " attempts, next_attempt_at, last_error, role)"
                                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                          {e.key, e.telemetryId, e.restore ? 1 : 0, value, e.expectedPrevious ? 1 : 0,
                           nullable(e.expectedPrevious), text(e.reviewer), text(e.note), toDbDateTime(e.createdAt),
                           e.attempts, toDbDateTime(e.nextAttemptAt), text(e.lastError), reviewRoleToString(e.role)},
                          QStringLiteral("storing feedback in the outbox"));
        !s)
        return s.error();
    logEvent(lcTelemetry(), QtInfoMsg, QStringLiteral("feedback queued in the outbox"),
             {{QStringLiteral("telemetry_id"), e.telemetryId}, {QStringLiteral("key"), e.key}});
    return e.key;
}

Result<int> FeedbackOutbox::size() const
{
    auto q =
        execQuery(*m_store, QStringLiteral("SELECT COUNT(*) FROM outbox"), {}, QStringLiteral("counting the outbox"));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Result<std::vector<OutboxEntry>> FeedbackOutbox::entries() const
{
    auto q = execQuery(*m_store,
                       QStringLiteral("SELECT client_key, telemetry_id, is_restore, value, has_expected,"
                                      " expected_previous, reviewer, note, created_at, attempts, next_attempt_at,"
                                      " last_error, role FROM outbox ORDER BY seq"),
                       {}, QStringLiteral("reading the outbox"));
    if (!q)
        return q.error();
    std::vector<OutboxEntry> out;
    while (q->next())
        out.push_back(entryFrom(*q));
    return out;
}

Status FeedbackOutbox::remove(const QString &key)
{
    return execStatement(*m_store, QStringLiteral("DELETE FROM outbox WHERE client_key = ?"), {key},
                         QStringLiteral("removing a delivered outbox entry"));
}

OutboxFlush FeedbackOutbox::flush(const Database &target, const FeedbackRepository &repo, bool force)
{
    OutboxFlush report;
    auto all = entries();
    if (!all) {
        report.lastError = all.error().message;
        return report;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    size_t i = 0;
    for (; i < all->size(); ++i) {
        const OutboxEntry &e = (*all)[i];
        // Strict order: a later entry (an undo) never overtakes an earlier one.
        if (!force && e.nextAttemptAt > now)
            break;
        Result<FeedbackResult> written = e.restore
            ? repo.restore({e.telemetryId, e.value, e.reviewer, e.note, e.expectedPrevious, e.key, e.role})
            : repo.record({e.telemetryId, e.value.value_or(Feedback::Correct), e.reviewer, e.note, e.expectedPrevious,
                           e.key, e.role});
        if (written) {
            written->alreadyApplied ? ++report.duplicates : ++report.delivered;
        } else if (written.error().code == ErrorCode::Conflict) {
            report.conflicts.emplace_back(e, written.error().message);
        } else if (written.error().code == ErrorCode::NotFound || written.error().code == ErrorCode::Usage) {
            report.rejected.emplace_back(e, written.error().message);
        } else {
            report.lastError = written.error().message;
            execStatement(*m_store,
                          QStringLiteral("UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?"
                                         " WHERE client_key = ?"),
                          {e.attempts + 1, toDbDateTime(now.addSecs(backoffSeconds(e.attempts + 1))),
                           text(report.lastError), e.key},
                          QStringLiteral("scheduling an outbox retry"));
            // The server may be back on the next attempt; this thread's handle is dead.
            target.reconnect();
            break;
        }
        if (Status s = remove(e.key); !s) {
            report.lastError = s.error().message;
            break;
        }
    }
    auto left = size();
    report.remaining = left ? *left : static_cast<int>(all->size() - i);
    return report;
}

}  // namespace atalaya
