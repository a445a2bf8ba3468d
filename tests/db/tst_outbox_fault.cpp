#include "tests/support/OutboxTestKit.h"
#include "tests/support/TestDatabases.h"

#include "ui/review/ReviewQueueModel.h"
#include "ui/review/ReviewQueuePage.h"
#include "core/queue/FeedbackSender.h"
#include "ui/review/FeedbackFlow.h"
#include "ui/review/PriorityCountChips.h"
#include "core/settings/Settings.h"
#include "core/storage/DbUrl.h"
#include "core/setup/SchemaInstaller.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/AuditVerify.h"

#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;
using test::auditRowsOf;
using test::feedbackOf;
using test::scalar;

// docs/RELIABILITY.md §No verdict lost: a private MariaDB (so the shared fixture survives) is killed
// with SIGKILL in the middle of a review session; feedback recorded meanwhile goes to the
// outbox; the server restarts on the same datadir and port; every click arrives exactly once.
// Once through the write path alone, once through the review page with its counts, and with
// another reviewer judging an item while it waited in the outbox.
class TestOutboxFault : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::PrivateMariaDb> m_server;

    // The review page's table, which the keys go to, and its row count.
    static QTableView *table(ReviewQueuePage &page)
    {
        return page.findChild<QTableView *>(QStringLiteral("reviewTable"));
    }
    static int rowCount(ReviewQueuePage &page) { return table(page)->model()->rowCount(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<test::PrivateMariaDb>(QStringLiteral(ATALAYA_FIXTURE_SCRIPT),
                                                          m_dir.filePath(QStringLiteral("server")));
        QVERIFY(m_server->start());
    }

    void cleanupTestCase() { m_server.reset(); }

    void killedServerLosesNothing()
    {
        std::shared_ptr<Database> db = m_server->createDatabase(QStringLiteral("fault"));
        QVERIFY(db);
        const std::vector<qint64> ids =
            test::seedPending(db, 30, QStringLiteral("fault"), QStringLiteral("deployment_risk"), 0.6);
        QCOMPARE(ids.size(), size_t(30));

        auto outbox = test::openOutbox(m_dir.filePath(QStringLiteral("outbox.db")));
        QVERIFY(outbox);
        FeedbackSender sender(db, outbox);
        const Feedback values[] = {Feedback::Correct, Feedback::Incorrect, Feedback::PartiallyCorrect};
        auto click = [&](qint64 id) {
            return sender.send(test::verdict(id, values[id % 3], QStringLiteral("reviewer-%1").arg(id % 2)));
        };

        size_t next = 0;
        for (int i = 0; i < 10; ++i)
            QCOMPARE(click(ids[next++]).kind, SendOutcome::Kind::Written);

        QVERIFY(m_server->kill());
        for (int queued = 1; queued <= 10; ++queued) {
            const SendOutcome out = click(ids[next++]);
            QVERIFY2(out.kind == SendOutcome::Kind::Queued, qPrintable(out.message));
            QCOMPARE(out.outboxSize, queued);
        }
        QCOMPARE(sender.retry(true).remaining, 10);

        QVERIFY(m_server->restart());
        QElapsedTimer drain;
        drain.start();
        int remaining = sender.outboxSize();
        while (remaining > 0 && drain.elapsed() < 30000) {
            remaining = sender.retry(true).remaining;
            if (remaining > 0)
                QTest::qWait(200);
        }
        QCOMPARE(remaining, 0);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(click(ids[next++]).kind, SendOutcome::Kind::Written);

        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM ai_telemetry WHERE human_feedback IS NOT NULL")),
                 qint64(30));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_audit")), qint64(30));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(DISTINCT telemetry_id) FROM atalaya_feedback_audit")),
                 qint64(30));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_keys")), qint64(30));
        for (qint64 id : ids)
            QCOMPARE(feedbackOf(*db, id), feedbackToString(values[id % 3]));
        // Writes cut by the server's death left no half link: the chain holds exactly the 30 rows.
        auto chain = auditchain::verify(*db);
        QVERIFY(chain.ok());
        QVERIFY2(chain->intact(), qPrintable(chain->firstBreak ? chain->firstBreak->message : QString()));
        QCOMPARE(chain->chained, qint64(30));
        QCOMPARE(chain->unchained, qint64(0));
    }

    // The page while the server is down: verdicts leave the queue at once and wait in the
    // outbox (status bar count), the P0 count drops once per verdict and not again when they
    // are delivered, and an item someone else judged meanwhile is asked about, not overwritten.
    void reviewPageDeliversOnceAfterRecoveryAndAsksOnConflict()
    {
        std::shared_ptr<Database> db = m_server->createDatabase(QStringLiteral("pagefault"));
        QVERIFY(db);
        const std::vector<qint64> ids =
            test::seedPending(db, 6, QStringLiteral("page"), QStringLiteral("chat_response"), 0.5);
        QCOMPARE(ids.size(), size_t(6));
        Settings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        settings.setReviewer(QStringLiteral("ana"));
        ReviewQueuePage page({db, &settings});
        QStringList asked;
        page.setConflictResolver([&](const QString &message) {
            asked << message;
            return false;
        });
        QSignalSpy outboxSizes(&page, &ReviewQueuePage::outboxCountChanged);
        page.resize(1200, 800);
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(15000));
        auto *chips = page.findChild<PriorityCountChips *>();
        QVERIFY(chips);
        QCOMPARE(chips->counts().total[0], qint64(6));
        QCOMPARE(rowCount(page), 6);

        QVERIFY(m_server->kill());
        QSignalSpy settled(&page, &ReviewQueuePage::feedbackSettled);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(table(page), Qt::Key_2);
        QCOMPARE(rowCount(page), 3);
        QCOMPARE(chips->counts().total[0], qint64(3));
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 3, 30000);
        QCOMPARE(page.outboxSize(), 3);
        QVERIFY(!outboxSizes.isEmpty());
        QCOMPARE(outboxSizes.last().at(0).toInt(), 3);

        // Back up, and before the outbox is retried (no event loop runs here) bruno judges
        // the second item this page sent to the outbox.
        QVERIFY(m_server->restart());
        db->reconnect();
        FeedbackRequest theirs;
        theirs.telemetryId = ids[1];
        theirs.value = Feedback::Correct;
        theirs.reviewer = QStringLiteral("bruno");
        QVERIFY(FeedbackRepository(db).record(theirs).ok());

        QTRY_COMPARE_WITH_TIMEOUT(page.outboxSize(), 0, 90000);
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 10000);
        QVERIFY2(asked.front().contains(QLatin1String("bruno")), qPrintable(asked.front()));
        QCOMPARE(feedbackOf(*db, ids[0]), QStringLiteral("incorrect"));
        QCOMPARE(feedbackOf(*db, ids[1]), QStringLiteral("correct"));  // bruno's stays
        QCOMPARE(feedbackOf(*db, ids[2]), QStringLiteral("incorrect"));
        for (qint64 id : {ids[0], ids[1], ids[2]})
            QCOMPARE(auditRowsOf(*db, id), qint64(1));

        // Delivered verdicts are not subtracted a second time.
        QSignalSpy reloaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(reloaded.wait(15000));
        QCOMPARE(chips->counts().total[0], qint64(3));
        QCOMPARE(rowCount(page), 3);
    }

    // Switching to another database while verdicts wait: they stay in the old database's
    // outbox, the page says so (the window shows it), and they are written once that database
    // is connected again.
    void switchingAwayKeepsTheOutboxAndSaysSo()
    {
        std::shared_ptr<Database> db = m_server->createDatabase(QStringLiteral("switchfault"));
        QVERIFY(db);
        const std::vector<qint64> ids =
            test::seedPending(db, 3, QStringLiteral("switch"), QStringLiteral("chat_response"), 0.5);
        QCOMPARE(ids.size(), size_t(3));
        Settings settings(m_dir.filePath(QStringLiteral("settings-switch.ini")));
        settings.setReviewer(QStringLiteral("ana"));
        ReviewQueuePage page({db, &settings});
        page.resize(1200, 800);
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(15000));

        QVERIFY(m_server->kill());
        QSignalSpy settled(&page, &ReviewQueuePage::feedbackSettled);
        for (int i = 0; i < 2; ++i)
            QTest::keyClick(table(page), Qt::Key_2);
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 2, 30000);
        QCOMPARE(page.outboxSize(), 2);

        auto url = DbUrl::parse(QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("switched.db")));
        QVERIFY(url.ok());
        auto other = Database::open(*url, {});
        QVERIFY2(other.ok(), other ? "" : qPrintable(other.error().message));
        QVERIFY(initialize(**other).ok());
        QSignalSpy leftBehind(&page, &ReviewQueuePage::outboxLeftBehind);
        page.setContext({*other, &settings});
        QCOMPARE(leftBehind.size(), 1);
        QCOMPARE(leftBehind.first().at(0).toInt(), 2);
        QVERIFY2(leftBehind.first().at(1).toString().contains(QLatin1String("switchfault")),
                 qPrintable(leftBehind.first().at(1).toString()));
        QCOMPARE(page.outboxSize(), 0);  // the SQLite database's own outbox

        QVERIFY(m_server->restart());
        db->reconnect();
        page.setContext({db, &settings});
        QTRY_COMPARE_WITH_TIMEOUT(feedbackOf(*db, ids[1]), QStringLiteral("incorrect"), 90000);
        QCOMPARE(feedbackOf(*db, ids[0]), QStringLiteral("incorrect"));
        QCOMPARE(feedbackOf(*db, ids[2]), QStringLiteral("<pending>"));
        QTRY_COMPARE(page.outboxSize(), 0);
    }
};

int main(int argc, char **argv)
{
    // The page's outbox lives in the (test-mode) configuration folder, not the user's.
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tst_outbox_fault"));
    TestOutboxFault test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_outbox_fault.moc"
