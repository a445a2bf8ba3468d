#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace atalaya {

struct DoraRow;

// The 10 features, in the seed's order (docs/RISK_MODEL.md §Features).
enum class RiskFeature : int {
    LeadTime,
    TestsPassedPct,
    CodeChangesSize,
    TimeOfDay,
    DayOfWeek,
    PreviousFailures,
    TeamVelocity,
    PlanningDuration,
    FeatureComplexityScore,
    CodeReviewScore,
};

constexpr int kRiskFeatureCount = 10;
using FeatureVector = std::array<double, kRiskFeatureCount>;

// "lead_time", "tests_passed_pct", … (the seed's names, also the metadata override keys).
const QStringList &riskFeatureNames();
QString riskFeatureName(int index);
std::optional<int> riskFeatureIndex(const QString &name);
// The allowed range in words, for error messages ("0–100", "an integer 0–23", …).
QString riskFeatureRange(int index);

// Raw value → 0..1, exactly as the seed's normalize_features().
double normalizeFeature(int index, double raw);
FeatureVector normalizeFeatures(const FeatureVector &raw);

// Why a raw value is not acceptable, or empty when it is.
QString validateFeature(int index, double raw);
// All problems of a vector at once, naming each feature and its range (ErrorCode::Usage).
Status validateFeatures(const FeatureVector &raw);

// `--features` / GUI input: all 10 names required, numbers (or numeric strings) only,
// unknown keys refused; the error lists every missing, unknown and out-of-range feature.
Result<FeatureVector> parseRawFeatures(const QJsonObject &json);
QJsonObject rawFeaturesToJson(const FeatureVector &raw);

// One delivery cycle as a training/prediction sample.
struct CycleSample {
    QString cycleId;
    QDateTime deployedAt;  // the deployment row's created_at (UTC)
    FeatureVector raw{};
    bool failed = false;  // deployment_failed (docs/DATA.md)
    // previous_failures and team_velocity saw the whole 7-day window: it starts at or after the
    // first recorded deployment, or the deployment metadata gives both. The first week of a
    // history counts too few events, so drift monitoring leaves those cycles out on both sides.
    bool fullWindow = true;
};

// Counts of rows, any cycle, in [t − 7 d, t) before the deployment.
struct WindowCounts {
    int testingNoGo = 0;
    int deployments = 0;
    bool complete = true;  // the window starts at or after the first recorded deployment
};

// The features of one cycle from its own rows (any order) and the 7-day window counts;
// metadata overrides of the deployment row win over derivations. NotFound when the cycle
// has no deployment row; Usage naming the feature when a stored value is out of range.
Result<CycleSample> extractCycle(const std::vector<DoraRow> &cycleRows, const WindowCounts &counts);

// deployment_failed of docs/DATA.md from the cycle's rows (deployment row required).
bool cycleFailed(const std::vector<DoraRow> &cycleRows);

struct ExtractionReport {
    std::vector<CycleSample> samples;  // ordered by deployment time, then cycle id
    int skipped = 0;  // cycles whose stored values are invalid
    QStringList problems;  // the first few reasons, for the user
};

// Times of the rows the 7-day windows count (testing no-go, deployment), any cycle.
class WindowIndex {
public:
    void add(const QString &phase, const QString &decision, const QDateTime &at);
    void finish();  // after the last add()
    // The first recorded deployment: before it a quiet week cannot be told from an unrecorded
    // one, so windows reaching before it are incomplete. Unset: every window is complete.
    void setHistoryStart(const QDateTime &first);
    WindowCounts before(const QDateTime &t) const;

private:
    std::vector<qint64> m_noGo;
    std::vector<qint64> m_deployments;
    std::optional<qint64> m_start;
};

// Every cycle of `cycleRows` whose deployment happened at or after `from`, with windows from
// `windows` (which must reach back to from − 7 days).
ExtractionReport extractHistory(const std::vector<DoraRow> &cycleRows, const WindowIndex &windows,
                                const QDateTime &from);
// Same, counting the windows over `rows` themselves (the history starts at their first deployment).
ExtractionReport extractHistory(const std::vector<DoraRow> &rows, const QDateTime &from);

}  // namespace atalaya
