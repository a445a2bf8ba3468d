#include "tests/support/RollupCompare.h"

#include <QtTest>

#include <cmath>

namespace atalaya::test {

void compareTotals(const WindowSummary &got, const WindowSummary &want, const QString &where)
{
    const QByteArray w = where.toUtf8();
    QVERIFY2(got.accuracy.totalDecisions == want.accuracy.totalDecisions, w);
    QVERIFY2(got.accuracy.totalWithFeedback == want.accuracy.totalWithFeedback, w);
    QVERIFY2(got.accuracy.correct == want.accuracy.correct, w);
    QVERIFY2(got.accuracy.incorrect == want.accuracy.incorrect, w);
    QVERIFY2(got.accuracy.partiallyCorrect == want.accuracy.partiallyCorrect, w);
    QVERIFY2(got.accuracy.accuracyAvg == want.accuracy.accuracyAvg, w);
    QVERIFY2(got.confidence.counts == want.confidence.counts, w);
    QVERIFY2(got.avgConfidence == want.avgConfidence, w);
    QVERIFY2(got.execution.avgMs == want.execution.avgMs, w);
    QVERIFY2(got.execution.minMs == want.execution.minMs, w);
    QVERIFY2(got.execution.maxMs == want.execution.maxMs, w);
    const std::optional<qint64> g[] = {got.execution.p50Ms, got.execution.p95Ms, got.execution.p99Ms};
    const std::optional<qint64> e[] = {want.execution.p50Ms, want.execution.p95Ms, want.execution.p99Ms};
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(g[i].has_value() == e[i].has_value(), w);
        if (g[i])
            QVERIFY2(std::abs(double(*g[i] - *e[i])) <= 0.01 * double(*e[i]),
                     qPrintable(where + QStringLiteral(" percentile %1 vs %2").arg(*g[i]).arg(*e[i])));
    }
}

void compareCells(const std::vector<ReviewedCell> &got, const std::vector<ReviewedCell> &want, const QString &where)
{
    QVERIFY2(got.size() == want.size(),
             qPrintable(where + QStringLiteral(" cells %1 vs %2").arg(got.size()).arg(want.size())));
    for (size_t i = 0; i < got.size(); ++i) {
        QVERIFY2(got[i].confidenceE4 == want[i].confidenceE4 && got[i].count == want[i].count
                     && got[i].accuracySumE4 == want[i].accuracySumE4,
                 qPrintable(where + QStringLiteral(" cell %1").arg(want[i].confidenceE4)));
    }
}

void compareCalibration(const CalibrationReport &got, const CalibrationReport &want, const QString &where)
{
    QVERIFY2(got.reviewed == want.reviewed && got.bins.size() == want.bins.size(), qPrintable(where));
    for (size_t i = 0; i < want.bins.size(); ++i) {
        QVERIFY2(got.bins[i].count == want.bins[i].count && got.bins[i].meanConfidence == want.bins[i].meanConfidence
                     && got.bins[i].meanAccuracy == want.bins[i].meanAccuracy,
                 qPrintable(where + QStringLiteral(" bin %1").arg(i)));
    }
    QVERIFY2(got.ece == want.ece && got.meanConfidence == want.meanConfidence && got.meanAccuracy == want.meanAccuracy
                 && got.verdict == want.verdict,
             qPrintable(where));
}

}  // namespace atalaya::test
