#include "tests/support/OutboxTestKit.h"
#include "tests/support/ReviewWindow.h"
#include "tests/support/TestDatabases.h"

#include "core/queue/ReviewQueue.h"
#include "core/session/ConnectionWatcher.h"
#include "ui/common/FilterBar.h"
#include "ui/common/StatusPanel.h"
#include "ui/review/ReviewQueuePage.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

#include <csignal>

using namespace atalaya;
using test::auditRowsOf;
using test::scalar;

// docs/RELIABILITY.md §Outages: a private MariaDB (the shared fixture survives) is killed with
// SIGKILL and started again. The outage is known within 5 s with its reason, and within 10 s
// of the server accepting connections every read works again and the outbox is delivered.
class TestOutage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::PrivateMariaDb> m_server;

    // An error message from the items read of the review queue; empty when it worked.
    static QString readQueue(const std::shared_ptr<Database> &db)
    {
        auto items = ReviewQueue(db, ReviewRules::defaults()).items({});
        return items ? QString() : items.error().message;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<test::PrivateMariaDb>(QStringLiteral(ATALAYA_FIXTURE_SCRIPT),
                                                          m_dir.filePath(QStringLiteral("server")));
        QVERIFY(m_server->start());
    }

    void cleanupTestCase() { m_server.reset(); }

    // The watcher notices both changes, and a worker thread whose connection was opened before
    // the outage reads at its first attempt afterwards (no dead handle left behind).
    void watcherSaysLostAndRestoredAndOldThreadsReadAtOnce()
    {
        std::shared_ptr<Database> db = m_server->createDatabase(QStringLiteral("watch"));
        QVERIFY(db);
        QCOMPARE(test::seedPending(db, 3, QStringLiteral("watch"), QStringLiteral("chat_response"), 0.5).size(),
                 size_t(3));
        QThreadPool worker;
        worker.setMaxThreadCount(1);
        worker.setExpiryTimeout(-1);
        QCOMPARE(QtConcurrent::run(&worker, [db] { return readQueue(db); }).result(), QString());

        ConnectionWatcher watcher(db);
        QSignalSpy lost(&watcher, &ConnectionWatcher::lost);
        QSignalSpy restored(&watcher, &ConnectionWatcher::restored);
        QTest::qWait(1500);
        QCOMPARE(watcher.state(), ConnectionWatcher::State::Connected);
        QCOMPARE(restored.size(), 0);

        QVERIFY(m_server->kill());
        QElapsedTimer clock;
        clock.start();
        QVERIFY(lost.wait(5000));
        qInfo("watcher: outage noticed after %lld ms", clock.elapsed());
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(watcher.reason().contains(QLatin1String("cannot connect")), qPrintable(watcher.reason()));

        // A read while the server is down says why, not just "failed:".
        const QString down = QtConcurrent::run(&worker, [db] { return readQueue(db); }).result();
        QVERIFY2(down.contains(QLatin1String("cannot connect")) || down.contains(QLatin1String("Lost connection"))
                     || down.contains(QLatin1String("gone away")),
                 qPrintable(down));
        QVERIFY2(!down.trimmed().endsWith(QLatin1Char(':')), qPrintable(down));

        QVERIFY(m_server->restart());
        clock.restart();
        QVERIFY(restored.wait(10000));
        qInfo("watcher: recovery noticed %lld ms after the server accepted connections", clock.elapsed());
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(watcher.state(), ConnectionWatcher::State::Connected);
        QCOMPARE(QtConcurrent::run(&worker, [db] { return readQueue(db); }).result(), QString());
    }

    // A server that hangs (SIGSTOP) answers nothing and refuses nothing: the watcher says so
    // after kSilenceMs instead of after the 60 s read timeout, and sees it resume (SIGCONT).
    void stuckServerIsReportedWithinFiveSecondsAndResumes()
    {
        std::shared_ptr<Database> db = m_server->createDatabase(QStringLiteral("stuck"));
        QVERIFY(db);
        ConnectionWatcher watcher(db);
        QSignalSpy lost(&watcher, &ConnectionWatcher::lost);
        QSignalSpy restored(&watcher, &ConnectionWatcher::restored);
        QTRY_COMPARE_WITH_TIMEOUT(watcher.state(), ConnectionWatcher::State::Connected, 5000);
        QFile pidFile(m_server->info(QStringLiteral("PID_FILE")));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const auto pid = static_cast<pid_t>(pidFile.readAll().trimmed().toLongLong());
        QVERIFY(pid > 0);

        QCOMPARE(::kill(pid, SIGSTOP), 0);
        QElapsedTimer clock;
        clock.start();
        const bool noticed = lost.wait(5000);
        const qint64 after = clock.elapsed();
        QCOMPARE(::kill(pid, SIGCONT), 0);  // before any check can end the test with it stopped
        QVERIFY(noticed);
        qInfo("watcher: stuck server noticed after %lld ms", after);
        QVERIFY2(after < 5000, qPrintable(QString::number(after)));
        QVERIFY2(lost.first().at(0).toString().contains(QLatin1String("has not answered")),
                 qPrintable(lost.first().at(0).toString()));

        clock.restart();
        QVERIFY(restored.wait(10000));
        qInfo("watcher: resumed server noticed after %lld ms", clock.elapsed());
        QCOMPARE(watcher.state(), ConnectionWatcher::State::Connected);
        QCOMPARE(readQueue(db), QString());
    }

    // The window: the status bar turns red with the reason within 5 s; verdicts given meanwhile
    // wait in the outbox; once the server is back the status bar, the shown page, the filter
    // lists and the outbox recover within 10 s, without waiting for a backoff or auto-refresh.
    void windowSaysOutageAndRecoversWithinTenSeconds()
    {
        std::shared_ptr<Database> db = m_server->createDatabase(QStringLiteral("window"));
        QVERIFY(db);
        const std::vector<qint64> ids =
            test::seedPending(db, 6, QStringLiteral("before"), QStringLiteral("chat_response"), 0.5);
        QCOMPARE(ids.size(), size_t(6));
        test::ReviewWindow window(db, m_dir.filePath(QStringLiteral("settings.ini")));
        QVERIFY(window.open());
        ReviewQueuePage *page = window.page();
        QTableView *table = window.table();
        StatusPanel *status = window.status();
        QVERIFY2(status->connectionText().contains(QLatin1String("Connected to")), qPrintable(status->connectionText()));
        QCOMPARE(table->model()->rowCount(), 6);

        QVERIFY(m_server->kill());
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(!status->isConnected(), 5000);
        qInfo("window: status bar red after %lld ms", clock.elapsed());
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        const QString outage = status->connectionText();
        QVERIFY2(outage.contains(QLatin1String("lost")) && outage.contains(QLatin1String("reconnecting every 1 s"))
                     && outage.contains(QLatin1String("cannot connect")),
                 qPrintable(outage));
        QVERIFY2(outage.contains(QLatin1String("#d6453d")), qPrintable(outage));  // red

        QSignalSpy settled(page, &ReviewQueuePage::feedbackSettled);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(table, Qt::Key_2);
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 3, 15000);
        QCOMPARE(page->outboxSize(), 3);

        const auto failed = window.reload();
        QVERIFY(failed);
        QCOMPARE(failed->first, false);
        QVERIFY2(failed->second.contains(QLatin1String("cannot connect")), qPrintable(failed->second));

        QVERIFY(m_server->restart());
        clock.restart();
        // Written by another program right after the restart: the filter lists must show it.
        {
            auto other = Database::open(db->url(), m_server->info(QStringLiteral("PASSWORD")));
            QVERIFY(other.ok());
            QCOMPARE(test::seedPending(*other, 1, QStringLiteral("after"), QStringLiteral("chat_response"), 0.5).size(),
                     size_t(1));
        }
        QSignalSpy &loads = window.loads();
        loads.clear();
        QTRY_VERIFY_WITH_TIMEOUT(status->isConnected() && page->outboxSize() == 0 && !loads.isEmpty()
                                     && loads.last().at(0).toBool()
                                     && window.window().filterBar()->agentCombo()->findText(QStringLiteral("after")) >= 0,
                                 10000);
        qInfo("window: status, page, filter lists and outbox recovered %lld ms after the server accepted connections",
              clock.elapsed());
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(status->connectionText().contains(QLatin1String("Connected to")), qPrintable(status->connectionText()));
        QCOMPARE(table->model()->rowCount(), 4);  // 6 - 3 verdicts + the new one
        for (qint64 id : {ids[0], ids[1], ids[2]})
            QCOMPARE(auditRowsOf(*db, id), qint64(1));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_audit")), qint64(3));
    }
};

int main(int argc, char **argv)
{
    // The page's outbox lives in the (test-mode) configuration folder, not the user's.
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tst_outage"));
    TestOutage test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_outage.moc"
