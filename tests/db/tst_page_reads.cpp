#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/dashboard/PageReads.h"
#include "core/ingest/DecisionRecorder.h"
#include "ui/shell/PageFactory.h"

#include <QtTest>

#include <algorithm>
#include <set>

using namespace atalaya;

namespace {

QStringList readsOf(const std::vector<CatalogueRead> &catalogue, const QString &page)
{
    QStringList names;
    for (const CatalogueRead &r : catalogue) {
        if (r.page == page)
            names << r.read;
    }
    return names;
}

template <typename Data> QStringList namesOf(const std::vector<PageRead<Data>> &reads)
{
    QStringList names;
    for (const PageRead<Data> &r : reads)
        names << r.name;
    return names;
}

}  // namespace

// The list of every read each page makes (core/dashboard/PageReads), which the scale bench
// times one by one: a read added to a page shows up here, and a page without an entry fails.
class TestPageReads : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    std::vector<QDateTime> m_times;  // created_at of every row

private slots:
    void initTestCase()
    {
        auto fresh = test::freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        m_db = fresh.db;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        std::vector<DecisionInput> rows;
        for (int i = 0; i < 60; ++i)
            rows.push_back(test::makeDecision(i % 3 ? QStringLiteral("agent-a") : QStringLiteral("agent-b"),
                                              QStringLiteral("triage"), 0.5 + 0.008 * i, 100 + 37 * i,
                                              i % 2 ? std::optional(Feedback::Correct) : std::nullopt,
                                              now.addSecs(-1800L * i - 60)));
        for (const DecisionInput &row : rows)
            m_times.push_back(row.createdAt);
        QVERIFY(DecisionRecorder(m_db).recordBatch(rows).ok());
    }

    void everyPageHasItsReads()
    {
        const auto catalogue = pageReadCatalogue();
        std::set<QString> pages;
        for (const CatalogueRead &r : catalogue)
            pages.insert(r.page);
        std::set<QString> expected{QStringLiteral("shell")};
        for (const PageSpec &spec : pageCatalogue())
            expected.insert(spec.id);
        QCOMPARE(pages, expected);
    }

    void readsPerPage_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QStringList>("reads");
        QTest::newRow("shell") << "shell" << QStringList{"agent_ids", "task_types"};
        QTest::newRow("overview") << "overview" << QStringList{"summary", "previous_summary", "spark_days",
                                                               "alerts",  "insights",         "pending_p0"};
        QTest::newRow("insights") << "insights" << QStringList{"report", "whatif"};
        QTest::newRow("accuracy") << "accuracy"
                                  << QStringList{"summary", "by_agent", "by_task_type", "by_day", "model_versions"};
        QTest::newRow("confidence") << "confidence" << QStringList{"summary", "calibration", "reviewed_samples"};
        QTest::newRow("latency") << "latency" << QStringList{"summary", "by_day", "by_task_type", "agent_boxes"};
        QTest::newRow("feedback") << "feedback" << QStringList{"summary", "by_agent", "agreement"};
        QTest::newRow("queue") << "queue"
                               << QStringList{"first_page", "write_access", "counts", "second_review_counts",
                                              "adjudication_counts"};
        QTest::newRow("chat") << "chat" << QStringList{"history", "period_metrics"};
        QTest::newRow("risk") << "risk" << QStringList{"active_model", "recent_cycles", "model_versions"};
        QTest::newRow("audit") << "audit" << QStringList{"first_page"};
    }

    void readsPerPage()
    {
        QFETCH(QString, page);
        QFETCH(QStringList, reads);
        QCOMPARE(readsOf(pageReadCatalogue(), page), reads);
    }

    // The dashboard pages' loads run their registry entries, the same the catalogue lists.
    void catalogueHasTheLoadsReads()
    {
        const auto catalogue = pageReadCatalogue();
        QCOMPARE(readsOf(catalogue, "overview"), namesOf(overviewReads()));
        QCOMPARE(readsOf(catalogue, "accuracy"), namesOf(accuracyReads()));
        QCOMPARE(readsOf(catalogue, "confidence"), namesOf(confidenceReads()));
        QCOMPARE(readsOf(catalogue, "latency"), namesOf(latencyReads()));
        QCOMPARE(readsOf(catalogue, "feedback"), namesOf(feedbackReads()));
    }

    // Each entry reads for real (as the bench runs it) and the page's load fills what it shows.
    void everyReadRuns()
    {
        const PageReadInput in{m_db, *StatsQuery::lastDays(30), ReviewRules::defaults()};
        for (const CatalogueRead &r : pageReadCatalogue()) {
            const Status s = r.run(in);
            QVERIFY2(s.ok(),
                     qPrintable(r.page + QLatin1Char('/') + r.read + QStringLiteral(": ")
                                + (s.ok() ? QString() : s.error().message)));
        }
        auto latency = loadLatency(m_db, in.query);
        QVERIFY(latency.ok());
        QCOMPARE(latency->summary.accuracy.totalDecisions, qint64(60));
        QCOMPARE(latency->agentBoxes.size(), size_t(2));
        QCOMPARE(latency->agentBoxes[0].count + latency->agentBoxes[1].count, qint64(60));
        auto overview = loadOverview(m_db, in.query);
        QVERIFY(overview.ok());
        QVERIFY(overview->pendingUrgent.has_value());
        QCOMPARE(overview->current.accuracy.totalWithFeedback, qint64(30));
    }

    // The overview's days start at a UTC midnight: the first one is the whole day its label names.
    // They started 7 × 24 h before the window's end, so the first day lost the hours before it.
    void sparkDaysAreWholeDays()
    {
        auto row = std::find_if(m_times.begin(), m_times.end(),
                                [](const QDateTime &t) { return t.time() > QTime(1, 0) && t.time() < QTime(23, 0); });
        QVERIFY(row != m_times.end());
        const QDate first = row->date();
        const auto query = StatsQuery::lastDays(30, row->addDays(7).addSecs(1));
        QVERIFY(query.ok());
        auto overview = loadOverview(m_db, *query);
        QVERIFY(overview.ok());
        QCOMPARE(overview->sparkDays.front().key, first.toString(Qt::ISODate));
        const auto onFirst = std::count_if(m_times.begin(), m_times.end(),
                                           [first](const QDateTime &t) { return t.date() == first; });
        QCOMPARE(overview->sparkDays.front().summary.accuracy.totalDecisions, qint64(onFirst));
    }
};

QTEST_GUILESS_MAIN(TestPageReads)
#include "tst_page_reads.moc"
