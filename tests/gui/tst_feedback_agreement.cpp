#include "tests/support/PageWait.h"
#include "tests/support/TestDatabases.h"

#include "core/agreement/AgreementReader.h"
#include "core/common/TimeUtil.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/settings/Settings.h"
#include "core/storage/SqlUtil.h"
#include "ui/common/DataTableView.h"
#include "ui/common/Format.h"
#include "ui/dashboard/AgreementModels.h"
#include "ui/dashboard/AgreementSection.h"
#include "ui/dashboard/FeedbackPage.h"
#include "ui/shell/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;

// The Feedback page's agreement section shows what core computes from atalaya_reviews: the
// overall κ with its interval, one row per reviewer pair and per reviewer, κ explained in tooltips.
class TestFeedbackAgreement : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    // Decision i reviewed first by reviewers[a] and second by reviewers[b] (default: i % 3 and
    // (i + 1) % 3, so the 24 base decisions give 8 pairs to each of the three pairs).
    bool addReviewed(int i, const char *first, const char *second, int a = -1, int b = -1)
    {
        if (a < 0) {
            a = i % 3;
            b = (i + 1) % 3;
        }
        DecisionInput d;
        d.agentId = i % 2 ? QStringLiteral("support-bot") : QStringLiteral("deploy-guard");
        d.taskType = QStringLiteral("chat_response");
        d.confidence = 0.6 + 0.03 * (i % 10);
        d.decision = QJsonObject{{QStringLiteral("action"), QStringLiteral("approve")}};
        d.executionTimeMs = 100;
        d.createdAt = QDateTime::currentDateTimeUtc().addDays(-1 - i % 5);
        auto r = DecisionRecorder(m_db).record(d);
        if (!r)
            return false;
        const QString reviewers[] = {QStringLiteral("ana"), QStringLiteral("bea"), QStringLiteral("cruz")};
        const QString sql = QStringLiteral("INSERT INTO atalaya_reviews (telemetry_id, reviewer, verdict, note, role,"
                                           " created_at) VALUES (?, ?, ?, NULL, ?, ?)");
        return execStatement(*m_db, sql,
                             {r->id, reviewers[a], QString::fromLatin1(first), QStringLiteral("first"),
                              toDbDateTime(d.createdAt.addSecs(1800 + 600 * i))},
                             QStringLiteral("first review"))
            && execStatement(*m_db, sql,
                             {r->id, reviewers[b], QString::fromLatin1(second), QStringLiteral("second"),
                              toDbDateTime(d.createdAt.addSecs(7200 + 900 * i))},
                             QStringLiteral("second review"));
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        auto fresh = test::freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        m_db = fresh.db;
        const char *verdicts[][2] = {
            {"correct", "correct"}, {"incorrect", "incorrect"},         {"partially_correct", "correct"},
            {"correct", "correct"}, {"incorrect", "partially_correct"}, {"partially_correct", "partially_correct"}};
        for (int i = 0; i < 24; ++i)
            QVERIFY(addReviewed(i, verdicts[i % 6][0], verdicts[(i + i / 6) % 6][1]));
        // ana and bea review 30 more together: their pair (38) and the whole (54) reach the
        // 30 pairs from which κ is shown; the two other pairs (8 each) do not.
        for (int i = 24; i < 54; ++i)
            QVERIFY(addReviewed(i, verdicts[i % 6][0], verdicts[(i + i / 5) % 6][1], i % 2, (i + 1) % 2));
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings->setAutoRefresh(false);
        m_window = std::make_unique<MainWindow>(AppContext{m_db, m_settings.get()});
        m_window->resize(1400, 900);
        m_window->show();
    }

    void sectionShowsTheReport()
    {
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("feedback")));
        auto *page = qobject_cast<FeedbackPage *>(m_window->page(QStringLiteral("feedback")));
        AgreementSection *section = page->agreementSection();
        QVERIFY(section && section->isVisible());

        const auto expected = loadAgreement(m_db, m_window->filter().toQuery(), ReviewRules::defaults());
        QVERIFY(expected);
        QCOMPARE(expected->overall.n, 54);
        QCOMPARE(section->overallText(), overallAgreementText(*expected));
        QVERIFY(section->overallText().contains(QStringLiteral("54 rated pair")));
        QVERIFY(section->overallText().contains(fmt::ratio(expected->overall.kappa)));
        auto *overall = section->findChild<QLabel *>(QStringLiteral("agreementOverall"));
        QVERIFY(overall);
        QCOMPARE(overall->toolTip(), kappaExplanation());

        AgreementPairsModel *pairs = section->pairsModel();
        QCOMPARE(pairs->rowCount(), int(expected->pairs.size()));
        QCOMPARE(pairs->rowCount(), 3);
        QAbstractItemModelTester pairsTester(section->pairsView()->proxy(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        qint64 rated = 0;
        for (int r = 0; r < pairs->rowCount(); ++r)
            rated += pairs->index(r, 1).data(AgreementPairsModel::SortRole).toLongLong();
        QCOMPARE(rated, 54);
        // The most rated pair (ana · bea, 38) shows κ and its interval; the pairs of 8 say
        // too few instead of an interval spanning most of the scale.
        QCOMPARE(expected->pairs[0].figures.n, qint64(38));
        QCOMPARE(pairs->index(0, 2).data().toString(), fmt::ratio(expected->pairs[0].figures.kappa));
        QVERIFY(pairs->index(0, 3).data().toString() != fmt::dash());
        for (int r = 1; r < 3; ++r) {
            QCOMPARE(expected->pairs[size_t(r)].figures.n, qint64(8));
            QVERIFY(expected->pairs[size_t(r)].figures.interval);  // computed, not shown
            QCOMPARE(pairs->index(r, 2).data().toString(), QStringLiteral("too few pairs"));
            QCOMPARE(pairs->index(r, 3).data().toString(), fmt::dash());
        }
        QCOMPARE(tooFewPairsText(8), QStringLiteral("too few pairs (8)"));
        // Fleiss' κ has the same threshold: over the demo's 7 adjudicated decisions it read 0.000.
        AgreementReport adjudicated = *expected;
        adjudicated.fleiss = {0.0, 7};
        QVERIFY2(overallAgreementText(adjudicated).endsWith(QStringLiteral(" · Fleiss' κ: too few adjudicated decisions (7)")),
                 qPrintable(overallAgreementText(adjudicated)));
        adjudicated.fleiss = {0.1042, kMinKappaPairs};
        QVERIFY2(overallAgreementText(adjudicated)
                     .contains(QStringLiteral(" · Fleiss' κ %1 over %2 adjudicated decision")
                                   .arg(fmt::ratio(0.1042))
                                   .arg(kMinKappaPairs)),
                 qPrintable(overallAgreementText(adjudicated)));
        QCOMPARE(pairs->headerData(2, Qt::Horizontal, Qt::ToolTipRole).toString(), kappaExplanation());

        // Every figure column is as wide as its header and its widest value, and nothing
        // wraps; the names elide with the full text in the tooltip.
        for (DataTableView *view : {section->pairsView(), section->reviewersView()}) {
            QVERIFY(!view->wordWrap());
            const QHeaderView *header = view->horizontalHeader();
            for (int c = 1; c < header->count(); ++c) {
                const int needed =
                    std::max(header->sectionSizeHint(c), static_cast<QAbstractItemView *>(view)->sizeHintForColumn(c));
                QVERIFY2(header->sectionSize(c) >= needed,
                         qPrintable(QStringLiteral("%1 column %2: %3 < %4")
                                        .arg(view->objectName())
                                        .arg(c)
                                        .arg(header->sectionSize(c))
                                        .arg(needed)));
            }
        }
        QCOMPARE(pairs->index(0, 0).data(Qt::ToolTipRole).toString(), pairs->index(0, 0).data().toString());

        ReviewerAgreementModel *reviewers = section->reviewersModel();
        QCOMPARE(reviewers->rowCount(), 3);
        QAbstractItemModelTester reviewersTester(section->reviewersView()->proxy(),
                                                 QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(reviewers->index(0, 0).data().toString(), QStringLiteral("ana"));
        QCOMPARE(reviewers->index(0, 1).data(ReviewerAgreementModel::SortRole).toLongLong(),
                 expected->reviewers[0].verdicts);

        const QString dir = qEnvironmentVariable("ATALAYA_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            m_window->grab().save(QDir(dir).filePath(QStringLiteral("feedback-agreement.png")));
    }

    // A period without double reviews says so instead of showing empty tables with a κ of "—".
    void emptyPeriod()
    {
        auto *page = qobject_cast<FeedbackPage *>(m_window->page(QStringLiteral("feedback")));
        DashboardFilter f = m_window->filter();
        f.agentId = QStringLiteral("nobody");
        QSignalSpy spy(page, &Page::loadFinished);
        m_window->setFilter(f);
        QVERIFY(spy.wait(20000));
        QCOMPARE(page->agreementSection()->pairsModel()->rowCount(), 0);
        QCOMPARE(page->agreementSection()->overallText(), overallAgreementText(AgreementReport()));
    }
};

QTEST_MAIN(TestFeedbackAgreement)
#include "tst_feedback_agreement.moc"
