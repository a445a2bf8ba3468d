#include "tests/support/CliRunner.h"
#include "tests/support/TestDatabases.h"

#include "core/agreement/AgreementReader.h"
#include "core/common/TimeUtil.h"
#include "core/dashboard/DashboardData.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/storage/SqlUtil.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace atalaya;
using agreement::RatingTable;

// The agreement figures read from atalaya_reviews joined to ai_telemetry on both backends: the
// window and agent filters, the priorities of the real rows, the CLI's JSON and its empty case.
class TestAgreement : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
    qint64 m_reviewId = 0;

    // A decision `daysAgo` days old whose confidence picks its priority (default rules).
    qint64 decision(const QString &agent, double confidence, int daysAgo)
    {
        DecisionInput d;
        d.agentId = agent;
        d.taskType = QStringLiteral("chat_response");
        d.confidence = confidence;
        d.decision = QJsonObject{{QStringLiteral("action"), QStringLiteral("approve")}};
        d.executionTimeMs = 120;
        d.createdAt = m_now.addDays(-daysAgo);
        auto r = DecisionRecorder(m_fresh.db).record(d);
        if (!r)
            qWarning("insert failed: %s", qPrintable(r.error().message));
        return r ? r->id : 0;
    }

    bool review(qint64 telemetryId, const QString &reviewer, const QString &verdict, const QString &role,
                qint64 secondsAfterCreation)
    {
        auto at = execQuery(*m_fresh.db, QStringLiteral("SELECT created_at FROM ai_telemetry WHERE id = ?"),
                            {telemetryId}, QStringLiteral("reading a decision"));
        if (!at || !at->next())
            return false;
        const QDateTime reviewed = fromDbDateTime(at->value(0)).addSecs(secondsAfterCreation);
        ++m_reviewId;
        const Status s = execStatement(*m_fresh.db,
                                       QStringLiteral("INSERT INTO atalaya_reviews (telemetry_id, reviewer, verdict,"
                                                      " note, role, created_at) VALUES (?, ?, ?, NULL, ?, ?)"),
                                       {telemetryId, reviewer, verdict, role, toDbDateTime(reviewed)},
                                       QStringLiteral("writing a review"));
        if (!s)
            qWarning("%s", qPrintable(s.error().message));
        return bool(s);
    }

    static RatingTable table(std::initializer_list<std::initializer_list<qint64>> rows)
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

    const ReviewerFigures *reviewer(const AgreementReport &r, const QString &name)
    {
        for (const ReviewerFigures &f : r.reviewers)
            if (f.reviewer == name)
                return &f;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        const qint64 d1 = decision(QStringLiteral("alpha"), 0.60, 3);  // P0, 1 h
        const qint64 d2 = decision(QStringLiteral("alpha"), 0.75, 3);  // P1, 24 h
        const qint64 d3 = decision(QStringLiteral("alpha"), 0.90, 3);  // P2, 7 days
        const qint64 d4 = decision(QStringLiteral("beta"), 0.99, 2);  // P3, no SLA
        const qint64 d5 = decision(QStringLiteral("beta"), 0.80, 2);  // P1
        const qint64 old = decision(QStringLiteral("beta"), 0.60, 40);  // outside --days 30
        const qint64 single = decision(QStringLiteral("alpha"), 0.60, 1);  // one review only
        const QString ana = QStringLiteral("ana"), bea = QStringLiteral("bea"), cruz = QStringLiteral("cruz");
        const QString c = QStringLiteral("correct"), p = QStringLiteral("partially_correct"),
                      i = QStringLiteral("incorrect");
        const QString first = QStringLiteral("first"), second = QStringLiteral("second");
        QVERIFY(review(d1, ana, c, first, 1800));
        QVERIFY(review(d1, bea, c, second, 5 * 3600));
        QVERIFY(review(d2, ana, i, first, 30 * 3600));
        QVERIFY(review(d2, bea, p, second, 31 * 3600));
        QVERIFY(review(d2, cruz, p, QStringLiteral("adjudication"), 40 * 3600));
        QVERIFY(review(d3, bea, c, first, 3600));
        QVERIFY(review(d3, ana, p, second, 2 * 3600));
        QVERIFY(review(d4, ana, c, first, 600));
        QVERIFY(review(d4, bea, c, second, 86400));
        QVERIFY(review(d5, bea, i, first, 2 * 3600));
        QVERIFY(review(d5, ana, i, second, 3 * 3600));
        QVERIFY(review(old, ana, c, first, 60));
        QVERIFY(review(old, bea, i, second, 120));
        QVERIFY(review(single, cruz, c, first, 60));
    }

    void figuresOfTheWindow()
    {
        auto query = StatsQuery::lastDays(30);
        QVERIFY(query);
        auto r = loadAgreement(m_fresh.db, *query, ReviewRules::defaults());
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        // (first, second): d1 (2,2), d2 (0,1), d3 (2,1), d4 (2,2), d5 (0,0); the 40-day-old pair
        // is outside. Rows 2, 0, 3 and columns 1, 2, 2 of 5: Σ w·observed = 1, Σ w·expected
        // = 2.4, κ = 7/12; 3 of 5 agree.
        QCOMPARE(r->overall.n, 5);
        QCOMPARE(r->overall.table, table({{1, 1, 0}, {0, 0, 0}, {0, 1, 2}}));
        QVERIFY(std::abs(*r->overall.kappa - 7.0 / 12.0) < 1e-12);
        QCOMPARE(r->overall.percentAgreement, std::optional(60.0));
        QVERIFY(r->overall.interval);
        QCOMPARE(r->fleiss.items, 1);
        QCOMPARE(r->agents.size(), size_t(2));
        QCOMPARE(r->agents[0].agentId, QStringLiteral("alpha"));
        QCOMPARE(r->agents[0].figures.n, 3);
        QCOMPARE(r->agents[1].figures.n, 2);
        QCOMPARE(r->pairs.size(), size_t(1));
        QCOMPARE(r->pairs[0].reviewerA, QStringLiteral("ana"));
        QCOMPARE(r->pairs[0].reviewerB, QStringLiteral("bea"));

        // ana: first reviews of d1 (P0, 30 min of 1 h: met), d2 (P1, 30 h of 24 h: missed) and
        // d4 (P3: no SLA); overturned once (d2) of 5 verdicts.
        const ReviewerFigures *ana = reviewer(*r, QStringLiteral("ana"));
        QVERIFY(ana);
        QCOMPARE(ana->verdicts, 5);
        QCOMPARE(ana->slaDue, 2);
        QCOMPARE(ana->slaMet, 1);
        QCOMPARE(ana->overturned, 1);
        QCOMPARE(ana->overturnedShare(), std::optional(0.2));
        QCOMPARE(ana->medianSecondsToVerdict[0], std::optional(1800.0));
        // P1: 30 h (d2, first) and 3 h (d5, second).
        QCOMPARE(ana->medianSecondsToVerdict[1], std::optional((30 * 3600.0 + 3 * 3600.0) / 2));
        const ReviewerFigures *bea = reviewer(*r, QStringLiteral("bea"));
        QVERIFY(bea);
        QCOMPARE(bea->slaHitRate(), std::optional(1.0));
        QCOMPARE(bea->overturned, 0);
        const ReviewerFigures *cruz = reviewer(*r, QStringLiteral("cruz"));
        QVERIFY(cruz);
        QCOMPARE(cruz->adjudications, 1);
        QCOMPARE(cruz->firstReviews, 1);
    }

    // The Feedback page reads the same report as part of its snapshot.
    void feedbackPageRead()
    {
        auto query = StatsQuery::lastDays(30);
        auto page = loadFeedback(m_fresh.db, *query);
        QVERIFY2(page, page ? "" : qPrintable(page.error().message));
        QCOMPARE(page->agreement.overall.n, 5);
        auto beta = loadFeedback(m_fresh.db, query->withAgent(QStringLiteral("beta")));
        QVERIFY(beta);
        QCOMPARE(beta->agreement.overall.n, 2);
        QCOMPARE(beta->agreement.overall.kappa, std::optional(1.0));
    }

    void cli()
    {
        const test::CliRun all =
            test::runCliOn(m_fresh, {QStringLiteral("agreement"), QStringLiteral("--days"), QStringLiteral("30")});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        const QJsonObject json = all.json().object();
        const QJsonObject overall = json.value(QStringLiteral("overall")).toObject();
        QCOMPARE(overall.value(QStringLiteral("kappa_weighted")).toDouble(), 0.5833);
        QCOMPARE(overall.value(QStringLiteral("percent_agreement")).toDouble(), 60.0);
        QCOMPARE(overall.value(QStringLiteral("n")).toInt(), 5);
        const QJsonArray ci = overall.value(QStringLiteral("kappa_ci")).toArray();
        QCOMPARE(ci.size(), 2);
        QVERIFY(ci[0].isDouble() && ci[1].isDouble() && ci[0].toDouble() <= ci[1].toDouble());
        const QJsonArray pairs = json.value(QStringLiteral("pairs")).toArray();
        QCOMPARE(pairs.size(), 1);
        const QJsonObject pair = pairs[0].toObject();
        QCOMPARE(pair.value(QStringLiteral("reviewer_a")).toString(), QStringLiteral("ana"));
        QCOMPARE(pair.value(QStringLiteral("reviewer_b")).toString(), QStringLiteral("bea"));
        QCOMPARE(pair.value(QStringLiteral("kappa_weighted")).toDouble(), 0.5833);
        QCOMPARE(pair.value(QStringLiteral("n")).toInt(), 5);
        QCOMPARE(json.value(QStringLiteral("agents")).toArray().size(), 2);
        const QJsonArray reviewers = json.value(QStringLiteral("reviewers")).toArray();
        QCOMPARE(reviewers.size(), 3);
        const QJsonObject ana = reviewers[0].toObject();
        QCOMPARE(ana.value(QStringLiteral("reviewer")).toString(), QStringLiteral("ana"));
        QCOMPARE(ana.value(QStringLiteral("sla_hit_rate")).toDouble(), 0.5);
        QCOMPARE(ana.value(QStringLiteral("overturned_share")).toDouble(), 0.2);
        QCOMPARE(
            ana.value(QStringLiteral("median_seconds_to_verdict")).toObject().value(QStringLiteral("P0")).toDouble(),
            1800.0);

        const test::CliRun beta =
            test::runCliOn(m_fresh, {QStringLiteral("agreement"), QStringLiteral("--agent"), QStringLiteral("beta")});
        QVERIFY2(beta.exitCode == 0, beta.err.constData());
        const QJsonObject betaOverall = beta.json().object().value(QStringLiteral("overall")).toObject();
        QCOMPARE(betaOverall.value(QStringLiteral("n")).toInt(), 2);
        QCOMPARE(betaOverall.value(QStringLiteral("kappa_weighted")).toDouble(), 1.0);

        // A window without a rated pair is no error: nulls and n 0.
        const test::CliRun none =
            test::runCliOn(m_fresh, {QStringLiteral("agreement"), QStringLiteral("--agent"), QStringLiteral("nobody")});
        QVERIFY2(none.exitCode == 0, none.err.constData());
        const QJsonObject empty = none.json().object().value(QStringLiteral("overall")).toObject();
        QCOMPARE(empty.value(QStringLiteral("n")).toInt(), 0);
        QVERIFY(empty.value(QStringLiteral("kappa_weighted")).isNull());
        QVERIFY(empty.value(QStringLiteral("percent_agreement")).isNull());
        QCOMPARE(empty.value(QStringLiteral("kappa_ci")).toArray(), (QJsonArray{QJsonValue(), QJsonValue()}));
        QVERIFY(none.json().object().value(QStringLiteral("pairs")).toArray().isEmpty());

        const test::CliRun bad =
            test::runCliOn(m_fresh, {QStringLiteral("agreement"), QStringLiteral("--days"), QStringLiteral("0")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.startsWith("error: "));
    }

    // Another application's database that Atalaya never initialised has no reviews table.
    void withoutReviewsTable()
    {
        auto fresh = test::freshDatabase(false);
        QVERIFY(fresh.db);
        QVERIFY(test::createSeedTables(*fresh.db));
        auto r = loadAgreement(fresh.db, *StatsQuery::lastDays(30), ReviewRules::defaults());
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QCOMPARE(r->overall.n, 0);
        QVERIFY(r->reviewers.empty());
    }
};

QTEST_GUILESS_MAIN(TestAgreement)
#include "tst_agreement.moc"
