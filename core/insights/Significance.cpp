#include "core/insights/Significance.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace atalaya::insights {
namespace {

double logBinomialPmf(qint64 j, qint64 n, double logP, double logQ)
{
    const double dn = static_cast<double>(n);
    const double dj = static_cast<double>(j);
    return std::lgamma(dn + 1) - std::lgamma(dj + 1) - std::lgamma(dn - dj + 1) + dj * logP + (dn - dj) * logQ;
}

// Σ pmf(j) walking from `from` by `step` while in [0, n], until the terms stop mattering
// (the pmf is unimodal, so once a term past the mode is negligible the rest are too).
double binomialRun(qint64 from, int step, qint64 n, double p)
{
    const double logP = std::log(p);
    const double logQ = std::log1p(-p);
    const double mode = static_cast<double>(n) * p;
    double sum = 0.0;
    for (qint64 j = from; j >= 0 && j <= n; j += step) {
        const double term = std::exp(logBinomialPmf(j, n, logP, logQ));
        sum += term;
        const bool pastMode = step > 0 ? static_cast<double>(j) > mode : static_cast<double>(j) < mode;
        if (pastMode && term <= sum * 1e-17)
            break;
    }
    return sum;
}

TestResult fromZ(double z)
{
    return {z, normalSf(z)};
}

}  // namespace

double normalSf(double z)
{
    return 0.5 * std::erfc(z / std::sqrt(2.0));
}

double chiSquareSf(double x, int df)
{
    if (x <= 0)
        return 1.0;
    if (df % 2 == 1) {
        // Odd df: 2 Q(√x) + 2 φ(√x) Σ_{k=1}^{(df−1)/2} x^(k−½) / (1·3···(2k−1))
        const double s = std::sqrt(x);
        double term = s;
        double sum = df > 1 ? s : 0.0;
        for (int k = 2; k <= (df - 1) / 2; ++k) {
            term *= x / (2 * k - 1);
            sum += term;
        }
        return std::min(1.0, std::erfc(s / std::sqrt(2.0)) + 2.0 * std::exp(-x / 2.0) / std::sqrt(2.0 * std::numbers::pi) * sum);
    }
    // Even df: e^(−x/2) Σ_{k < df/2} (x/2)^k / k!
    double term = 1.0;
    double sum = 1.0;
    for (int k = 1; k < df / 2; ++k) {
        term *= (x / 2.0) / k;
        sum += term;
    }
    return std::exp(-x / 2.0) * sum;
}

double binomialSfAtLeast(qint64 k, qint64 n, double p)
{
    if (k <= 0)
        return 1.0;
    if (k > n || p <= 0.0)
        return 0.0;
    if (p >= 1.0)
        return 1.0;
    if (static_cast<double>(k) >= static_cast<double>(n) * p)
        return std::min(1.0, binomialRun(k, 1, n, p));
    return std::clamp(1.0 - binomialRun(k - 1, -1, n, p), 0.0, 1.0);
}

double ScoreCounts::mean() const
{
    return n() == 0 ? 0.0
                    : (static_cast<double>(correct) + 0.5 * static_cast<double>(partial)) / static_cast<double>(n());
}

double ScoreCounts::secondMoment() const
{
    return n() == 0 ? 0.0
                    : (static_cast<double>(correct) + 0.25 * static_cast<double>(partial)) / static_cast<double>(n());
}

TestResult scoreDrop(const ScoreCounts &b, const ScoreCounts &c)
{
    if (b.n() == 0 || c.n() == 0)
        return {};
    const ScoreCounts pooled{b.correct + c.correct, b.partial + c.partial, b.incorrect + c.incorrect};
    const double m = pooled.mean();
    const double variance = pooled.secondMoment() - m * m;
    const double se = std::sqrt(variance * (1.0 / static_cast<double>(b.n()) + 1.0 / static_cast<double>(c.n())));
    if (se <= 0)
        return {0.0, b.mean() > c.mean() ? 0.0 : 1.0};
    return fromZ((b.mean() - c.mean()) / se);
}

TestResult proportionDrop(qint64 bHits, qint64 bN, qint64 cHits, qint64 cN)
{
    if (bN == 0 || cN == 0)
        return {};
    const double pb = static_cast<double>(bHits) / static_cast<double>(bN);
    const double pc = static_cast<double>(cHits) / static_cast<double>(cN);
    const double pooled = static_cast<double>(bHits + cHits) / static_cast<double>(bN + cN);
    const double se =
        std::sqrt(pooled * (1 - pooled) * (1.0 / static_cast<double>(bN) + 1.0 / static_cast<double>(cN)));
    if (se <= 0)
        return {0.0, pb > pc ? 0.0 : 1.0};
    return fromZ((pb - pc) / se);
}

TestResult proportionRise(qint64 bHits, qint64 bN, qint64 cHits, qint64 cN)
{
    return proportionDrop(cHits, cN, bHits, bN);
}

double psi(const std::array<qint64, 5> &b, const std::array<qint64, 5> &c)
{
    const double nb = static_cast<double>(std::accumulate(b.begin(), b.end(), qint64{0}));
    const double nc = static_cast<double>(std::accumulate(c.begin(), c.end(), qint64{0}));
    if (nb == 0 || nc == 0)
        return 0.0;
    double sum = 0.0;
    for (size_t i = 0; i < b.size(); ++i) {
        const double pb = std::max(static_cast<double>(b[i]) / nb, kPsiFloor);
        const double pc = std::max(static_cast<double>(c[i]) / nc, kPsiFloor);
        sum += (pc - pb) * std::log(pc / pb);
    }
    return sum;
}

double psiPValue(double psiValue, qint64 nb, qint64 nc, int buckets)
{
    if (nb == 0 || nc == 0)
        return 1.0;
    const double scale = 1.0 / static_cast<double>(nb) + 1.0 / static_cast<double>(nc);
    return chiSquareSf(psiValue / scale, buckets - 1);
}

double binnedShiftPValue(const std::vector<qint64> &baseline, const std::vector<qint64> &current,
                         double baselineEffectiveN, double currentEffectiveN)
{
    qint64 nb = 0, nc = 0;
    for (size_t k = 0; k < baseline.size(); ++k) {
        nb += baseline[k];
        nc += current[k];
    }
    if (nb == 0 || nc == 0 || baselineEffectiveN <= 0 || currentEffectiveN <= 0)
        return 1.0;
    // Adjacent bins merge until each group expects kMinExpectedPerBin on the smaller effective side.
    const double smaller = std::min(baselineEffectiveN, currentEffectiveN);
    struct Group {
        double b = 0, c = 0, pooled = 0;
    };
    std::vector<Group> groups;
    Group open;
    for (size_t k = 0; k < baseline.size(); ++k) {
        open.b += static_cast<double>(baseline[k]) / static_cast<double>(nb);
        open.c += static_cast<double>(current[k]) / static_cast<double>(nc);
        open.pooled += static_cast<double>(baseline[k] + current[k]) / static_cast<double>(nb + nc);
        if (open.pooled * smaller >= kMinExpectedPerBin) {
            groups.push_back(open);
            open = {};
        }
    }
    if (open.pooled > 0) {
        if (groups.empty())
            return 1.0;
        groups.back().b += open.b;
        groups.back().c += open.c;
        groups.back().pooled += open.pooled;
    }
    if (groups.size() < 2)
        return 1.0;
    const double scale = 1.0 / baselineEffectiveN + 1.0 / currentEffectiveN;
    double x2 = 0.0;
    for (const Group &g : groups)
        x2 += (g.b - g.c) * (g.b - g.c) / (g.pooled * scale);
    return chiSquareSf(x2, static_cast<int>(groups.size()) - 1);
}

TestResult poissonRateChange(qint64 b, double tb, qint64 c, double tc)
{
    const qint64 n = b + c;
    if (n == 0 || tb <= 0 || tc <= 0)
        return {};
    const double r = tc / (tb + tc);
    const double expected = static_cast<double>(n) * r;
    const double z = (static_cast<double>(c) - expected) / std::sqrt(expected * (1 - r));
    const double upper = binomialSfAtLeast(c, n, r);
    const double lower = 1.0 - binomialSfAtLeast(c + 1, n, r);
    return {z, std::min(1.0, 2.0 * std::min(upper, lower))};
}

TestResult quantileRise(const std::map<qint64, qint64> &b, const std::map<qint64, qint64> &c, double p)
{
    std::map<qint64, qint64> pooled = b;
    for (const auto &[value, count] : c)
        pooled[value] += count;
    qint64 total = 0;
    for (const auto &[value, count] : pooled)
        total += count;
    if (total == 0)
        return {};
    const auto rank = static_cast<qint64>(std::ceil(p / 100.0 * static_cast<double>(total)));
    qint64 seen = 0;
    qint64 split = pooled.rbegin()->first;
    for (const auto &[value, count] : pooled) {
        seen += count;
        if (seen >= rank) {
            split = value;
            break;
        }
    }
    auto above = [split](const std::map<qint64, qint64> &h, qint64 &n) {
        qint64 hits = 0;
        n = 0;
        for (const auto &[value, count] : h) {
            n += count;
            if (value > split)
                hits += count;
        }
        return hits;
    };
    qint64 nb = 0;
    qint64 nc = 0;
    const qint64 hb = above(b, nb);
    const qint64 hc = above(c, nc);
    return proportionRise(hb, nb, hc, nc);
}

TestResult shareBelow(qint64 hits, qint64 n, double target)
{
    if (n == 0)
        return {};
    const double share = static_cast<double>(hits) / static_cast<double>(n);
    return fromZ((target - share) / std::sqrt(target * (1 - target) / static_cast<double>(n)));
}

TestResult shareAbove(qint64 hits, qint64 n, double target)
{
    if (n == 0)
        return {};
    const double share = static_cast<double>(hits) / static_cast<double>(n);
    return fromZ((share - target) / std::sqrt(target * (1 - target) / static_cast<double>(n)));
}

TestResult scoreBelow(const ScoreCounts &counts, double target)
{
    if (counts.n() == 0)
        return {};
    const double m = counts.mean();
    const double variance = std::max(counts.secondMoment() - m * m, target * (1 - target) / 4.0);
    return fromZ((target - m) / std::sqrt(variance / static_cast<double>(counts.n())));
}

EceEstimate eceOf(const std::vector<EceBin> &bins)
{
    EceEstimate e;
    for (const EceBin &bin : bins)
        e.n += bin.count;
    if (e.n == 0)
        return e;
    for (const EceBin &bin : bins) {
        if (bin.count == 0)
            continue;
        const double w = static_cast<double>(bin.count) / static_cast<double>(e.n);
        const double m = std::clamp(bin.meanAccuracy, 0.0, 1.0);
        e.ece += w * std::abs(bin.meanAccuracy - bin.meanConfidence);
        e.variance += w * w * m * (1 - m) / static_cast<double>(bin.count);
    }
    return e;
}

TestResult eceRise(const EceEstimate &b, const EceEstimate &c)
{
    if (b.n == 0 || c.n == 0)
        return {};
    const double se = std::sqrt(b.variance + c.variance);
    if (se <= 0)
        return {0.0, c.ece > b.ece ? 0.0 : 1.0};
    return fromZ((c.ece - b.ece) / se);
}

std::vector<double> benjaminiHochberg(const std::vector<double> &p)
{
    const size_t m = p.size();
    std::vector<size_t> order(m);
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&p](size_t a, size_t b) { return p[a] < p[b]; });
    std::vector<double> q(m, 1.0);
    double running = 1.0;
    for (size_t r = m; r-- > 0;) {
        const size_t i = order[r];
        running = std::min(running, p[i] * static_cast<double>(m) / static_cast<double>(r + 1));
        q[i] = std::min(1.0, running);
    }
    return q;
}

}  // namespace atalaya::insights
