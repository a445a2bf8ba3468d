#include "core/risk/RiskFeatures.h"

#include "core/telemetry/DoraRow.h"

#include <QHash>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace atalaya {
namespace {

constexpr qint64 kWindowMs = 7LL * 24 * 3600 * 1000;

enum class Kind { Duration, Percent, Count, Hour, Weekday, Complexity, Score };

struct FeatureSpec {
    const char *name;
    Kind kind;
};

constexpr FeatureSpec kSpecs[kRiskFeatureCount] = {
    {"lead_time", Kind::Duration},         {"tests_passed_pct", Kind::Percent},
    {"code_changes_size", Kind::Duration},  // lines changed: any value ≥ 0, as the seed read it
    {"time_of_day", Kind::Hour},           {"day_of_week", Kind::Weekday},
    {"previous_failures", Kind::Count},    {"team_velocity", Kind::Count},
    {"planning_duration", Kind::Duration}, {"feature_complexity_score", Kind::Complexity},
    {"code_review_score", Kind::Score},
};

bool isWhole(double x)
{
    return std::floor(x) == x;
}

const DoraRow *firstOfPhase(const std::vector<DoraRow> &rows, QLatin1StringView phase)
{
    const DoraRow *first = nullptr;
    for (const DoraRow &r : rows) {
        if (r.phaseName == phase && (!first || r.createdAt < first->createdAt))
            first = &r;
    }
    return first;
}

bool isTrue(const QJsonValue &v)
{
    return v.isBool() ? v.toBool() : v.toString() == QLatin1String("true");
}

std::optional<double> numberOf(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt;
}

double complexityScore(const QJsonValue &v)
{
    static const QHash<QString, double> scores = {{QStringLiteral("low"), 1},
                                                  {QStringLiteral("medium"), 2},
                                                  {QStringLiteral("high"), 3},
                                                  {QStringLiteral("critical"), 4}};
    return scores.value(v.toString(), 2.0);
}

}  // namespace

const QStringList &riskFeatureNames()
{
    static const QStringList names = [] {
        QStringList n;
        for (const FeatureSpec &s : kSpecs)
            n << QString::fromLatin1(s.name);
        return n;
    }();
    return names;
}

QString riskFeatureName(int index)
{
    return riskFeatureNames().value(index);
}

std::optional<int> riskFeatureIndex(const QString &name)
{
    const qsizetype i = riskFeatureNames().indexOf(name);
    return i < 0 ? std::nullopt : std::optional<int>(static_cast<int>(i));
}

QString riskFeatureRange(int index)
{
    switch (kSpecs[index].kind) {
    case Kind::Duration: return QStringLiteral("a number ≥ 0");
    case Kind::Percent: return QStringLiteral("a percentage 0–100");
    case Kind::Count: return QStringLiteral("an integer ≥ 0");
    case Kind::Hour: return QStringLiteral("an integer hour 0–23");
    case Kind::Weekday: return QStringLiteral("an integer weekday 0–6 (Monday = 0)");
    case Kind::Complexity: return QStringLiteral("an integer 1–4 (low, medium, high, critical)");
    case Kind::Score: return QStringLiteral("a score 0–1");
    }
    return {};
}

double normalizeFeature(int index, double x)
{
    switch (static_cast<RiskFeature>(index)) {
    case RiskFeature::LeadTime: return std::min(x / 172800.0, 1.0);
    case RiskFeature::TestsPassedPct: return x / 100.0;
    case RiskFeature::CodeChangesSize: return std::min(x / 1000.0, 1.0);
    case RiskFeature::TimeOfDay: return x / 23.0;
    case RiskFeature::DayOfWeek: return x / 6.0;
    case RiskFeature::PreviousFailures: return std::min(x / 20.0, 1.0);
    case RiskFeature::TeamVelocity: return std::min(x / 50.0, 1.0);
    case RiskFeature::PlanningDuration: return std::min(x / 86400.0, 1.0);
    case RiskFeature::FeatureComplexityScore: return (x - 1.0) / 3.0;
    case RiskFeature::CodeReviewScore: return x;
    }
    return x;
}

FeatureVector normalizeFeatures(const FeatureVector &raw)
{
    FeatureVector n{};
    for (int i = 0; i < kRiskFeatureCount; ++i)
        n[i] = normalizeFeature(i, raw[i]);
    return n;
}

QString validateFeature(int index, double x)
{
    if (!std::isfinite(x))
        return QStringLiteral("%1 must be %2, not a non-finite number")
            .arg(riskFeatureName(index), riskFeatureRange(index));
    bool ok = true;
    switch (kSpecs[index].kind) {
    case Kind::Duration: ok = x >= 0; break;
    case Kind::Percent: ok = x >= 0 && x <= 100; break;
    case Kind::Count: ok = x >= 0 && isWhole(x); break;
    case Kind::Hour: ok = x >= 0 && x <= 23 && isWhole(x); break;
    case Kind::Weekday: ok = x >= 0 && x <= 6 && isWhole(x); break;
    case Kind::Complexity: ok = x >= 1 && x <= 4 && isWhole(x); break;
    case Kind::Score: ok = x >= 0 && x <= 1; break;
    }
    if (ok)
        return {};
    return QStringLiteral("%1 is %2; it must be %3")
        .arg(riskFeatureName(index), QString::number(x), riskFeatureRange(index));
}

Status validateFeatures(const FeatureVector &raw)
{
    QStringList problems;
    for (int i = 0; i < kRiskFeatureCount; ++i) {
        if (QString p = validateFeature(i, raw[i]); !p.isEmpty())
            problems << p;
    }
    if (problems.isEmpty())
        return {};
    return makeError(ErrorCode::Usage, problems.join(QStringLiteral("; ")));
}

Result<FeatureVector> parseRawFeatures(const QJsonObject &json)
{
    QStringList problems;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!riskFeatureIndex(it.key()))
            problems << QStringLiteral("unknown feature '%1' (expected: %2)")
                            .arg(it.key(), riskFeatureNames().join(QStringLiteral(", ")));
    }
    FeatureVector raw{};
    QStringList missing;
    for (int i = 0; i < kRiskFeatureCount; ++i) {
        const QJsonValue v = json.value(riskFeatureName(i));
        if (v.isUndefined() || v.isNull()) {
            missing << riskFeatureName(i);
            continue;
        }
        const auto number = numberOf(v);
        if (!number) {
            problems << QStringLiteral("%1 must be %2").arg(riskFeatureName(i), riskFeatureRange(i));
            continue;
        }
        raw[i] = *number;
        if (QString p = validateFeature(i, raw[i]); !p.isEmpty())
            problems << p;
    }
    if (!missing.isEmpty())
        problems.prepend(
            QStringLiteral("missing feature%1: %2")
                .arg(missing.size() > 1 ? QStringLiteral("s") : QString(), missing.join(QStringLiteral(", "))));
    if (!problems.isEmpty())
        return makeError(ErrorCode::Usage, problems.join(QStringLiteral("; ")));
    return raw;
}

QJsonObject rawFeaturesToJson(const FeatureVector &raw)
{
    QJsonObject o;
    for (int i = 0; i < kRiskFeatureCount; ++i)
        o.insert(riskFeatureName(i), raw[i]);
    return o;
}

bool cycleFailed(const std::vector<DoraRow> &rows)
{
    const DoraRow *deployment = firstOfPhase(rows, QLatin1StringView("deployment"));
    if (!deployment)
        return false;
    if (deployment->decision == QLatin1String("no-go") || deployment->decision == QLatin1String("blocked")
        || isTrue(deployment->metadata.value(QStringLiteral("deployment_failed"))))
        return true;
    return std::any_of(rows.begin(), rows.end(), [](const DoraRow &r) {
        return r.phaseName == QLatin1String("maintenance") && isTrue(r.metadata.value(QStringLiteral("rollback")));
    });
}

Result<CycleSample> extractCycle(const std::vector<DoraRow> &rows, const WindowCounts &counts)
{
    const DoraRow *d = firstOfPhase(rows, QLatin1StringView("deployment"));
    if (!d)
        return makeError(
            ErrorCode::NotFound,
            QStringLiteral("cycle '%1' has no deployment row").arg(rows.empty() ? QString() : rows.front().cycleId));
    const QJsonObject &meta = d->metadata;
    const QDateTime t = d->createdAt.toUTC();
    int tests = 0;
    int passed = 0;
    for (const DoraRow &r : rows) {
        if (r.phaseName == QLatin1String("testing")) {
            ++tests;
            passed += r.decision == QLatin1String("go") ? 1 : 0;
        }
    }
    const DoraRow *planning = firstOfPhase(rows, QLatin1StringView("planning"));

    CycleSample s;
    s.cycleId = d->cycleId;
    s.deployedAt = t;
    s.failed = cycleFailed(rows);
    FeatureVector &x = s.raw;
    x[int(RiskFeature::LeadTime)] = d->durationSeconds;
    x[int(RiskFeature::TestsPassedPct)] = tests > 0 ? passed * 100.0 / tests : 0.0;
    x[int(RiskFeature::CodeChangesSize)] = numberOf(meta.value(QStringLiteral("code_changes_size"))).value_or(100.0);
    x[int(RiskFeature::TimeOfDay)] = t.time().hour();
    x[int(RiskFeature::DayOfWeek)] = t.date().dayOfWeek() - 1;
    auto given = [&meta](RiskFeature f) {
        const QJsonValue v = meta.value(riskFeatureName(int(f)));
        return !v.isUndefined() && !v.isNull();
    };
    s.fullWindow = counts.complete || (given(RiskFeature::PreviousFailures) && given(RiskFeature::TeamVelocity));
    x[int(RiskFeature::PreviousFailures)] = counts.testingNoGo;
    x[int(RiskFeature::TeamVelocity)] = counts.deployments;
    x[int(RiskFeature::PlanningDuration)] = planning ? planning->durationSeconds : 0.0;
    x[int(RiskFeature::FeatureComplexityScore)] = complexityScore(meta.value(QStringLiteral("feature_complexity")));
    x[int(RiskFeature::CodeReviewScore)] = numberOf(meta.value(QStringLiteral("code_review_score"))).value_or(0.8);

    QStringList problems;
    for (int i = 0; i < kRiskFeatureCount; ++i) {
        const QJsonValue v = meta.value(riskFeatureName(i));
        if (v.isUndefined() || v.isNull())
            continue;
        const auto number = numberOf(v);
        if (!number) {
            problems << QStringLiteral("%1 in the deployment metadata must be %2")
                            .arg(riskFeatureName(i), riskFeatureRange(i));
            continue;
        }
        x[i] = *number;
    }
    for (int i = 0; i < kRiskFeatureCount; ++i) {
        if (QString p = validateFeature(i, x[i]); !p.isEmpty())
            problems << p;
    }
    if (!problems.isEmpty())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("cycle '%1': %2").arg(s.cycleId, problems.join(QStringLiteral("; "))));
    return s;
}

void WindowIndex::add(const QString &phase, const QString &decision, const QDateTime &at)
{
    if (phase == QLatin1String("testing") && decision == QLatin1String("no-go"))
        m_noGo.push_back(at.toMSecsSinceEpoch());
    else if (phase == QLatin1String("deployment"))
        m_deployments.push_back(at.toMSecsSinceEpoch());
}

void WindowIndex::finish()
{
    std::sort(m_noGo.begin(), m_noGo.end());
    std::sort(m_deployments.begin(), m_deployments.end());
}

void WindowIndex::setHistoryStart(const QDateTime &first)
{
    if (first.isValid())
        m_start = first.toMSecsSinceEpoch();
}

WindowCounts WindowIndex::before(const QDateTime &at) const
{
    const qint64 t = at.toMSecsSinceEpoch();
    auto inWindow = [t](const std::vector<qint64> &times) {
        const auto hi = std::lower_bound(times.begin(), times.end(), t);
        const auto lo = std::lower_bound(times.begin(), hi, t - kWindowMs);
        return static_cast<int>(hi - lo);
    };
    return {inWindow(m_noGo), inWindow(m_deployments), !m_start || t - kWindowMs >= *m_start};
}

ExtractionReport extractHistory(const std::vector<DoraRow> &rows, const QDateTime &from)
{
    WindowIndex windows;
    QDateTime first;
    for (const DoraRow &r : rows) {
        windows.add(r.phaseName, r.decision, r.createdAt);
        if (r.phaseName == QLatin1String("deployment") && (!first.isValid() || r.createdAt < first))
            first = r.createdAt;
    }
    windows.finish();
    windows.setHistoryStart(first);
    return extractHistory(rows, windows, from);
}

ExtractionReport extractHistory(const std::vector<DoraRow> &rows, const WindowIndex &windows, const QDateTime &from)
{
    QHash<QString, std::vector<DoraRow>> cycles;
    for (const DoraRow &r : rows)
        cycles[r.cycleId].push_back(r);
    ExtractionReport report;
    QStringList problems;
    for (auto it = cycles.cbegin(); it != cycles.cend(); ++it) {
        const DoraRow *d = firstOfPhase(it.value(), QLatin1StringView("deployment"));
        if (!d || d->createdAt < from)
            continue;
        auto sample = extractCycle(it.value(), windows.before(d->createdAt));
        if (!sample) {
            ++report.skipped;
            problems << sample.error().message;
            continue;
        }
        report.samples.push_back(std::move(*sample));
    }
    problems.sort();
    report.problems = problems.mid(0, 5);
    std::sort(report.samples.begin(), report.samples.end(), [](const CycleSample &a, const CycleSample &b) {
        return a.deployedAt != b.deployedAt ? a.deployedAt < b.deployedAt : a.cycleId < b.cycleId;
    });
    return report;
}

}  // namespace atalaya
