#include "tests/support/TestDatabases.h"

#include "core/settings/Settings.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/ScreenshotRunner.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace atalaya;

// Rendering pages to PNG (`--screenshot`, the no-display run) never auto-refreshes: a tick
// between a page's load and its grab started a second load, and the PNG showed "Loading…".
class TestScreenshotRunner : public QObject {
    Q_OBJECT
private slots:
    void renderingStopsTheAutoRefresh()
    {
        auto fresh = test::freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setAutoRefresh(true);
        MainWindow window(AppContext{fresh.db, &settings});
        window.resize(1400, 900);
        window.show();
        QVERIFY(window.refreshTimer()->isActive());
        const QString png = dir.filePath(QStringLiteral("latency.png"));
        ScreenshotRunner runner(&window, {{QStringLiteral("latency"), png}});
        QVERIFY(!window.refreshTimer()->isActive());
        QSignalSpy finished(&runner, &ScreenshotRunner::finished);
        runner.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toInt(), 0);
        QVERIFY(QFileInfo(png).size() > 0);
        QVERIFY(!window.refreshTimer()->isActive());
        // The user's choice is kept for the next interactive start.
        QVERIFY(settings.autoRefresh());
    }
};

QTEST_MAIN(TestScreenshotRunner)
#include "tst_screenshot_runner.moc"
