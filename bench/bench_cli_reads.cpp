// Fills a database with N demo decisions (seed schema, 120 days) unless it already holds
// them, then times what a user of atalaya-cli sees: `record --jsonl` throughput and the
// median wall time of every CLI read. Prints one JSON document. Not a test: run it through
// scripts/bench-foundation.sh, which brings its own MariaDB server.
#include "core/common/TimeUtil.h"
#include "core/demo/DemoGenerator.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/setup/SchemaInstaller.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace atalaya;

namespace {

constexpr int kDays = 120;
constexpr int kChunk = 50000;

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

[[noreturn]] void die(const QString &message)
{
    err() << "error: " << message << Qt::endl;
    std::exit(1);
}

qint64 rowCount(const Database &db)
{
    auto q = execQuery(db, QStringLiteral("SELECT COUNT(*) FROM ai_telemetry"), {}, QStringLiteral("counting rows"));
    if (!q || !q->next())
        die(q ? QStringLiteral("no count") : q.error().message);
    return q->value(0).toLongLong();
}

std::vector<DecisionInput> chunkOf(int rows, quint64 seed, const QDateTime &now)
{
    DemoOptions options;
    options.decisions = rows;
    options.days = kDays;
    options.seed = seed;
    options.now = now;
    return generateDemoDecisions(options);
}

QByteArray jsonLine(const DecisionInput &d)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("agent_id"), d.agentId},
                                     {QStringLiteral("task_type"), d.taskType},
                                     {QStringLiteral("decision"), d.decision},
                                     {QStringLiteral("confidence"), d.confidence},
                                     {QStringLiteral("execution_time_ms"), d.executionTimeMs},
                                     {QStringLiteral("metadata"), d.metadata},
                                     {QStringLiteral("created_at"), toIsoUtc(d.createdAt)}})
               .toJson(QJsonDocument::Compact)
        + '\n';
}

struct CliTiming {
    double ms = 0;
    QByteArray out;
};

CliTiming runCli(const QString &cli, const QString &url, const QStringList &args)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(cli, QStringList{QStringLiteral("--db"), url} + args);
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        die(QStringLiteral("atalaya-cli %1 failed: %2")
                .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(p.readAllStandardError())));
    CliTiming timing;
    timing.ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
    timing.out = p.readAllStandardOutput();
    return timing;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times atalaya-cli reads and record throughput."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("Database URL (password in ATALAYA_DB_PASSWORD)."),
         QStringLiteral("url")},
        {QStringLiteral("rows"), QStringLiteral("Rows to hold (default 1000000)."), QStringLiteral("n"),
         QStringLiteral("1000000")},
        {QStringLiteral("jsonl-rows"), QStringLiteral("Rows a `record --jsonl` run writes (default 100000)."),
         QStringLiteral("n"), QStringLiteral("100000")},
        {QStringLiteral("jsonl-runs"),
         QStringLiteral("`record --jsonl` runs that write the last rows (default 3; the median is reported)."),
         QStringLiteral("n"), QStringLiteral("3")},
        {QStringLiteral("runs"), QStringLiteral("Timed runs per read after one warm-up (default 5)."),
         QStringLiteral("n"), QStringLiteral("5")},
        {QStringLiteral("cli"), QStringLiteral("Path of atalaya-cli (default: the one of this build)."),
         QStringLiteral("path")},
        {QStringLiteral("no-indexes"), QStringLiteral("Skip `init --add-indexes` (the seed's four indexes only).")},
    });
    parser.process(app);
    const QString url = parser.value(QStringLiteral("db"));
    if (url.isEmpty())
        die(QStringLiteral("--db is required"));
    const qint64 rows = parser.value(QStringLiteral("rows")).toLongLong();
    const int jsonlRuns = std::max(1, parser.value(QStringLiteral("jsonl-runs")).toInt());
    const qint64 jsonlRows = std::min(rows / jsonlRuns, parser.value(QStringLiteral("jsonl-rows")).toLongLong());
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    QString cli = parser.value(QStringLiteral("cli"));
    if (cli.isEmpty())
        cli = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../app/cli/atalaya-cli"));

    auto parsed = DbUrl::parse(url);
    if (!parsed)
        die(parsed.error().message);
    auto db = Database::open(*parsed, qEnvironmentVariable("ATALAYA_DB_PASSWORD"));
    if (!db)
        die(db.error().message);
    if (auto init = initialize(**db); !init)
        die(init.error().message);

    QJsonObject result{{QStringLiteral("backend"),
                        parsed->backend == Backend::MySQL ? QStringLiteral("mysql") : QStringLiteral("sqlite")}};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 have = rowCount(**db);
    if (have < rows) {
        // Repository (multi-row INSERTs in transactions) for the bulk, then `record --jsonl`.
        const qint64 viaRepository = std::max<qint64>(0, rows - jsonlRuns * jsonlRows - have);
        DecisionRecorder repo(*db);
        qint64 written = 0;
        qint64 insertNs = 0;
        for (quint64 chunk = 0; written < viaRepository; ++chunk) {
            const int n = static_cast<int>(std::min<qint64>(kChunk, viaRepository - written));
            const auto decisions = chunkOf(n, 1000 + chunk, now);
            QElapsedTimer t;
            t.start();
            auto r = repo.recordBatch(decisions);
            insertNs += t.nsecsElapsed();
            if (!r)
                die(r.error().message);
            written += r->inserted;
            err() << "filled " << have + written << " of " << rows << " rows" << Qt::endl;
        }
        if (written > 0)
            result.insert(QStringLiteral("record_rows_per_s"),
                          std::round(static_cast<double>(written) / (static_cast<double>(insertNs) / 1e9)));
        // Several runs of the same size, each its own rows, into a table a run bigger each
        // time: one run's figure moves by a fifth with the machine's other load.
        QTemporaryDir dir;
        std::vector<double> rates;
        QJsonArray runRates;
        qint64 viaCli = 0;
        for (int run = 0; jsonlRows > 0 && have + written + viaCli < rows; ++run) {
            const qint64 n = std::min(jsonlRows, rows - have - written - viaCli);
            QFile file(dir.filePath(QStringLiteral("bench-%1.jsonl").arg(run)));
            if (!file.open(QIODevice::WriteOnly))
                die(file.errorString());
            const auto decisions = chunkOf(static_cast<int>(n), 999 - run, now);
            for (const DecisionInput &d : decisions)
                file.write(jsonLine(d));
            file.close();
            const CliTiming t =
                runCli(cli, url, {QStringLiteral("record"), QStringLiteral("--jsonl"), file.fileName()});
            viaCli += n;
            err() << "record --jsonl run " << run + 1 << ": " << n << " rows, " << t.ms << " ms" << Qt::endl;
            if (n == jsonlRows) {
                rates.push_back(std::round(static_cast<double>(n) / (t.ms / 1000.0)));
                runRates.append(rates.back());
            }
        }
        if (!rates.empty()) {
            result.insert(QStringLiteral("record_jsonl_rows"), jsonlRows);
            result.insert(QStringLiteral("record_jsonl_rows_per_s"), std::round(median(rates)));
            result.insert(QStringLiteral("record_jsonl_runs_rows_per_s"), runRates);
        }
        have = rowCount(**db);
    }
    result.insert(QStringLiteral("rows"), have);

    if (!parser.isSet(QStringLiteral("no-indexes"))) {
        const CliTiming t = runCli(cli, url, {QStringLiteral("init"), QStringLiteral("--add-indexes")});
        result.insert(QStringLiteral("init_add_indexes_s"), round1(t.ms / 1000.0));
    }

    auto agents = execQuery(**db, QStringLiteral("SELECT agent_id FROM ai_telemetry ORDER BY id DESC LIMIT 1"), {},
                            QStringLiteral("picking an agent"));
    if (!agents || !agents->next())
        die(QStringLiteral("no agent to time `agent` with"));
    const QString agent = agents->value(0).toString();

    const std::vector<std::pair<QString, QStringList>> reads = {
        {QStringLiteral("stats"), {QStringLiteral("stats"), QStringLiteral("--days"), QStringLiteral("30")}},
        {QStringLiteral("agent"), {QStringLiteral("agent"), agent, QStringLiteral("--days"), QStringLiteral("30")}},
        {QStringLiteral("accuracy"), {QStringLiteral("accuracy"), QStringLiteral("--days"), QStringLiteral("30")}},
        {QStringLiteral("agents"), {QStringLiteral("agents"), QStringLiteral("--days"), QStringLiteral("30")}},
        {QStringLiteral("trends"), {QStringLiteral("trends"), QStringLiteral("--days"), QStringLiteral("30")}},
    };
    QJsonObject medians;
    for (const auto &[name, args] : reads) {
        runCli(cli, url, args);  // warm-up: buffer pool and page cache
        std::vector<double> times;
        for (int i = 0; i < runs; ++i)
            times.push_back(runCli(cli, url, args).ms);
        medians.insert(name, round1(median(times)));
    }
    // Process start and connect, for reading the figures above.
    std::vector<double> versionTimes;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        QElapsedTimer t;
        t.start();
        p.start(cli, {QStringLiteral("--version")});
        p.waitForFinished(-1);
        versionTimes.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    result.insert(QStringLiteral("runs"), runs);
    result.insert(QStringLiteral("read_median_ms"), medians);
    result.insert(QStringLiteral("cli_startup_median_ms"), round1(median(versionTimes)));
    const double statsMs = medians.value(QStringLiteral("stats")).toDouble();
    const double jsonlRate = result.value(QStringLiteral("record_jsonl_rows_per_s"))
                                 .toDouble(result.value(QStringLiteral("record_rows_per_s")).toDouble());
    result.insert(QStringLiteral("targets"),
                  QJsonObject{{QStringLiteral("stats_days_30_ms_max"), 300},
                              {QStringLiteral("record_rows_per_s_min"), 50000},
                              {QStringLiteral("stats_met"), statsMs <= 300.0},
                              {QStringLiteral("record_met"), jsonlRate >= 50000.0}});
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Indented);
    return 0;
}
