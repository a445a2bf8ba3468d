// Cost of the model-version reads (docs/INSIGHTS.md §Model versions): `--rows N` demo
// decisions (6 agents, one model upgrade each, 60 days) written to `--db URL` (default: a
// temporary SQLite file; the password from ATALAYA_DB_PASSWORD) after `init`, the stale rollup
// sections built once (timed), then the median of `--runs` of: `versions --agent` (30 days) for
// the biggest and the smallest agent, the Accuracy page's all-agent table (30 days), and the
// version read inside `insights` (14 days), from the rollups' model-version sections; the
// `*_raw` figures are the same reads from raw rows (the path without rollups). `--skip-raw`
// leaves those out (minutes at 10 M rows). Prints one JSON document.
#include "bench/thread_cpu.h"
#include "core/demo/DemoGenerator.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/insights/InsightsService.h"
#include "core/insights/ModelVersions.h"
#include "core/rollup/RollupMaintenance.h"
#include "core/setup/SchemaInstaller.h"
#include "core/storage/Database.h"
#include "core/storage/DbUrl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace atalaya;

namespace {

[[noreturn]] void fail(const QString &why)
{
    QTextStream(stderr) << "error: " << why << '\n';
    std::exit(1);
}

template <typename T> T orFail(Result<T> r)
{
    if (!r)
        fail(r.error().message);
    return std::move(*r);
}

// Median wall and CPU time of `runs` runs: on a shared machine the wall time also counts the
// waits for a core, the CPU time is what the read costs this process (the server's share not
// included on MariaDB).
QJsonObject timed(int runs, const std::function<void()> &read)
{
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const double cpuBefore = bench::threadCpuMs();
        read();
        cpu.push_back(bench::threadCpuMs() - cpuBefore);
        wall.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return std::round(v[v.size() / 2] * 10) / 10;
    };
    return {{QStringLiteral("wall_ms"), median(wall)}, {QStringLiteral("cpu_ms"), median(cpu)}};
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("rows"), QStringLiteral("Demo decisions to write."), QStringLiteral("n"),
          QStringLiteral("100000")},
         {QStringLiteral("runs"), QStringLiteral("Runs per read (median)."), QStringLiteral("n"), QStringLiteral("5")},
         {QStringLiteral("db"), QStringLiteral("Database URL (default: a temporary SQLite file)."),
          QStringLiteral("url")},
         {QStringLiteral("skip-raw"), QStringLiteral("Leave out the raw reads.")}});
    parser.process(app);
    const int rows = parser.value(QStringLiteral("rows")).toInt();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    QTemporaryDir dir;
    const QString url = parser.isSet(QStringLiteral("db"))
        ? parser.value(QStringLiteral("db"))
        : QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("bench.db"));
    DatabaseOptions options;
    options.readTimeoutSeconds = 3600;
    auto db = orFail(Database::open(orFail(DbUrl::parse(url)), qEnvironmentVariable("ATALAYA_DB_PASSWORD"), options));
    orFail(initialize(*db));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    constexpr int kChunk = 50000;
    for (int done = 0; done < rows; done += kChunk) {
        DemoOptions demo;
        demo.decisions = std::min(kChunk, rows - done);
        demo.seed = 42 + static_cast<quint64>(done);
        demo.now = now;
        orFail(DecisionRecorder(db).recordBatch(generateDemoDecisions(demo)));
        QTextStream(stderr) << "written " << done + demo.decisions << " rows\n";
    }
    const double loadS = static_cast<double>(timer.elapsed()) / 1000.0;
    timer.restart();
    if (Status s = rollup::buildStaleSections(*db); !s)
        fail(s.error().message);
    const double sectionsS = static_cast<double>(timer.elapsed()) / 1000.0;

    const StatsQuery month = *StatsQuery::lastDays(30, now);
    auto window = orFail(InsightsService::windows(InsightOptions{}));
    StatsQuery span = window.first;
    span.from = window.second.from;
    ModelVersionsService service(db);
    auto raw = [&](const StatsQuery &q) { orFail(versions::readVersions(*db, q, nullptr, versions::Source::Raw)); };
    QJsonObject figures{
        {QStringLiteral("rows"), rows},
        {QStringLiteral("backend"), db->dialect().isMySql() ? QStringLiteral("mariadb") : QStringLiteral("sqlite")},
        {QStringLiteral("load_s"), loadS},
        {QStringLiteral("build_stale_sections_s"), sectionsS},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("versions_biggest_agent_30d"),
         timed(runs, [&] { orFail(service.report(QStringLiteral("support-chat-assistant"), month)); })},
        {QStringLiteral("versions_smallest_agent_30d"),
         timed(runs, [&] { orFail(service.report(QStringLiteral("performance-analyzer"), month)); })},
        {QStringLiteral("accuracy_page_all_agents_30d"), timed(runs, [&] { orFail(service.reports(month)); })},
        {QStringLiteral("insights_version_read_14d"), timed(runs, [&] { orFail(versions::readVersions(*db, span)); })},
        {QStringLiteral("insights_total"), timed(runs, [&] { orFail(InsightsService(db).run({})); })},
    };
    if (!parser.isSet(QStringLiteral("skip-raw"))) {
        figures.insert(QStringLiteral("versions_biggest_agent_30d_raw"),
                       timed(runs, [&] { raw(month.withAgent(QStringLiteral("support-chat-assistant"))); }));
        figures.insert(QStringLiteral("versions_smallest_agent_30d_raw"),
                       timed(runs, [&] { raw(month.withAgent(QStringLiteral("performance-analyzer"))); }));
        figures.insert(QStringLiteral("insights_version_read_14d_raw"), timed(runs, [&] { raw(span); }));
    }
    QTextStream(stdout) << QJsonDocument(figures).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
