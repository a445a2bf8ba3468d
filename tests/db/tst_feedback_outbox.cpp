#include "tests/support/OutboxTestKit.h"
#include "tests/support/TestDatabases.h"

#include "core/queue/FeedbackSender.h"
#include "core/queue/ReviewQueue.h"
#include "core/storage/SqlUtil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlError>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

using namespace atalaya;

using test::scalar;

// The outbox and the write path of the review page: idempotency keys, conflicts, order,
// permissions and persistence. The server-kill case is tst_outbox_fault.
class TestFeedbackOutbox : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    QTemporaryDir m_dir;
    std::vector<qint64> m_ids;

    static OutboxEntry entry(qint64 id, Feedback value, std::optional<QString> expected = QString())
    {
        return test::verdict(id, value, QStringLiteral("ana"), std::move(expected));
    }

private slots:
    void initTestCase()
    {
        auto fresh = test::freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        m_db = fresh.db;
        m_ids = test::seedPending(m_db, 10, QStringLiteral("a"), QStringLiteral("chat_response"), 0.5);
        QCOMPARE(m_ids.size(), size_t(10));
    }

    void outboxFileIsPrivateAndSurvivesReopen()
    {
        const QString path = m_dir.filePath(QStringLiteral("sub/outbox.db"));
        {
            auto outbox = FeedbackOutbox::open(path);
            QVERIFY2(outbox.ok(), qPrintable(outbox.ok() ? QString() : outbox.error().message));
            QVERIFY((*outbox)->enqueue(entry(m_ids[0], Feedback::Incorrect)).ok());
            QCOMPARE(*(*outbox)->size(), 1);
        }
        const QFileDevice::Permissions perms = QFileInfo(path).permissions();
        QVERIFY(perms.testFlag(QFileDevice::ReadOwner) && perms.testFlag(QFileDevice::WriteOwner));
        QCOMPARE(int(perms
                     & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther)),
                 0);
        auto reopened = FeedbackOutbox::open(path);
        QVERIFY(reopened.ok());
        auto entries = (*reopened)->entries();
        QCOMPARE(entries->size(), size_t(1));
        QCOMPARE(entries->front().telemetryId, m_ids[0]);
        QCOMPARE(entries->front().value, std::optional<Feedback>(Feedback::Incorrect));
        QCOMPARE(entries->front().expectedPrevious, std::optional<QString>(QString()));

        FeedbackRepository repo(m_db);
        const OutboxFlush flushed = (*reopened)->flush(*m_db, repo);
        QCOMPARE(flushed.delivered, 1);
        QCOMPARE(flushed.remaining, 0);
        QCOMPARE(
            scalar(*m_db,
                   QStringLiteral("SELECT COUNT(*) FROM ai_telemetry WHERE id = ? AND human_feedback = 'incorrect'"),
                   {m_ids[0]}),
            qint64(1));
    }

    // A write whose connection died (the server restarted, the cluster node went away) while a
    // new connection works at once: the verdict is delivered from the outbox in the same call,
    // not left for the next retry.
    void aLostConnectionDeliversOnTheNewOneAtOnce()
    {
        if (m_db->backend() != Backend::MySQL)
            QSKIP("needs a server that can end this thread's connection");
        const std::vector<qint64> ids =
            test::seedPending(m_db, 1, QStringLiteral("lost"), QStringLiteral("chat_response"), 0.5);
        QCOMPARE(ids.size(), size_t(1));
        auto outbox = test::openOutbox(m_dir.filePath(QStringLiteral("lost.db")));
        QVERIFY(outbox);
        FeedbackSender sender(m_db, outbox);
        const qint64 mine = scalar(*m_db, QStringLiteral("SELECT CONNECTION_ID()"));
        auto db = m_db;
        const bool killed = QtConcurrent::run([db, mine] {
                                return execStatement(*db, QStringLiteral("KILL %1").arg(mine), {},
                                                     QStringLiteral("ending the writer's connection"))
                                    .ok();
                            }).result();
        QVERIFY(killed);

        const SendOutcome out = sender.send(entry(ids[0], Feedback::PartiallyCorrect));
        QVERIFY2(out.kind == SendOutcome::Kind::Queued, qPrintable(out.message));
        QCOMPARE(out.outboxSize, 0);
        QCOMPARE(sender.outboxSize(), 0);
        QCOMPARE(scalar(*m_db,
                        QStringLiteral("SELECT COUNT(*) FROM ai_telemetry WHERE id = ? AND human_feedback = "
                                       "'partially_correct'"),
                        {ids[0]}),
                 qint64(1));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_audit WHERE telemetry_id = ?"),
                        {ids[0]}),
                 qint64(1));
    }

    void aWriteThatCommittedBeforeTheDropIsNotAppliedTwice()
    {
        auto outbox = FeedbackOutbox::open(m_dir.filePath(QStringLiteral("dup.db")));
        QVERIFY(outbox.ok());
        OutboxEntry e = entry(m_ids[1], Feedback::Correct);
        e.key = FeedbackOutbox::newKey();
        // The first attempt committed, but the client never saw the answer and queued it.
        FeedbackRepository repo(m_db);
        QVERIFY(repo.record({e.telemetryId, Feedback::Correct, e.reviewer, {}, QString(), e.key}).ok());
        QVERIFY((*outbox)->enqueue(e).ok());
        const OutboxFlush flushed = (*outbox)->flush(*m_db, repo);
        QCOMPARE(flushed.duplicates, 1);
        QCOMPARE(flushed.delivered, 0);
        QVERIFY(flushed.conflicts.empty());
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_audit WHERE telemetry_id = ?"),
                        {m_ids[1]}),
                 qint64(1));
    }

    void anotherReviewerMeanwhileIsAConflictNamingThem()
    {
        auto outbox = test::openOutbox(m_dir.filePath(QStringLiteral("conflict.db")));
        QVERIFY(outbox);
        FeedbackSender mine(m_db, outbox);
        FeedbackRequest theirs;
        theirs.telemetryId = m_ids[2];
        theirs.value = Feedback::Incorrect;
        theirs.reviewer = QStringLiteral("bruno");
        QVERIFY(FeedbackRepository(m_db).record(theirs).ok());

        const SendOutcome out = mine.send(entry(m_ids[2], Feedback::Correct, QString()));
        QCOMPARE(out.kind, SendOutcome::Kind::Conflict);
        QVERIFY2(out.message.contains(QLatin1String("bruno")) && out.message.contains(QLatin1String("incorrect")),
                 qPrintable(out.message));
        QCOMPARE(
            scalar(*m_db,
                   QStringLiteral("SELECT COUNT(*) FROM ai_telemetry WHERE id = ? AND human_feedback = 'incorrect'"),
                   {m_ids[2]}),
            qint64(1));

        // The reviewer chose to overwrite: expected is now what they were shown.
        const SendOutcome overwrite = mine.send(entry(m_ids[2], Feedback::Correct, QStringLiteral("incorrect")));
        QCOMPARE(overwrite.kind, SendOutcome::Kind::Written);
        QCOMPARE(overwrite.result.previous, QStringLiteral("incorrect"));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_audit WHERE telemetry_id = ?"),
                        {m_ids[2]}),
                 qint64(2));
    }

    void undoRestoresPendingAndIsAudited()
    {
        FeedbackSender sender(m_db, nullptr);
        QCOMPARE(sender.send(entry(m_ids[3], Feedback::PartiallyCorrect)).kind, SendOutcome::Kind::Written);
        OutboxEntry undo;
        undo.telemetryId = m_ids[3];
        undo.restore = true;
        undo.expectedPrevious = QStringLiteral("partially_correct");
        undo.reviewer = QStringLiteral("ana");
        QCOMPARE(sender.send(undo).kind, SendOutcome::Kind::Written);
        QCOMPARE(
            scalar(
                *m_db,
                QStringLiteral(
                    "SELECT COUNT(*) FROM ai_telemetry WHERE id = ? AND human_feedback IS NULL AND accuracy IS NULL"),
                {m_ids[3]}),
            qint64(1));
        QCOMPARE(scalar(*m_db,
                        QStringLiteral(
                            "SELECT COUNT(*) FROM atalaya_feedback_audit WHERE telemetry_id = ? AND new_value IS NULL"),
                        {m_ids[3]}),
                 qint64(1));
    }

    void newWritesQueueBehindAWaitingOutboxInOrder()
    {
        auto outbox = test::openOutbox(m_dir.filePath(QStringLiteral("order.db")));
        QVERIFY(outbox);
        QVERIFY(outbox->enqueue(entry(m_ids[4], Feedback::Correct)).ok());
        FeedbackSender sender(m_db, outbox);
        OutboxEntry undo;
        undo.telemetryId = m_ids[4];
        undo.restore = true;
        undo.expectedPrevious = QStringLiteral("correct");
        undo.reviewer = QStringLiteral("ana");
        const SendOutcome out = sender.send(undo);
        QCOMPARE(out.kind, SendOutcome::Kind::Queued);
        QCOMPARE(out.outboxSize, 0);  // both delivered, the record first
        QCOMPARE(scalar(*m_db,
                        QStringLiteral("SELECT COUNT(*) FROM ai_telemetry WHERE id = ? AND human_feedback IS NULL"),
                        {m_ids[4]}),
                 qint64(1));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_audit WHERE telemetry_id = ?"),
                        {m_ids[4]}),
                 qint64(2));
    }

    // A verdict waiting in the outbox is left out of the counts once, and once delivered it is
    // not left out again: the page passes what it decided, which may already be written.
    void countsLeaveOutWaitingVerdictsExactlyOnce()
    {
        const ReviewQueue queue(m_db, ReviewRules::defaults());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto before = queue.counts({}, now);
        QVERIFY(before.ok());
        const qint64 id = m_ids[6];
        auto outbox = test::openOutbox(m_dir.filePath(QStringLiteral("counts.db")));
        QVERIFY(outbox);
        QVERIFY(outbox->enqueue(entry(id, Feedback::Incorrect)).ok());
        auto waiting = queue.countsWithout({}, now, {id});
        QVERIFY(waiting.ok());
        QCOMPARE(waiting->all(), before->all() - 1);
        QCOMPARE(waiting->total[0], before->total[0] - 1);  // confidence 0.5: P0

        FeedbackRepository repo(m_db);
        QCOMPARE(outbox->flush(*m_db, repo).delivered, 1);
        auto delivered = queue.countsWithout({}, now, {id});
        QVERIFY(delivered.ok());
        QCOMPARE(delivered->all(), before->all() - 1);
        auto plain = queue.counts({}, now);
        QCOMPARE(plain->all(), before->all() - 1);
    }

    // Another program holds a write lock (a SQLite write transaction, a MariaDB LOCK TABLES):
    // the page may still give verdicts, they wait in the outbox with a message that names the
    // lock (and for SQLite the file), not a server, and are written once each after release.
    void lockedDatabaseQueuesAndDeliversOnceAfterRelease()
    {
        auto url = DbUrl::parse(m_db->url().toString());
        QVERIFY(url.ok());
        DatabaseOptions options;
        options.lockWaitTimeoutSeconds = 1;
        const QString password =
            test::currentBackend() == test::TestBackend::MariaDB ? test::mariadbInfo().value(QStringLiteral("PASSWORD"))
                                                                 : QString();
        auto opened = Database::open(*url, password, options);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        std::shared_ptr<Database> writer = *opened;
        const bool sqlite = test::currentBackend() == test::TestBackend::SQLite;
        const qint64 first = m_ids[7];
        const qint64 second = m_ids[8];

        QSqlQuery holder(m_db->connection());
        QVERIFY2(holder.exec(sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("LOCK TABLES ai_telemetry WRITE")),
                 qPrintable(holder.lastError().text()));

        QElapsedTimer probing;
        probing.start();
        auto access = ReviewQueue(writer, ReviewRules::defaults()).writeAccess();
        QVERIFY2(access.ok(), qPrintable(access.ok() ? QString() : access.error().message));
        QVERIFY2(access->writable, qPrintable(access->reason));
        QVERIFY2(access->reason.contains(QLatin1String("locked")) || access->reason.contains(QLatin1String("lock")),
                 qPrintable(access->reason));
        QVERIFY2(probing.elapsed() < 5000, qPrintable(QString::number(probing.elapsed())));

        auto outbox = test::openOutbox(m_dir.filePath(QStringLiteral("locked.db")));
        QVERIFY(outbox);
        FeedbackSender sender(writer, outbox);
        const SendOutcome queued = sender.send(entry(first, Feedback::Incorrect));
        QVERIFY2(queued.kind == SendOutcome::Kind::Queued, qPrintable(queued.message));
        QVERIFY2(queued.message.contains(QLatin1String("lock")), qPrintable(queued.message));
        QVERIFY2(!queued.message.contains(QLatin1String("server is running")), qPrintable(queued.message));
        if (sqlite) {
            QVERIFY2(!queued.message.contains(QLatin1String("server")), qPrintable(queued.message));
            QVERIFY2(queued.message.contains(QDir::toNativeSeparators(url->path)), qPrintable(queued.message));
        }
        QCOMPARE(sender.send(entry(second, Feedback::Correct)).kind, SendOutcome::Kind::Queued);
        QCOMPARE(sender.outboxSize(), 2);
        QCOMPARE(sender.retry(true).remaining, 2);

        QVERIFY(holder.exec(sqlite ? QStringLiteral("COMMIT") : QStringLiteral("UNLOCK TABLES")));
        const OutboxFlush flushed = sender.retry(true);
        QCOMPARE(flushed.delivered, 2);
        QCOMPARE(flushed.remaining, 0);
        QCOMPARE(sender.retry(true).delivered, 0);
        for (qint64 id : {first, second})
            QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_audit WHERE telemetry_id = ?"),
                            {id}),
                     qint64(1));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM ai_telemetry WHERE id = ? AND human_feedback = ?"),
                        {first, QStringLiteral("incorrect")}),
                 qint64(1));
        QCOMPARE(scalar(*m_db, QStringLiteral("SELECT COUNT(*) FROM ai_telemetry WHERE id = ? AND human_feedback = ?"),
                        {second, QStringLiteral("correct")}),
                 qint64(1));
    }

    void readOnlyAccountIsDetected()
    {
        auto access = ReviewQueue(m_db, ReviewRules::defaults()).writeAccess();
        QVERIFY2(access.ok(), qPrintable(access.ok() ? QString() : access.error().message));
        QVERIFY(access->writable);
        if (test::currentBackend() != test::TestBackend::MariaDB)
            return;
        const auto info = test::mariadbInfo();
        auto url = DbUrl::parse(test::readOnlyUrl(m_db->url().toString()));
        QVERIFY(url.ok());
        auto ro = Database::open(*url, info.value(QStringLiteral("READONLY_PASSWORD")));
        QVERIFY2(ro.ok(), qPrintable(ro.ok() ? QString() : ro.error().message));
        ReviewQueue queue(*ro, ReviewRules::defaults());
        auto roAccess = queue.writeAccess();
        QVERIFY(roAccess.ok());
        QVERIFY(!roAccess->writable);
        QVERIFY2(roAccess->reason.contains(QLatin1String("privilege")), qPrintable(roAccess->reason));
        QVERIFY(queue.items({}).ok());  // the queue stays visible
        QCOMPARE(scalar(*m_db,
                        QStringLiteral("SELECT COUNT(*) FROM ai_telemetry WHERE id = ? AND human_feedback IS NULL"),
                        {m_ids[5]}),
                 qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestFeedbackOutbox)
#include "tst_feedback_outbox.moc"
