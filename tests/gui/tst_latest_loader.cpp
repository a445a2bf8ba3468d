#include "ui/common/LatestLoader.h"

#include <QSemaphore>
#include <QThreadPool>
#include <QtTest>

#include <array>
#include <atomic>

using namespace atalaya;

// The rule every page's reads follow: whatever order the requests finish in, only the newest
// one's result is shown, and nothing reaches an owner that is gone.
class TestLatestLoader : public QObject {
    Q_OBJECT
private:
    static constexpr int kMaxRequests = 4;

    // Every request finished on the pool (its result, if any, is posted): deliver it now.
    static void settle(QThreadPool &pool)
    {
        pool.waitForDone();
        QCoreApplication::sendPostedEvents();
    }

private slots:
    void newestWinsWhateverTheOrder_data()
    {
        QTest::addColumn<QList<int>>("finishOrder");
        QTest::addColumn<bool>("dropAfterStart");
        QTest::addColumn<QList<int>>("shown");
        QTest::newRow("one request") << QList<int>{0} << false << QList<int>{0};
        QTest::newRow("in order") << QList<int>{0, 1, 2} << false << QList<int>{2};
        QTest::newRow("slow old finishes last") << QList<int>{2, 1, 0} << false << QList<int>{2};
        QTest::newRow("newest in the middle") << QList<int>{1, 2, 0} << false << QList<int>{2};
        QTest::newRow("four, oldest last") << QList<int>{3, 1, 2, 0} << false << QList<int>{3};
        QTest::newRow("dropped") << QList<int>{1, 0} << true << QList<int>{};
        QTest::newRow("dropped, one request") << QList<int>{0} << true << QList<int>{};
    }

    // Request i waits for its own gate, so the test decides which one finishes when; each
    // finished request is delivered (or dropped) before the next one is let go.
    void newestWinsWhateverTheOrder()
    {
        QFETCH(QList<int>, finishOrder);
        QFETCH(bool, dropAfterStart);
        QFETCH(QList<int>, shown);
        QThreadPool pool;
        pool.setMaxThreadCount(kMaxRequests);
        QObject owner;
        auto *loader = new LatestLoader(&owner, &pool);
        std::array<QSemaphore, kMaxRequests> gates;
        QList<int> delivered;
        quint64 lastTicket = 0;
        for (int i = 0; i < finishOrder.size(); ++i) {
            lastTicket = loader->run<int>(
                [&gates, i] {
                    gates[static_cast<size_t>(i)].acquire();
                    return i;
                },
                [&delivered](int value) { delivered << value; });
        }
        QVERIFY(loader->isLatest(lastTicket));
        QVERIFY(loader->isPending());
        if (dropAfterStart) {
            loader->drop();
            QVERIFY(!loader->isLatest(lastTicket));
            QVERIFY(!loader->isPending());
        }
        int running = static_cast<int>(finishOrder.size());
        for (int i : finishOrder) {
            gates[static_cast<size_t>(i)].release();
            --running;
            QTRY_COMPARE(pool.activeThreadCount(), running);
            QCoreApplication::sendPostedEvents();
        }
        settle(pool);
        QCOMPARE(delivered, shown);
        QVERIFY(!loader->isPending());
    }

    // A newer request that fails to arrive keeps the older ones out: the page waits for it
    // and shows nothing stale meanwhile.
    void pendingUntilTheNewestArrives()
    {
        QThreadPool pool;
        pool.setMaxThreadCount(2);
        QObject owner;
        auto *loader = new LatestLoader(&owner, &pool);
        QSemaphore gate;
        QList<int> delivered;
        loader->run<int>([] { return 1; }, [&delivered](int v) { delivered << v; });
        loader->run<int>(
            [&gate] {
                gate.acquire();
                return 2;
            },
            [&delivered](int v) { delivered << v; });
        QTRY_COMPARE(pool.activeThreadCount(), 1);
        QCoreApplication::sendPostedEvents();
        QVERIFY(delivered.isEmpty());
        QVERIFY(loader->isPending());
        gate.release();
        settle(pool);
        QCOMPARE(delivered, QList<int>{2});
        QVERIFY(!loader->isPending());
    }

    // The page closes while its read runs: the read finishes, nobody is called.
    void destroyedOwnerReceivesNothing()
    {
        QThreadPool pool;
        auto *owner = new QObject;
        auto *loader = new LatestLoader(owner, &pool);
        QSemaphore gate;
        std::atomic<bool> ran{false};
        bool called = false;
        loader->run<int>(
            [&gate, &ran] {
                gate.acquire();
                ran = true;
                return 1;
            },
            [&called](int) { called = true; });
        delete owner;
        gate.release();
        settle(pool);
        QVERIFY(ran);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestLatestLoader)
#include "tst_latest_loader.moc"
