#pragma once

#include "core/aggregates/CalibrationCells.h"
#include "core/aggregates/LatencySketch.h"
#include "core/aggregates/Percentiles.h"
#include "core/aggregates/StatsQuery.h"
#include "core/common/Result.h"
#include "core/insights/Detectors.h"
#include "core/insights/Significance.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace atalaya {

class Database;

// One model version of one agent in a window (docs/INSIGHTS.md §Model versions): what the
// rows tagged metadata.model_version = version hold.
struct VersionStats {
    QString version;
    qint64 n = 0;
    insights::ScoreCounts scores;  // reviewed decisions, partial = 0.5
    qint64 confidenceSumE4 = 0;
    LatencySketch latency;  // the rollups' sketch: P95 exact below 1024 ms, within 1 % above
    std::vector<ReviewedCell> reviewed;  // the calibration table's exact input
    QDateTime firstSeen;
    QDateTime lastSeen;

    std::optional<double> accuracy() const;
    // 95 % Wilson score interval of the mean score. With partials it is conservative: a score
    // in [0, 1] with mean m has variance at most m(1 − m) (Bhatia–Davis), the Bernoulli one.
    std::optional<std::pair<double, double>> accuracyInterval() const;
    std::optional<qint64> p95Ms() const { return latency.percentile(95); }
    std::optional<double> meanConfidence() const;
    // ECE over 10 bins, with its conservative variance (insights::eceOf).
    std::optional<insights::EceEstimate> ece() const;
};

// A newer version (later first seen) against the one before it on one metric. `better` is
// "newer" or "older" when the two-sided p-value is below 0.05, empty otherwise; p-value and
// difference are empty when either side has fewer than minN of what the test counts.
struct VersionComparison {
    QString newer;
    QString older;
    QString metric;  // accuracy_avg, p95_execution_time_ms, ece
    std::optional<double> difference;  // newer − older
    std::optional<double> pValue;
    bool significant = false;
    QString better;
    // The one-sided p-value that the newer version is worse, for the version_regression insight.
    std::optional<double> pWorse;
    bool large = false;  // worse by at least the docs/INSIGHTS.md §Thresholds of its metric
};

struct VersionReport {
    QString agentId;
    StatsQuery window;
    std::vector<VersionStats> versions;  // first seen first
    std::vector<VersionComparison> comparisons;
    qint64 unversioned = 0;  // decisions of the window without a model_version
};

// 95 % Wilson score interval of a share `mean` of n.
std::pair<double, double> wilsonInterval(double mean, qint64 n);

// Newer-vs-previous comparisons of versions sorted first seen first.
std::vector<VersionComparison> compareVersions(const std::vector<VersionStats> &versions, qint64 minN);

// The version_regression candidates of one agent: a newer version worse on accuracy or P95,
// each comparison that ran a test (for Benjamini–Hochberg), `large` when worth reporting.
std::vector<insights::Candidate> versionRegressions(const QString &agentId, const std::vector<VersionStats> &versions,
                                                    const std::vector<VersionComparison> &comparisons);

namespace versions {

// Where the read comes from: the rollups' model-version sections when they are usable (Auto),
// or the raw rows (the fallback, and the reference the tests compare the sections with).
enum class Source { Auto, Raw };

// True when readVersions(Auto) reads the window from the rollups (whole hours and days; the
// partial edge hours from raw rows), so its cost does not grow with the decisions.
bool servedByRollups(const Database &db, const StatsQuery &q);

// Every agent's versions of the window (q.agentId narrows it), first seen first; the
// decisions without a model_version per agent in `unversioned` when given.
Result<std::map<QString, std::vector<VersionStats>>> readVersions(const Database &db, const StatsQuery &q,
                                                                  std::map<QString, qint64> *unversioned = nullptr,
                                                                  Source source = Source::Auto);

// The raw read costs ~22 µs a decision on SQLite (docs/INSIGHTS.md §Performance), so where
// the rollups cannot serve it (no triggers, or not built), a read nobody asked for by name
// (insights, the Accuracy page's table) scans at most this many decisions of the window.
constexpr qint64 kDefaultScanBudget = 20000;
constexpr double kSecondsPerDecision = 22e-6;
qint64 scanBudget();
// Tests only: a smaller budget; 0 restores the default.
void setScanBudgetForTests(qint64 decisions);
// The window's decisions per agent (q.agentId narrows it), from the rollups.
Result<std::map<QString, qint64>> decisionsPerAgent(const Database &db, const StatsQuery &q);

}  // namespace versions

// `atalaya-cli versions`, the Accuracy page's table: an unknown agent is NotFound.
class ModelVersionsService {
public:
    explicit ModelVersionsService(std::shared_ptr<const Database> db);
    Result<VersionReport> report(const QString &agentId, const StatsQuery &window, qint64 minN = 30) const;
    // Every agent with a versioned decision in the window, by agent id; empty with `*tooMany`
    // set to the window's decisions when the rollups cannot serve the read and they exceed
    // versions::scanBudget() (left unread).
    Result<std::vector<VersionReport>> reports(const StatsQuery &window, qint64 minN = 30,
                                               std::optional<qint64> *tooMany = nullptr) const;

private:
    std::shared_ptr<const Database> m_db;
};

// docs/CLI.md §versions.
QJsonObject versionReportJson(const VersionReport &report);

}  // namespace atalaya

Q_DECLARE_METATYPE(atalaya::VersionReport)
