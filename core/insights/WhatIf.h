#pragma once

#include "core/aggregates/CalibrationCells.h"
#include "core/aggregates/StatsQuery.h"
#include "core/common/Result.h"
#include "core/queue/ReviewRules.h"

#include <QJsonObject>
#include <QMetaType>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace atalaya {

class Database;

// The confidence cut-points of a P0–P3 rule set: P0 below p0Below, P1 from p0Below to below
// p1Below, P2 from p1Below up to and including p2Below, P3 above p2Below — the edges of the
// default rules (0.70, 0.85, 0.95), which these reproduce exactly.
struct CutPoints {
    double p0Below = 0.70;
    double p1Below = 0.85;
    double p2Below = 0.95;
};

// 0 ≤ P0 < P1 < P2 ≤ 1, else a usage error saying which one is wrong.
Status validateCutPoints(const CutPoints &cuts);
// The cut-points of a rule set whose P0 has a confidence_below rule and P1 and P2 a
// confidence_range each; nullopt for any other shape.
std::optional<CutPoints> cutPointsOf(const ReviewRules &rules);
// `rules` with its confidence rules replaced by `cuts` (each priority's first confidence rule
// keeps its place and label, any others go); every other rule, SLA and sample is kept.
ReviewRules withCutPoints(const ReviewRules &rules, const CutPoints &cuts);

// What one task type's window holds, as the rollups give it: every valid decision per seed
// confidence band (exact) and the reviewed decisions per confidence (10⁻⁴ cells, exact).
struct WhatIfTaskInput {
    QString taskType;
    std::array<qint64, 5> arrivals{};  // kConfidenceBuckets order
    std::vector<ReviewedCell> reviewed;
};

// One seed confidence band over the whole window: its arrivals and reviewed decisions, and
// the error rate of those (incorrect = 1, partially correct = 0.5, i.e. 1 − accuracy).
struct WhatIfBand {
    double lo = 0.0;
    double hi = 0.0;
    qint64 arrivals = 0;
    qint64 reviewed = 0;
    std::optional<double> errorRate;
};

// Arrivals and wrong decisions expected at one confidence of one task type in the window.
struct WhatIfMass {
    int confidenceE4 = 0;
    int taskType = 0;  // index into WhatIfInputs::taskTypes
    double arrivals = 0.0;
    double errors = 0.0;
};

// The estimate the what-if evaluates rule sets against (docs/INSIGHTS.md §What-if). Within a
// band, each reviewed decision stands for arrivals ÷ reviewed decisions of its task type, so
// the band's arrivals are exact and spread over its confidences the way its reviews are; a
// band with arrivals and no review spreads them evenly over its percents at the window's
// overall error rate.
struct WhatIfInputs {
    StatsQuery query;
    double days = 1.0;
    QStringList taskTypes;
    std::vector<WhatIfMass> masses;
    std::array<WhatIfBand, 5> bands{};
    qint64 arrivals = 0;
    qint64 reviewed = 0;
    std::optional<double> errorRate;  // of every reviewed decision in the window

    static WhatIfInputs build(const StatsQuery &query, const std::vector<WhatIfTaskInput> &tasks);
};

// Read from the rollups (one grouped read and one calibration-cell read per task type).
Result<WhatIfInputs> readWhatIfInputs(std::shared_ptr<const Database> db, const StatsQuery &query);

// What a rule set does with the window's decisions, per day: queued for review per priority
// (a sampled priority queues its share) and wrong decisions no one reviews (those no rule
// matches and the part of a sampled priority outside its sample).
struct WhatIfFigures {
    std::array<double, kPriorityCount> perDay{};
    double missedErrorsPerDay = 0.0;
    double loadPerDay() const;
};

// Only the confidence and task-type rules are evaluated: rules on metadata or decision JSON
// need each row, which the rollups do not keep, so a decision they would lift to a higher
// priority is counted where its confidence and task type put it (in both rule sets).
WhatIfFigures evaluateRules(const WhatIfInputs &inputs, const ReviewRules &rules);

struct WhatIfCurvePoint {
    double p2Below = 0.0;
    double loadPerDay = 0.0;
    double missedErrorsPerDay = 0.0;
};

struct WhatIfScenario {
    std::optional<CutPoints> cuts;
    WhatIfFigures figures;
};

struct WhatIfReport {
    StatsQuery query;
    double days = 1.0;
    WhatIfScenario current;
    WhatIfScenario proposed;
    std::array<WhatIfBand, 5> bands{};
    qint64 arrivals = 0;
    qint64 reviewed = 0;
    std::vector<WhatIfCurvePoint> curve;
};

// The curve sweeps the P2 cut (everything below it is reviewed) from 0.05 to 1.00 in steps of
// 0.01, with P0 and P1 kept below it.
std::vector<WhatIfCurvePoint> whatIfCurve(const WhatIfInputs &inputs, const ReviewRules &rules,
                                          const CutPoints &proposed);
WhatIfReport whatIfReport(const WhatIfInputs &inputs, const ReviewRules &current, const CutPoints &proposed);
// docs/CLI.md §whatif.
QJsonObject whatIfJson(const WhatIfReport &report);

}  // namespace atalaya

Q_DECLARE_METATYPE(atalaya::WhatIfInputs)
