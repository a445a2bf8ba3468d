// The real `atalaya` binary started on the databases teams have on their first day: the seed
// tables made by another application (init never run) and accounts that may only read. Every
// page must load (`--screenshot` exits 4 when a page fails), never "Not connected".
#include "tests/support/TestDatabases.h"

#include "core/settings/Settings.h"
#include "core/setup/SchemaInstaller.h"
#include "core/storage/SqlUtil.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::test;

namespace {

struct AppRun {
    int exitCode = -1;
    QByteArray err;
};

AppRun runApp(const QString &url, const QString &password, const QString &page, const QString &png)
{
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), password);
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(ATALAYA_APP),
              {QStringLiteral("--db"), url, QStringLiteral("--page"), page, QStringLiteral("--screenshot"), png,
               QStringLiteral("--lang"), QStringLiteral("en")});
    if (!app.waitForFinished(120000))
        app.kill();
    return {app.exitStatus() == QProcess::NormalExit ? app.exitCode() : -1, app.readAllStandardError()};
}

}  // namespace

class TestAppStart : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    void verifyPagesLoad(const QString &url, const QString &password, const QStringList &pages)
    {
        for (const QString &page : pages) {
            const QString png = m_dir.filePath(page + QStringLiteral(".png"));
            const AppRun run = runApp(url, password, page, png);
            QVERIFY2(run.exitCode == 0, qPrintable(page + QStringLiteral(": ") + QString::fromUtf8(run.err)));
            QVERIFY(QFileInfo(png).size() > 0);
        }
    }

private slots:
    void writeAccountOnSeedTablesRunsTheMigrations()
    {
        auto fresh = freshDatabase(false);
        QVERIFY(fresh.db);
        QVERIFY(createSeedTables(*fresh.db));
        verifyPagesLoad(fresh.url, fresh.password, {QStringLiteral("queue")});
        QVERIFY(scalar(*fresh.db, QStringLiteral("SELECT COUNT(*) FROM atalaya_schema_version")) > 0);
        QVERIFY(scalar(*fresh.db, QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_audit")) == 0);
    }

    void readOnlyAccountSeesEveryPage_data()
    {
        QTest::addColumn<bool>("initialised");
        QTest::newRow("initialised database") << true;
        QTest::newRow("seed tables only") << false;
    }
    void readOnlyAccountSeesEveryPage()
    {
        ATALAYA_MARIADB_ONLY("database accounts exist on MariaDB only");
        QFETCH(bool, initialised);
        auto fresh = freshDatabase(false);
        QVERIFY(fresh.db);
        QVERIFY(createSeedTables(*fresh.db));
        if (initialised)
            QVERIFY(initialize(*fresh.db).ok());
        static int users = 0;
        const QString password = QStringLiteral("ro-app-pw");
        const QString url =
            accountWith(fresh, QStringLiteral("ro_app_%1_%2").arg(QCoreApplication::applicationPid()).arg(++users),
                        "SELECT", password);
        QVERIFY(!url.isEmpty());
        verifyPagesLoad(url, password,
                        {QStringLiteral("overview"), QStringLiteral("insights"), QStringLiteral("accuracy"),
                         QStringLiteral("confidence"), QStringLiteral("latency"), QStringLiteral("feedback"),
                         QStringLiteral("queue"), QStringLiteral("chat"), QStringLiteral("risk"), QStringLiteral("audit")});
        const AppRun run = runApp(url, password, QStringLiteral("overview"), m_dir.filePath("again.png"));
        QVERIFY2(run.err.contains("warning: reading only") || initialised, run.err.constData());
        QVERIFY2(!run.err.contains("error: "), run.err.constData());
    }

    // With no display the app renders every page; showing each one must not leave the last
    // rendered page (or anything else) in the user's settings for their next start.
    void renderingEveryPageLeavesTheSettingsAlone()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        QTemporaryDir config;
        const QString file = config.filePath(QStringLiteral("Atalaya/atalaya.conf"));
        {
            Settings user(file);
            user.setLastPage(QStringLiteral("queue"));
            user.setFilterDays(7);
            user.setFilterAgent(QStringLiteral("triage-bot"));
            user.setAutoRefresh(false);
        }
        QFile before(file);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray saved = before.readAll();
        before.close();
        QVERIFY(saved.contains("lastPage=queue"));

        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *display : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QLatin1String(display));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        env.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), fresh.password);
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(ATALAYA_APP),
                  {QStringLiteral("--db"), fresh.url, QStringLiteral("--out-dir"),
                   m_dir.filePath(QStringLiteral("pages")), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY(app.waitForFinished(300000));
        const QByteArray err = app.readAllStandardError();
        QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0, err.constData());
        QVERIFY2(err.contains("audit.png"), err.constData());  // every page rendered, the audit log last

        QFile after(file);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), saved);
        QCOMPARE(Settings(file).lastPage(), QStringLiteral("queue"));
    }
};

QTEST_GUILESS_MAIN(TestAppStart)
#include "tst_app_start.moc"
