#include "core/insights/WhatIf.h"

#include "core/stats/ConfidenceBuckets.h"

#include <algorithm>
#include <cmath>

namespace atalaya {
namespace {

using Kind = ReviewRule::Kind;

bool isConfidenceRule(const ReviewRule &r)
{
    return r.kind == Kind::ConfidenceBelow || r.kind == Kind::ConfidenceRange || r.kind == Kind::ConfidenceAbove;
}

const ReviewRule *firstOf(const PriorityRules &p, Kind kind)
{
    for (const ReviewRule &r : p.rules) {
        if (r.kind == kind)
            return &r;
    }
    return nullptr;
}

void replaceConfidenceRules(PriorityRules &p, ReviewRule rule)
{
    std::vector<ReviewRule> kept;
    bool placed = false;
    for (const ReviewRule &r : p.rules) {
        if (!isConfidenceRule(r)) {
            kept.push_back(r);
        } else if (!placed) {
            rule.label = r.label;
            kept.push_back(rule);
            placed = true;
        }
    }
    if (!placed)
        kept.push_back(rule);
    p.rules = std::move(kept);
}

// The seed band of a confidence in 10⁻⁴ units (the rollups' b0..b4 edges).
int bandOf(int confidenceE4)
{
    if (confidenceE4 < 5000)
        return 0;
    if (confidenceE4 < 7000)
        return 1;
    if (confidenceE4 < 8500)
        return 2;
    if (confidenceE4 < 9500)
        return 3;
    return 4;
}

double errorsOf(const ReviewedCell &cell)
{
    return static_cast<double>(cell.count) - static_cast<double>(cell.accuracySumE4) / 10000.0;
}

// A rule set reduced to what the rollups can evaluate, per task type: whether a task-type rule
// of each priority matches, and the confidence rules that apply to it.
struct CompiledPriority {
    bool taskMatch = false;
    std::vector<const ReviewRule *> confidence;
};
using CompiledTask = std::array<CompiledPriority, kPriorityCount>;

std::vector<CompiledTask> compile(const ReviewRules &rules, const QStringList &taskTypes)
{
    std::vector<CompiledTask> out(static_cast<size_t>(taskTypes.size()));
    for (qsizetype t = 0; t < taskTypes.size(); ++t) {
        for (int i = 0; i < kPriorityCount; ++i) {
            CompiledPriority &c = out[static_cast<size_t>(t)][static_cast<size_t>(i)];
            for (const ReviewRule &r : rules.priority(static_cast<Priority>(i)).rules) {
                if (r.kind == Kind::TaskTypeIn && r.taskTypes.contains(taskTypes[t]))
                    c.taskMatch = true;
                else if (isConfidenceRule(r) && (r.taskTypes.isEmpty() || r.taskTypes.contains(taskTypes[t])))
                    c.confidence.push_back(&r);
            }
        }
    }
    return out;
}

bool matches(const ReviewRule &r, double c)
{
    switch (r.kind) {
    case Kind::ConfidenceBelow: return c < r.value;
    case Kind::ConfidenceRange: return c >= r.min && (r.maxInclusive ? c <= r.max : c < r.max);
    case Kind::ConfidenceAbove: return c > r.value;
    default: return false;
    }
}

std::optional<int> priorityAt(const CompiledTask &task, double confidence)
{
    for (int i = 0; i < kPriorityCount; ++i) {
        const CompiledPriority &p = task[static_cast<size_t>(i)];
        if (p.taskMatch)
            return i;
        for (const ReviewRule *r : p.confidence) {
            if (matches(*r, confidence))
                return i;
        }
    }
    return std::nullopt;
}

}  // namespace

Status validateCutPoints(const CutPoints &c)
{
    const std::array<std::pair<const char *, double>, 3> named = {
        {{"--p0-below", c.p0Below}, {"--p1-below", c.p1Below}, {"--p2-below", c.p2Below}}};
    for (const auto &[name, value] : named) {
        if (!std::isfinite(value) || value < 0.0 || value > 1.0)
            return makeError(
                ErrorCode::Usage,
                QStringLiteral("%1 is %2; cut-points are confidences from 0 to 1").arg(QLatin1String(name)).arg(value));
    }
    if (!(c.p0Below < c.p1Below) || !(c.p1Below < c.p2Below))
        return makeError(ErrorCode::Usage,
                         QStringLiteral("cut-points %1, %2, %3 do not rise; give --p0-below < --p1-below < --p2-below")
                             .arg(c.p0Below)
                             .arg(c.p1Below)
                             .arg(c.p2Below));
    return {};
}

std::optional<CutPoints> cutPointsOf(const ReviewRules &rules)
{
    const ReviewRule *p0 = firstOf(rules.priority(Priority::P0), Kind::ConfidenceBelow);
    const ReviewRule *p1 = firstOf(rules.priority(Priority::P1), Kind::ConfidenceRange);
    const ReviewRule *p2 = firstOf(rules.priority(Priority::P2), Kind::ConfidenceRange);
    if (!p0 || !p1 || !p2 || p1->min != p0->value || p2->min != p1->max)
        return std::nullopt;
    return CutPoints{p0->value, p1->max, p2->max};
}

ReviewRules withCutPoints(const ReviewRules &rules, const CutPoints &cuts)
{
    ReviewRules out = rules;
    ReviewRule below;
    below.kind = Kind::ConfidenceBelow;
    below.value = cuts.p0Below;
    ReviewRule p1;
    p1.kind = Kind::ConfidenceRange;
    p1.min = cuts.p0Below;
    p1.max = cuts.p1Below;
    ReviewRule p2 = p1;
    p2.min = cuts.p1Below;
    p2.max = cuts.p2Below;
    p2.maxInclusive = true;
    ReviewRule above;
    above.kind = Kind::ConfidenceAbove;
    above.value = cuts.p2Below;
    replaceConfidenceRules(out.priority(Priority::P0), below);
    replaceConfidenceRules(out.priority(Priority::P1), p1);
    replaceConfidenceRules(out.priority(Priority::P2), p2);
    replaceConfidenceRules(out.priority(Priority::P3), above);
    return out;
}

WhatIfInputs WhatIfInputs::build(const StatsQuery &query, const std::vector<WhatIfTaskInput> &tasks)
{
    WhatIfInputs in;
    in.query = query;
    // In whole seconds: a window ending now ends a millisecond after it (StatsQuery::lastDays).
    in.days = std::max(1.0 / 24.0, std::round(static_cast<double>(query.from.msecsTo(query.to)) / 1000.0) / 86400.0);
    for (int b = 0; b < 5; ++b) {
        in.bands[static_cast<size_t>(b)].lo = kConfidenceBuckets[static_cast<size_t>(b)].lo;
        in.bands[static_cast<size_t>(b)].hi = kConfidenceBuckets[static_cast<size_t>(b)].hi;
    }
    std::array<double, 5> bandErrors{};
    double allErrors = 0.0;
    for (const WhatIfTaskInput &task : tasks) {
        for (const ReviewedCell &cell : task.reviewed) {
            const auto b = static_cast<size_t>(bandOf(cell.confidenceE4));
            in.bands[b].reviewed += cell.count;
            bandErrors[b] += errorsOf(cell);
            allErrors += errorsOf(cell);
            in.reviewed += cell.count;
        }
        for (size_t b = 0; b < 5; ++b) {
            in.bands[b].arrivals += task.arrivals[b];
            in.arrivals += task.arrivals[b];
        }
    }
    for (size_t b = 0; b < 5; ++b) {
        if (in.bands[b].reviewed > 0)
            in.bands[b].errorRate = bandErrors[b] / static_cast<double>(in.bands[b].reviewed);
    }
    if (in.reviewed > 0)
        in.errorRate = allErrors / static_cast<double>(in.reviewed);

    for (const WhatIfTaskInput &task : tasks) {
        const int t = static_cast<int>(in.taskTypes.size());
        in.taskTypes << task.taskType;
        std::array<qint64, 5> reviewed{};
        for (const ReviewedCell &cell : task.reviewed)
            reviewed[static_cast<size_t>(bandOf(cell.confidenceE4))] += cell.count;
        for (const ReviewedCell &cell : task.reviewed) {
            const auto b = static_cast<size_t>(bandOf(cell.confidenceE4));
            const double weight = static_cast<double>(task.arrivals[b]) / static_cast<double>(reviewed[b]);
            if (weight > 0.0)
                in.masses.push_back(
                    {cell.confidenceE4, t, weight * static_cast<double>(cell.count), weight * errorsOf(cell)});
        }
        for (size_t b = 0; b < 5; ++b) {
            if (reviewed[b] > 0 || task.arrivals[b] == 0)
                continue;
            const int loPercent = static_cast<int>(std::lround(kConfidenceBuckets[b].lo * 100));
            const int hiPercent = static_cast<int>(std::lround(kConfidenceBuckets[b].hi * 100));
            const double share = static_cast<double>(task.arrivals[b]) / (hiPercent - loPercent);
            for (int p = loPercent; p < hiPercent; ++p)
                in.masses.push_back({p * 100 + 50, t, share, share * in.errorRate.value_or(0.0)});
        }
    }
    return in;
}

double WhatIfFigures::loadPerDay() const
{
    double sum = 0.0;
    for (double v : perDay)
        sum += v;
    return sum;
}

WhatIfFigures evaluateRules(const WhatIfInputs &in, const ReviewRules &rules)
{
    const std::vector<CompiledTask> compiled = compile(rules, in.taskTypes);
    std::array<double, kPriorityCount> share{};
    for (int i = 0; i < kPriorityCount; ++i)
        share[static_cast<size_t>(i)] =
            std::clamp(rules.priority(static_cast<Priority>(i)).samplePercent, 0, 100) / 100.0;
    WhatIfFigures f;
    double missed = 0.0;
    for (const WhatIfMass &m : in.masses) {
        const auto p = priorityAt(compiled[static_cast<size_t>(m.taskType)], m.confidenceE4 / 10000.0);
        if (!p) {
            missed += m.errors;
            continue;
        }
        const double reviewedShare = share[static_cast<size_t>(*p)];
        f.perDay[static_cast<size_t>(*p)] += m.arrivals * reviewedShare;
        missed += m.errors * (1.0 - reviewedShare);
    }
    for (double &v : f.perDay)
        v /= in.days;
    f.missedErrorsPerDay = missed / in.days;
    return f;
}

std::vector<WhatIfCurvePoint> whatIfCurve(const WhatIfInputs &in, const ReviewRules &rules, const CutPoints &proposed)
{
    std::vector<WhatIfCurvePoint> curve;
    for (int percent = 5; percent <= 100; ++percent) {
        const double z = percent / 100.0;
        const CutPoints cuts{std::min(proposed.p0Below, z - 0.02), std::min(proposed.p1Below, z - 0.01), z};
        const WhatIfFigures f = evaluateRules(in, withCutPoints(rules, cuts));
        curve.push_back({z, f.loadPerDay(), f.missedErrorsPerDay});
    }
    return curve;
}

WhatIfReport whatIfReport(const WhatIfInputs &in, const ReviewRules &current, const CutPoints &proposed)
{
    WhatIfReport r;
    r.query = in.query;
    r.days = in.days;
    r.bands = in.bands;
    r.arrivals = in.arrivals;
    r.reviewed = in.reviewed;
    r.current = {cutPointsOf(current), evaluateRules(in, current)};
    r.proposed = {proposed, evaluateRules(in, withCutPoints(current, proposed))};
    r.curve = whatIfCurve(in, current, proposed);
    return r;
}

}  // namespace atalaya
