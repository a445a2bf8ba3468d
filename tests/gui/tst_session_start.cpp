#include "tests/support/TestDatabases.h"

#include "ui/common/Format.h"
#include "ui/common/KpiCard.h"
#include "ui/dashboard/OverviewPage.h"
#include "ui/shell/ConnectionDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/SessionPanel.h"
#include "core/setup/DemoLoader.h"
#include "core/settings/Settings.h"
#include "core/setup/SchemaInstaller.h"
#include "core/storage/SqlUtil.h"

#include <QElapsedTimer>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;

// The window opens at once and the database opens behind it (SessionOpener): while `init`
// waits on a lock another session holds, the UI thread keeps turning and the session panel
// says what is happening; once the lock goes, the pages fill.
class TestSessionStart : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    qint64 m_decisions = 0;

    std::unique_ptr<MainWindow> newWindow()
    {
        auto window = std::make_unique<MainWindow>(AppContext{nullptr, m_settings.get()});
        window->resize(1200, 800);
        window->show();
        window->showPage(QStringLiteral("overview"));
        return window;
    }

    // Triggers gone make `init` create them again, which has to wait for the lock below.
    bool dropTelemetryTriggers()
    {
        const QString list = test::currentBackend() == test::TestBackend::SQLite
            ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'ai_telemetry'")
            : QStringLiteral("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() "
                             "AND EVENT_OBJECT_TABLE = 'ai_telemetry'");
        QSqlQuery q(m_fresh.db->connection());
        QStringList names;
        if (!q.exec(list))
            return false;
        while (q.next())
            names << q.value(0).toString();
        q.finish();
        for (const QString &name : std::as_const(names))
            if (!q.exec(QStringLiteral("DROP TRIGGER %1").arg(name)))
                return false;
        return !names.isEmpty();
    }

    // Holds the lock on this (the test's) connection until unlock().
    bool lock()
    {
        QSqlQuery q(m_fresh.db->connection());
        return q.exec(test::currentBackend() == test::TestBackend::SQLite
                          ? QStringLiteral("BEGIN IMMEDIATE")
                          : QStringLiteral("LOCK TABLES ai_telemetry WRITE"));
    }
    bool unlock()
    {
        QSqlQuery q(m_fresh.db->connection());
        return q.exec(test::currentBackend() == test::TestBackend::SQLite ? QStringLiteral("COMMIT")
                                                                          : QStringLiteral("UNLOCK TABLES"));
    }

    // The longest the UI thread went without running a 10 ms timer, over `ms`.
    static qint64 longestStall(int ms)
    {
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 worst = 0;
        QTimer tick;
        tick.setInterval(10);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            worst = std::max(worst, clock.elapsed() - last);
            last = clock.elapsed();
        });
        tick.start();
        while (clock.elapsed() < ms)
            QTest::qWait(20);
        return std::max(worst, clock.elapsed() - last);
    }

    QString overviewTotal(MainWindow &window)
    {
        auto *page = qobject_cast<OverviewPage *>(window.page(QStringLiteral("overview")));
        return page ? page->card(OverviewPage::Total)->valueText() : QString();
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        DemoOptions options;
        options.decisions = 500;
        options.days = 20;
        QVERIFY(loadDemoData(m_fresh.db, options).ok());
        m_decisions = test::scalar(*m_fresh.db, QStringLiteral("SELECT COUNT(*) FROM ai_telemetry"));
        QVERIFY(m_decisions > 0);
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings->setAutoRefresh(false);
        m_settings->setFilterDays(30);
    }

    // The percent the panel shows comes from init's rollup build, day by day.
    void initReportsTheRollupBuildInPercent()
    {
        QVERIFY(dropTelemetryTriggers());  // the rollups are no longer trusted: init rebuilds them
        InitOptions options;
        QList<int> percents;
        // The build runs in steps (counters, days, queue counts), each named in the panel with
        // its own 0–100 %: the percent only grows within a step.
        QMap<QString, QList<int>> perStep;
        options.progress = [&](const QString &step, int percent) {
            if (percent < 0)
                return;
            percents << percent;
            perStep[step] << percent;
        };
        auto report = initialize(*m_fresh.db, options);
        QVERIFY2(report.ok(), qPrintable(report.error().message));
        QCOMPARE(report->rollups, QStringLiteral("ready"));
        QVERIFY2(percents.size() >= 2, qPrintable(QString::number(percents.size())));
        QCOMPARE(percents.first(), 0);  // the counters, before the sections
        QCOMPARE(percents.last(), 100);
        for (auto it = perStep.cbegin(); it != perStep.cend(); ++it)
            QVERIFY2(std::is_sorted(it.value().begin(), it.value().end()), qPrintable(it.key()));
    }

    void windowStaysResponsiveWhileInitWaits()
    {
        QVERIFY(dropTelemetryTriggers());
        QVERIFY(lock());
        auto window = newWindow();
        QSignalSpy settled(window.get(), &MainWindow::sessionSettled);
        const DbUrl url = m_fresh.db->url();
        window->openSession(url, m_fresh.password);
        QVERIFY(window->isSessionOpening());
        QTRY_VERIFY_WITH_TIMEOUT(window->sessionPanel()->text().startsWith(QStringLiteral("Preparing tables")), 10000);
        QVERIFY(window->sessionPanel()->isVisible());
        const qint64 stall = longestStall(1500);
        qInfo("longest UI-thread stall while init waited 1.5 s on the lock: %lld ms", stall);
        QVERIFY2(stall < 500, qPrintable(QStringLiteral("the UI thread stalled %1 ms").arg(stall)));
        QVERIFY(window->isSessionOpening());  // still waiting on the lock: the wait was real
        QCOMPARE(settled.count(), 0);
        QVERIFY(unlock());
        QVERIFY(settled.wait(60000));
        QCOMPARE(settled.first().at(0).toBool(), true);
        QVERIFY(!window->sessionPanel()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(overviewTotal(*window), fmt::count(m_decisions), 20000);
    }

    void cancelThenRetry()
    {
        QVERIFY(dropTelemetryTriggers());
        QVERIFY(lock());
        auto window = newWindow();
        QSignalSpy settled(window.get(), &MainWindow::sessionSettled);
        window->openSession(m_fresh.db->url(), m_fresh.password);
        QTRY_VERIFY_WITH_TIMEOUT(window->sessionPanel()->text().startsWith(QStringLiteral("Preparing tables")), 10000);
        QVERIFY2(window->isSessionOpening(), qPrintable(window->sessionPanel()->failure()));
        QTest::mouseClick(window->sessionPanel()->findChild<QPushButton *>(QStringLiteral("sessionCancel")),
                          Qt::LeftButton);
        QCOMPARE(settled.count(), 1);  // at once, without waiting for the lock
        QCOMPARE(settled.first().at(0).toBool(), false);
        QVERIFY2(window->sessionPanel()->failure().contains(QStringLiteral("cancelled")),
                 qPrintable(window->sessionPanel()->failure()));
        QVERIFY(!window->database());
        QVERIFY(unlock());
        // Retry queues behind the cancelled attempt and opens.
        QTest::mouseClick(window->sessionPanel()->findChild<QPushButton *>(QStringLiteral("sessionRetry")),
                          Qt::LeftButton);
        QVERIFY(settled.wait(60000));
        QCOMPARE(settled.last().at(0).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(overviewTotal(*window), fmt::count(m_decisions), 20000);
    }

    void failureSaysWhatFailed()
    {
        auto window = newWindow();
        QSignalSpy settled(window.get(), &MainWindow::sessionSettled);
        auto url = DbUrl::parse(QStringLiteral("mysql://nobody@127.0.0.1:1/none"));
        QVERIFY(url.ok());
        window->openSession(*url, QString());
        QVERIFY(settled.wait(30000));
        QCOMPARE(settled.first().at(0).toBool(), false);
        QVERIFY2(window->sessionPanel()->failure().contains(QStringLiteral("check that the server is running")),
                 qPrintable(window->sessionPanel()->failure()));
        QVERIFY(window->sessionPanel()->isVisible());
    }

    // "Ask for the password at each start": the window asks, and a wrong answer is asked again.
    void askedPasswordOpensTheSession()
    {
        auto window = newWindow();
        QSignalSpy settled(window.get(), &MainWindow::sessionSettled);
        ResolvedConnection connection;
        connection.url = m_fresh.db->url();
        connection.source = PasswordSource::Ask;
        const auto prompt = [&] { return window->findChild<QInputDialog *>(QStringLiteral("passwordPrompt")); };
        const bool needsPassword = test::currentBackend() == test::TestBackend::MariaDB;
        window->startSession(connection);
        QTRY_VERIFY(prompt() && prompt()->isVisible());
        QVERIFY(!window->isSessionOpening());  // nothing is tried before the answer
        if (needsPassword) {
            prompt()->setTextValue(QStringLiteral("not-the-password"));
            prompt()->accept();
            QVERIFY(settled.wait(30000));
            QCOMPARE(settled.last().at(0).toBool(), false);
            QVERIFY2(window->sessionPanel()->failure().contains(QStringLiteral("password")),
                     qPrintable(window->sessionPanel()->failure()));
            QTest::mouseClick(window->sessionPanel()->findChild<QPushButton *>(QStringLiteral("sessionRetry")),
                              Qt::LeftButton);
            QTRY_VERIFY(prompt() && prompt()->isVisible());
        }
        prompt()->setTextValue(m_fresh.password);
        prompt()->accept();
        QVERIFY(settled.wait(30000));
        QCOMPARE(settled.last().at(0).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(overviewTotal(*window), fmt::count(m_decisions), 20000);
    }

    void promptCancelledSaysSo()
    {
        auto window = newWindow();
        QSignalSpy settled(window.get(), &MainWindow::sessionSettled);
        ResolvedConnection connection;
        connection.url = m_fresh.db->url();
        connection.source = PasswordSource::Ask;
        window->startSession(connection);
        QInputDialog *prompt = nullptr;
        QTRY_VERIFY((prompt = window->findChild<QInputDialog *>(QStringLiteral("passwordPrompt"))));
        prompt->reject();
        QCOMPARE(settled.count(), 1);
        QCOMPARE(settled.first().at(0).toBool(), false);
        QVERIFY(window->sessionPanel()->failure().contains(QStringLiteral("No password")));
    }

    // The dialog's checks run off the UI thread too.
    void connectionDialogChecksInTheBackground()
    {
        m_settings->setDatabaseUrl(m_fresh.url);
        ConnectionDialog dialog(m_settings.get());
        for (auto *edit : dialog.findChildren<QLineEdit *>())
            if (edit->echoMode() == QLineEdit::Password)
                edit->setText(m_fresh.password);
        QSignalSpy checked(&dialog, &ConnectionDialog::checked);
        dialog.testConnection();
        QVERIFY(dialog.isChecking());
        QVERIFY(checked.wait(30000));
        QCOMPARE(checked.first().at(0).toBool(), true);
        QCOMPARE(dialog.password(), m_fresh.password);
    }
};

QTEST_MAIN(TestSessionStart)
#include "tst_session_start.moc"
