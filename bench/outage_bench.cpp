// Outage recovery (docs/RELIABILITY.md §Outages, issue 15): gives verdicts through the review
// page's write path (FeedbackFlow: writer thread, outbox, retries) and reads what the pages
// and the filter bar read (queue items and counts, agents, task types) on the GUI's database
// pool, with the window's connection watcher, while scripts/bench-outage.sh kills the server
// with SIGKILL and starts it again. An independent raw connection attempt every 50 ms marks
// when the server accepts connections again; recovery is from then until every read works
// and the outbox is empty. Lost and duplicated verdicts are counted in the database at the end.
// Usage: outage_bench --db URL [--verdicts N] [--interval-ms MS] [--timeout S]
//   (password in ATALAYA_DB_PASSWORD). Progress on stderr; the last stdout line is JSON.
#include "bench/outage_common.h"
#include "core/queue/ReviewQueue.h"
#include "core/session/ConnectionWatcher.h"
#include "core/storage/Database.h"
#include "ui/common/DatabasePool.h"
#include "ui/review/FeedbackFlow.h"

#include <QAtomicInteger>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QThread>
#include <QTimer>
#include <QtConcurrent>

#include <cstdio>
#include <map>

using namespace atalaya;

namespace {

QElapsedTimer g_clock;

void progress(const QString &text)
{
    std::fprintf(stderr, "[outage_bench %6.2f s] %s\n", g_clock.elapsed() / 1000.0, qPrintable(text));
}

// Whether the server takes a brand-new connection, independent of Atalaya's code.
class AcceptProbe : public QThread {
public:
    AcceptProbe(DbUrl url, QString password) : m_url(std::move(url)), m_password(std::move(password)) { }
    QAtomicInteger<qint64> downAt = -1;  // ms on g_clock: first refused attempt
    QAtomicInteger<qint64> upAt = -1;  // first accepted attempt after that
    QAtomicInteger<bool> stop = false;

protected:
    void run() override
    {
        int n = 0;
        while (!stop.loadRelaxed()) {
            const QString name = QStringLiteral("accept-probe-%1").arg(++n);
            bool ok = false;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), name);
                db.setHostName(m_url.host);
                db.setPort(m_url.port);
                db.setDatabaseName(m_url.database);
                db.setUserName(m_url.user);
                db.setPassword(m_password);
                db.setConnectOptions(QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=1"));
                ok = db.open();
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
            const qint64 now = g_clock.elapsed();
            if (!ok && downAt.loadRelaxed() < 0)
                downAt.storeRelaxed(now);
            if (ok && downAt.loadRelaxed() >= 0 && upAt.loadRelaxed() < 0)
                upAt.storeRelaxed(now);
            QThread::msleep(50);
        }
    }

private:
    DbUrl m_url;
    QString m_password;
};

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atalaya-outage-bench"));
    g_clock.start();
    // One line per verdict from the libraries would bury the figures.
    QLoggingCategory::setFilterRules(QStringLiteral("atalaya.*.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db"), QStringLiteral("MariaDB URL (initialised)"), QStringLiteral("url")});
    parser.addOption({QStringLiteral("verdicts"), QStringLiteral("verdicts to give"), QStringLiteral("n"),
                      QStringLiteral("300")});
    parser.addOption({QStringLiteral("interval-ms"), QStringLiteral("between two verdicts"), QStringLiteral("ms"),
                      QStringLiteral("50")});
    parser.addOption({QStringLiteral("timeout"), QStringLiteral("give up after this many seconds"),
                      QStringLiteral("s"), QStringLiteral("180")});
    parser.process(app);
    auto url = DbUrl::parse(parser.value(QStringLiteral("db")));
    if (!url) {
        std::fprintf(stderr, "error: %s\n", qPrintable(url.error().message));
        return 2;
    }
    const QString password = qEnvironmentVariable("ATALAYA_DB_PASSWORD");
    auto opened = Database::open(*url, password);
    if (!opened) {
        std::fprintf(stderr, "error: %s\n", qPrintable(opened.error().message));
        return 4;
    }
    std::shared_ptr<Database> db = *opened;
    const int verdicts = parser.value(QStringLiteral("verdicts")).toInt();
    auto batch = bench::seedDecisions(db, QStringLiteral("outage"), verdicts);
    if (!batch) {
        std::fprintf(stderr, "error: seeding failed: %s\n", qPrintable(batch.error().message));
        return 1;
    }

    FeedbackFlow flow(db);
    if (const QString problem = flow.open(); !problem.isEmpty()) {
        std::fprintf(stderr, "error: %s\n", qPrintable(problem));
        return 1;
    }
    ConnectionWatcher watcher(db);
    AcceptProbe probe(*url, password);
    probe.start();

    const Feedback values[] = {Feedback::Correct, Feedback::Incorrect, Feedback::PartiallyCorrect};
    std::map<qint64, Feedback> given;
    int queued = 0, written = 0, failed = 0, settled = 0;
    qint64 outboxEmptyAt = -1;  // after the server came back
    qint64 readsOkAt = -1;  // the end of the first read round, started after that, where all worked
    bool roundInFlight = false;

    QObject::connect(&flow, &FeedbackFlow::message, [](const QString &text) {
        if (!text.startsWith(QLatin1String("Saved")) && !text.contains(QLatin1String("waiting behind")))
            progress(text);
    });
    QObject::connect(&flow, &FeedbackFlow::settled, [&](qint64) { ++settled; });
    QObject::connect(&flow, &FeedbackFlow::outboxSizeChanged, [&](int size) {
        if (size == 0 && probe.upAt.loadRelaxed() >= 0 && outboxEmptyAt < 0)
            outboxEmptyAt = g_clock.elapsed();
    });
    QObject::connect(&watcher, &ConnectionWatcher::lost,
                     [](const QString &reason) { progress(QStringLiteral("connection lost: ") + reason); });
    // What MainWindow::connectionRestored does for the review page: deliver at once.
    QObject::connect(&watcher, &ConnectionWatcher::restored, [&] {
        progress(QStringLiteral("connection restored"));
        flow.deliverNow();
    });
    // Counted by the flow's own messages: Queued → "kept in the outbox", Written → "Saved".
    QObject::connect(&flow, &FeedbackFlow::message, [&](const QString &text) {
        if (text.startsWith(QLatin1String("Saved")))
            ++written;
        else if (text.contains(QLatin1String("kept in the outbox")))
            ++queued;
        else if (text.contains(QLatin1String("was not saved")))
            ++failed;
    });

    qint64 next = batch->firstId;
    QTimer give;
    give.setInterval(parser.value(QStringLiteral("interval-ms")).toInt());
    QObject::connect(&give, &QTimer::timeout, [&] {
        if (next > batch->lastId) {
            give.stop();
            return;
        }
        QueueItem item;
        item.id = next++;
        item.priority = Priority::P0;
        const Feedback value = values[item.id % 3];
        given[item.id] = value;
        flow.record(item, value, QStringLiteral("bench"), {});
    });
    QTimer reads;
    reads.setInterval(250);
    QObject::connect(&reads, &QTimer::timeout, [&] {
        if (roundInFlight)
            return;
        roundInFlight = true;
        const qint64 startedAt = g_clock.elapsed();
        auto *w = new QFutureWatcher<QString>(&app);
        QObject::connect(w, &QFutureWatcherBase::finished, [&, w, startedAt] {
            w->deleteLater();
            roundInFlight = false;
            const QString error = w->result();
            const qint64 up = probe.upAt.loadRelaxed();
            if (error.isEmpty() && up >= 0 && startedAt >= up && readsOkAt < 0)
                readsOkAt = g_clock.elapsed();
        });
        w->setFuture(QtConcurrent::run(databasePool(), [db] { return bench::readRound(db); }));
    });
    const qint64 timeoutMs = parser.value(QStringLiteral("timeout")).toLongLong() * 1000;
    QTimer done;
    done.setInterval(100);
    QObject::connect(&done, &QTimer::timeout, [&] {
        const bool allGiven = next > batch->lastId && settled >= verdicts;
        const bool recovered = probe.upAt.loadRelaxed() >= 0 && readsOkAt >= 0 && flow.outboxSize() == 0;
        if ((allGiven && recovered) || g_clock.elapsed() > timeoutMs)
            app.quit();
    });
    progress(QStringLiteral("giving %1 verdicts").arg(verdicts));
    give.start();
    reads.start();
    done.start();
    app.exec();
    give.stop();
    reads.stop();
    flow.waitForWrites();
    databasePool()->waitForDone();
    probe.stop.storeRelaxed(true);
    probe.wait();

    const qint64 up = probe.upAt.loadRelaxed();
    const int left = flow.outboxSize();
    if (outboxEmptyAt < 0 && left == 0 && up >= 0)
        outboxEmptyAt = up;  // nothing waited
    db->reconnect();
    // Against the database only: a verdict refused, still in the outbox or written wrongly is lost.
    const auto [lost, duplicated] = bench::lostAndDuplicated(*db, given);
    const bool measured = up >= 0 && readsOkAt >= 0 && outboxEmptyAt >= 0;
    progress(QStringLiteral("server refused at %1 s, accepted again at %2 s; reads ok at %3 s, outbox empty at %4 s; "
                            "%5 written directly, %6 through the outbox, %7 failed, %8 left in the outbox")
                 .arg(probe.downAt.loadRelaxed() / 1000.0)
                 .arg(up / 1000.0)
                 .arg(readsOkAt / 1000.0)
                 .arg(outboxEmptyAt / 1000.0)
                 .arg(written)
                 .arg(queued)
                 .arg(failed)
                 .arg(left));
    // Printed by hand: the contract fixes the key order, which QJsonObject would sort.
    const QString recovery = measured
        ? QString::number((std::max(readsOkAt, outboxEmptyAt) - up) / 1000.0, 'f', 2)
        : QStringLiteral("null");
    std::printf("{\"recovery_s\":%s,\"outbox_delivered\":%d,\"lost\":%d,\"duplicated\":%d}\n",
                qPrintable(recovery), queued - left, lost, duplicated);
    return measured && lost == 0 && duplicated == 0 ? 0 : 1;
}
