#include "tests/support/PageWait.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/ingest/DecisionRecorder.h"
#include "ui/common/DataTableView.h"
#include "ui/dashboard/OverviewPage.h"
#include "ui/insights/InsightsModel.h"
#include "ui/insights/InsightsPage.h"
#include "ui/shell/Language.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace atalaya;

// The Insights page and the Overview's "What changed" list on a database where one agent's
// accuracy falls from 0.90 to 0.75 this week and another's stays put.
class TestInsightsPage : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        std::vector<DecisionInput> rows;
        auto add = [&](const QString &agent, double confidence, int correct, int incorrect, const QDateTime &start) {
            for (int i = 0; i < correct + incorrect; ++i)
                rows.push_back(test::makeDecision(agent, agent + QStringLiteral("_task"), confidence, 120,
                                                  i < correct ? Feedback::Correct : Feedback::Incorrect,
                                                  start.addSecs(600LL * i)));
        };
        add(QStringLiteral("falling"), 0.9, 180, 20, now.addDays(-10));
        add(QStringLiteral("falling"), 0.9, 150, 50, now.addDays(-3));
        add(QStringLiteral("steady"), 0.96, 180, 20, now.addDays(-10));
        add(QStringLiteral("steady"), 0.96, 180, 20, now.addDays(-3));
        QVERIFY(DecisionRecorder(m_fresh.db).recordBatch(rows).ok());
    }

    void pageListsMostSevereFirst()
    {
        InsightsPage page(AppContext{m_fresh.db, nullptr});
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(test::filterLoadsOk(page, 7));
        QCOMPARE(page.model()->rowCount(), 3);
        const QAbstractItemModel *shown = page.view()->model();
        for (int row = 0; row < shown->rowCount(); ++row) {
            QCOMPARE(shown->index(row, InsightsModel::Severity).data().toString(), QStringLiteral("High"));
            QCOMPARE(shown->index(row, InsightsModel::Scope).data().toString(), QStringLiteral("agent falling"));
        }
        // Equal severity: the smallest q-value first, the accuracy drop (p ≈ 4e-5) among them.
        const double q0 = shown->index(0, InsightsModel::QValue).data(InsightsModel::SortRole).toDouble();
        const double q2 = shown->index(2, InsightsModel::QValue).data(InsightsModel::SortRole).toDouble();
        QVERIFY(q0 <= q2);
        QVERIFY(page.summaryText().contains(QStringLiteral("test")));
    }

    void rowActivationNarrowsToTheAgent()
    {
        InsightsPage page(AppContext{m_fresh.db, nullptr});
        QVERIFY(test::filterLoadsOk(page, 7));
        QSignalSpy spy(&page, &Page::filterRequested);
        emit page.view()->sourceRowActivated(0);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(0).value<DashboardFilter>().agentId, QStringLiteral("falling"));
    }

    void overviewShowsWhatChanged()
    {
        OverviewPage page(AppContext{m_fresh.db, nullptr});
        QVERIFY(test::filterLoadsOk(page, 7));
        const QString text = page.whatChanged()->text();
        QVERIFY2(text.contains(QStringLiteral("Accuracy fell from 0.900 to 0.750 (agent falling)")), qPrintable(text));
        QCOMPARE(text.count(QLatin1Char('\n')), 2);  // three insights, one per line
    }

    // A risk feature drift names the feature in words in the table the page and the PDF show,
    // in the chosen language; the tooltip keeps the JSON name.
    void riskDriftNamesTheFeatureInWords_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("message");
        QTest::newRow("en") << QStringLiteral("en")
                            << QStringLiteral("Risk feature “Lines changed” drifted from the model's training data"
                                              " (PSI 0.57, 40 recent cycles)");
        QTest::newRow("es") << QStringLiteral("es")
                            << QStringLiteral("La variable de riesgo «Líneas modificadas» se ha desviado de los datos"
                                              " de entrenamiento del modelo (PSI 0,57, 40 ciclos recientes)");
    }
    void riskDriftNamesTheFeatureInWords()
    {
        QFETCH(QString, lang);
        QFETCH(QString, message);
        Language language;
        QCOMPARE(language.apply(lang), lang);
        QLocale::setDefault(QLocale(lang == QLatin1String("es") ? QLocale::Spanish : QLocale::English));
        auto restore = qScopeGuard([&] {
            language.apply(QStringLiteral("en"));
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        });
        Insight drift;
        drift.kind = InsightKind::RiskFeatureDrift;
        drift.agentId = QStringLiteral("deployment-risk-predictor");
        drift.metric = QStringLiteral("code_changes_size");
        drift.psi = 0.57;
        drift.current = 0.57;
        drift.nBaseline = 120;
        drift.nCurrent = 40;
        InsightsModel model;
        model.setInsights({drift});
        const QModelIndex cell = model.index(0, InsightsModel::Message);
        QCOMPARE(cell.data().toString(), message);
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), message + QStringLiteral("\ncode_changes_size"));
    }
};

QTEST_MAIN(TestInsightsPage)
#include "tst_insights_page.moc"
