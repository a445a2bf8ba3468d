#include "core/agreement/AgreementReport.h"
#include "core/agreement/Kappa.h"

#include <QProcess>
#include <QTemporaryFile>
#include <QTest>
#include <QTimeZone>

#include <random>

using namespace atalaya;
using agreement::RatingTable;

Q_DECLARE_METATYPE(RatingTable)
Q_DECLARE_METATYPE(std::optional<double>)

namespace {

RatingTable table(std::initializer_list<std::initializer_list<qint64>> rows)
{
    RatingTable t;
    size_t a = 0;
    for (const auto &row : rows) {
        size_t b = 0;
        for (qint64 c : row)
            t.cells[a][b++] = c;
        ++a;
    }
    return t;
}

const QDateTime kT0 = QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());

ReviewRecord review(qint64 id, qint64 decision, const QString &reviewer, const char *verdict, ReviewRecord::Role role,
                    qint64 secondsAfter, std::optional<Priority> priority = Priority::P1, const QString &agent = "a1")
{
    ReviewRecord r;
    r.id = id;
    r.telemetryId = decision;
    r.agentId = agent;
    r.reviewer = reviewer;
    r.rank = *agreement::verdictRank(QString::fromLatin1(verdict));
    r.role = role;
    r.decisionCreatedAt = kT0;
    r.reviewedAt = kT0.addSecs(secondsAfter);
    r.priority = priority;
    return r;
}

// Random ratings of two raters who agree with probability `agree`, with categories drawn with
// the given weights: the sets the scikit-learn comparison runs on.
std::vector<std::pair<int, int>> randomRatings(std::mt19937 &rng, int n, double agree, std::array<double, 3> weights)
{
    std::discrete_distribution<int> category(weights.begin(), weights.end());
    std::bernoulli_distribution same(agree);
    std::vector<std::pair<int, int>> out;
    for (int i = 0; i < n; ++i) {
        const int a = category(rng);
        out.emplace_back(a, same(rng) ? a : category(rng));
    }
    return out;
}

}  // namespace

class TestKappa : public QObject {
    Q_OBJECT
private slots:
    void weightedKappa_data()
    {
        QTest::addColumn<RatingTable>("ratings");
        QTest::addColumn<std::optional<double>>("kappa");
        QTest::addColumn<std::optional<double>>("agreement");
        QTest::newRow("perfect") << table({{5, 0, 0}, {0, 3, 0}, {0, 0, 2}}) << std::optional(1.0)
                                 << std::optional(1.0);
        // Rows and columns 3, 4, 3 of 10: Σ w·observed = 4 × ½ = 2; Σ w·expected = 4 × 1.2 × ½
        // + 2 × 0.9 × 1 = 4.2; κ = 1 − 2 / 4.2 = 11/21.
        QTest::newRow("banded") << table({{2, 1, 0}, {1, 2, 1}, {0, 1, 2}}) << std::optional(11.0 / 21.0)
                                << std::optional(0.6);
        // Always the opposite end: observed 10, expected 5, κ = −1.
        QTest::newRow("opposite") << table({{0, 0, 5}, {0, 0, 0}, {5, 0, 0}}) << std::optional(-1.0)
                                  << std::optional(0.0);
        // One step apart costs half a full disagreement: rows 4, 0, 0 against columns 2, 2, 0;
        // observed 2 × ½ = 1, expected (4 × 2 / 4) × ½ = 1, κ = 0.
        QTest::newRow("half step") << table({{2, 2, 0}, {0, 0, 0}, {0, 0, 0}}) << std::optional(0.0)
                                   << std::optional(0.5);
        QTest::newRow("one category") << table({{0, 0, 0}, {0, 0, 0}, {0, 0, 4}}) << std::optional<double>()
                                      << std::optional(1.0);
        QTest::newRow("empty") << RatingTable() << std::optional<double>() << std::optional<double>();
    }
    void weightedKappa()
    {
        QFETCH(RatingTable, ratings);
        QFETCH(std::optional<double>, kappa);
        QFETCH(std::optional<double>, agreement);
        const auto k = agreement::weightedKappa(ratings);
        QCOMPARE(k.has_value(), kappa.has_value());
        if (k)
            QVERIFY2(std::abs(*k - *kappa) < 1e-12, qPrintable(QString::number(*k, 'g', 17)));
        QCOMPARE(agreement::agreementShare(ratings), agreement);
    }

    // The same κ whichever reviewer is A: the linear weights are symmetric.
    void transposeKeepsKappa()
    {
        const RatingTable t = table({{7, 2, 1}, {3, 4, 0}, {1, 5, 9}});
        RatingTable swapped;
        for (size_t a = 0; a < 3; ++a)
            for (size_t b = 0; b < 3; ++b)
                swapped.cells[b][a] = t.cells[a][b];
        QVERIFY(std::abs(*agreement::weightedKappa(t) - *agreement::weightedKappa(swapped)) < 1e-12);
    }

    void bootstrapInterval()
    {
        const RatingTable t = table({{20, 4, 1}, {5, 15, 6}, {2, 3, 44}});
        const auto ci = agreement::kappaInterval(t);
        QVERIFY(ci);
        const double k = *agreement::weightedKappa(t);
        QVERIFY2(ci->first < k && k < ci->second,
                 qPrintable(QStringLiteral("%1 in [%2, %3]").arg(k).arg(ci->first).arg(ci->second)));
        // Fixed seed: the same table always gives the same interval; another seed another one.
        QCOMPARE(agreement::kappaInterval(t), ci);
        QVERIFY(agreement::kappaInterval(t, agreement::kBootstrapResamples, 7) != ci);
        // Ten times the items: a narrower interval around the same κ.
        RatingTable big;
        for (size_t a = 0; a < 3; ++a)
            for (size_t b = 0; b < 3; ++b)
                big.cells[a][b] = 10 * t.cells[a][b];
        const auto bigCi = agreement::kappaInterval(big);
        QVERIFY(bigCi);
        QVERIFY(bigCi->second - bigCi->first < (ci->second - ci->first) / 2);
        QVERIFY(!agreement::kappaInterval(table({{1, 0, 0}, {0, 0, 0}, {0, 0, 0}})));
        QVERIFY(!agreement::kappaInterval(RatingTable()));
    }

    void fleiss()
    {
        // Per-item agreement 1, 1, 0, 1/3 → mean 7/12; category shares 4, 5, 3 of 12 → chance
        // 50/144; κ = (7/12 − 25/72) / (1 − 25/72) = 17/47.
        const auto k = agreement::fleissKappa({{3, 0, 0}, {0, 3, 0}, {1, 1, 1}, {0, 1, 2}});
        QVERIFY(k);
        QVERIFY2(std::abs(*k - 17.0 / 47.0) < 1e-12, qPrintable(QString::number(*k, 'g', 17)));
        QCOMPARE(agreement::fleissKappa({{3, 0, 0}, {0, 3, 0}}), std::optional(1.0));
        QVERIFY(!agreement::fleissKappa({}));
        QVERIFY(!agreement::fleissKappa({{3, 0, 0}, {0, 2, 0}}));  // unequal numbers of ratings
        QVERIFY(!agreement::fleissKappa({{3, 0, 0}, {3, 0, 0}}));  // one category only
    }

    // scikit-learn's cohen_kappa_score(weights="linear") (Debian's python3-sklearn) on random
    // rating sets of several sizes and skews: the same κ to 1e-9.
    void matchesScikitLearn()
    {
        const QString python = QStringLiteral("/usr/bin/python3");
        if (QProcess::execute(python, {QStringLiteral("-c"), QStringLiteral("import sklearn.metrics")}) != 0)
            QFAIL("python3-sklearn is missing (scripts/bootstrap.sh installs it)");
        std::mt19937 rng(4242);
        struct Case {
            int n;
            double agree;
            std::array<double, 3> weights;
        };
        const std::vector<Case> cases = {{8, 0.5, {1, 1, 1}},     {30, 0.7, {1, 2, 6}},    {200, 0.8, {1, 1, 8}},
                                         {1000, 0.4, {3, 2, 1}},  {5000, 0.9, {1, 5, 20}}, {57, 0.0, {1, 1, 1}},
                                         {400, 0.95, {2, 1, 30}}, {12, 0.6, {0, 1, 1}}};
        QTemporaryFile file;
        QVERIFY(file.open());
        std::vector<double> ours;
        for (const Case &c : cases) {
            RatingTable t;
            QStringList a;
            QStringList b;
            for (const auto &[x, y] : randomRatings(rng, c.n, c.agree, c.weights)) {
                t.add(x, y);
                a << QString::number(x);
                b << QString::number(y);
            }
            const auto k = agreement::weightedKappa(t);
            QVERIFY(k);
            ours.push_back(*k);
            file.write((a.join(' ') + '\n' + b.join(' ') + '\n').toLatin1());
        }
        file.close();
        const QString script =
            QStringLiteral("import sys\n"
                           "from sklearn.metrics import cohen_kappa_score\n"
                           "lines = open(sys.argv[1]).read().split('\\n')\n"
                           "for i in range(0, len(lines) - 1, 2):\n"
                           "    a = [int(v) for v in lines[i].split()]\n"
                           "    b = [int(v) for v in lines[i + 1].split()]\n"
                           "    print(repr(float(cohen_kappa_score(a, b, labels=[0, 1, 2], weights='linear'))))\n");
        QProcess p;
        p.start(python, {QStringLiteral("-c"), script, file.fileName()});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QStringList theirs = QString::fromLatin1(p.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(theirs.size(), qsizetype(ours.size()));
        for (size_t i = 0; i < ours.size(); ++i) {
            const double expected = theirs[qsizetype(i)].toDouble();
            QVERIFY2(std::abs(ours[i] - expected) < 1e-9,
                     qPrintable(QStringLiteral("set %1: ours %2, scikit-learn %3")
                                    .arg(i)
                                    .arg(ours[i], 0, 'g', 17)
                                    .arg(expected, 0, 'g', 17)));
        }
    }

    void report()
    {
        using R = ReviewRecord::Role;
        const ReviewRules rules = ReviewRules::defaults();  // P1: 24 h SLA; P3: none
        const std::vector<ReviewRecord> reviews = {
            // 1: ana and bea agree.
            review(1, 1, "bea", "correct", R::First, 3600),
            review(2, 1, "ana", "correct", R::Second, 7200),
            // 2: they disagree; cruz sides with bea, overturning ana.
            review(3, 2, "ana", "incorrect", R::First, 30 * 3600),
            review(4, 2, "bea", "partially_correct", R::Second, 40 * 3600),
            review(5, 2, "cruz", "partially_correct", R::Adjudication, 50 * 3600),
            // 3: ana alone; her earlier verdict was replaced by a later one (only the later counts).
            review(6, 3, "ana", "incorrect", R::First, 600, Priority::P3, "a2"),
            review(7, 3, "ana", "correct", R::First, 1200, Priority::P3, "a2"),
            review(8, 3, "cruz", "correct", R::Second, 1800, Priority::P3, "a2"),
        };
        const AgreementReport r = computeAgreement(reviews, rules);
        QCOMPARE(r.overall.n, 3);
        QCOMPARE(r.overall.table, table({{0, 1, 0}, {0, 0, 0}, {0, 0, 2}}));
        QVERIFY(std::abs(*r.overall.percentAgreement - 200.0 / 3.0) < 1e-9);
        QCOMPARE(r.overall.kappa, agreement::weightedKappa(r.overall.table));
        QCOMPARE(r.fleiss.items, 1);
        QCOMPARE(r.agents.size(), size_t(2));
        QCOMPARE(r.agents[0].agentId, QStringLiteral("a1"));
        QCOMPARE(r.agents[0].figures.n, 2);
        // The pair in name order, whoever reviewed first; the busiest pair first.
        QCOMPARE(r.pairs.size(), size_t(2));
        QCOMPARE(r.pairs[0].reviewerA, QStringLiteral("ana"));
        QCOMPARE(r.pairs[0].reviewerB, QStringLiteral("bea"));
        QCOMPARE(r.pairs[0].figures.n, 2);
        QCOMPARE(r.pairs[0].figures.table, table({{0, 1, 0}, {0, 0, 0}, {0, 0, 1}}));
        QCOMPARE(r.pairs[1].reviewerA, QStringLiteral("ana"));
        QCOMPARE(r.pairs[1].reviewerB, QStringLiteral("cruz"));

        QCOMPARE(r.reviewers.size(), size_t(3));
        const ReviewerFigures &ana = r.reviewers[0];
        QCOMPARE(ana.reviewer, QStringLiteral("ana"));
        QCOMPARE(ana.verdicts, 4);
        QCOMPARE(ana.firstReviews, 3);
        QCOMPARE(ana.secondReviews, 1);
        // P1: 7200 s and 30 h → median 15.5 h; P3: 600 and 1200 s → 900 s.
        QCOMPARE(ana.medianSecondsToVerdict[1], std::optional((7200.0 + 30 * 3600.0) / 2));
        QCOMPARE(ana.medianSecondsToVerdict[3], std::optional(900.0));
        QCOMPARE(ana.medianSecondsToVerdict[0], std::optional<double>());
        // Her one first review with a deadline (P1, 24 h) came after 30 h.
        QCOMPARE(ana.slaDue, 1);
        QCOMPARE(ana.slaMet, 0);
        QCOMPARE(ana.adjudicated, 1);
        QCOMPARE(ana.overturned, 1);
        QCOMPARE(ana.overturnedShare(), std::optional(0.25));
        const ReviewerFigures &bea = r.reviewers[1];
        QCOMPARE(bea.slaDue, 1);
        QCOMPARE(bea.slaMet, 1);
        QCOMPARE(bea.adjudicated, 1);
        QCOMPARE(bea.overturned, 0);
        const ReviewerFigures &cruz = r.reviewers[2];
        QCOMPARE(cruz.adjudications, 1);
        QCOMPARE(cruz.slaHitRate(), std::optional<double>());
    }

    void noReviews()
    {
        const AgreementReport r = computeAgreement({}, ReviewRules::defaults());
        QCOMPARE(r.overall.n, 0);
        QVERIFY(!r.overall.kappa && !r.overall.interval && !r.overall.percentAgreement);
        QVERIFY(!r.fleiss.kappa);
        QVERIFY(r.agents.empty() && r.pairs.empty() && r.reviewers.empty());
    }
};

QTEST_GUILESS_MAIN(TestKappa)
#include "tst_kappa.moc"
