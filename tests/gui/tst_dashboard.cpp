#include "tests/support/PageWait.h"
#include "tests/support/TestDatabases.h"

#include "ui/shell/MainWindow.h"
#include "ui/common/Format.h"
#include "ui/dashboard/DashboardCharts.h"
#include "core/setup/DemoLoader.h"
#include "ui/dashboard/AlertsModel.h"
#include "ui/dashboard/GroupTableModel.h"
#include "ui/dashboard/ModelVersionsModel.h"
#include "core/insights/ModelVersions.h"
#include "ui/dashboard/AccuracyPage.h"
#include "ui/dashboard/ConfidencePage.h"
#include "ui/dashboard/FeedbackPage.h"
#include "ui/dashboard/LatencyPage.h"
#include "ui/dashboard/OverviewPage.h"
#include "core/settings/Settings.h"
#include "core/stats/StatsService.h"
#include "core/storage/SqlUtil.h"
#include "ui/common/ChartCard.h"
#include "ui/common/DataTableView.h"
#include "ui/common/ErrorBanner.h"
#include "ui/common/FilterBar.h"
#include "ui/common/KpiCard.h"

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QGraphicsSimpleTextItem>
#include <QHeaderView>
#include <QDateEdit>
#include <QFontMetricsF>
#include <QFutureWatcher>
#include <QPieSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QXYSeries>
#include <QTemporaryDir>
#include <QtTest>

#include <ctime>

using namespace atalaya;

// Pages load the demo data and show what core computes (read back from models and widgets).
class TestDashboard : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    bool waitReload(Page *p)
    {
        QSignalSpy spy(p, &Page::loadFinished);
        return spy.wait(20000) && spy.last().at(0).toBool();
    }
    StatsQuery currentQuery() const { return m_window->filter().toQuery(); }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        auto fresh = test::freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        m_db = fresh.db;
        DemoOptions options;
        options.decisions = 3000;
        options.days = 40;
        QVERIFY(loadDemoData(m_db, options).ok());
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings->setAutoRefresh(false);
        m_window = std::make_unique<MainWindow>(AppContext{m_db, m_settings.get()});
        m_window->resize(1400, 900);
        m_window->show();
    }

    void overviewShowsCoreFigures()
    {
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("overview")));
        auto *page = qobject_cast<OverviewPage *>(m_window->page(QStringLiteral("overview")));
        const auto s = StatsService(m_db).summary(currentQuery());
        QVERIFY(s.ok());
        QVERIFY(s->accuracy.totalDecisions > 0);
        QCOMPARE(page->card(OverviewPage::Total)->valueText(), fmt::count(s->accuracy.totalDecisions));
        QCOMPARE(page->card(OverviewPage::Accuracy)->valueText(), fmt::ratioPercent(s->accuracy.accuracyAvg));
        QCOMPARE(page->card(OverviewPage::P95)->valueText(), fmt::ms(s->execution.p95Ms));
        QCOMPARE(page->card(OverviewPage::FeedbackRate)->valueText(), fmt::percent(s->accuracy.feedbackRatePercent()));
        const auto alerts = activeAlerts(StatsService(m_db), currentQuery());
        QCOMPARE(page->alertsModel()->rowCount(), static_cast<int>(alerts->size()));
        QAbstractItemModelTester tester(page->alertsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    // The sparklines draw the whole days before today: today's count, feedback rate and accuracy
    // so far ended every line in a drop.
    void sparklinesEndWithYesterday()
    {
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("overview")));
        auto *page = qobject_cast<OverviewPage *>(m_window->page(QStringLiteral("overview")));
        const auto &days = page->data()->sparkDays;
        QCOMPARE(days.back().key, QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
        const auto points = page->card(OverviewPage::Total)->sparkPoints();
        QCOMPARE(points.size(), days.size() - 1);
        QCOMPARE(points.back(), std::optional<double>(double(days[days.size() - 2].summary.accuracy.totalDecisions)));
        QCOMPARE(page->card(OverviewPage::Accuracy)->sparkPoints().back(),
                 days[days.size() - 2].summary.accuracy.accuracyAvg);
    }

    // At 1400×900 the page has no empty half: the alerts table is as tall as its rows, and the
    // days' chart (a bar per sparkline day) takes the height that was an empty table.
    void overviewUsesTheHeight()
    {
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("overview")));
        auto *page = qobject_cast<OverviewPage *>(m_window->page(QStringLiteral("overview")));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        DataTableView *alerts = page->alertsView();
        const int rows = std::min(page->alertsModel()->rowCount(), 6);
        if (rows > 0) {
            const int rowsBottom = alerts->horizontalHeader()->height()
                + alerts->verticalHeader()->sectionViewportPosition(rows - 1)
                + alerts->verticalHeader()->sectionSize(rows - 1);
            QVERIFY2(alerts->height() - rowsBottom <= 2 * alerts->frameWidth() + 2,
                     qPrintable(QStringLiteral("%1 px of table for rows ending at %2").arg(alerts->height()).arg(rowsBottom)));
        }
        ChartCard *week = page->weekCard();
        QVERIFY(!week->isEmptyState());
        auto *bars = qobject_cast<QBarSeries *>(week->chart()->series().value(0));
        QVERIFY(bars);
        QCOMPARE(bars->barSets().value(0)->count(), static_cast<int>(page->data()->sparkDays.size()));
        // The demo's alert count (up to 6 rows of table) varies with the hour the test runs, so
        // the chart's share of the page is checked, not a fixed height (278 px beside 6 alerts).
        QVERIFY2(week->height() >= page->height() / 4,
                 qPrintable(QStringLiteral("%1 of %2").arg(week->height()).arg(page->height())));
        const int bottom = week->mapTo(page, QPoint(0, week->height())).y();
        QVERIFY2(page->height() - bottom < 40, qPrintable(QStringLiteral("%1 of %2").arg(bottom).arg(page->height())));
    }

    // At the window's minimum size the days' chart stays readable: every day's label fits its
    // bar's slot ("07 Dec (so far)" was cut) and each value axis's title fits the plot's height
    // (a vertical "Accuracy (%)" was elided).
    void overviewChartReadsAtTheMinimumSize()
    {
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("overview")));
        auto *page = qobject_cast<OverviewPage *>(m_window->page(QStringLiteral("overview")));
        const QSize before = m_window->size();
        m_window->resize(m_window->minimumSizeHint());
        QChart *chart = page->weekCard()->chart();
        const auto slotProblem = [chart]() -> QString {
            const QRectF plot = chart->plotArea();
            auto *x = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Horizontal).value(0));
            if (!x || x->count() == 0 || plot.width() <= 0)
                return QStringLiteral("no plot yet");
            const qreal slot = plot.width() / x->count();
            const QFontMetricsF labels(x->labelsFont());
            for (const QString &label : x->categories()) {
                if (labels.horizontalAdvance(label) > slot)
                    return QStringLiteral("'%1' in %2 px").arg(label).arg(slot);
            }
            for (QAbstractAxis *y : chart->axes(Qt::Vertical)) {
                if (QFontMetricsF(y->titleFont()).horizontalAdvance(y->titleText()) > plot.height())
                    return QStringLiteral("title '%1' over %2 px").arg(y->titleText()).arg(plot.height());
            }
            return QString();
        };
        QTRY_COMPARE(slotProblem(), QString());
        QVERIFY2(m_window->width() < 1100, qPrintable(QString::number(m_window->width())));
        m_window->resize(before);
    }

    void accuracyTable()
    {
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("accuracy")));
        auto *page = qobject_cast<AccuracyPage *>(m_window->page(QStringLiteral("accuracy")));
        const auto agents = StatsService(m_db).grouped(currentQuery(), GroupBy::Agent);
        GroupTableModel *model = page->agentModel();
        QCOMPARE(model->rowCount(), static_cast<int>(agents->size()));
        for (int r = 0; r < model->rowCount(); ++r) {
            const GroupSummary &g = (*agents)[static_cast<size_t>(r)];
            QCOMPARE(model->index(r, 0).data().toString(), g.key);
            QCOMPARE(model->index(r, model->columnOf(GroupTableModel::Column::Decisions))
                         .data(GroupTableModel::SortRole)
                         .toLongLong(),
                     g.summary.accuracy.totalDecisions);
            QCOMPARE(model->index(r, model->columnOf(GroupTableModel::Column::Accuracy)).data().toString(),
                     fmt::ratioPercent(g.summary.accuracy.accuracyAvg));
        }
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(page->agentView()->proxy(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!page->byTaskCard()->isEmptyState());
        QVERIFY(!page->perDayCard()->isEmptyState());
    }

    // The Model versions table shows every agent's versions as core computes them (the demo
    // moved each of its six agents from one version to a newer one).
    void modelVersionsTable()
    {
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("accuracy")));
        auto *page = qobject_cast<AccuracyPage *>(m_window->page(QStringLiteral("accuracy")));
        const auto reports = ModelVersionsService(m_db).reports(currentQuery());
        QVERIFY(reports.ok());
        QCOMPARE(reports->size(), size_t(6));
        ModelVersionsModel *model = page->versionsModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        int row = 0;
        for (const VersionReport &r : *reports) {
            if (r.agentId == QLatin1String("test-triage-agent")) {
                QCOMPARE(r.versions.size(), size_t(2));
                QCOMPARE(r.versions[0].version, QStringLiteral("v2.0.0"));
                QCOMPARE(r.versions[1].version, QStringLiteral("v2.1.0"));
            }
            for (const VersionStats &v : r.versions) {
                QCOMPARE(model->index(row, ModelVersionsModel::Agent).data().toString(), r.agentId);
                QCOMPARE(model->index(row, ModelVersionsModel::Version).data().toString(), v.version);
                QCOMPARE(model->index(row, ModelVersionsModel::Decisions).data().toString(), fmt::count(v.n));
                QCOMPARE(model->index(row, ModelVersionsModel::Accuracy).data().toString(),
                         fmt::ratioPercent(v.accuracy()));
                QCOMPARE(model->index(row, ModelVersionsModel::P95).data().toString(), fmt::ms(v.p95Ms()));
                QVERIFY(!model->index(row, ModelVersionsModel::Accuracy).data(Qt::ToolTipRole).toString().isEmpty());
                QVERIFY(
                    !model->index(row, ModelVersionsModel::VersusPrevious).data(Qt::ToolTipRole).toString().isEmpty());
                ++row;
            }
        }
        QCOMPARE(model->rowCount(), row);
        QVERIFY(page->versionsView()->isVisible());
        QCOMPARE(page->versionsView()->model()->rowCount(), row);
        QCOMPARE(model->headerData(ModelVersionsModel::VersusPrevious, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Versus previous version"));
        const QModelIndex firstSeen = model->index(0, ModelVersionsModel::FirstSeen);
        QCOMPARE(firstSeen.data().toString().size(), 10);
        QVERIFY(firstSeen.data(Qt::ToolTipRole).toString().startsWith(firstSeen.data().toString()));
    }

    // Bar labels read like the tables: one decimal even when it is 0 ("84.0 %", not "84 %").
    void barLabelsMatchTables()
    {
        std::vector<GroupSummary> tasks(2);
        tasks[0].key = QStringLiteral("a");
        tasks[0].summary.accuracy.accuracyAvg = 0.84;
        tasks[1].key = QStringLiteral("b");
        tasks[1].summary.accuracy.accuracyAvg = 0.8437;
        std::unique_ptr<QChart> chart(charts::accuracyByTaskChart(charts::ChartStyle::forPrint(), tasks));
        QStringList labels;
        for (QGraphicsItem *item : chart->childItems()) {
            if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item))
                labels << text->text();
        }
        labels.sort();
        QCOMPARE(labels, (QStringList{fmt::ratioPercent(0.84), fmt::ratioPercent(0.8437)}));
        QCOMPARE(labels.first(), QStringLiteral("84.0 %"));
    }

    void clickingAnAgentFilters()
    {
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("accuracy")));
        auto *page = qobject_cast<AccuracyPage *>(m_window->page(QStringLiteral("accuracy")));
        DataTableView *view = page->agentView();
        const QModelIndex first = view->model()->index(0, 0);
        const QString agent = first.data().toString();
        QSignalSpy loaded(page, &Page::loadFinished);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
        QCOMPARE(m_window->filter().agentId, agent);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(page->filter().agentId, agent);
        QCOMPARE(page->agentModel()->rowCount(), 1);
        QCOMPARE(m_window->filterBar()->agentCombo()->currentData().toString(), agent);
    }

    void filterPropagatesToOtherPages()
    {
        const QString agent = m_window->filter().agentId;
        QVERIFY(!agent.isEmpty());
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("overview")));
        auto *page = qobject_cast<OverviewPage *>(m_window->page(QStringLiteral("overview")));
        QCOMPARE(page->filter().agentId, agent);
        const auto s = StatsService(m_db).summary(currentQuery());
        QCOMPARE(page->card(OverviewPage::Total)->valueText(), fmt::count(s->accuracy.totalDecisions));
        // Back to all agents through the filter bar's combo, as a user would.
        m_window->filterBar()->agentCombo()->setCurrentIndex(0);
        QVERIFY(waitReload(page));
        QVERIFY(m_window->filter().agentId.isEmpty());
        const auto all = StatsService(m_db).summary(currentQuery());
        QCOMPARE(page->card(OverviewPage::Total)->valueText(), fmt::count(all->accuracy.totalDecisions));
        QVERIFY(all->accuracy.totalDecisions > s->accuracy.totalDecisions);
    }

    void periodChange()
    {
        auto *page = m_window->page(QStringLiteral("overview"));
        QComboBox *period = m_window->filterBar()->periodCombo();
        period->setCurrentIndex(period->findData(7));
        QVERIFY(waitReload(page));
        QCOMPARE(m_window->filter().days, 7);
        const auto s = StatsService(m_db).summary(currentQuery());
        QCOMPARE(qobject_cast<OverviewPage *>(page)->card(OverviewPage::Total)->valueText(),
                 fmt::count(s->accuracy.totalDecisions));
        period->setCurrentIndex(period->findData(30));
        QVERIFY(waitReload(page));
    }

    void confidencePage()
    {
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("confidence")));
        auto *page = qobject_cast<ConfidencePage *>(m_window->page(QStringLiteral("confidence")));
        const auto s = StatsService(m_db).summary(currentQuery());
        auto *series = qobject_cast<QBarSeries *>(page->histogramCard()->chart()->series().first());
        QVERIFY(series);
        QBarSet *set = series->barSets().first();
        for (int b = 0; b < 5; ++b)
            QCOMPARE(static_cast<qint64>(set->at(b)), s->confidence.counts[static_cast<size_t>(b)]);
        const auto cells = StatsSamples(m_db).reviewedCells(currentQuery());
        const CalibrationReport c = computeCalibration(*cells, kCalibrationBins);
        QVERIFY2(page->insightText().contains(fmt::ratio(c.ece)), qPrintable(page->insightText()));
        QVERIFY(page->reliabilityCard()->chart()->title().contains(charts::verdictText(c)));
        QVERIFY(!page->scatterCard()->isEmptyState());
        // The scatter shows every sample core returns, one series per feedback value.
        const auto samples = StatsSamples(m_db).reviewedSamples(currentQuery(), kScatterSampleCap);
        QVERIFY(samples.ok() && !samples->empty());
        const QList<QAbstractSeries *> groups = page->scatterCard()->chart()->series();
        QCOMPARE(groups.size(), 3);
        const Feedback order[] = {Feedback::Correct, Feedback::PartiallyCorrect, Feedback::Incorrect};
        for (int g = 0; g < 3; ++g) {
            const auto expected = std::count_if(samples->begin(), samples->end(),
                                                [&](const ReviewedSample &r) { return r.feedback == order[g]; });
            auto *series = qobject_cast<QXYSeries *>(groups[g]);
            QVERIFY(series);
            QCOMPARE(series->count(), static_cast<int>(expected));
        }
    }

    void latencyPage()
    {
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("latency")));
        auto *page = qobject_cast<LatencyPage *>(m_window->page(QStringLiteral("latency")));
        const auto tasks = StatsService(m_db).grouped(currentQuery(), GroupBy::TaskType);
        GroupTableModel *model = page->taskModel();
        QCOMPARE(model->rowCount(), static_cast<int>(tasks->size()));
        for (int r = 0; r < model->rowCount(); ++r) {
            QCOMPARE(model->index(r, model->columnOf(GroupTableModel::Column::P95)).data().toString(),
                     fmt::ms((*tasks)[static_cast<size_t>(r)].summary.execution.p95Ms));
            QCOMPARE(model->index(r, model->columnOf(GroupTableModel::Column::P99)).data().toString(),
                     fmt::ms((*tasks)[static_cast<size_t>(r)].summary.execution.p99Ms));
            // The average in whole milliseconds like the percentiles beside it ("454 ms", not "453.6 ms").
            const auto avg = (*tasks)[static_cast<size_t>(r)].summary.execution.avgMs;
            QVERIFY(avg);
            QCOMPARE(model->index(r, model->columnOf(GroupTableModel::Column::AvgMs)).data().toString(),
                     QLocale().toString(std::llround(*avg)) + QStringLiteral(" ms"));
        }
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!page->boxCard()->isEmptyState());
    }

    void feedbackPage()
    {
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("feedback")));
        auto *page = qobject_cast<FeedbackPage *>(m_window->page(QStringLiteral("feedback")));
        const auto s = StatsService(m_db).summary(currentQuery());
        auto *pie = qobject_cast<QPieSeries *>(page->pieCard()->chart()->series().first());
        QCOMPARE(static_cast<qint64>(pie->slices().at(0)->value()), s->accuracy.correct);
        QCOMPARE(static_cast<qint64>(pie->slices().at(1)->value()), s->accuracy.partiallyCorrect);
        QCOMPARE(static_cast<qint64>(pie->slices().at(2)->value()), s->accuracy.incorrect);
        const auto agents = StatsService(m_db).grouped(currentQuery(), GroupBy::Agent);
        GroupTableModel *model = page->agentModel();
        for (int r = 0; r < model->rowCount(); ++r)
            QCOMPARE(model->index(r, model->columnOf(GroupTableModel::Column::FeedbackCount))
                         .data(GroupTableModel::SortRole)
                         .toLongLong(),
                     (*agents)[static_cast<size_t>(r)].summary.accuracy.totalWithFeedback);
        QAbstractItemModelTester tester(page->agentView()->proxy(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // One bar per agent with its feedback rate, the lowest on top (bars run bottom-up).
        auto *rates = page->findChild<ChartCard *>(QStringLiteral("feedbackRateChart"));
        QVERIFY(rates && rates->chart());
        QAbstractBarSeries *bars = nullptr;
        for (QAbstractSeries *series : rates->chart()->series()) {
            if (auto *b = qobject_cast<QAbstractBarSeries *>(series))
                bars = b;
        }
        QVERIFY(bars);
        QBarCategoryAxis *names = nullptr;
        for (QAbstractAxis *axis : bars->attachedAxes()) {
            if (auto *n = qobject_cast<QBarCategoryAxis *>(axis))
                names = n;
        }
        QVERIFY(names);
        const QBarSet *set = bars->barSets().first();
        QCOMPARE(set->count(), static_cast<int>(agents->size()));
        for (int i = 0; i < set->count(); ++i) {
            const auto it = std::find_if(agents->begin(), agents->end(),
                                         [&](const GroupSummary &g) { return g.key == names->at(i); });
            QVERIFY2(it != agents->end(), qPrintable(names->at(i)));
            QCOMPARE(set->at(i), *it->summary.accuracy.feedbackRatePercent());
            if (i > 0)
                QVERIFY(set->at(i) <= set->at(i - 1));
        }
    }

    void emptyPeriodShowsEmptyState()
    {
        DashboardFilter f = m_window->filter();
        f.agentId = QStringLiteral("' OR 1=1 --");
        m_window->setFilter(f);
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("accuracy")));
        auto *page = qobject_cast<AccuracyPage *>(m_window->page(QStringLiteral("accuracy")));
        QCOMPARE(page->agentModel()->rowCount(), 0);
        QVERIFY(page->byTaskCard()->isEmptyState());
        f.agentId.clear();
        m_window->setFilter(f);
        QVERIFY(waitReload(page));
    }

    void unreachableTableShowsBannerAndRetryRecovers()
    {
        auto *page = qobject_cast<DataPage *>(m_window->page(QStringLiteral("feedback")));
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("feedback")));
        QVERIFY(execStatement(*m_db, QStringLiteral("ALTER TABLE ai_telemetry RENAME TO ai_telemetry_away"), {},
                              QStringLiteral("test"))
                    .ok());
        QSignalSpy failed(page, &Page::loadFinished);
        page->refresh();
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.last().at(0).toBool(), false);
        QVERIFY(!page->errorBanner()->isHidden());
        QVERIFY(!page->errorBanner()->message().isEmpty());
        QVERIFY(execStatement(*m_db, QStringLiteral("ALTER TABLE ai_telemetry_away RENAME TO ai_telemetry"), {},
                              QStringLiteral("test"))
                    .ok());
        QSignalSpy recovered(page, &Page::loadFinished);
        page->errorBanner()->retryButton()->click();
        QVERIFY(recovered.wait(20000));
        QCOMPARE(recovered.last().at(0).toBool(), true);
        QVERIFY(page->errorBanner()->isHidden());
    }

    void staleResultsAreDropped()
    {
        auto *page = qobject_cast<DataPage *>(m_window->page(QStringLiteral("feedback")));
        QSignalSpy loaded(page, &Page::loadFinished);
        page->refresh();
        page->refresh();
        page->refresh();
        QVERIFY(loaded.wait(20000));
        // Each load's watcher deletes itself once its result reached the page: with none left,
        // the two stale results have been delivered too, and dropped.
        QTRY_VERIFY_WITH_TIMEOUT(page->findChildren<QFutureWatcherBase *>().isEmpty(), 20000);
        QCOMPARE(loaded.count(), 1);
    }

    void csvOfATable()
    {
        auto *page = qobject_cast<AccuracyPage *>(m_window->page(QStringLiteral("accuracy")));
        QVERIFY(test::showPageLoadsOk(*m_window, QStringLiteral("accuracy")));
        const QList<QByteArray> lines = page->agentView()->toCsv().split('\n');
        QCOMPARE(lines.first(), QByteArray("Agent,Decisions,Accuracy,Feedback rate\r"));
        QCOMPARE(lines.size() - 2, page->agentModel()->rowCount());
    }

    void settingsRemember()
    {
        QCOMPARE(m_settings->lastPage(), QStringLiteral("accuracy"));
        QCOMPARE(m_settings->filterDays(), m_window->filter().days);
    }

    // A custom range opens on the last N UTC days, whatever the local zone. Between them, UTC+14
    // and UTC−12 put the local date off the UTC date at every hour, so one of the two cases
    // crosses the date line whenever the test runs.
    void customRangeOpensOnTheUtcDays_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::newRow("UTC+14") << QByteArray("Etc/GMT-14");
        QTest::newRow("UTC-12") << QByteArray("Etc/GMT+12");
    }
    void customRangeOpensOnTheUtcDays()
    {
        QFETCH(QByteArray, zone);
        const QByteArray saved = qgetenv("TZ");
        qputenv("TZ", zone);
        tzset();
        FilterBar bar;
        const QDate before = QDateTime::currentDateTimeUtc().date();
        bar.periodCombo()->setCurrentIndex(bar.periodCombo()->findData(-1));
        const QDate after = QDateTime::currentDateTimeUtc().date();
        const QDate lastDay = bar.filter().lastDay();
        const QDate firstDay = bar.filter().firstDay();
        saved.isNull() ? qunsetenv("TZ") : qputenv("TZ", saved);
        tzset();
        QVERIFY(bar.filter().isCustom());
        QVERIFY2(lastDay == before || lastDay == after, qPrintable(lastDay.toString(Qt::ISODate)));
        QCOMPARE(firstDay, lastDay.addDays(-DashboardFilter{}.days + 1));
    }

    void customRangeSurvivesRestart()
    {
        Page *page = m_window->page(QStringLiteral("accuracy"));
        FilterBar *bar = m_window->filterBar();
        const QDate last = QDate::currentDate().addDays(-2);
        const QDate first = last.addDays(-9);
        // As a user would: pick "Custom range…", then the two dates.
        bar->periodCombo()->setCurrentIndex(bar->periodCombo()->findData(-1));
        QVERIFY(waitReload(page));
        bar->firstDayEdit()->setDate(first);
        bar->lastDayEdit()->setDate(last);
        QTRY_VERIFY(m_window->filter().isCustom() && m_window->filter().firstDay() == first
                    && m_window->filter().lastDay() == last);
        QVERIFY(waitReload(page));
        QCOMPARE(page->filter().toQuery().from, QDateTime(first, QTime(0, 0), Qt::UTC));
        QCOMPARE(m_settings->filterFirstDay(), first);
        QCOMPARE(m_settings->filterLastDay(), last);

        // A restart: a new window over the same settings file shows the same range.
        Settings reread(m_dir.filePath(QStringLiteral("settings.ini")));
        MainWindow again(AppContext{m_db, &reread});
        again.restoreFromSettings();
        QVERIFY(again.filter().isCustom());
        QCOMPARE(again.filter().firstDay(), first);
        QCOMPARE(again.filter().lastDay(), last);
        QCOMPARE(again.filterBar()->periodCombo()->currentData().toInt(), -1);
        QCOMPARE(again.filterBar()->firstDayEdit()->date(), first);
        QCOMPARE(again.filterBar()->lastDayEdit()->date(), last);
        QVERIFY(!again.filterBar()->firstDayEdit()->isHidden());

        // Back to a preset: the stored range is cleared.
        bar->periodCombo()->setCurrentIndex(bar->periodCombo()->findData(30));
        QVERIFY(waitReload(page));
        QVERIFY(!m_settings->filterFirstDay().isValid());
        QVERIFY(!Settings(m_dir.filePath(QStringLiteral("settings.ini"))).filterLastDay().isValid());
    }

    void corruptStoredRangeIsIgnored_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::newRow("not a date") << QStringLiteral("yesterday") << QStringLiteral("2026-01-10");
        QTest::newRow("ends before it starts") << QStringLiteral("2026-01-10") << QStringLiteral("2026-01-01");
        QTest::newRow("one side missing") << QStringLiteral("2026-01-10") << QString();
    }

    void corruptStoredRangeIsIgnored()
    {
        QFETCH(QString, first);
        QFETCH(QString, last);
        Settings s(m_dir.filePath(QStringLiteral("corrupt.ini")));
        s.raw().setValue(QStringLiteral("filters/firstDay"), first);
        s.raw().setValue(QStringLiteral("filters/lastDay"), last);
        QVERIFY(!s.filterFirstDay().isValid());
        QVERIFY(!s.filterLastDay().isValid());
        MainWindow window(AppContext{m_db, &s});
        window.restoreFromSettings();
        QVERIFY(!window.filter().isCustom());
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
