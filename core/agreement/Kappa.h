#pragma once

#include <QString>

#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace atalaya::agreement {

// The verdicts as ordered categories: incorrect < partially_correct < correct.
constexpr int kCategories = 3;
std::optional<int> verdictRank(const QString &verdict);

// How two raters' verdicts cross over the items both rated: cells[a][b] counts the items rater
// A put in category a and rater B in category b.
struct RatingTable {
    std::array<std::array<qint64, kCategories>, kCategories> cells{};

    void add(int a, int b) { ++cells[static_cast<size_t>(a)][static_cast<size_t>(b)]; }
    qint64 n() const;
    bool operator==(const RatingTable &other) const = default;
};

// Cohen's κ with linear weights (disagreement |a − b| / (k − 1)): 1 − Σ w·observed / Σ w·expected,
// the same definition as scikit-learn's cohen_kappa_score(weights="linear"). nullopt when it is
// undefined: no items, or every verdict of both raters in one category (no disagreement is
// expected by chance, so there is nothing to compare against).
std::optional<double> weightedKappa(const RatingTable &table);
// Share of items both raters put in the same category, 0..1; nullopt without items.
std::optional<double> agreementShare(const RatingTable &table);

// A 95 % percentile-bootstrap interval for weightedKappa: `resamples` tables of n items drawn
// with replacement from the observed items, with a fixed seed, so the same table always gives
// the same interval. Resamples whose κ is undefined are left out; nullopt when fewer than two
// items, or when fewer than half the resamples give a κ.
constexpr int kBootstrapResamples = 1000;
constexpr quint64 kBootstrapSeed = 20260418;
std::optional<std::pair<double, double>> kappaInterval(const RatingTable &table, int resamples = kBootstrapResamples,
                                                       quint64 seed = kBootstrapSeed);

// Fleiss' κ over items that each carry the same number m ≥ 2 of ratings: counts[i][j] is how
// many of item i's ratings are in category j. nullopt without items, when the items do not all
// carry the same number of ratings, or when every rating is in one category.
std::optional<double> fleissKappa(const std::vector<std::array<int, kCategories>> &counts);

}  // namespace atalaya::agreement
