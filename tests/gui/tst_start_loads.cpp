#include "tests/support/TestDatabases.h"

#include "core/settings/Settings.h"
#include "core/setup/DemoLoader.h"
#include "ui/common/LatestLoader.h"
#include "ui/common/Page.h"
#include "ui/review/AuditLogModel.h"
#include "ui/review/AuditLogPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/ScreenshotRunner.h"

#include <QMap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;

// Each page reads once at start: the page shown when the session opens, and every other
// page the first time it is shown, never also when the database arrived while it was
// hidden, nor twice when the renderer shows the page the window already had in front.
class TestStartLoads : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;
    QTemporaryDir m_dir;

    // The reads a page has started so far: every request of its loaders (the latest one wins,
    // so a superseded read never shows as a second loadFinished) and every reload of the
    // audit log's model.
    struct ReadCounter {
        QMap<QString, int> resets;

        void watch(MainWindow &window)
        {
            for (const QString &id : window.pageIds())
                if (auto *audit = qobject_cast<AuditLogPage *>(window.page(id)))
                    QObject::connect(audit->model(), &QAbstractItemModel::modelAboutToBeReset,
                                     [this, id] { ++resets[id]; });
        }
        int reads(MainWindow &window, const QString &id) const
        {
            int n = resets.value(id);
            for (const LatestLoader *loader : window.page(id)->findChildren<LatestLoader *>())
                n += static_cast<int>(loader->latest());
            return n;
        }
    };

    // What one refresh() of the page starts, measured on the page itself once it is loaded.
    static int readsOfOneRefresh(MainWindow &window, const ReadCounter &counter, const QString &id)
    {
        Page *page = window.page(id);
        const int before = counter.reads(window, id);
        QSignalSpy loaded(page, &Page::loadFinished);
        page->refresh();
        if (!loaded.wait(60000))
            return -1;
        QTest::qWait(200);  // anything a load starts after it finished counts too
        return counter.reads(window, id) - before;
    }

    std::unique_ptr<Settings> settings(const QString &name, const QString &lastPage)
    {
        auto s = std::make_unique<Settings>(m_dir.filePath(name));
        s->setAutoRefresh(false);
        s->setLastPage(lastPage);
        s->setFilterDays(7);
        return s;
    }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        DemoOptions demo;
        demo.decisions = 300;
        demo.days = 10;
        QVERIFY(loadDemoData(m_fresh.db, demo).ok());
    }

    // As app/atalaya starts: the window, the session opening behind it, the last page shown.
    void interactiveStartReadsEachPageOnce()
    {
        auto s = settings(QStringLiteral("interactive.ini"), QStringLiteral("latency"));
        ReadCounter counter;  // outlives the window, whose models it counts
        MainWindow window(AppContext{nullptr, s.get()});
        counter.watch(window);
        window.restoreFromSettings();
        window.show();
        QSignalSpy settled(&window, &MainWindow::sessionSettled);
        window.openSession(m_fresh.db->url(), m_fresh.password);
        Page *latency = window.page(QStringLiteral("latency"));
        QSignalSpy loaded(latency, &Page::loadFinished);
        QVERIFY(window.showPage(s->lastPage()));
        QVERIFY(settled.wait(60000));
        QVERIFY(settled.first().at(0).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && loaded.last().at(0).toBool(), 60000);
        QTest::qWait(500);

        QMap<QString, int> atStart;
        for (const QString &id : window.pageIds())
            atStart[id] = counter.reads(window, id);
        for (const QString &id : window.pageIds()) {
            if (id == QLatin1String("latency"))
                continue;
            QVERIFY2(atStart[id] == 0,
                     qPrintable(QStringLiteral("%1 read %2 time(s) while hidden").arg(id).arg(atStart[id])));
            Page *page = window.page(id);
            QSignalSpy shown(page, &Page::loadFinished);
            QVERIFY(window.showPage(id));
            QVERIFY2(shown.wait(60000), qPrintable(id));
            QTest::qWait(200);
            atStart[id] = counter.reads(window, id);
        }
        for (const QString &id : window.pageIds()) {
            const int one = readsOfOneRefresh(window, counter, id);
            QVERIFY2(one > 0, qPrintable(id));
            QVERIFY2(atStart[id] == one,
                     qPrintable(QStringLiteral("%1: %2 read(s) by its first show, one refresh is %3")
                                    .arg(id)
                                    .arg(atStart[id])
                                    .arg(one)));
        }
    }

    // As the no-display run renders every page once the session settled.
    void renderingReadsEachPageOnce()
    {
        auto s = settings(QStringLiteral("render.ini"), QStringLiteral("overview"));
        ReadCounter counter;  // outlives the window, whose models it counts
        MainWindow window(AppContext{nullptr, s.get()});
        counter.watch(window);
        window.resize(1400, 900);
        window.show();
        QList<ScreenshotRunner::Job> jobs;
        for (const QString &id : window.pageIds())
            jobs.append({id, m_dir.filePath(id + QStringLiteral(".png"))});
        ScreenshotRunner runner(&window, jobs);
        QSignalSpy finished(&runner, &ScreenshotRunner::finished);
        QObject::connect(
            &window, &MainWindow::sessionSettled, &runner, [&runner] { runner.start(); }, Qt::SingleShotConnection);
        window.openSession(m_fresh.db->url(), m_fresh.password);
        QVERIFY(finished.wait(300000));
        QCOMPARE(finished.first().at(0).toInt(), 0);
        QTest::qWait(500);
        QMap<QString, int> rendered;
        for (const QString &id : window.pageIds())
            rendered[id] = counter.reads(window, id);
        for (const QString &id : window.pageIds()) {
            const int one = readsOfOneRefresh(window, counter, id);
            QVERIFY2(one > 0, qPrintable(id));
            QVERIFY2(rendered[id] == one,
                     qPrintable(QStringLiteral("%1: %2 read(s) to render it, one refresh is %3")
                                    .arg(id)
                                    .arg(rendered[id])
                                    .arg(one)));
        }
    }
};

QTEST_MAIN(TestStartLoads)
#include "tst_start_loads.moc"
