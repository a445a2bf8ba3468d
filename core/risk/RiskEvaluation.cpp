#include "core/risk/RiskEvaluation.h"

#include <algorithm>
#include <numeric>

namespace atalaya {

std::optional<double> rocAuc(const std::vector<double> &scores, const std::vector<bool> &labels)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double positives = 0;
    double rankSum = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]])
            ++j;
        const double rank = (i + 1 + j) / 2.0;  // ties share their average rank
        for (std::size_t k = i; k < j; ++k) {
            if (labels[order[k]]) {
                positives += 1;
                rankSum += rank;
            }
        }
        i = j;
    }
    const double negatives = static_cast<double>(scores.size()) - positives;
    if (positives == 0 || negatives == 0)
        return std::nullopt;
    return (rankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
}

RiskMetrics evaluateScores(const std::vector<double> &scores, const std::vector<bool> &labels, double failureRate,
                           const Calibration &calibration)
{
    RiskMetrics m;
    m.failureRate = failureRate;
    m.validationSamples = static_cast<int>(scores.size());
    constexpr int kBins = 10;
    std::vector<double> predictedSum(kBins, 0.0), observedSum(kBins, 0.0);
    std::vector<int> counts(kBins, 0);
    double brier = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const bool predicted = scores[i] > 0.5;  // sklearn's predict(): argmax, ties to "success"
        const bool actual = labels[i];
        m.tp += predicted && actual;
        m.fp += predicted && !actual;
        m.tn += !predicted && !actual;
        m.fn += !predicted && actual;
        const double p = calibration.probability(scores[i], failureRate);
        brier += (p - actual) * (p - actual);
        const int bin = std::min(kBins - 1, static_cast<int>(p * kBins));
        predictedSum[bin] += p;
        observedSum[bin] += actual;
        ++counts[bin];
    }
    const int n = m.validationSamples;
    if (n > 0) {
        m.accuracy = double(m.tp + m.tn) / n;
        m.brier = brier / n;
    }
    if (m.tp + m.fp > 0)
        m.precision = double(m.tp) / (m.tp + m.fp);
    if (m.tp + m.fn > 0)
        m.recall = double(m.tp) / (m.tp + m.fn);
    if (m.precision && m.recall)
        m.f1 = *m.precision + *m.recall > 0 ? 2 * *m.precision * *m.recall / (*m.precision + *m.recall) : 0.0;
    m.rocAuc = rocAuc(scores, labels);
    for (int b = 0; b < kBins; ++b) {
        ReliabilityBin bin{double(b) / kBins, double(b + 1) / kBins, counts[b], std::nullopt, std::nullopt};
        if (counts[b] > 0) {
            bin.meanPredicted = predictedSum[b] / counts[b];
            bin.observedRate = observedSum[b] / counts[b];
        }
        m.reliability.push_back(bin);
    }
    return m;
}

}  // namespace atalaya
