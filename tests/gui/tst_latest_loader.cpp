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

    // Requests that wait at their own gate, so the test decides which one finishes when. All
    // gates open when it goes: a failed check never leaves the pool waiting for a request.
    struct Gated {
        std::array<QSemaphore, kMaxRequests> gates;
        QThreadPool pool;
        Gated() { pool.setMaxThreadCount(kMaxRequests); }
        ~Gated()
        {
            for (QSemaphore &gate : gates)
                gate.release(kMaxRequests);
            pool.waitForDone();
        }
        void pass(int i) { gates[static_cast<size_t>(i)].acquire(); }
        void open(int i) { gates[static_cast<size_t>(i)].release(); }
        // Every request finished (its result, if any, is posted): deliver it now.
        void settle()
        {
            pool.waitForDone();
            QCoreApplication::sendPostedEvents();
        }
    };

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

    // Each finished request is delivered (or dropped) before the next one is let go.
    void newestWinsWhateverTheOrder()
    {
        QFETCH(QList<int>, finishOrder);
        QFETCH(bool, dropAfterStart);
        QFETCH(QList<int>, shown);
        Gated requests;
        QList<int> delivered;
        QObject owner;
        auto *loader = new LatestLoader(&owner, &requests.pool);
        quint64 lastTicket = 0;
        for (int i = 0; i < finishOrder.size(); ++i) {
            lastTicket = loader->run<int>(
                [&requests, i] {
                    requests.pass(i);
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
            requests.open(i);
            --running;
            QTRY_COMPARE(requests.pool.activeThreadCount(), running);
            QCoreApplication::sendPostedEvents();
        }
        requests.settle();
        QCOMPARE(delivered, shown);
        QVERIFY(!loader->isPending());
    }

    // A newer request that fails to arrive keeps the older ones out: the page waits for it
    // and shows nothing stale meanwhile.
    void pendingUntilTheNewestArrives()
    {
        Gated requests;
        QList<int> delivered;
        QObject owner;
        auto *loader = new LatestLoader(&owner, &requests.pool);
        loader->run<int>([] { return 1; }, [&delivered](int v) { delivered << v; });
        loader->run<int>(
            [&requests] {
                requests.pass(0);
                return 2;
            },
            [&delivered](int v) { delivered << v; });
        QTRY_COMPARE(requests.pool.activeThreadCount(), 1);
        QCoreApplication::sendPostedEvents();
        QVERIFY(delivered.isEmpty());
        QVERIFY(loader->isPending());
        requests.open(0);
        requests.settle();
        QCOMPARE(delivered, QList<int>{2});
        QVERIFY(!loader->isPending());
    }

    // The page closes while its read runs: the read finishes, nobody is called.
    void destroyedOwnerReceivesNothing()
    {
        Gated requests;
        std::atomic<bool> ran{false};
        bool called = false;
        auto *owner = new QObject;
        auto *loader = new LatestLoader(owner, &requests.pool);
        loader->run<int>(
            [&requests, &ran] {
                requests.pass(0);
                ran = true;
                return 1;
            },
            [&called](int) { called = true; });
        delete owner;
        requests.open(0);
        requests.settle();
        QVERIFY(ran);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestLatestLoader)
#include "tst_latest_loader.moc"
