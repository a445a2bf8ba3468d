// Detection rate and false alarms of `insights` on demo-shaped data with known drifts
// (docs/INSIGHTS.md §Bench): 10 stable agents and three that drift in the current week, over
// `--seeds` seeds. Prints one JSON document.
#include "bench/thread_cpu.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/insights/InsightsService.h"
#include "core/setup/SchemaInstaller.h"
#include "core/storage/Database.h"
#include "core/storage/DbUrl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <cmath>
#include <random>
#include <set>

using namespace atalaya;

namespace {

const QString kAccuracyDrift = QStringLiteral("drift-accuracy");
const QString kLatencyDrift = QStringLiteral("drift-latency");
const QString kConfidenceDrift = QStringLiteral("drift-confidence");

struct Profile {
    QString agent;
    double accuracy;  // mean score of a reviewed decision
    double medianMs;
    double confidence;  // mean of a normal, clamped to [0, 1]
};

std::vector<Profile> profiles(std::mt19937_64 &rng, int stableAgents)
{
    std::uniform_real_distribution<double> acc(0.88, 0.95);
    std::uniform_real_distribution<double> ms(60, 250);
    std::uniform_real_distribution<double> conf(0.88, 0.93);
    std::vector<Profile> p;
    for (int i = 1; i <= stableAgents; ++i)
        p.push_back({QStringLiteral("stable-%1").arg(i, 3, 10, QLatin1Char('0')), acc(rng), ms(rng), conf(rng)});
    p.push_back({kAccuracyDrift, 0.90, ms(rng), conf(rng)});
    p.push_back({kLatencyDrift, acc(rng), ms(rng), conf(rng)});
    p.push_back({kConfidenceDrift, acc(rng), ms(rng), conf(rng)});
    return p;
}

Feedback verdict(double accuracy, std::mt19937_64 &rng)
{
    // correct a − 0.02, partial 0.04, incorrect the rest: the mean score is a.
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    if (u < accuracy - 0.02)
        return Feedback::Correct;
    if (u < accuracy + 0.02)
        return Feedback::PartiallyCorrect;
    return Feedback::Incorrect;
}

// 14 days ending at now: the baseline week and the current week. The drifts: accuracy
// 0.90 → 0.75 over the last 5 days, latency ×2 over the current week, confidence −0.12 over
// the current week.
std::vector<DecisionInput> generate(quint64 seed, int perAgentDay, int stableAgents, const QDateTime &now)
{
    std::mt19937_64 rng(seed);
    const std::vector<Profile> agents = profiles(rng, stableAgents);
    std::normal_distribution<double> z(0, 1);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<DecisionInput> out;
    const qint64 span = 14LL * 86400;
    for (const Profile &p : agents) {
        const int n = perAgentDay * 14;
        for (int i = 0; i < n; ++i) {
            const qint64 ago = static_cast<qint64>(u(rng) * static_cast<double>(span - 60)) + 30;
            const QDateTime at = now.addSecs(-ago);
            const bool current = ago < 7 * 86400;
            double accuracy = p.accuracy;
            if (p.agent == kAccuracyDrift && ago < 5 * 86400)
                accuracy = 0.75;
            double confidence = p.confidence + 0.06 * z(rng);
            if (p.agent == kConfidenceDrift && current)
                confidence -= 0.12;
            double ms = p.medianMs * std::exp(0.5 * z(rng));
            if (p.agent == kLatencyDrift && current)
                ms *= 2;
            DecisionInput d;
            d.agentId = p.agent;
            d.taskType = p.agent + QStringLiteral("_task");
            d.decision = QJsonObject{{QStringLiteral("action"), QStringLiteral("bench")}};
            d.confidence = std::clamp(confidence, 0.0, 1.0);
            d.executionTimeMs = static_cast<qint64>(std::llround(ms));
            d.createdAt = at;
            if (u(rng) < 0.3)
                d.feedback = verdict(accuracy, rng);
            out.push_back(std::move(d));
        }
    }
    return out;
}

// The insights each drifted agent may truly show; anything else is a false alarm.
bool expected(const Insight &i)
{
    if (i.agentId.isEmpty() && i.taskType.isEmpty())
        return true;  // all decisions: the drifts move them too
    const QString agent = i.agentId.isEmpty() ? i.taskType.chopped(5) : i.agentId;
    if (agent == kAccuracyDrift)
        return i.kind == InsightKind::AccuracyDrop || i.kind == InsightKind::CalibrationWorse
            || (i.kind == InsightKind::TargetMissed && i.metric == QLatin1String("accuracy_avg"));
    if (agent == kLatencyDrift)
        return i.kind == InsightKind::LatencyIncrease || i.kind == InsightKind::TargetMissed;
    if (agent == kConfidenceDrift)
        return i.kind == InsightKind::ConfidenceShift || i.kind == InsightKind::CalibrationWorse
            || i.kind == InsightKind::TargetMissed;
    return false;
}

bool found(const std::vector<Insight> &insights, const QString &agent, InsightKind kind, const QString &metric = {})
{
    return std::any_of(insights.begin(), insights.end(), [&](const Insight &i) {
        return i.agentId == agent && i.kind == kind && (metric.isEmpty() || i.metric == metric);
    });
}

[[noreturn]] void fail(const QString &why)
{
    QTextStream(stderr) << "error: " << why << '\n';
    std::exit(1);
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("seeds"), QStringLiteral("Seeds (default 20)."), QStringLiteral("n"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("per-agent-day"), QStringLiteral("Decisions per agent and day (default 150)."),
                      QStringLiteral("n"), QStringLiteral("150")});
    parser.addOption({QStringLiteral("first-seed"), QStringLiteral("First seed (default 1000)."), QStringLiteral("n"),
                      QStringLiteral("1000")});
    parser.addOption({QStringLiteral("stable-agents"),
                      QStringLiteral("Stable agents (default 10; more to measure reads with more rollup keys)."),
                      QStringLiteral("n"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("verbose"), QStringLiteral("Every run's insight messages too.")});
    parser.process(app);
    const int firstSeed = parser.value(QStringLiteral("first-seed")).toInt();
    const int stableAgents = parser.value(QStringLiteral("stable-agents")).toInt();
    const int seeds = parser.value(QStringLiteral("seeds")).toInt();
    const int perAgentDay = parser.value(QStringLiteral("per-agent-day")).toInt();
    const QDateTime now = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);

    int detected = 0;
    int drifts = 0;
    int falseAlarms = 0;
    qint64 readMs = 0;
    qint64 firstMs = 0;
    double readCpuMs = 0;
    QJsonArray runs;
    for (int s = 0; s < seeds; ++s) {
        QTemporaryDir dir;
        auto url = DbUrl::parse(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("bench.db")));
        if (!url)
            fail(url.error().message);
        auto db = Database::open(*url, {});
        if (!db)
            fail(db.error().message);
        if (auto init = initialize(**db); !init)
            fail(init.error().message);
        if (auto written = DecisionRecorder(*db).recordBatch(
                generate(static_cast<quint64>(firstSeed + s), perAgentDay, stableAgents, now));
            !written)
            fail(written.error().message);
        InsightOptions options;
        options.now = now;
        // The first read after a bulk insert rebuilds the rollups' stale latency and calibration
        // sections once; the second is what a page refresh or a cron run costs.
        QElapsedTimer timer;
        timer.start();
        if (auto first = InsightsService(*db).run(options); !first)
            fail(first.error().message);
        firstMs += timer.restart();
        const double cpuBefore = bench::threadCpuMs();
        auto report = InsightsService(*db).run(options);
        readMs += timer.elapsed();
        readCpuMs += bench::threadCpuMs() - cpuBefore;
        if (!report)
            fail(report.error().message);
        const bool acc = found(report->insights, kAccuracyDrift, InsightKind::AccuracyDrop);
        const bool lat = found(report->insights, kLatencyDrift, InsightKind::LatencyIncrease,
                               QStringLiteral("p95_execution_time_ms"));
        const bool conf = found(report->insights, kConfidenceDrift, InsightKind::ConfidenceShift);
        detected += int(acc) + int(lat) + int(conf);
        drifts += 3;
        QJsonArray wrong;
        for (const Insight &i : report->insights) {
            if (!expected(i))
                wrong.append(i.message);
        }
        falseAlarms += static_cast<int>(wrong.size());
        QJsonArray messages;
        for (const Insight &i : report->insights)
            messages.append(QStringLiteral("%1 q=%2").arg(i.message).arg(i.qValue, 0, 'g', 3));
        runs.append(QJsonObject{{QStringLiteral("seed"), firstSeed + s},
                                {QStringLiteral("tests"), report->testsRun},
                                {QStringLiteral("insights"), static_cast<int>(report->insights.size())},
                                {QStringLiteral("accuracy_drop"), acc},
                                {QStringLiteral("p95_increase"), lat},
                                {QStringLiteral("confidence_shift"), conf},
                                {QStringLiteral("false_alarms"), wrong},
                                {QStringLiteral("messages"),
                                 parser.isSet(QStringLiteral("verbose")) ? QJsonValue(messages) : QJsonValue()}});
    }
    const QJsonObject out{
        {QStringLiteral("seeds"), seeds},
        {QStringLiteral("per_agent_day"), perAgentDay},
        {QStringLiteral("stable_agents"), stableAgents},
        {QStringLiteral("detection_rate"), drifts == 0 ? 0.0 : static_cast<double>(detected) / drifts},
        {QStringLiteral("false_alarms_per_run"), seeds == 0 ? 0.0 : static_cast<double>(falseAlarms) / seeds},
        {QStringLiteral("mean_first_read_ms"), seeds == 0 ? 0.0 : static_cast<double>(firstMs) / seeds},
        {QStringLiteral("mean_read_ms"), seeds == 0 ? 0.0 : static_cast<double>(readMs) / seeds},
        {QStringLiteral("mean_read_cpu_ms"), seeds == 0 ? 0.0 : readCpuMs / seeds},
        {QStringLiteral("runs"), runs},
    };
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
    return 0;
}
