// Scale benchmark helper for scripts/bench-scale.sh:
//   bench_scale gen-tsv N FILE       N synthetic decisions (120 days, 12 agents, 8 task types,
//                                    30 % feedback) as a LOAD DATA file of ai_telemetry
//   bench_scale gen-jsonl N FILE     N `record --jsonl` lines (created now)
//   bench_scale reads --db URL [--runs R] [--naive-runs K]
//                                    median ms of every dashboard read, rollups vs raw SQL
// The password comes from ATALAYA_DB_PASSWORD. Progress on stderr, JSON on stdout.
#include "alerts/Alerts.h"
#include "queue/ReviewQueue.h"
#include "queue/ReviewRules.h"
#include "stats/Calibration.h"
#include "stats/StatsSamples.h"
#include "stats/StatsService.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>

using namespace atalaya;

namespace {

const char *kAgents[] = {"agent-planner", "agent-reviewer", "agent-deployer", "agent-triage",
                         "agent-support", "agent-billing", "agent-security", "agent-data",
                         "agent-search", "agent-ops", "agent-qa", "agent-docs"};
const char *kTasks[] = {"code_review", "deployment_risk", "rollback_decision", "triage",
                        "performance_analysis", "optimization", "refund", "classification"};

struct Row {
    int agent;
    int task;
    int confidenceE4;
    int feedback;  // -1 none, 0 correct, 1 incorrect, 2 partially_correct
    int ms;
};

Row randomRow(std::mt19937_64 &rng)
{
    std::uniform_int_distribution<int> agent(0, 11), task(0, 7), pct(0, 99);
    std::normal_distribution<double> conf(0.82, 0.12), lat(0.0, 0.6);
    Row r;
    r.agent = agent(rng);
    r.task = task(rng);
    r.confidenceE4 = std::clamp(static_cast<int>(std::lround(conf(rng) * 10000)), 0, 10000);
    r.feedback = -1;
    if (pct(rng) < 30) {
        const int p = pct(rng);
        r.feedback = p < 70 ? 0 : p < 90 ? 1 : 2;
    }
    // Per-agent typical latency 150–700 ms, log-normal spread, a long tail past 1 s.
    r.ms = std::max(1, static_cast<int>(std::lround((150 + 50 * r.agent) * std::exp(lat(rng)))));
    return r;
}

int genTsv(qint64 rows, const QString &path)
{
    FILE *f = std::fopen(path.toLocal8Bit().constData(), "w");
    if (!f)
        return 1;
    std::mt19937_64 rng(42);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 span = 120LL * 86400 * 1000000;
    std::uniform_int_distribution<qint64> offset(0, span - 1);
    static const char *fb[] = {"correct", "incorrect", "partially_correct"};
    static const char *acc[] = {"1.0000", "0.0000", "0.5000"};
    for (qint64 i = 0; i < rows; ++i) {
        const Row r = randomRow(rng);
        const qint64 us = now * 1000000 - offset(rng);
        const time_t secs = static_cast<time_t>(us / 1000000);
        struct tm t;
        gmtime_r(&secs, &t);
        std::fprintf(f, "%s\t%s\t{\"action\":\"approve\",\"score\":%d}\t%d.%04d\t%s\t%s\t%d\t{\"source\":\"bench\"}\t"
                        "%04d-%02d-%02d %02d:%02d:%02d.%06lld\n",
                     kAgents[r.agent], kTasks[r.task], r.confidenceE4 % 100, r.confidenceE4 / 10000,
                     r.confidenceE4 % 10000, r.feedback < 0 ? "\\N" : fb[r.feedback],
                     r.feedback < 0 ? "\\N" : acc[r.feedback], r.ms, t.tm_year + 1900, t.tm_mon + 1, t.tm_mday,
                     t.tm_hour, t.tm_min, t.tm_sec, static_cast<long long>(us % 1000000));
    }
    return std::fclose(f) == 0 ? 0 : 1;
}

int genJsonl(qint64 rows, const QString &path)
{
    FILE *f = std::fopen(path.toLocal8Bit().constData(), "w");
    if (!f)
        return 1;
    std::mt19937_64 rng(7);
    for (qint64 i = 0; i < rows; ++i) {
        const Row r = randomRow(rng);
        std::fprintf(f, "{\"agent_id\":\"%s\",\"task_type\":\"%s\",\"decision\":{\"action\":\"approve\"},"
                        "\"confidence\":%d.%04d,\"execution_time_ms\":%d,\"metadata\":{\"source\":\"bench\"}}\n",
                     kAgents[r.agent], kTasks[r.task], r.confidenceE4 / 10000, r.confidenceE4 % 10000, r.ms);
    }
    return std::fclose(f) == 0 ? 0 : 1;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

// Median wall time of `runs` calls after one warm-up; false if a call failed.
std::optional<double> timeIt(int runs, const std::function<bool()> &call, bool warmUp = true)
{
    if (warmUp && !call())
        return std::nullopt;
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        if (!call())
            return std::nullopt;
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    return median(ms);
}

QJsonValue jsonMs(const std::optional<double> &ms)
{
    return ms ? QJsonValue(round1(*ms)) : QJsonValue();
}

int reads(const QString &url, int runs, int naiveRuns)
{
    auto parsed = DbUrl::parse(url);
    if (!parsed)
        return 2;
    DatabaseOptions options;
    options.readTimeoutSeconds = 3600;
    auto db = Database::open(*parsed, qEnvironmentVariable("ATALAYA_DB_PASSWORD"), options);
    if (!db) {
        QTextStream(stderr) << db.error().message << '\n';
        return 4;
    }
    const StatsQuery window = *StatsQuery::lastDays(30);
    QString method = QStringLiteral("exact");
    using Read = std::function<bool(const StatsService &)>;
    const std::vector<std::pair<QString, Read>> all = {
        {QStringLiteral("stats"), [&](const StatsService &s) {
             auto r = s.snapshot(window);
             if (r)
                 method = r->percentileMethod;
             return r.ok();
         }},
        {QStringLiteral("agent"), [&](const StatsService &s) { return s.agent(QString::fromLatin1(kAgents[3]), window).ok(); }},
        {QStringLiteral("accuracy"), [&](const StatsService &s) { return s.summary(window.withTask(QString::fromLatin1(kTasks[0]))).ok(); }},
        {QStringLiteral("agents"), [&](const StatsService &s) { return s.grouped(window, GroupBy::Agent).ok(); }},
        {QStringLiteral("trends"), [&](const StatsService &s) { return s.grouped(window, GroupBy::Day).ok(); }},
        {QStringLiteral("alerts"), [&](const StatsService &s) { return activeAlerts(s, window).ok(); }},
    };
    const StatsService fast(*db, true);
    const StatsService naive(*db, false);
    QJsonObject readsJson;
    for (const auto &[name, read] : all) {
        QTextStream(stderr) << "read " << name << ": atalaya…" << Qt::endl;
        const auto a = timeIt(runs, [&] { return read(fast); });
        QTextStream(stderr) << "read " << name << ": naive (" << naiveRuns << " runs)…" << Qt::endl;
        const auto n = timeIt(naiveRuns, [&] { return read(naive); }, false);
        QJsonObject o{{QStringLiteral("atalaya_ms"), jsonMs(a)}, {QStringLiteral("naive_ms"), jsonMs(n)}};
        if (a && n && *a > 0)
            o.insert(QStringLiteral("speedup"), std::round(*n / *a));
        readsJson.insert(name, o);
    }
    const StatsSamples fastSamples(*db, true);
    const StatsSamples naiveSamples(*db, false);
    auto calibration = [&](const StatsSamples &samples) {
        auto cells = samples.reviewedCells(window);
        return cells.ok() && computeCalibration(*cells, 10).binCount == 10;
    };
    QTextStream(stderr) << "read calibration: atalaya…" << Qt::endl;
    const auto cal = timeIt(runs, [&] { return calibration(fastSamples); });
    QTextStream(stderr) << "read calibration: naive (" << naiveRuns << " runs)…" << Qt::endl;
    const auto naiveCal = timeIt(naiveRuns, [&] { return calibration(naiveSamples); }, false);
    QJsonObject calJson{{QStringLiteral("atalaya_ms"), jsonMs(cal)}, {QStringLiteral("naive_ms"), jsonMs(naiveCal)}};
    if (cal && naiveCal && *cal > 0)
        calJson.insert(QStringLiteral("speedup"), std::round(*naiveCal / *cal));
    readsJson.insert(QStringLiteral("calibration"), calJson);
    QTextStream(stderr) << "queue first page…" << Qt::endl;
    const ReviewQueue queue(*db, ReviewRules::defaults());
    QueueFilter filter;
    filter.limit = 200;
    const auto queueMs = timeIt(runs, [&] { return queue.items(filter).ok(); });
    const QJsonObject out{{QStringLiteral("reads"), readsJson},
                          {QStringLiteral("queue_first_page_ms"), jsonMs(queueMs)},
                          {QStringLiteral("percentile_method"), method},
                          {QStringLiteral("runs"), runs},
                          {QStringLiteral("naive_runs"), naiveRuns}};
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args[1] == QLatin1String("gen-tsv"))
        return genTsv(args[2].toLongLong(), args[3]);
    if (args.size() >= 4 && args[1] == QLatin1String("gen-jsonl"))
        return genJsonl(args[2].toLongLong(), args[3]);
    if (args.size() >= 4 && args[1] == QLatin1String("reads")) {
        int runs = 5;
        int naiveRuns = 5;
        for (int i = 4; i + 1 < args.size(); i += 2) {
            if (args[i] == QLatin1String("--runs"))
                runs = args[i + 1].toInt();
            else if (args[i] == QLatin1String("--naive-runs"))
                naiveRuns = args[i + 1].toInt();
        }
        return reads(args[3], std::max(1, runs), std::max(1, naiveRuns));
    }
    QTextStream(stderr) << "usage: bench_scale gen-tsv N FILE | gen-jsonl N FILE | reads --db URL [--runs R] [--naive-runs K]\n";
    return 2;
}
