#include "tests/support/TestDatabases.h"

#include "ui/shell/AboutDialog.h"
#include "ui/shell/Language.h"
#include "ui/shell/MainWindow.h"
#include "core/settings/Settings.h"

#include <QAction>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <dlib/revision.h>

using namespace atalaya;
using namespace atalaya::test;

// Help → About: the versions a bug report needs, each from its own source, and the database
// server's asked off the UI thread.
class TestAboutDialog : public QObject {
    Q_OBJECT
private slots:
    void serverNames_data()
    {
        QTest::addColumn<bool>("sqlite");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("shown");
        QTest::newRow("sqlite") << true << "3.40.1" << "SQLite 3.40.1";
        QTest::newRow("mariadb") << false << "10.11.6-MariaDB-0+deb12u1" << "MariaDB 10.11.6";
        QTest::newRow("mariadb, lower case") << false << "11.4.2-mariadb" << "MariaDB 11.4.2";
        QTest::newRow("mysql") << false << "8.0.36" << "MySQL 8.0.36";
        QTest::newRow("mysql with a suffix") << false << "8.0.36-log" << "MySQL 8.0.36-log";
        QTest::newRow("no answer") << false << "" << "";
    }

    void serverNames()
    {
        QFETCH(bool, sqlite);
        QFETCH(QString, version);
        QFETCH(QString, shown);
        QCOMPARE(databaseServerName(sqlite, version), shown);
    }

    void versionsOfTheLibrariesAndTheServer()
    {
        FreshDatabase fresh = freshDatabase(false);
        QVERIFY(fresh.db);
        AboutDialog dialog(fresh.db);
        QSignalSpy shown(&dialog, &AboutDialog::databaseVersionShown);
        dialog.show();
        QCOMPARE(dialog.atalayaLine()->text(), QStringLiteral(ATALAYA_VERSION));
        QCOMPARE(dialog.qtLine()->text(), QString::fromLatin1(qVersion()));
        QCOMPARE(dialog.dlibLine()->text(), QStringLiteral("%1.%2.%3")
                                                .arg(DLIB_MAJOR_VERSION)
                                                .arg(DLIB_MINOR_VERSION)
                                                .arg(DLIB_PATCH_VERSION));
        QVERIFY(shown.wait(20000));
        const QString database = dialog.databaseLine()->text();
        if (currentBackend() == TestBackend::SQLite) {
            QVERIFY2(QRegularExpression(QStringLiteral("^SQLite 3\\.\\d+\\.\\d+$")).match(database).hasMatch(),
                     qPrintable(database));
            return;
        }
        // The fixture's server is this machine's mariadbd: its own --version says which.
        QProcess server;
        server.start(QStringLiteral("mariadbd"), {QStringLiteral("--version")});
        QVERIFY(server.waitForFinished(30000));
        const auto ver = QRegularExpression(QStringLiteral("Ver (\\d+\\.\\d+\\.\\d+)"))
                             .match(QString::fromLocal8Bit(server.readAllStandardOutput()));
        QVERIFY(ver.hasMatch());
        QCOMPARE(database, QStringLiteral("MariaDB ") + ver.captured(1));
    }

    void withoutADatabase()
    {
        AboutDialog dialog(nullptr);
        QCOMPARE(dialog.databaseLine()->text(), QStringLiteral("not connected"));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("About Atalaya"));
    }

    void inSpanish()
    {
        Language language;
        QCOMPARE(language.apply(QStringLiteral("es")), QStringLiteral("es"));
        AboutDialog dialog(nullptr);
        const QString title = dialog.windowTitle();
        const QString line = dialog.databaseLine()->text();
        language.apply(QStringLiteral("en"));
        QLocale::setDefault(QLocale::c());
        QCOMPARE(title, QStringLiteral("Acerca de Atalaya"));
        QCOMPARE(line, QStringLiteral("sin conexión"));
    }

    void theHelpMenuOpensIt()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        MainWindow window(AppContext{nullptr, &settings});
        QAction *about = nullptr;
        for (QAction *a : window.findChildren<QAction *>())
            if (a->menuRole() == QAction::AboutRole)
                about = a;
        QVERIFY(about);
        QCOMPARE(about->text(), QStringLiteral("&About Atalaya"));
        QString shown;
        QTimer::singleShot(0, &window, [&] {
            if (auto *dialog = window.findChild<AboutDialog *>()) {
                shown = dialog->databaseLine()->text();
                dialog->reject();
            }
        });
        about->trigger();
        QCOMPARE(shown, QStringLiteral("not connected"));
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_about_dialog.moc"
