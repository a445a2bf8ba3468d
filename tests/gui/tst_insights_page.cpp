#include "tests/support/PageWait.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/ingest/DecisionRecorder.h"
#include "ui/common/DataTableView.h"
#include "ui/dashboard/OverviewPage.h"
#include "ui/insights/InsightsModel.h"
#include "ui/insights/InsightsPage.h"
#include "ui/shell/Language.h"
#include "ui/shell/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QDir>
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

    // The longest messages, in both languages, at the window's default size: every message is
    // there whole, wrapped over as many lines as it needs, in a row as tall as those lines.
    void longMessagesShowWhole_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("es") << QStringLiteral("es");
    }
    void longMessagesShowWhole()
    {
        QFETCH(QString, lang);
        Language language;
        QCOMPARE(language.apply(lang), lang);
        auto restore = qScopeGuard([&] {
            language.apply(QStringLiteral("en"));
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        });
        MainWindow window(AppContext{m_fresh.db, nullptr});
        window.resize(MainWindow::defaultSize(nullptr));  // 1400 × 900, as on a first start
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *page = qobject_cast<InsightsPage *>(window.page(QStringLiteral("insights")));
        QVERIFY(page);
        QSignalSpy loaded(page, &Page::loadFinished);
        QVERIFY(window.showPage(QStringLiteral("insights")));
        QVERIFY(loaded.wait(20000));
        QVERIFY(loaded.last().at(0).toBool());

        const QString agent = QStringLiteral("deployment-risk-predictor");
        std::vector<Insight> insights;
        auto add = [&](InsightKind kind, const QString &metric, std::optional<double> baseline, double current) {
            Insight i;
            i.kind = kind;
            i.agentId = agent;
            i.taskType = QStringLiteral("rollback_decision");
            i.metric = metric;
            i.baseline = baseline;
            i.current = current;
            i.psi = 0.31;
            i.bucket = 4;
            i.nBaseline = 1200;
            i.nCurrent = 340;
            i.qValue = 0.0003;
            i.severity = InsightSeverity::High;
            i.version = QStringLiteral("v2.4.1-2026-11-30");
            i.previousVersion = QStringLiteral("v2.3.7-2026-10-02");
            insights.push_back(i);
        };
        add(InsightKind::ConfidenceShift, QStringLiteral("confidence_bucket_share"), 0.12, 0.31);
        add(InsightKind::RiskPredictionAccuracy, QStringLiteral("risk_prediction_accuracy"), 0.81, 0.64);
        add(InsightKind::VersionRegression, QStringLiteral("p95_execution_time_ms"), 820, 1460);
        add(InsightKind::TargetMissed, QStringLiteral("high_confidence_share"), 0.7, 0.52);
        add(InsightKind::RiskFeatureDrift, QStringLiteral("feature_complexity_score"), std::nullopt, 0.31);
        add(InsightKind::CalibrationWorse, QStringLiteral("ece"), 0.041, 0.118);
        add(InsightKind::AccuracyDrop, QStringLiteral("accuracy"), 0.9, 0.75);
        page->model()->setInsights(insights);

        QTableView *view = page->view();
        const QAbstractItemModel *shown = view->model();
        QCOMPARE(shown->rowCount(), int(insights.size()));
        const QFontMetrics metrics(view->font());
        // The delegate keeps a focus-frame margin and a pixel on each side of the text.
        const int margins = 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
        // At the default size, and again once the window is made narrower.
        for (const QSize size : {MainWindow::defaultSize(nullptr), QSize(1150, 800)}) {
            window.resize(size);
            QTRY_COMPARE(window.size(), size);
            QTest::qWait(50);  // the row heights follow the new column widths on a zero timer
            // For a person to look at: the table as a user sees it.
            window.grab().save(
                QDir::temp().filePath(QStringLiteral("atalaya-insights-%1-%2.png").arg(lang).arg(size.width())));
            for (int row = 0; row < shown->rowCount(); ++row) {
                const QModelIndex messageCell = shown->index(row, InsightsModel::Message);
                const QString message = messageCell.data().toString();
                QVERIFY(message.size() > 40);
                const QString tip = messageCell.data(Qt::ToolTipRole).toString();
                QCOMPARE(tip.section(QLatin1Char('\n'), 0, 0), message);
                for (int column = 0; column < shown->columnCount(); ++column) {
                    const QModelIndex cell = shown->index(row, column);
                    const QString text = cell.data().toString();
                    const QRect rect = view->visualRect(cell);
                    const QRect needed =
                        metrics.boundingRect(QRect(0, 0, rect.width() - margins, 100000), Qt::TextWordWrap, text);
                    QVERIFY2(needed.width() <= rect.width() - margins && needed.height() <= rect.height(),
                             qPrintable(QStringLiteral("%1 at %2×%3, column %4: needs %5×%6 px, the cell is %7×%8: %9")
                                            .arg(lang)
                                            .arg(size.width())
                                            .arg(size.height())
                                            .arg(column)
                                            .arg(needed.width())
                                            .arg(needed.height())
                                            .arg(rect.width())
                                            .arg(rect.height())
                                            .arg(text)));
                }
            }
        }
    }
};

QTEST_MAIN(TestInsightsPage)
#include "tst_insights_page.moc"
