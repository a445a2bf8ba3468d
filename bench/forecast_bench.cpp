// forecast_bench: how well the capacity forecast (core/forecast, docs/INSIGHTS.md §Capacity
// forecast) predicts SLA breaches. A history is replayed in memory: for each week after the
// first four, the forecast's inputs are built as readInputs would read them at the week's
// start (arrivals and verdicts of the four weeks before, the queue pending then) and the
// predicted breaches of the next 24 h and 7 days are compared with what happened.
//
//   forecast_bench [--weeks N] [--seeds S] [--scenario demo|bursty|both] [--verbose]
//
// demo:   the demo generator (core/demo) over N + 4 weeks, its team's verdict timing
//         (DemoReviewTeam: log-normal delays per priority, not limited by capacity).
// bursty: Poisson arrivals with a weekday profile and random 4-hour bursts ×6, worked by two
//         reviewers on weekdays 09–17 UTC at ~6 verdicts an hour each, priority then earliest
//         deadline first (the forecast's own discipline, with randomness and a fixed team).
// Prints one JSON document: per scenario and priority the mean actual and predicted breaches
// per week (and per first day), the MAE and the MAE relative to the mean actual.
#include "core/demo/DemoGenerator.h"
#include "core/demo/DemoRandom.h"
#include "core/demo/DemoReviewTeam.h"
#include "core/forecast/CapacityForecast.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QElapsedTimer>

#include <cstdio>
#include <deque>
#include <map>

using namespace atalaya;
using namespace atalaya::forecast;

namespace {

constexpr qint64 kHourMs = 3600000;

// One queued decision (or a reviewed one outside the queue, queued = false) and its verdict.
struct Item {
    qint64 createdMs = 0;
    int priority = 3;
    bool queued = true;
    std::optional<qint64> verdictMs;
    int reviewer = 0;
};

struct History {
    qint64 startMs = 0;  // an hour boundary
    std::vector<Item> items;  // created order
};

// What readInputs would read at `now`.
ForecastInputs inputsAt(const History &h, qint64 nowMs, const ReviewRules &rules)
{
    ForecastInputs in;
    in.now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    for (int p = 0; p < kPriorityCount; ++p)
        in.slaHours[static_cast<size_t>(p)] = rules.priority(static_cast<Priority>(p)).slaHours;
    const qint64 first = nowMs / kHourMs;
    const qint64 from = std::max(first - qint64(kHistoryWeeks) * kHoursPerWeek, h.startMs / kHourMs);
    WeekProfile seen{};
    for (qint64 hr = from; hr < first; ++hr)
        seen[static_cast<size_t>(hourOfWeek(hr))] += 1;
    std::map<std::pair<int, qint64>, int> active;
    PerPriority<std::map<qint64, double>> cohorts;
    for (const Item &it : h.items) {
        const qint64 created = it.createdMs / kHourMs;
        if (it.queued && created >= from && created < first)
            in.arrivals[static_cast<size_t>(it.priority)][static_cast<size_t>(hourOfWeek(created))] += 1;
        if (it.verdictMs && *it.verdictMs < nowMs && *it.verdictMs / kHourMs >= from)
            active[{it.reviewer, *it.verdictMs / kHourMs}] += 1;
        const bool pending = it.createdMs < nowMs && (!it.verdictMs || *it.verdictMs >= nowMs);
        if (const int sla = in.slaHours[static_cast<size_t>(it.priority)];
            it.queued && sla > 0 && created >= from && it.createdMs + sla * kHourMs < first * kHourMs) {
            in.dueSeen[static_cast<size_t>(it.priority)] += 1;
            const bool late = pending || *it.verdictMs > it.createdMs + sla * kHourMs;
            in.lateSeen[static_cast<size_t>(it.priority)] += late ? 1 : 0;
        }
        if (!it.queued || !pending)
            continue;
        const auto p = static_cast<size_t>(it.priority);
        const int sla = in.slaHours[p];
        in.pendingNow[p] += 1;
        if (sla > 0 && it.createdMs + sla * kHourMs < nowMs)
            in.overdueNow[p] += 1;
        cohorts[p][sla > 0 ? std::max(created + sla, first - 1) : kNoDeadline] += 1;
    }
    for (const auto &[key, n] : active) {
        in.verdicts += n;
        in.activeReviewerHours += 1;
        in.typicalReviewers[static_cast<size_t>(hourOfWeek(key.second))] += 1;
    }
    for (size_t w = 0; w < seen.size(); ++w) {
        if (seen[w] <= 0)
            continue;
        for (auto &profile : in.arrivals)
            profile[w] /= seen[w];
        in.typicalReviewers[w] /= seen[w];
    }
    for (size_t p = 0; p < cohorts.size(); ++p)
        for (const auto &[due, n] : cohorts[p])
            in.backlog[p].push_back({due, n});
    return in;
}

// Breaches that happened: due in the forecast's counted hours (after the current one, up to
// `hours`) and reviewed after the deadline or not at all.
PerPriority<double> actualBreaches(const History &h, qint64 nowMs, int hours, const ForecastInputs &in)
{
    PerPriority<double> out{};
    const qint64 first = nowMs / kHourMs;
    for (const Item &it : h.items) {
        const int sla = in.slaHours[static_cast<size_t>(it.priority)];
        if (!it.queued || sla <= 0)
            continue;
        const qint64 due = it.createdMs + sla * kHourMs;
        if (due < (first + 1) * kHourMs || due >= (first + hours) * kHourMs)
            continue;
        if (!it.verdictMs || *it.verdictMs > due)
            out[static_cast<size_t>(it.priority)] += 1;
    }
    return out;
}

History demoHistory(int weeks, quint64 seed, int perDay)
{
    const int days = (weeks + kHistoryWeeks) * 7;
    DemoOptions o;
    o.days = days;
    o.decisions = perDay * days;
    o.seed = seed;
    o.now = QDateTime(QDate(2026, 11, 30), QTime(0, 0), Qt::UTC);
    const DemoHistory demo = generateDemoHistory(o);
    const ReviewRules rules = ReviewRules::defaults();
    History h;
    h.startMs = o.now.addDays(-days).toMSecsSinceEpoch();
    std::map<size_t, const DemoReview *> reviews;
    for (const DemoReview &r : demo.reviews)
        reviews[r.index] = &r;
    const QStringList &names = DemoReviewTeam::reviewers();
    for (size_t i = 0; i < demo.decisions.size(); ++i) {
        const DecisionInput &d = demo.decisions[i];
        const auto match = rules.classify({qint64(i + 1), d.taskType, d.confidence, d.decision, d.metadata});
        Item it;
        it.createdMs = d.createdAt.toMSecsSinceEpoch();
        it.priority = match ? static_cast<int>(match->priority) : 3;
        it.queued = match && match->sampled;
        if (auto r = reviews.find(i); r != reviews.end()) {
            it.verdictMs = r->second->at.toMSecsSinceEpoch();
            it.reviewer = static_cast<int>(names.indexOf(r->second->reviewer));
        }
        h.items.push_back(it);
    }
    return h;
}

int poisson(DemoRandom &rng, double mean)
{
    if (mean <= 0)
        return 0;
    if (mean > 30)
        return std::max(0, int(std::lround(mean + std::sqrt(mean) * rng.normal())));
    const double limit = std::exp(-mean);
    int k = 0;
    for (double prod = rng.uniform(); prod > limit; prod *= rng.uniform())
        ++k;
    return k;
}

// Arrivals with a weekday profile and bursts; two reviewers on weekdays 09–17 UTC.
History burstyHistory(int weeks, quint64 seed, int perDay)
{
    DemoRandom rng(seed * 7919 + 1);
    const ReviewRules rules = ReviewRules::defaults();
    History h;
    h.startMs =
        QDateTime(QDate(2026, 11, 30), QTime(0, 0), Qt::UTC).addDays(-7 * (weeks + kHistoryWeeks)).toMSecsSinceEpoch();
    const qint64 hours = qint64(weeks + kHistoryWeeks) * kHoursPerWeek;
    const double shares[kPriorityCount] = {0.08, 0.22, 0.45, 0.25};
    PerPriority<std::deque<size_t>> waiting;  // indexes into h.items, created order = due order
    int burstLeft = 0;
    for (qint64 i = 0; i < hours; ++i) {
        const qint64 hourMs = h.startMs + i * kHourMs;
        const qint64 hour = hourMs / kHourMs;
        const int week = hourOfWeek(hour);
        const int day = week / 24;
        const int clock = week % 24;
        const bool weekday = day < 5;
        double factor = weekday ? (clock >= 8 && clock < 19 ? 2.0 : 0.5) : 0.4;
        if (burstLeft == 0 && rng.chance(0.3 / 24))
            burstLeft = 4;
        if (burstLeft > 0) {
            factor *= 6;
            --burstLeft;
        }
        const int n = poisson(rng, perDay / 24.0 * factor);
        std::vector<qint64> times;
        for (int k = 0; k < n; ++k)
            times.push_back(hourMs + qint64(rng.uniform() * kHourMs));
        std::sort(times.begin(), times.end());
        for (qint64 t : times) {
            const double u = rng.uniform();
            int p = 0;
            for (double acc = shares[0]; p < kPriorityCount - 1 && u >= acc; acc += shares[++p])
                ;
            waiting[static_cast<size_t>(p)].push_back(h.items.size());
            h.items.push_back({t, p, true, std::nullopt, 0});
        }
        if (!weekday || clock < 9 || clock >= 17)
            continue;
        for (int reviewer = 0; reviewer < 2; ++reviewer) {
            int budget = poisson(rng, 6.0);
            for (auto &q : waiting) {
                while (budget > 0 && !q.empty()) {
                    Item &it = h.items[q.front()];
                    q.pop_front();
                    it.verdictMs = std::max(it.createdMs + 60000, hourMs + qint64(rng.uniform() * kHourMs));
                    it.reviewer = reviewer;
                    --budget;
                }
            }
        }
    }
    (void)rules;
    return h;
}

struct Tally {
    PerPriority<double> actual{};
    PerPriority<double> predicted{};
    PerPriority<double> absError{};
    int forecasts = 0;

    void add(const PerPriority<double> &a, const PerPriority<double> &p)
    {
        for (size_t i = 0; i < a.size(); ++i) {
            actual[i] += a[i];
            predicted[i] += p[i];
            absError[i] += std::abs(a[i] - p[i]);
        }
        ++forecasts;
    }

    QJsonObject json() const
    {
        QJsonObject o;
        for (int p = 0; p < kPriorityCount - 1; ++p) {  // P3 has no deadline
            const auto i = static_cast<size_t>(p);
            const double meanActual = actual[i] / forecasts;
            const double mae = absError[i] / forecasts;
            o.insert(
                priorityName(static_cast<Priority>(p)),
                QJsonObject{{QStringLiteral("actual_mean"), std::round(meanActual * 10) / 10},
                            {QStringLiteral("predicted_mean"), std::round(predicted[i] / forecasts * 10) / 10},
                            {QStringLiteral("mae"), std::round(mae * 10) / 10},
                            {QStringLiteral("relative_mae"),
                             meanActual > 0 ? QJsonValue(std::round(mae / meanActual * 1000) / 1000) : QJsonValue()}});
        }
        return o;
    }
};

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int weeks = 8;
    int seeds = 5;
    int perDay = 333;
    int burstyPerDay = 60;
    QString scenario = QStringLiteral("both");
    bool verbose = false;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == QLatin1String("--weeks") && hasValue)
            weeks = std::max(1, args[++i].toInt());
        else if (a == QLatin1String("--seeds") && hasValue)
            seeds = std::max(1, args[++i].toInt());
        else if (a == QLatin1String("--per-day") && hasValue)
            perDay = std::max(1, args[++i].toInt());
        else if (a == QLatin1String("--bursty-per-day") && hasValue)
            burstyPerDay = std::max(1, args[++i].toInt());
        else if (a == QLatin1String("--scenario") && hasValue)
            scenario = args[++i];
        else if (a == QLatin1String("--verbose"))
            verbose = true;
        else {
            std::fprintf(stderr,
                         "usage: forecast_bench [--weeks N] [--seeds S] [--per-day D] [--bursty-per-day D]"
                         " [--scenario demo|bursty|both] [--verbose]\n");
            return 2;
        }
    }
    const ReviewRules rules = ReviewRules::defaults();
    QJsonObject out{{QStringLiteral("weeks"), weeks}, {QStringLiteral("seeds"), seeds}};
    for (const QString &name : {QStringLiteral("demo"), QStringLiteral("bursty")}) {
        if (scenario != QLatin1String("both") && scenario != name)
            continue;
        Tally day;
        Tally week;
        Tally capacityOnly;  // without the lateness share: the fluid model alone
        qint64 simNs = 0;
        for (int s = 1; s <= seeds; ++s) {
            const History h = name == QLatin1String("demo") ? demoHistory(weeks, quint64(s), perDay)
                                                            : burstyHistory(weeks, quint64(s), burstyPerDay);
            for (int k = 0; k < weeks; ++k) {
                const qint64 t0 = h.startMs + qint64(kHistoryWeeks + k) * kHoursPerWeek * kHourMs;
                const ForecastInputs in = inputsAt(h, t0, rules);
                QElapsedTimer timer;
                timer.start();
                const Forecast f = forecastFrom(in, 168, std::nullopt);
                simNs += timer.nsecsElapsed();
                const PerPriority<double> a24 = actualBreaches(h, t0, 24, in);
                const PerPriority<double> a168 = actualBreaches(h, t0, 168, in);
                day.add(a24, f.horizons[0].breaches);
                week.add(a168, f.horizons[1].breaches);
                capacityOnly.add(a168, f.horizons[1].planned.breaches);
                if (verbose)
                    std::fprintf(stderr,
                                 "%s seed %d week %d: P0 %.0f/%.1f P1 %.0f/%.1f P2 %.0f/%.1f (actual/predicted)\n",
                                 qPrintable(name), s, k + 1, a168[0], f.horizons[1].breaches[0], a168[1],
                                 f.horizons[1].breaches[1], a168[2], f.horizons[1].breaches[2]);
            }
        }
        out.insert(
            name,
            QJsonObject{{QStringLiteral("forecasts"), week.forecasts},
                        {QStringLiteral("next_24h"), day.json()},
                        {QStringLiteral("next_7d"), week.json()},
                        {QStringLiteral("next_7d_capacity_only"), capacityOnly.json()},
                        {QStringLiteral("forecast_ms_mean"), std::round(double(simNs) / week.forecasts / 1e4) / 100}});
    }
    std::printf("%s", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
