// The real `atalaya` binary started on the databases teams have on their first day: the seed
// tables made by another application (init never run) and accounts that may only read. Every
// page must load (`--screenshot` exits 4 when a page fails), never "Not connected".
#include "tests/support/TestDatabases.h"

#include "core/setup/SchemaInstaller.h"
#include "core/storage/SqlUtil.h"

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
};

QTEST_GUILESS_MAIN(TestAppStart)
#include "tst_app_start.moc"
