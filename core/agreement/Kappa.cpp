#include "core/agreement/Kappa.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace atalaya::agreement {
namespace {

double linearWeight(int a, int b)
{
    return std::abs(a - b) / double(kCategories - 1);
}

// The bootstrap percentile by nearest rank over sorted values.
double nearestRank(const std::vector<double> &sorted, double p)
{
    const auto rank = static_cast<size_t>(std::ceil(p * double(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

std::optional<int> verdictRank(const QString &verdict)
{
    if (verdict == QLatin1String("incorrect"))
        return 0;
    if (verdict == QLatin1String("partially_correct"))
        return 1;
    if (verdict == QLatin1String("correct"))
        return 2;
    return std::nullopt;
}

qint64 RatingTable::n() const
{
    qint64 total = 0;
    for (const auto &row : cells)
        for (qint64 c : row)
            total += c;
    return total;
}

std::optional<double> weightedKappa(const RatingTable &table)
{
    const qint64 n = table.n();
    if (n == 0)
        return std::nullopt;
    std::array<double, kCategories> rows{};
    std::array<double, kCategories> cols{};
    for (int a = 0; a < kCategories; ++a) {
        for (int b = 0; b < kCategories; ++b) {
            rows[size_t(a)] += double(table.cells[size_t(a)][size_t(b)]);
            cols[size_t(b)] += double(table.cells[size_t(a)][size_t(b)]);
        }
    }
    // Both sums are over counts (expected = row total × column total / n), as scikit-learn
    // computes them; the common factor 1/n cancels in the ratio.
    double observed = 0.0;
    double expected = 0.0;
    for (int a = 0; a < kCategories; ++a) {
        for (int b = 0; b < kCategories; ++b) {
            const double w = linearWeight(a, b);
            observed += w * double(table.cells[size_t(a)][size_t(b)]);
            expected += w * rows[size_t(a)] * cols[size_t(b)] / double(n);
        }
    }
    if (expected == 0.0)
        return std::nullopt;
    return 1.0 - observed / expected;
}

std::optional<double> agreementShare(const RatingTable &table)
{
    const qint64 n = table.n();
    if (n == 0)
        return std::nullopt;
    qint64 same = 0;
    for (int c = 0; c < kCategories; ++c)
        same += table.cells[size_t(c)][size_t(c)];
    return double(same) / double(n);
}

std::optional<std::pair<double, double>> kappaInterval(const RatingTable &table, int resamples, quint64 seed)
{
    const qint64 n = table.n();
    if (n < 2 || resamples < 1)
        return std::nullopt;
    // A resample of n items drawn with replacement is a multinomial draw of the nine cell
    // counts with the observed shares: drawn cell by cell as binomials of what is left, so a
    // resample costs nine draws whatever n is.
    constexpr int kCells = kCategories * kCategories;
    std::array<double, kCells> share{};
    for (int i = 0; i < kCells; ++i)
        share[size_t(i)] = double(table.cells[size_t(i / kCategories)][size_t(i % kCategories)]) / double(n);
    std::mt19937_64 rng(seed);
    std::vector<double> kappas;
    kappas.reserve(size_t(resamples));
    for (int r = 0; r < resamples; ++r) {
        RatingTable sample;
        qint64 left = n;
        double massLeft = 1.0;
        for (int i = 0; i < kCells && left > 0; ++i) {
            qint64 drawn = left;
            if (i < kCells - 1 && share[size_t(i)] < massLeft) {
                const double p = std::clamp(share[size_t(i)] / massLeft, 0.0, 1.0);
                drawn = std::binomial_distribution<qint64>(left, p)(rng);
            }
            sample.cells[size_t(i / kCategories)][size_t(i % kCategories)] = drawn;
            left -= drawn;
            massLeft -= share[size_t(i)];
        }
        if (const auto k = weightedKappa(sample))
            kappas.push_back(*k);
    }
    if (kappas.size() * 2 < size_t(resamples))
        return std::nullopt;
    std::sort(kappas.begin(), kappas.end());
    return std::make_pair(nearestRank(kappas, 0.025), nearestRank(kappas, 0.975));
}

std::optional<double> fleissKappa(const std::vector<std::array<int, kCategories>> &counts)
{
    if (counts.empty())
        return std::nullopt;
    int m = 0;
    for (int c : counts.front())
        m += c;
    if (m < 2)
        return std::nullopt;
    std::array<double, kCategories> share{};
    double meanAgreement = 0.0;
    for (const auto &item : counts) {
        int ratings = 0;
        double pairsAgreeing = 0.0;
        for (int j = 0; j < kCategories; ++j) {
            ratings += item[size_t(j)];
            pairsAgreeing += double(item[size_t(j)]) * double(item[size_t(j)] - 1);
            share[size_t(j)] += item[size_t(j)];
        }
        if (ratings != m)
            return std::nullopt;
        meanAgreement += pairsAgreeing / (double(m) * double(m - 1));
    }
    const double items = double(counts.size());
    meanAgreement /= items;
    double chance = 0.0;
    for (double s : share) {
        const double p = s / (items * m);
        chance += p * p;
    }
    if (chance >= 1.0)
        return std::nullopt;
    return (meanAgreement - chance) / (1.0 - chance);
}

}  // namespace atalaya::agreement
