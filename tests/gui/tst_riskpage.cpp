#include "tests/support/PageWait.h"
#include "tests/support/PdfText.h"
#include "tests/support/RiskDemo.h"
#include "tests/support/TestDatabases.h"

#include "core/release/ReleaseCheck.h"
#include "core/risk/RiskDataSource.h"
#include "ui/reports/ReleaseCheckPdf.h"
#include "ui/risk/ReleaseCheckDialog.h"
#include "core/storage/SqlUtil.h"
#include "ui/risk/RiskCharts.h"
#include "ui/risk/RiskPage.h"
#include "ui/shell/Language.h"
#include "core/risk/RiskModelStore.h"
#include "core/risk/RiskService.h"
#include "core/telemetry/TelemetryRepository.h"

#include <QApplication>
#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QLineSeries>
#include <QScopeGuard>
#include <QTabBar>
#include <QValueAxis>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QListView>
#include <QRegularExpression>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTableWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace atalaya;

class TestRiskPage : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY(m_fresh.db);
        QVERIFY(test::loadRiskDemo(m_fresh.db).ok());
    }

    // At the default window size and at the page's minimum, in both languages: every tab name
    // whole, the features by their labels, and no chart before a prediction was recorded.
    void monitoringPanelShowsTheActiveModel_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QSize>("size");
        QTest::newRow("en 1400x900") << QStringLiteral("en") << QSize(1400, 900);
        QTest::newRow("es 1400x900") << QStringLiteral("es") << QSize(1400, 900);
        QTest::newRow("en minimum") << QStringLiteral("en") << QSize(1, 1);
        QTest::newRow("es minimum") << QStringLiteral("es") << QSize(1, 1);
    }
    void monitoringPanelShowsTheActiveModel()
    {
        QFETCH(QString, lang);
        QFETCH(QSize, size);
        Language language;
        QCOMPARE(language.apply(lang), lang);
        auto restore = qScopeGuard([&] {
            language.apply(QStringLiteral("en"));
            QLocale::setDefault(QLocale::c());
        });
        RiskPage page(AppContext{m_fresh.db, nullptr});
        page.resize(size);  // the layout keeps the page at its minimum size or above
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(test::refreshLoadsOk(page));
        auto *tabs = test::namedChild<QTabWidget>(&page, "riskTabs");
        tabs->setCurrentIndex(2);
        auto *drift = test::namedChild<QTableWidget>(&page, "riskMonitorDrift");
        QTRY_VERIFY(drift->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(drift->rowCount(), kRiskFeatureCount, 20000);
        const bool es = lang == QLatin1String("es");
        QCOMPARE(drift->item(1, 0)->text(), es ? QStringLiteral("Pruebas superadas") : QStringLiteral("Tests passed"));
        QCOMPARE(drift->item(1, 0)->toolTip(), riskFeatureName(1));
        auto *changes = test::namedChild<QDoubleSpinBox>(&page, "code_changes_size");
        auto *formLayout = qobject_cast<QFormLayout *>(changes->parentWidget()->layout());
        QVERIFY(formLayout);
        auto *changesLabel = qobject_cast<QLabel *>(formLayout->labelForField(changes));
        QVERIFY(changesLabel);
        QCOMPARE(changesLabel->text(), es ? QStringLiteral("Líneas modificadas") : QStringLiteral("Lines changed"));
        QVERIFY(!drift->item(0, 1)->text().isEmpty());
        QVERIFY(!drift->toolTip().isEmpty());
        auto active = RiskModelStore(m_fresh.db).loadActive();
        QVERIFY(active.ok());
        QVERIFY(test::namedChild<QLabel>(&page, "riskMonitorAge")->text().contains(active->version));
        QVERIFY(!test::namedChild<QLabel>(&page, "riskMonitorAccuracy")->text().isEmpty());
        QVERIFY(test::namedChild<QLabel>(&page, "riskMonitorNoScores")->isVisible());
        QVERIFY(!test::namedChild<QWidget>(&page, "riskMonitorChart")->isVisible());
        const QTabBar *bar = tabs->tabBar();
        // The drift rows just filled in can raise the page's minimum size: its window takes the
        // new size when the posted layout request runs, so wait for that first.
        QTRY_VERIFY2(bar->sizeHint().width() <= bar->width(),
                 qPrintable(QStringLiteral("tab bar %1 px wide, its tabs need %2").arg(bar->width()).arg(bar->sizeHint().width())));
        for (int i = 0; i < tabs->count(); ++i)
            QVERIFY2(bar->tabRect(i).right() < bar->width(), qPrintable(bar->tabText(i)));
        const QString dir = qEnvironmentVariable("ATALAYA_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            page.grab().save(QDir(dir).filePath(QStringLiteral("risk-monitor-%1-%2x%3.png")
                                                    .arg(lang).arg(page.width()).arg(page.height())));
    }

    void demoModelShownThenWithoutModelSaysSo()
    {
        {
            // The demo trained and activated a model that passed its checks: the first start shows it.
            RiskPage page(AppContext{m_fresh.db, nullptr});
            QVERIFY(test::refreshLoadsOk(page));
            QTRY_VERIFY_WITH_TIMEOUT(test::namedChild<QPushButton>(&page, "riskRecord")->isEnabled(), 10000);
        }
        QVERIFY(execStatement(*m_fresh.db, QStringLiteral("DELETE FROM atalaya_risk_models"), {}, "reset"));
        RiskPage page(AppContext{m_fresh.db, nullptr});
        QVERIFY(test::refreshLoadsOk(page));
        QVERIFY(!test::namedChild<QPushButton>(&page, "riskRecord")->isEnabled());
        QVERIFY(!test::namedChild<QLabel>(&page, "riskLevel")->text().isEmpty());
    }

    void predictsWhatIfAndRecords()
    {
        TrainRequest request;
        request.activateAnyway = true;
        request.options.forest.trees = 20;
        QVERIFY(RiskService(m_fresh.db).train(request).ok());
        RiskPage page(AppContext{m_fresh.db, nullptr});
        page.resize(1200, 800);
        QVERIFY(test::refreshLoadsOk(page));
        auto *level = test::namedChild<QLabel>(&page, "riskLevel");
        const QString before = level->text();
        QVERIFY(before.contains(QLatin1Char('.')) || before.contains(QLatin1Char(',')));

        // What-if: a risky deployment moves the score (debounced, off the UI thread).
        test::namedChild<QDoubleSpinBox>(&page, "tests_passed_pct")->setValue(10);
        test::namedChild<QDoubleSpinBox>(&page, "code_review_score")->setValue(0.3);
        test::namedChild<QDoubleSpinBox>(&page, "code_changes_size")->setValue(3000);
        QTRY_VERIFY_WITH_TIMEOUT(level->text() != before, 10000);

        // Picking a recorded cycle fills the form with its features and says how it went.
        auto *picker = test::namedChild<QComboBox>(&page, "riskCyclePicker");
        QVERIFY(picker->count() > 1);
        emit picker->activated(1);
        auto *statusLabel = test::namedChild<QLabel>(&page, "riskStatus");
        QTRY_VERIFY_WITH_TIMEOUT(statusLabel->text().contains(QLatin1String("in reality")), 10000);
        QVERIFY(statusLabel->text().contains(picker->itemText(1)));

        auto *record = test::namedChild<QPushButton>(&page, "riskRecord");
        QTRY_VERIFY_WITH_TIMEOUT(record->isEnabled(), 10000);
        record->click();
        auto *status = test::namedChild<QLabel>(&page, "riskStatus");
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1Char('#')), 10000);
        const qint64 id = status->text().section(QLatin1Char('#'), 1).section(QLatin1Char(';'), 0, 0).toLongLong();
        auto row = TelemetryRepository(m_fresh.db).find(id);
        QVERIFY(row.ok());
        QCOMPARE(row->agentId, QStringLiteral("deployment-risk-predictor"));
        QCOMPARE(QJsonDocument::fromJson(row->metadataJson).object().value("cycle_id").toString(), picker->itemText(1));
    }

    // After predictsWhatIfAndRecords: the recorded prediction's week is on the chart.
    void monitoringChartOnceAPredictionIsRecorded()
    {
        RiskPage page(AppContext{m_fresh.db, nullptr});
        page.resize(1400, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(test::refreshLoadsOk(page));
        test::namedChild<QTabWidget>(&page, "riskTabs")->setCurrentIndex(2);
        auto *chart = test::namedChild<QChartView>(&page, "riskMonitorChart");
        QTRY_COMPARE_WITH_TIMEOUT(chart->chart()->series().size(), 3, 20000);
        QVERIFY(chart->isVisible());
        QVERIFY(!test::namedChild<QLabel>(&page, "riskMonitorNoScores")->isVisible());
        const auto series = chart->chart()->series();
        QVERIFY(qobject_cast<QLineSeries *>(series.first())->count() >= 1);
        const QString dir = qEnvironmentVariable("ATALAYA_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            page.grab().save(QDir(dir).filePath(QStringLiteral("risk-monitor-recorded.png")));
    }

    void predictsSeveralCyclesSelectedWithKeysAndClicks()
    {
        RiskPage page(AppContext{m_fresh.db, nullptr});
        page.resize(1400, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(test::refreshLoadsOk(page));
        test::namedChild<QTabWidget>(&page, "riskTabs")->setCurrentIndex(1);
        auto *list = test::namedChild<QListView>(&page, "riskBatchCycles");
        auto *predict = test::namedChild<QPushButton>(&page, "riskBatchPredict");
        QTRY_VERIFY(list->isVisible());
        const int cycles = list->model()->rowCount();
        QVERIFY(cycles > 5);
        QVERIFY(!predict->isEnabled());  // nothing selected yet

        // Ctrl+A selects every cycle; a click then selects one, Shift+click a range, Ctrl+click adds one.
        list->setFocus();
        QTest::keyClick(list, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(list->selectionModel()->selectedRows().size(), cycles);
        const auto at = [&](int row) { return list->visualRect(list->model()->index(row, 0)).center(); };
        QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, at(0));
        QCOMPARE(list->selectionModel()->selectedRows().size(), 1);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::ShiftModifier, at(2));
        QCOMPARE(list->selectionModel()->selectedRows().size(), 3);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::ControlModifier, at(4));
        QCOMPARE(list->selectionModel()->selectedRows().size(), 4);
        QStringList chosen;
        for (int row : {0, 1, 2, 4})
            chosen << list->model()->index(row, 0).data().toString();

        QVERIFY(predict->isEnabled());
        predict->click();
        auto *table = test::namedChild<QTableView>(&page, "riskBatchResults");
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 4, 20000);
        auto *progress = test::namedChild<QProgressBar>(&page, "riskBatchProgress");
        QCOMPARE(progress->value(), 4);
        QCOMPARE(progress->maximum(), 4);

        // Each row is the active model's score of that cycle, and the gate column is the CLI's
        // --fail-above rule at the panel's limit.
        auto model = RiskModelStore(m_fresh.db).loadActive();
        QVERIFY(model.ok());
        auto *limit = test::namedChild<QDoubleSpinBox>(&page, "riskBatchLimit");
        const auto checkGates = [&] {
            int gated = 0;
            for (int row = 0; row < table->model()->rowCount(); ++row) {
                const QString id = table->model()->index(row, 0).data().toString();
                QVERIFY(chosen.contains(id));
                const double score = model->riskScore(normalizeFeatures(RiskDataSource(m_fresh.db).cycle(id)->raw));
                QCOMPARE(table->model()->index(row, 1).data(Qt::UserRole).toDouble(), score);
                const bool above = score > limit->value();
                gated += above;
                QCOMPARE(table->model()->index(row, 3).data(Qt::UserRole).toBool(), above);
            }
            QVERIFY(test::namedChild<QLabel>(&page, "riskBatchSummary")->text().startsWith(QString::number(gated)));
        };
        checkGates();
        limit->setValue(0.0);
        checkGates();
        limit->setValue(1.0);
        checkGates();
    }

    void releaseCheckOfThePickedCycle()
    {
        RiskPage page(AppContext{m_fresh.db, nullptr});
        page.resize(1400, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(test::refreshLoadsOk(page));
        auto *button = test::namedChild<QPushButton>(&page, "riskReleaseCheck");
        QVERIFY(!button->isEnabled());  // no recorded cycle picked yet
        auto *picker = test::namedChild<QComboBox>(&page, "riskCyclePicker");
        emit picker->activated(2);
        const QString cycle = picker->itemText(2);
        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 10000);
        QSignalSpy shown(&page, &RiskPage::releaseCheckShown);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY2(shown.wait(30000), qPrintable(test::namedChild<QLabel>(&page, "riskStatus")->text()));
        auto *dialog = shown.first().at(0).value<ReleaseCheckDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->check().inputs.cycleId, cycle);
        const QString verdict = dialog->check().verdict;
        QVERIFY(QStringList({"go", "go_with_conditions", "no_go"}).contains(verdict));
        QVERIFY(test::namedChild<QLabel>(dialog, "releaseVerdict")->text().startsWith(QStringLiteral("Verdict: ")));
        auto *reasons = test::namedChild<QTableView>(dialog, "releaseReasons");
        QCOMPARE(reasons->model()->rowCount(), 8);
        for (int row = 0; row < 8; ++row)
            QCOMPARE(reasons->model()->index(row, 2).data().toString(), dialog->check().reasons[row].detail);

        // The check was recorded as a decision naming the cycle and the verdict.
        const QString status = test::namedChild<QLabel>(dialog, "releaseStatus")->text();
        QVERIFY2(status.contains(QLatin1Char('#')), qPrintable(status));
        const qint64 id = status.section(QLatin1Char('#'), 1).section(QLatin1Char('.'), 0, 0).toLongLong();
        auto row = TelemetryRepository(m_fresh.db).find(id);
        QVERIFY(row.ok());
        QCOMPARE(row->agentId, kReleaseCheckAgent);
        QCOMPARE(QJsonDocument::fromJson(row->metadataJson).object().value("cycle_id").toString(), cycle);
        QCOMPARE(QJsonDocument::fromJson(row->decisionJson).object().value("verdict").toString(), verdict);

        // Save PDF… writes the one-page report.
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("check.pdf"));
        QVERIFY(dialog->savePdf(pdf).ok());
        QVERIFY(test::namedChild<QLabel>(dialog, "releaseStatus")->text().contains(QStringLiteral("check.pdf")));
        QCOMPARE(test::pdfPages(pdf), 1);
        QVERIFY(test::namedChild<QPushButton>(dialog, "releaseSavePdf"));
        dialog->close();
    }

    // The reasons name the largest factor as the form does ("Lines changed"), in the dialog and
    // its PDF, in both languages; the machine name stays in the JSON only.
    void releaseReasonsNameTheFactorByItsLabel_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("detail");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Lines changed adds 0.300 to the risk score.");
        QTest::newRow("es") << QStringLiteral("es")
                            << QStringLiteral("El factor «Líneas modificadas» suma 0.300 a la puntuación de riesgo.");
    }
    void releaseReasonsNameTheFactorByItsLabel()
    {
        QFETCH(QString, lang);
        QFETCH(QString, detail);
        Language language;
        QCOMPARE(language.apply(lang), lang);
        auto restore = qScopeGuard([&] {
            language.apply(QStringLiteral("en"));
            QLocale::setDefault(QLocale::c());
        });
        ReleaseInputs in;
        in.cycleId = QStringLiteral("cycle-factor");
        in.now = QDateTime::currentDateTimeUtc();
        in.prediction.riskScore = 0.3;
        in.prediction.level = riskLevel(0.3);
        in.prediction.topFactors = {{int(RiskFeature::CodeChangesSize), 0.3, 900}, {0, 0.02, 10}};
        in.model = {QStringLiteral("v1.0-2026-12-01"), in.now.addDays(-5), 0.82};
        ReleaseCheckDialog dialog(judgeRelease(in), Result<qint64>(qint64(1)));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *reasons = test::namedChild<QTableView>(&dialog, "releaseReasons");
        QString shown;
        for (int row = 0; row < reasons->model()->rowCount(); ++row)
            if (dialog.check().reasons[row].rule == QLatin1String("risk_factors"))
                shown = reasons->model()->index(row, 2).data().toString();
        QVERIFY2(shown.startsWith(detail), qPrintable(shown));

        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("factor.pdf"));
        QVERIFY(dialog.savePdf(pdf).ok());
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        // NFKC: the PDF's text has the "fi" ligature of "modificadas" as one character.
        const QString words =
            QString::fromUtf8(text.readAllStandardOutput()).normalized(QString::NormalizationForm_KC).simplified();
        QVERIFY2(words.contains(detail), qPrintable(words));
        QVERIFY2(!words.contains(QStringLiteral("code_changes_size")), qPrintable(words));

        const QJsonObject json = releaseCheckJson(dialog.check());
        QCOMPARE(json.value("risk").toObject().value("top_risk_factors").toArray().first().toObject().value("feature"),
                 QJsonValue(QStringLiteral("code_changes_size")));
    }

    void releasePdfStaysOnePageWhateverTheQueueHolds()
    {
        ReleaseInputs in;
        in.cycleId = QStringLiteral("cycle-long");
        in.now = QDateTime::currentDateTimeUtc();
        in.prediction.riskScore = 0.5;
        in.prediction.level = riskLevel(0.5);
        in.model = {QStringLiteral("v1.0-2026-01-01"), in.now.addDays(-90), 0.65};
        in.agents = {QStringLiteral("agent-with-a-rather-long-name-for-a-table-cell")};
        in.reviews = {{in.agents[0], 60, 0, 30, 0}};
        for (int i = 0; i < 60; ++i) {
            QueueItem item;
            item.id = 1000 + i;
            item.agentId = in.agents[0];
            item.taskType = QStringLiteral("rollback_decision");
            item.priority = Priority::P0;
            item.dueAt = in.now.addSecs((i - 30) * 60);
            in.openItems.push_back(item);
        }
        const ReleaseCheck check = judgeRelease(in);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("long.pdf"));
        QVERIFY(writeReleaseCheckPdf(check, pdf).ok());
        QCOMPARE(test::pdfPages(pdf), 1);
        const QString words = test::pdfText(pdf).simplified();
        const QRegularExpressionMatch listed =
            QRegularExpression("(\\d+) of 60 open P0/P1 reviews listed").match(words);
        QVERIFY2(listed.hasMatch(), qPrintable(words));
        const int shown = listed.captured(1).toInt();
        QVERIFY(shown > 5 && shown < 60);
        QVERIFY(words.contains(QStringLiteral("#%1").arg(1000 + shown - 1)));
        QVERIFY(!words.contains(QStringLiteral("#%1").arg(1000 + shown)));
    }

    // The value axes of the explanation charts tick at round steps; the demo model's importance
    // (top 0.64) ticked at 0.17, 0.35, 0.52 and its contributions (±0.18) at 0.09.
    void explanationAxesTickAtRoundSteps()
    {
        Contributions values{};
        values[0] = 0.64;
        values[1] = 0.15;
        values[2] = 0.12;
        values[3] = 0.09;
        ImportanceChart importance;
        importance.setImportance(values);
        Contributions signedValues = values;
        signedValues[0] = -0.163;
        signedValues[1] = 0.057;
        ContributionChart contributions;
        contributions.setContributions(signedValues, 0.303);
        const std::pair<QWidget *, double> charts[] = {{&importance, 0.64}, {&contributions, 0.163}};
        for (const auto &[chart, top] : charts) {
            auto *view = chart->findChild<QChartView *>();
            QVERIFY(view);
            const auto axes = view->chart()->axes(Qt::Horizontal);
            QCOMPARE(axes.size(), 1);
            auto *axis = qobject_cast<QValueAxis *>(axes.front());
            QVERIFY(axis);
            QVERIFY(axis->tickCount() >= 3);
            const double step = (axis->max() - axis->min()) / (axis->tickCount() - 1);
            for (int i = 0; i < axis->tickCount(); ++i) {
                const double tick = axis->min() + i * step;
                QVERIFY2(std::abs(tick * 20 - std::round(tick * 20)) < 1e-9,
                         qPrintable(QStringLiteral("tick %1").arg(tick)));
            }
            QVERIFY(axis->max() >= top);
        }
    }

    // A theme change (setTheme recolours every series) draws the figures again with the
    // charts' own colours; a cleared chart stays empty.
    void explanationChartsRedrawInANewTheme()
    {
        Contributions values{};
        values[0] = -0.163;
        values[1] = 0.057;
        ContributionChart contributions;
        contributions.setContributions(values, 0.303);
        ImportanceChart importance;
        importance.setImportance(values);
        importance.clear();
        QPalette dark = contributions.palette();
        dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
        dark.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1e));
        dark.setColor(QPalette::WindowText, Qt::white);
        contributions.setPalette(dark);
        importance.setPalette(dark);

        QChart *chart = contributions.findChild<QChartView *>()->chart();
        QCOMPARE(chart->backgroundBrush().color(), QColor(0x18, 0x1a, 0x1e));
        QCOMPARE(chart->series().size(), 1);
        const auto sets = qobject_cast<QAbstractBarSeries *>(chart->series().front())->barSets();
        QCOMPARE(sets.size(), 2);
        QCOMPARE(sets[0]->color(), QColor(0xc6, 0x28, 0x28));  // raises
        QCOMPARE(sets[1]->color(), QColor(0x2e, 0x7d, 0x32));  // lowers
        QCOMPARE(chart->axes().size(), 2);

        QChart *empty = importance.findChild<QChartView *>()->chart();
        QCOMPARE(empty->backgroundBrush().color(), QColor(0x18, 0x1a, 0x1e));
        QVERIFY(empty->series().isEmpty());
    }

    void retrainsWithProgressAndActivates()
    {
        RiskPage page(AppContext{m_fresh.db, nullptr});
        QVERIFY(test::refreshLoadsOk(page));
        auto *versions = test::namedChild<QTableWidget>(&page, "riskVersions");
        const int before = versions->rowCount();
        test::namedChild<QPushButton>(&page, "riskRetrain")->click();
        QVERIFY(test::namedChild<QPushButton>(&page, "riskCancel")->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(versions->rowCount(), before + 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!test::namedChild<QPushButton>(&page, "riskCancel")->isEnabled(), 10000);
        // Switch to an inactive version through its Activate button (exactly one is disabled).
        const auto list = *RiskModelStore(m_fresh.db).list();
        int target = -1;
        for (int row = 0; row < versions->rowCount(); ++row) {
            auto *button = qobject_cast<QPushButton *>(versions->cellWidget(row, 4));
            QVERIFY(button);
            QCOMPARE(button->isEnabled(), !list[row].active);
            QCOMPARE(button->text(), list[row].active ? QStringLiteral("Active") : QStringLiteral("Activate"));
            // Elided in the narrow panel: the full version is in the tooltip.
            QVERIFY(versions->item(row, 0)->toolTip().startsWith(list[row].version));
            if (button->isEnabled() && target < 0)
                target = row;
        }
        QVERIFY(target >= 0);
        qobject_cast<QPushButton *>(versions->cellWidget(target, 4))->click();
        QTRY_COMPARE_WITH_TIMEOUT(RiskModelStore(m_fresh.db).loadActive()->version, list[target].version, 10000);
    }
};

QTEST_MAIN(TestRiskPage)
#include "tst_riskpage.moc"
