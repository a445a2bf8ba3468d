// Failover of a Galera cluster (docs/DEPLOYMENTS.md §Galera cluster, issue 19 §3): gives
// verdicts through the review page's write path (FeedbackFlow: writer thread, outbox, retries)
// and reads what the pages and the filter bar read on the GUI's database pool, with the
// window's connection watcher, over a node list URL. Right after giving verdict --kill-after it
// sends SIGKILL to the node it writes to (--kill-pid-file), so that verdict is in flight when its
// node dies. The time without service runs from the kill until a read round started after it
// works, a verdict given after it is written, and the outbox is empty. Then, on each surviving node on its own, it counts lost and
// duplicated verdicts and compares the rollups and queue counts with a naive recount.
// Usage: failover_bench --db mysql://user@h1:p1,h2:p2,h3:p3/db --kill-pid-file FILE
//   [--verdicts N] [--kill-after K] [--interval-ms MS] [--timeout S]
//   (password in ATALAYA_DB_PASSWORD). Progress on stderr; the last stdout line is JSON.
#include "bench/outage_common.h"
#include "bench/reviewers_check.h"
#include "core/queue/ReviewQueue.h"
#include "core/session/ConnectionWatcher.h"
#include "core/storage/Database.h"
#include "ui/common/DatabasePool.h"
#include "ui/review/FeedbackFlow.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QTimer>
#include <QtConcurrent>

#include <csignal>
#include <cstdio>
#include <map>

using namespace atalaya;

namespace {

QElapsedTimer g_clock;

void progress(const QString &text)
{
    std::fprintf(stderr, "[failover_bench %6.2f s] %s\n", g_clock.elapsed() / 1000.0, qPrintable(text));
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atalaya-failover-bench"));
    g_clock.start();
    // One line per verdict from the libraries would bury the figures.
    QLoggingCategory::setFilterRules(QStringLiteral("atalaya.*.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("MariaDB node list URL (initialised)"), QStringLiteral("url")});
    parser.addOption(
        {QStringLiteral("kill-pid-file"), QStringLiteral("pid file of the first node"), QStringLiteral("file")});
    parser.addOption(
        {QStringLiteral("verdicts"), QStringLiteral("verdicts to give"), QStringLiteral("n"), QStringLiteral("300")});
    parser.addOption({QStringLiteral("kill-after"), QStringLiteral("verdicts given before the kill"),
                      QStringLiteral("k"), QStringLiteral("60")});
    parser.addOption({QStringLiteral("interval-ms"), QStringLiteral("between two verdicts"), QStringLiteral("ms"),
                      QStringLiteral("50")});
    parser.addOption({QStringLiteral("timeout"), QStringLiteral("give up after this many seconds"), QStringLiteral("s"),
                      QStringLiteral("180")});
    parser.process(app);
    auto url = DbUrl::parse(parser.value(QStringLiteral("db")));
    if (!url || !url->isCluster()) {
        std::fprintf(stderr, "error: %s\n",
                     url ? "--db must list the nodes: mysql://user@h1:p1,h2:p2,h3:p3/db"
                         : qPrintable(url.error().message));
        return 2;
    }
    QFile pidFile(parser.value(QStringLiteral("kill-pid-file")));
    const qint64 pid = pidFile.open(QIODevice::ReadOnly) ? pidFile.readAll().trimmed().toLongLong() : -1;
    if (pid <= 0) {
        std::fprintf(stderr, "error: --kill-pid-file names no readable pid file; give the first node's\n");
        return 2;
    }
    const QString password = qEnvironmentVariable("ATALAYA_DB_PASSWORD");
    DatabaseOptions options;
    options.readTimeoutSeconds = 10;
    auto opened = Database::open(*url, password, options);
    if (!opened) {
        std::fprintf(stderr, "error: %s\n", qPrintable(opened.error().message));
        return 4;
    }
    std::shared_ptr<Database> db = *opened;
    if (db->activeNode() != 0) {
        std::fprintf(stderr, "error: the first node does not answer; start the cluster again\n");
        return 4;
    }
    const int verdicts = parser.value(QStringLiteral("verdicts")).toInt();
    const int killAfter = parser.value(QStringLiteral("kill-after")).toInt();
    auto batch = bench::seedDecisions(db, QStringLiteral("failover"), verdicts + 10);
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

    const Feedback values[] = {Feedback::Correct, Feedback::Incorrect, Feedback::PartiallyCorrect};
    std::map<qint64, Feedback> given;
    int queued = 0, written = 0, failed = 0, settled = 0;
    qint64 killedAt = -1;
    qint64 outboxEmptyAt = -1;  // after the kill
    qint64 readsOkAt = -1;  // the end of the first read round, started after the kill, where all worked
    qint64 writesOkAt = -1;  // the first verdict given after the kill written, nothing waiting before it
    bool roundInFlight = false;

    QObject::connect(&flow, &FeedbackFlow::settled, [&](qint64) { ++settled; });
    QObject::connect(&flow, &FeedbackFlow::outboxSizeChanged, [&](int size) {
        if (size == 0 && killedAt >= 0 && outboxEmptyAt < 0)
            outboxEmptyAt = g_clock.elapsed();
    });
    QObject::connect(&watcher, &ConnectionWatcher::lost,
                     [](const QString &reason) { progress(QStringLiteral("connection lost: ") + reason); });
    // What MainWindow::connectionRestored does for the review page: deliver at once.
    QObject::connect(&watcher, &ConnectionWatcher::restored, [&] {
        progress(QStringLiteral("connection restored: ") + db->describeActive());
        flow.deliverNow();
    });
    // Counted by the flow's own messages: Queued → "kept in the outbox", Written → "Saved".
    QObject::connect(&flow, &FeedbackFlow::message, [&](const QString &text) {
        if (text.startsWith(QLatin1String("Saved"))) {
            ++written;
            // The writer thread keeps click order: the verdict in flight at the kill settled first.
            const qint64 id = text.section(QLatin1Char('#'), 1).section(QLatin1Char(':'), 0, 0).toLongLong();
            if (killedAt >= 0 && writesOkAt < 0 && id >= batch->firstId + killAfter * batch->idStep
                && flow.outboxSize() == 0)
                writesOkAt = g_clock.elapsed();
        }
        else if (text.contains(QLatin1String("kept in the outbox")))
            ++queued;
        else if (text.contains(QLatin1String("was not saved")))
            ++failed;
        if (!text.startsWith(QLatin1String("Saved")) && !text.contains(QLatin1String("waiting behind")))
            progress(text);
    });

    qint64 next = batch->firstId;
    const qint64 last = batch->firstId + (verdicts - 1) * batch->idStep;
    QTimer give;
    give.setInterval(parser.value(QStringLiteral("interval-ms")).toInt());
    QObject::connect(&give, &QTimer::timeout, [&] {
        if (next > last) {
            give.stop();
            return;
        }
        QueueItem item;
        item.id = next;
        next += batch->idStep;
        item.priority = Priority::P0;
        const Feedback value = values[given.size() % 3];
        given[item.id] = value;
        flow.record(item, value, QStringLiteral("bench"), {});
        if (int(given.size()) == killAfter) {
            ::kill(static_cast<pid_t>(pid), SIGKILL);
            killedAt = g_clock.elapsed();
            progress(QStringLiteral("SIGKILL to node 1 (pid %1) right after verdict %2").arg(pid).arg(killAfter));
        }
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
            if (error.isEmpty() && killedAt >= 0 && startedAt >= killedAt && readsOkAt < 0)
                readsOkAt = g_clock.elapsed();
        });
        w->setFuture(QtConcurrent::run(databasePool(), [db] { return bench::readRound(db); }));
    });
    const qint64 timeoutMs = parser.value(QStringLiteral("timeout")).toLongLong() * 1000;
    QTimer done;
    done.setInterval(100);
    QObject::connect(&done, &QTimer::timeout, [&] {
        const bool allGiven = next > last && settled >= verdicts;
        const bool recovered = killedAt >= 0 && readsOkAt >= 0 && writesOkAt >= 0 && flow.outboxSize() == 0;
        if ((allGiven && recovered) || g_clock.elapsed() > timeoutMs)
            app.quit();
    });
    progress(QStringLiteral("giving %1 verdicts on %2").arg(verdicts).arg(db->describeActive()));
    give.start();
    reads.start();
    done.start();
    app.exec();
    give.stop();
    reads.stop();
    flow.waitForWrites();
    databasePool()->waitForDone();

    const int left = flow.outboxSize();
    if (outboxEmptyAt < 0 && left == 0 && killedAt >= 0)
        outboxEmptyAt = killedAt;  // nothing waited
    // Against each surviving node on its own: a verdict refused, still in the outbox or written
    // wrongly is lost.
    int lost = 0, duplicated = 0;
    bool exact = true;
    for (qsizetype node = 1; node < url->nodes().size(); ++node) {
        auto at = Database::open(url->atNode(node), password, options);
        if (!at) {
            progress(QStringLiteral("node %1: %2").arg(node + 1).arg(at.error().message));
            exact = false;
            lost = verdicts;
            continue;
        }
        const auto [l, d] = bench::lostAndDuplicated(**at, given);
        lost = std::max(lost, l);
        duplicated = std::max(duplicated, d);
        const QStringList wrong = bench::exactness(*at);
        exact = exact && wrong.isEmpty();
        progress(QStringLiteral("node %1: %2 lost, %3 duplicated, rollups and counts %4")
                     .arg(node + 1)
                     .arg(l)
                     .arg(d)
                     .arg(wrong.isEmpty() ? QStringLiteral("exact") : wrong.join(QLatin1String("; "))));
    }
    const bool measured = killedAt >= 0 && readsOkAt >= 0 && writesOkAt >= 0 && outboxEmptyAt >= 0;
    progress(QStringLiteral("killed at %1 s; reads ok at %2 s, first verdict after the kill written at %3 s, "
                            "outbox empty at %4 s on %5; "
                            "%6 written, %7 through the outbox, %8 failed, %9 left in the outbox")
                 .arg(killedAt / 1000.0)
                 .arg(readsOkAt / 1000.0)
                 .arg(writesOkAt / 1000.0)
                 .arg(outboxEmptyAt / 1000.0)
                 .arg(db->describeActive())
                 .arg(written)
                 .arg(queued)
                 .arg(failed)
                 .arg(left));
    // Printed by hand: the contract fixes the key order, which QJsonObject would sort.
    const QString outage = measured
        ? QString::number((std::max({readsOkAt, writesOkAt, outboxEmptyAt}) - killedAt) / 1000.0, 'f', 2)
                                    : QStringLiteral("null");
    std::printf("{\"nodes\":%lld,\"verdicts\":%d,\"lost\":%d,\"duplicated\":%d,\"outage_s\":%s,"
                "\"rollups_exact\":%s}\n",
                static_cast<long long>(url->nodes().size()), verdicts, lost, duplicated, qPrintable(outage),
                exact ? "true" : "false");
    return measured && lost == 0 && duplicated == 0 && exact ? 0 : 1;
}
