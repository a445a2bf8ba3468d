// Scale benchmark helper for scripts/bench-scale.sh:
//   bench_scale gen-tsv N FILE       N synthetic decisions (120 days, 12 agents, 8 task types,
//                                    30 % feedback; 9 agents with 1–3 model versions in
//                                    metadata.model_version) as a LOAD DATA file of ai_telemetry
//   bench_scale gen-reviews N FILE   atalaya_reviews rows for gen-tsv's N decisions (ids 1..N):
//                                    first reviews (80 % of the reviewed; the rest another
//                                    system's), the rules' 5 % sample second-reviewed by another
//                                    reviewer unless reviewed in the last 7 days, 12 % of those
//                                    disagreeing, 90 % of disagreements adjudicated by a third
//   bench_scale gen-jsonl N FILE     N `record --jsonl` lines (created now)
//   bench_scale reads --db URL [--runs R] [--naive-runs K] [--only READ,READ]
//                                    median ms of every dashboard read, rollups vs raw SQL
//                                    (--naive-runs 0 skips the raw reads; --end-days-ago N
//                                    moves the 30-day window back, for profiling), then every
//                                    read of every page (core/dashboard/PageReads) and each
//                                    page's reads in a row, and the Second review and
//                                    Adjudication views' first page and counts ("double_review");
//                                    with --only, only the reads named (double_review,
//                                    queue_first_page and pages among them)
// The password comes from ATALAYA_DB_PASSWORD. Progress on stderr, JSON on stdout.
#include "core/alerts/Alerts.h"
#include "core/dashboard/PageReads.h"
#include "core/queue/DoubleReview.h"
#include "core/queue/ReviewQueue.h"
#include "core/queue/ReviewRules.h"
#include "core/stats/Calibration.h"
#include "core/stats/StatsSamples.h"
#include "core/stats/StatsService.h"
#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <random>

using namespace atalaya;

namespace {

const char *kAgents[] = {"agent-planner", "agent-reviewer", "agent-deployer", "agent-triage",
                         "agent-support", "agent-billing",  "agent-security", "agent-data",
                         "agent-search",  "agent-ops",      "agent-qa",       "agent-docs"};
const char *kTasks[] = {"code_review",  "deployment_risk", "rollback_decision", "triage", "performance_analysis",
                        "optimization", "refund",          "classification"};

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

// Each agent's model versions the way agents roll them out: oldest first, each newer one
// taking over at a day (days before now) over a two-day canary. Three agents log none.
struct AgentVersions {
    const char *versions[3];
    int takeOverDaysAgo[2];
};
const AgentVersions kAgentVersions[] = {
    {{"v3.0.0", "v3.1.0", "v3.2.0"}, {25, 8}},             // planner: three in 30 days
    {{"gpt-4o-2024-05-13", "gpt-4o-2024-08-06"}, {40}},  // reviewer
    {{"v1.4.2"}, {}},                                    // deployer
    {{}, {}},                                            // triage: none
    {{"2024.06", "2024.09"}, {18}},                      // support
    {{"v0.9.0", "v1.0.0", "v1.1.0"}, {100, 50}},         // billing
    {{"v2.2.0"}, {}},                                    // security
    {{}, {}},                                            // data: none
    {{"v5.0.1", "v5.1.0"}, {5}},                         // search
    {{"v1.0.0", "v1.1.0", "v2.0.0"}, {60, 20}},          // ops
    {{"v0.3.0", "v0.4.0"}, {28}},                        // qa
    {{}, {}},                                            // docs: none
};

// A row's version from its agent, age and index only: no draw from the row generator, so the
// rows (and gen-reviews' reviews of them) are the ones generated before versions existed.
const char *modelVersionOf(int agent, qint64 ageUs, qint64 index)
{
    const AgentVersions &v = kAgentVersions[agent];
    int at = 0;
    std::uint64_t h = static_cast<std::uint64_t>(index) * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E5ULL;
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
    const double draw = static_cast<double>((h ^ (h >> 31)) >> 11) / 9007199254740992.0;
    const double ageDays = static_cast<double>(ageUs) / (86400.0 * 1e6);
    for (int k = 0; k < 2 && v.versions[k + 1]; ++k) {
        // The newer version's share rises from 0 to 1 over the day before and after its day.
        const double share = std::clamp((v.takeOverDaysAgo[k] + 1.0 - ageDays) / 2.0, 0.0, 1.0);
        if (draw < share)
            at = k + 1;
    }
    return v.versions[at];
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
        const qint64 age = offset(rng);
        const qint64 us = now * 1000000 - age;
        const time_t secs = static_cast<time_t>(us / 1000000);
        struct tm t;
        gmtime_r(&secs, &t);
        const char *version = modelVersionOf(r.agent, age, i);
        char metadata[96];
        if (version)
            std::snprintf(metadata, sizeof metadata, "{\"source\":\"bench\",\"model_version\":\"%s\"}", version);
        else
            std::snprintf(metadata, sizeof metadata, "{\"source\":\"bench\"}");
        std::fprintf(f,
                     "%s\t%s\t{\"action\":\"approve\",\"score\":%d}\t%d.%04d\t%s\t%s\t%d\t%s\t"
                     "%04d-%02d-%02d %02d:%02d:%02d.%06lld\n",
                     kAgents[r.agent], kTasks[r.task], r.confidenceE4 % 100, r.confidenceE4 / 10000,
                     r.confidenceE4 % 10000, r.feedback < 0 ? "\\N" : fb[r.feedback],
                     r.feedback < 0 ? "\\N" : acc[r.feedback], r.ms, metadata, t.tm_year + 1900, t.tm_mon + 1,
                     t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, static_cast<long long>(us % 1000000));
    }
    return std::fclose(f) == 0 ? 0 : 1;
}

// The same rows as genTsv (same seed, same draws), so a review lands on the decision it names.
int genReviews(qint64 rows, const QString &path)
{
    FILE *f = std::fopen(path.toLocal8Bit().constData(), "w");
    if (!f)
        return 1;
    std::mt19937_64 rng(42);
    std::mt19937_64 reviewRng(4242);
    std::uniform_int_distribution<int> pct(0, 99), reviewer(0, 5), minutes(5, 2880);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 span = 120LL * 86400 * 1000000;
    const qint64 recent = now * 1000000 - 7LL * 86400 * 1000000;
    std::uniform_int_distribution<qint64> offset(0, span - 1);
    static const char *fb[] = {"correct", "incorrect", "partially_correct"};
    auto stamp = [](qint64 us) {
        const time_t secs = static_cast<time_t>(us / 1000000);
        struct tm t;
        gmtime_r(&secs, &t);
        char text[40];
        std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d.%06lld", t.tm_year + 1900, t.tm_mon + 1,
                      t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, static_cast<long long>(us % 1000000));
        return std::string(text);
    };
    auto line = [&](qint64 id, int who, const char *verdict, const char *role, qint64 us) {
        std::fprintf(f, "%lld\tbench-reviewer-%d\t%s\t\\N\t%s\t%s\n", static_cast<long long>(id), who, verdict, role,
                     stamp(us).c_str());
    };
    for (qint64 i = 0; i < rows; ++i) {
        const Row r = randomRow(rng);
        const qint64 created = now * 1000000 - offset(rng);
        if (r.feedback < 0)
            continue;
        const qint64 id = i + 1;
        const bool atalaya = pct(reviewRng) < 80;
        const int first = reviewer(reviewRng);
        qint64 at = created + minutes(reviewRng) * 60000000LL;
        if (atalaya)
            line(id, first, fb[r.feedback], "first", at);
        if (ReviewRules::secondReviewBucket(id) >= 5 || created >= recent)
            continue;
        // A second review stores another system's first review as "(external)".
        if (!atalaya)
            std::fprintf(f, "%lld\t(external)\t%s\t\\N\tfirst\t%s\n", static_cast<long long>(id), fb[r.feedback],
                         stamp(at).c_str());
        const int second = (first + 1 + reviewer(reviewRng) % 5) % 6;
        const bool disagrees = pct(reviewRng) < 12;
        at += minutes(reviewRng) * 60000000LL;
        line(id, second, disagrees ? fb[(r.feedback + 1) % 3] : fb[r.feedback], "second", at);
        if (disagrees && pct(reviewRng) < 90) {
            int third = (second + 1) % 6;
            if (third == first)
                third = (third + 1) % 6;
            line(id, third, fb[r.feedback], "adjudication", at + minutes(reviewRng) * 60000000LL);
        }
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
        std::fprintf(f,
                     "{\"agent_id\":\"%s\",\"task_type\":\"%s\",\"decision\":{\"action\":\"approve\"},"
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

struct Timed {
    std::optional<double> atalaya;
    std::optional<double> naive;
};

QJsonObject timedJson(const Timed &t)
{
    QJsonObject o{{QStringLiteral("atalaya_ms"), jsonMs(t.atalaya)}, {QStringLiteral("naive_ms"), jsonMs(t.naive)}};
    if (t.atalaya && t.naive && *t.atalaya > 0)
        o.insert(QStringLiteral("speedup"), std::round(*t.naive / *t.atalaya));
    return o;
}

// Every read of every page, as the pages make them (median of `runs` after a warm-up), and
// each page's reads one after the other: what a page waits for before it paints.
QJsonObject pageTimes(const std::shared_ptr<const Database> &db, const StatsQuery &window, int runs)
{
    const PageReadInput in{db, window, ReviewRules::defaults()};
    const std::vector<CatalogueRead> catalogue = pageReadCatalogue();
    QStringList order;
    for (const CatalogueRead &r : catalogue) {
        if (!order.contains(r.page))
            order << r.page;
    }
    QJsonObject pages;
    for (const QString &page : order) {
        std::vector<const CatalogueRead *> reads;
        for (const CatalogueRead &r : catalogue) {
            if (r.page == page)
                reads.push_back(&r);
        }
        QJsonObject readsJson;
        for (const CatalogueRead *r : reads) {
            const auto ms = timeIt(runs, [&] {
                const Status s = r->run(in);
                if (!s)
                    QTextStream(stderr) << "page " << page << " read " << r->read << ": " << s.error().message
                                        << Qt::endl;
                return s.ok();
            });
            readsJson.insert(r->read, jsonMs(ms));
        }
        const auto total = timeIt(runs, [&] {
            return std::all_of(reads.begin(), reads.end(), [&](const CatalogueRead *r) { return r->run(in).ok(); });
        });
        QString line = QStringLiteral("page %1: %2 ms (").arg(page, -10).arg(total ? round1(*total) : -1.0);
        QStringList parts;
        for (const CatalogueRead *r : reads)
            parts << QStringLiteral("%1 %2").arg(r->read).arg(readsJson.value(r->read).toDouble(-1.0));
        QTextStream(stderr) << line << parts.join(QStringLiteral(", ")) << ')' << Qt::endl;
        pages.insert(page,
                     QJsonObject{{QStringLiteral("total_ms"), jsonMs(total)}, {QStringLiteral("reads"), readsJson}});
    }
    return pages;
}

// The Second review and Adjudication views as the review page reads them for one of the
// generated reviewers: the first page of 200 and the per-priority counts, with what they hold.
QJsonObject doubleReviewTimes(const std::shared_ptr<const Database> &db, const QueueFilter &page, int runs)
{
    const DoubleReview views(db, ReviewRules::defaults());
    const QString who = QStringLiteral("bench-reviewer-0");
    QJsonObject out;
    DoubleReviewCounts second;
    DoubleReviewCounts adjudication;
    const std::vector<std::pair<QString, std::function<bool()>>> timed = {
        {QStringLiteral("second_items_ms"), [&] { return views.secondReviewItems(who, page).ok(); }},
        {QStringLiteral("second_counts_ms"),
         [&] {
             auto c = views.secondReviewCounts(who, {});
             if (c)
                 second = *c;
             return c.ok();
         }},
        {QStringLiteral("adjudication_items_ms"), [&] { return views.adjudicationItems(who, page).ok(); }},
        {QStringLiteral("adjudication_counts_ms"),
         [&] {
             auto c = views.adjudicationCounts(who, {});
             if (c)
                 adjudication = *c;
             return c.ok();
         }},
    };
    for (const auto &[name, call] : timed) {
        QTextStream(stderr) << "double review: " << name << "…" << Qt::endl;
        out.insert(name, jsonMs(timeIt(runs, call)));
    }
    out.insert(QStringLiteral("second_waiting"), second.all());
    out.insert(QStringLiteral("second_for_others"), second.forOthers);
    out.insert(QStringLiteral("adjudication_waiting"), adjudication.all());
    out.insert(QStringLiteral("adjudication_for_others"), adjudication.forOthers);
    QTextStream(stderr) << "double review: " << QJsonDocument(out).toJson(QJsonDocument::Compact) << Qt::endl;
    return out;
}

int reads(const QString &url, int runs, int naiveRuns, const QStringList &only, int endDaysAgo)
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
    const StatsQuery window = *StatsQuery::lastDays(30, QDateTime::currentDateTimeUtc().addDays(-endDaysAgo));
    QString method = QStringLiteral("exact");
    const StatsService fast(*db, true);
    const StatsService naive(*db, false);
    const StatsSamples fastSamples(*db, true);
    const StatsSamples naiveSamples(*db, false);
    // The dashboard's table (10 bins); the naive side groups the raw rows per 10⁻⁴.
    auto calibration = [&](const StatsSamples &samples) {
        auto report = samples.calibration(window, 10);
        return report.ok() && report->binCount == 10;
    };
    const ReviewQueue queue(*db, ReviewRules::defaults());
    const QueueFilter everyAgent;
    // Each read as the dashboard makes it (`fast`) and straight from ai_telemetry (`naive`).
    struct Read {
        QString name;
        std::function<bool()> fast;
        std::function<bool()> naive;
    };
    const std::vector<Read> all = {
        {QStringLiteral("stats"),
         [&] {
             auto r = fast.snapshot(window);
             if (r)
                 method = r->percentileMethod;
             return r.ok();
         },
         [&] { return naive.snapshot(window).ok(); }},
        {QStringLiteral("agent"), [&] { return fast.agent(QString::fromLatin1(kAgents[3]), window).ok(); },
         [&] { return naive.agent(QString::fromLatin1(kAgents[3]), window).ok(); }},
        {QStringLiteral("accuracy"), [&] { return fast.summary(window.withTask(QString::fromLatin1(kTasks[0]))).ok(); },
         [&] { return naive.summary(window.withTask(QString::fromLatin1(kTasks[0]))).ok(); }},
        {QStringLiteral("agents"), [&] { return fast.grouped(window, GroupBy::Agent).ok(); },
         [&] { return naive.grouped(window, GroupBy::Agent).ok(); }},
        {QStringLiteral("trends"), [&] { return fast.grouped(window, GroupBy::Day).ok(); },
         [&] { return naive.grouped(window, GroupBy::Day).ok(); }},
        {QStringLiteral("alerts"), [&] { return activeAlerts(fast, window).ok(); },
         [&] { return activeAlerts(naive, window).ok(); }},
        {QStringLiteral("calibration"), [&] { return calibration(fastSamples); },
         [&] { return calibration(naiveSamples); }},
        {QStringLiteral("queue_counts"), [&] { return queue.counts(everyAgent, QDateTime::currentDateTimeUtc()).ok(); },
         [&] { return queue.countsFromRows(everyAgent, QDateTime::currentDateTimeUtc()).ok(); }},
    };
    QJsonObject readsJson;
    for (const Read &read : all) {
        if (!only.isEmpty() && !only.contains(read.name))
            continue;
        Timed t;
        QTextStream(stderr) << "read " << read.name << ": atalaya…" << Qt::endl;
        t.atalaya = timeIt(runs, read.fast);
        QTextStream(stderr) << "read " << read.name << ": naive (" << naiveRuns << " runs)…" << Qt::endl;
        if (naiveRuns > 0)
            t.naive = timeIt(naiveRuns, read.naive, false);
        readsJson.insert(read.name, timedJson(t));
    }
    auto wanted = [&](const char *name) { return only.isEmpty() || only.contains(QLatin1String(name)); };
    QueueFilter filter;
    filter.limit = 200;
    std::optional<double> queueMs;
    if (wanted("queue_first_page")) {
        QTextStream(stderr) << "queue first page…" << Qt::endl;
        queueMs = timeIt(runs, [&] { return queue.items(filter).ok(); });
    }
    QJsonObject pages;
    if (wanted("pages")) {
        QTextStream(stderr) << "every read of every page…" << Qt::endl;
        pages = pageTimes(*db, window, runs);
    }
    QJsonObject out{{QStringLiteral("reads"), readsJson},
                    {QStringLiteral("pages"), pages},
                    {QStringLiteral("queue_first_page_ms"), jsonMs(queueMs)},
                    {QStringLiteral("percentile_method"), method},
                    {QStringLiteral("runs"), runs},
                    {QStringLiteral("naive_runs"), naiveRuns}};
    if (wanted("double_review"))
        out.insert(QStringLiteral("double_review"), doubleReviewTimes(*db, filter, runs));
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args[1] == QLatin1String("gen-tsv"))
        return genTsv(args[2].toLongLong(), args[3]);
    if (args.size() >= 4 && args[1] == QLatin1String("gen-reviews"))
        return genReviews(args[2].toLongLong(), args[3]);
    if (args.size() >= 4 && args[1] == QLatin1String("gen-jsonl"))
        return genJsonl(args[2].toLongLong(), args[3]);
    if (args.size() >= 4 && args[1] == QLatin1String("reads")) {
        int runs = 5;
        int naiveRuns = 5;
        QStringList only;
        int endDaysAgo = 0;
        for (int i = 4; i + 1 < args.size(); i += 2) {
            if (args[i] == QLatin1String("--runs"))
                runs = args[i + 1].toInt();
            else if (args[i] == QLatin1String("--naive-runs"))
                naiveRuns = args[i + 1].toInt();
            else if (args[i] == QLatin1String("--only"))
                only = args[i + 1].split(QLatin1Char(','));
            else if (args[i] == QLatin1String("--end-days-ago"))
                endDaysAgo = args[i + 1].toInt();
        }
        return reads(args[3], std::max(1, runs), std::max(0, naiveRuns), only, endDaysAgo);
    }
    QTextStream(stderr)
        << "usage: bench_scale gen-tsv N FILE | gen-reviews N FILE | gen-jsonl N FILE | reads --db URL [--runs R] "
           "[--naive-runs K] [--only READ,...] [--end-days-ago N]\n";
    return 2;
}
