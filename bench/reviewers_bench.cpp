// Many reviewers against one server (issue 19 §1, docs/PERFORMANCE.md §Many reviewers): N
// reviewer sessions, each on its own thread with its own connection, run the review page's
// core code: a queue page (ReviewQueue items and counts), a verdict through the page's write
// path (FeedbackSender with its own outbox, the expected previous value "pending" as
// FeedbackFlow::record sends it), the counts again (countsWithout, as the page reloads them
// after a verdict), the next item, and every 30 s the counts and the dashboard's KPIs
// (StatsService snapshot). Meanwhile `atalaya-cli record --jsonl` feeds new rows and another
// thread writes human_feedback with plain SQL. Each pair of sessions meets at a barrier every
// few verdicts and both give a verdict on the same item: an injected conflict, which the
// second write must detect. Sessions otherwise take disjoint items (id modulo the sessions),
// so every conflict seen is an injected one; the plain SQL writer has a slot of its own.
// After the run: verdicts lost (reported written but without exactly that audit row and value)
// and duplicated (two audit rows for one verdict), queue counts table = rows, rollups = raw.
// Usage: reviewers_bench --db URL --cli PATH [--sessions N] [--seconds S] [--think-ms MS]
//   (password in ATALAYA_DB_PASSWORD). Progress on stderr; the last stdout line is JSON.
#include "bench/reviewers_check.h"
#include "bench/reviewers_session.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace atalaya;
using namespace atalaya::bench;

namespace {

QElapsedTimer g_clock;

void progress(const QString &text)
{
    std::fprintf(stderr, "[reviewers_bench %6.2f s] %s\n", g_clock.elapsed() / 1000.0, qPrintable(text));
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * double(v.size() - 1) + 0.5));
    return v[i];
}

QString figures(const std::vector<double> &v)
{
    return QStringLiteral("p50 %1 ms, p95 %2 ms, p99 %3 ms (%4)")
        .arg(percentile(v, 0.5), 0, 'f', 1)
        .arg(percentile(v, 0.95), 0, 'f', 1)
        .arg(percentile(v, 0.99), 0, 'f', 1)
        .arg(v.size());
}

// Live-shape rows through the CLI, a small JSONL file every second.
void feeder(Shared &s, const QString &cli, const QString &url, const QString &dir, std::atomic<qint64> &fed)
{
    const QString agents[] = {QStringLiteral("support-bot"), QStringLiteral("triage"), QStringLiteral("refunds")};
    const QString tasks[] = {QStringLiteral("chat_response"), QStringLiteral("ticket_triage"),
                             QStringLiteral("refund")};
    int round = 0;
    while (!s.stop.load()) {
        QElapsedTimer t;
        t.start();
        const QString path = dir + QStringLiteral("/feed-%1.jsonl").arg(round);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly)) {
            for (int i = 0; i < 20; ++i) {
                const int k = round * 20 + i;
                f.write(QStringLiteral("{\"agent_id\":\"%1\",\"task_type\":\"%2\",\"decision\":{\"action\":\"reply\"},"
                                       "\"confidence\":%3,\"execution_time_ms\":%4}\n")
                            .arg(agents[k % 3], tasks[(k / 3) % 3])
                            .arg((k * 37 % 100) / 100.0)
                            .arg(50 + k * 13 % 900)
                            .toUtf8());
            }
            f.close();
            QProcess p;
            p.start(cli, {QStringLiteral("--db"), url, QStringLiteral("record"), QStringLiteral("--jsonl"), path});
            if (p.waitForFinished(30000) && p.exitCode() == 0)
                fed += 20;
            else
                progress(QStringLiteral("record --jsonl failed: ") + QString::fromUtf8(p.readAllStandardError()));
        }
        ++round;
        std::this_thread::sleep_for(std::chrono::milliseconds(std::max<qint64>(0, 1000 - t.elapsed())));
    }
}

// Another system writes verdicts with plain SQL on the items no session takes (the last slot).
void plainWriter(Shared &s, std::atomic<qint64> &writes)
{
    const QString values[] = {QStringLiteral("correct"), QStringLiteral("incorrect"),
                              QStringLiteral("partially_correct")};
    const QString accuracy[] = {QStringLiteral("1.0"), QStringLiteral("0.0"), QStringLiteral("0.5")};
    QSqlDatabase c = s.db->connection();
    int n = 0;
    while (!s.stop.load()) {
        QSqlQuery pick(c);
        pick.prepare(QStringLiteral("SELECT id FROM ai_telemetry WHERE human_feedback IS NULL AND MOD(id, ?) = ?"
                                    " AND (id < ? OR id > ?) ORDER BY id LIMIT 5"));
        pick.addBindValue(s.sessions + 1);
        pick.addBindValue(s.sessions);
        pick.addBindValue(s.conflictFirst);
        pick.addBindValue(s.conflictLast);
        std::vector<qint64> ids;
        if (pick.exec())
            while (pick.next())
                ids.push_back(pick.value(0).toLongLong());
        for (qint64 id : ids) {
            QSqlQuery q(c);
            q.prepare(QStringLiteral("UPDATE ai_telemetry SET human_feedback = ?, accuracy = ? WHERE id = ?"));
            q.addBindValue(values[n % 3]);
            q.addBindValue(accuracy[n % 3]);
            q.addBindValue(id);
            ++n;
            if (q.exec())
                ++writes;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atalaya-reviewers-bench"));
    g_clock.start();
    QLoggingCategory::setFilterRules(QStringLiteral("atalaya.*.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db"), QStringLiteral("MariaDB URL (initialised)"), QStringLiteral("url")});
    parser.addOption({QStringLiteral("cli"), QStringLiteral("atalaya-cli for the live feed"), QStringLiteral("path")});
    parser.addOption(
        {QStringLiteral("sessions"), QStringLiteral("reviewer sessions"), QStringLiteral("n"), QStringLiteral("50")});
    parser.addOption(
        {QStringLiteral("seconds"), QStringLiteral("length of the run"), QStringLiteral("s"), QStringLiteral("60")});
    parser.addOption({QStringLiteral("think-ms"), QStringLiteral("a reviewer's pause between two verdicts"),
                      QStringLiteral("ms"), QStringLiteral("500")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("pending rows before the run"), QStringLiteral("n"),
                      QStringLiteral("20000")});
    parser.process(app);
    auto url = DbUrl::parse(parser.value(QStringLiteral("db")));
    if (!url) {
        std::fprintf(stderr, "error: %s\n", qPrintable(url.error().message));
        return 2;
    }
    const int sessions = parser.value(QStringLiteral("sessions")).toInt();
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();
    if (sessions < 2 || seconds < 5) {
        std::fprintf(stderr, "error: --sessions must be at least 2 and --seconds at least 5\n");
        return 2;
    }
    auto opened = Database::open(*url, qEnvironmentVariable("ATALAYA_DB_PASSWORD"));
    if (!opened) {
        std::fprintf(stderr, "error: %s\n", qPrintable(opened.error().message));
        return 4;
    }
    std::shared_ptr<Database> db = *opened;
    QTemporaryDir work;

    // Pending rows across the priorities, then the conflict items (P0: confidence below 0.70).
    const int seed = parser.value(QStringLiteral("seed")).toInt();
    std::vector<DecisionInput> rows(static_cast<size_t>(seed));
    for (size_t i = 0; i < rows.size(); ++i) {
        DecisionInput &d = rows[i];
        d.agentId = QStringLiteral("agent-%1").arg(i % 7);
        d.taskType = QStringLiteral("task-%1").arg(i % 5);
        d.confidence = double(i * 7919 % 1000) / 1000.0;
        d.decision = {{QStringLiteral("action"), QStringLiteral("approve")}};
        d.executionTimeMs = qint64(20 + i * 31 % 2000);
        d.createdAt = QDateTime::currentDateTimeUtc().addSecs(-qint64(i % (20 * 86400)));
    }
    auto seeded = DecisionRecorder(db).recordBatch(rows);
    const int pairs = sessions / 2;
    const size_t conflictItems = size_t(pairs) * 400;
    std::vector<DecisionInput> shared(conflictItems);
    for (DecisionInput &d : shared) {
        d.agentId = QStringLiteral("agent-conflict");
        d.taskType = QStringLiteral("task-0");
        d.confidence = 0.3;
        d.decision = {{QStringLiteral("action"), QStringLiteral("escalate")}};
        d.executionTimeMs = 100;
    }
    auto conflicts = DecisionRecorder(db).recordBatch(shared);
    if (!seeded || !conflicts) {
        std::fprintf(stderr, "error: seeding failed: %s\n",
                     qPrintable((seeded ? conflicts.error() : seeded.error()).message));
        return 1;
    }
    Shared s(conflictItems);
    s.db = db;
    s.sessions = sessions;
    s.conflictFirst = conflicts->firstId;
    s.conflictLast = conflicts->lastId;
    s.thinkMs = parser.value(QStringLiteral("think-ms")).toInt();
    s.outboxDir = work.path();
    for (int p = 0; p < pairs; ++p)
        s.pairs.push_back(std::make_unique<std::barrier<>>(2));
    progress(QStringLiteral("seeded %1 rows and %2 conflict items; %3 sessions for %4 s")
                 .arg(seed)
                 .arg(conflictItems)
                 .arg(sessions)
                 .arg(seconds));

    std::atomic<qint64> fed = 0, plain = 0;
    std::vector<std::thread> threads;
    threads.reserve(size_t(sessions) + 2);
    const QString cli = parser.value(QStringLiteral("cli"));
    const QString dbUrl = parser.value(QStringLiteral("db"));
    const QString dir = work.path();
    threads.emplace_back([&] { feeder(s, cli, dbUrl, dir, fed); });
    threads.emplace_back([&] { plainWriter(s, plain); });
    QElapsedTimer run;
    run.start();
    for (int i = 0; i < sessions; ++i)
        threads.emplace_back([&s, i] { reviewerSession(s, i); });
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    s.stop = true;
    for (std::thread &t : threads)
        t.join();
    const double runS = run.elapsed() / 1000.0;

    int injected = 0;
    for (const std::atomic<int> &a : s.conflictAttempts)
        injected += a.load() >= 2 ? 1 : 0;
    const auto [lost, duplicated] = lostAndDuplicated(*db, s.written);
    const QStringList wrong = exactness(db);
    const int verdicts = int(s.written.size());
    progress(QStringLiteral("%1 verdicts written in %2 s: %3 verdicts/s; %4 via the outbox, %5 failed, %6 rejected")
                 .arg(verdicts)
                 .arg(runS, 0, 'f', 1)
                 .arg(verdicts / runS, 0, 'f', 1)
                 .arg(s.queued)
                 .arg(s.failed)
                 .arg(s.rejected));
    progress(QStringLiteral("verdict → next item: ") + figures(s.nextMs));
    progress(QStringLiteral("queue page (items): ") + figures(s.pageMs));
    progress(QStringLiteral("queue counts: ") + figures(s.countsMs));
    progress(QStringLiteral("counts + KPI refresh every 30 s: ") + figures(s.kpiMs));
    progress(QStringLiteral("opening (page, counts, KPIs; all sessions at once): ") + figures(s.openMs));
    progress(
        QStringLiteral("conflicts injected %1, detected %2, elsewhere %3; live feed %4 rows, plain SQL %5 verdicts")
            .arg(injected)
            .arg(s.conflictsDetected)
            .arg(s.conflictsElsewhere)
            .arg(fed.load())
            .arg(plain.load()));
    progress(QStringLiteral("lost %1, duplicated %2; counts and rollups %3")
                 .arg(lost)
                 .arg(duplicated)
                 .arg(wrong.isEmpty() ? QStringLiteral("exact") : wrong.join(QStringLiteral("; "))));
    for (const QString &e : std::as_const(s.errors).mid(0, 5))
        progress(QStringLiteral("error: ") + e);
    // Printed by hand: the contract fixes the key order, which QJsonObject would sort.
    std::printf("{\"sessions\":%d,\"verdicts\":%d,\"p95_next_ms\":%.1f,\"conflicts_injected\":%d,"
                "\"conflicts_detected\":%d,\"lost\":%d,\"duplicated\":%d}\n",
                sessions, verdicts, percentile(s.nextMs, 0.95), injected, s.conflictsDetected, lost, duplicated);
    const bool ok = lost == 0 && duplicated == 0 && injected == s.conflictsDetected && s.conflictsElsewhere == 0
        && wrong.isEmpty() && s.errors.isEmpty();
    return ok ? 0 : 1;
}
