#pragma once

#include <QtGlobal>

#include <array>
#include <map>
#include <optional>
#include <vector>

namespace atalaya::insights {

// The tests behind every insight (docs/INSIGHTS.md §Tests). p-values are one-sided in the
// direction the insight reports unless said otherwise; every function is pure and exact for
// the inputs a test checks against Python (scipy) values.

double normalSf(double z);  // P(Z > z)
// P(X > x) for a chi-square of `df` degrees of freedom.
double chiSquareSf(double x, int df);
// P(X >= k) for X ~ Binomial(n, p), summed exactly in log space.
double binomialSfAtLeast(qint64 k, qint64 n, double p);

// Reviewed decisions scored as the seed's accuracy does: correct 1, partial 0.5, incorrect 0.
struct ScoreCounts {
    qint64 correct = 0;
    qint64 partial = 0;
    qint64 incorrect = 0;
    qint64 n() const { return correct + partial + incorrect; }
    double mean() const;
    // Σ x² / n: correct + partial / 4, which is what makes the variance exact with partials.
    double secondMoment() const;
};

struct TestResult {
    double statistic = 0.0;  // z or χ²
    double pValue = 1.0;
};

// Accuracy drop: a two-sample z-test of mean scores with the pooled variance under H0
// (E x² − (E x)² of the pooled scores). Without partials it is exactly the pooled
// two-proportion z-test. One-sided: current below baseline.
TestResult scoreDrop(const ScoreCounts &baseline, const ScoreCounts &current);
// Pooled two-proportion z-test, one-sided: current proportion below baseline's.
TestResult proportionDrop(qint64 baselineHits, qint64 baselineN, qint64 currentHits, qint64 currentN);
// The same, current above baseline.
TestResult proportionRise(qint64 baselineHits, qint64 baselineN, qint64 currentHits, qint64 currentN);

// Population stability index over the 5 confidence buckets; an empty bucket's share is
// floored at kPsiFloor so the log stays finite.
inline constexpr double kPsiFloor = 1e-4;
double psi(const std::array<qint64, 5> &baseline, const std::array<qint64, 5> &current);
// Under H0 (same distribution), PSI / (1/n_b + 1/n_c) is asymptotically χ² with k − 1
// degrees of freedom (PSI is the symmetrised KL divergence, Yurdakul 2018): its p-value.
double psiPValue(double psiValue, qint64 baselineN, qint64 currentN, int buckets = 5);

// Two binned samples of one ordered feature, each worth fewer independent observations than
// it counts when consecutive rows share data (docs/INSIGHTS.md §Risk-model monitoring):
// Pearson's χ² test of homogeneity on the shares, each side's variance taken from its
// effective size (n / τ, the first-order Rao–Scott correction), adjacent bins merged until
// every group expects kMinExpectedPerBin rows on the smaller effective side. 1 when fewer
// than two groups remain (nothing to test).
inline constexpr double kMinExpectedPerBin = 5.0;
double binnedShiftPValue(const std::vector<qint64> &baseline, const std::vector<qint64> &current,
                         double baselineEffectiveN, double currentEffectiveN);

// Volume: counts of two windows of lengths tb and tc under one Poisson rate. Conditional
// on the sum, the current count is Binomial(b + c, tc / (tb + tc)); two-sided exact p.
TestResult poissonRateChange(qint64 baselineCount, double baselineLength, qint64 currentCount, double currentLength);

// A latency quantile shift from two histograms (value → count): Mood's median test
// generalised to quantile p (Brown–Mood). The pooled p-quantile v splits both samples;
// the shares above v are compared with proportionRise. Distribution-free, and exact on
// histograms because it only counts values above v.
TestResult quantileRise(const std::map<qint64, qint64> &baseline, const std::map<qint64, qint64> &current, double p);

// One-sample tests against a target: the share below `target` (one-sided, z with the H0
// variance) and the share above.
TestResult shareBelow(qint64 hits, qint64 n, double target);
TestResult shareAbove(qint64 hits, qint64 n, double target);
// Mean score below target; the variance is the sample's (at least target's Bernoulli
// variance / 4, so an all-partial sample still has one).
TestResult scoreBelow(const ScoreCounts &counts, double target);

// ECE of a reliability table and a conservative variance: per bin, the mean accuracy of n
// values in [0, 1] with mean m has variance at most m(1 − m)/n (Bhatia–Davis); the delta
// method with fixed signs sums w² of those.
struct EceBin {
    qint64 count = 0;
    double meanConfidence = 0.0;
    double meanAccuracy = 0.0;
};
struct EceEstimate {
    double ece = 0.0;
    double variance = 0.0;
    qint64 n = 0;
};
EceEstimate eceOf(const std::vector<EceBin> &bins);
// One-sided: current ECE above baseline's.
TestResult eceRise(const EceEstimate &baseline, const EceEstimate &current);

// Benjamini–Hochberg adjusted p-values (q-values), in the input order; a finding is
// significant at FDR q when its q-value ≤ q.
std::vector<double> benjaminiHochberg(const std::vector<double> &pValues);

}  // namespace atalaya::insights
