#include "tests/support/TestDatabases.h"

#include "core/demo/DemoLoader.h"
#include "core/storage/SqlUtil.h"
#include "ui/risk/RiskPage.h"
#include "core/risk/RiskModelStore.h"
#include "core/risk/RiskService.h"
#include "core/telemetry/TelemetryRepository.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace atalaya;

class TestRiskPage : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;

    template <typename T> T *child(QWidget *page, const char *name)
    {
        T *w = page->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY(m_fresh.db);
        DemoOptions demo;
        demo.decisions = 0;
        QVERIFY(loadDemoData(m_fresh.db, demo).ok());
    }

    void demoModelShownThenWithoutModelSaysSo()
    {
        {
            // The demo trained and activated a model that passed its checks: the first start shows it.
            RiskPage page(AppContext{m_fresh.db, nullptr});
            QSignalSpy loaded(&page, &Page::loadFinished);
            page.refresh();
            QVERIFY(loaded.wait(20000));
            QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(&page, "riskRecord")->isEnabled(), 10000);
        }
        QVERIFY(execStatement(*m_fresh.db, QStringLiteral("DELETE FROM atalaya_risk_models"), {}, "reset"));
        RiskPage page(AppContext{m_fresh.db, nullptr});
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.first().at(0).toBool(), true);
        QVERIFY(!child<QPushButton>(&page, "riskRecord")->isEnabled());
        QVERIFY(!child<QLabel>(&page, "riskLevel")->text().isEmpty());
    }

    void predictsWhatIfAndRecords()
    {
        TrainRequest request;
        request.activateAnyway = true;
        request.options.forest.trees = 20;
        QVERIFY(RiskService(m_fresh.db).train(request).ok());
        RiskPage page(AppContext{m_fresh.db, nullptr});
        page.resize(1200, 800);
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.first().at(0).toBool(), true);
        auto *level = child<QLabel>(&page, "riskLevel");
        const QString before = level->text();
        QVERIFY(before.contains(QLatin1Char('.')) || before.contains(QLatin1Char(',')));

        // What-if: a risky deployment moves the score (debounced, off the UI thread).
        child<QDoubleSpinBox>(&page, "tests_passed_pct")->setValue(10);
        child<QDoubleSpinBox>(&page, "code_review_score")->setValue(0.3);
        child<QDoubleSpinBox>(&page, "code_changes_size")->setValue(3000);
        QTRY_VERIFY_WITH_TIMEOUT(level->text() != before, 10000);

        // Picking a recorded cycle fills the form with its features and says how it went.
        auto *picker = child<QComboBox>(&page, "riskCyclePicker");
        QVERIFY(picker->count() > 1);
        emit picker->activated(1);
        auto *statusLabel = child<QLabel>(&page, "riskStatus");
        QTRY_VERIFY_WITH_TIMEOUT(statusLabel->text().contains(QLatin1String("in reality")), 10000);
        QVERIFY(statusLabel->text().contains(picker->itemText(1)));

        auto *record = child<QPushButton>(&page, "riskRecord");
        QTRY_VERIFY_WITH_TIMEOUT(record->isEnabled(), 10000);
        record->click();
        auto *status = child<QLabel>(&page, "riskStatus");
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1Char('#')), 10000);
        const qint64 id = status->text().section(QLatin1Char('#'), 1).section(QLatin1Char(';'), 0, 0).toLongLong();
        auto row = TelemetryRepository(m_fresh.db).find(id);
        QVERIFY(row.ok());
        QCOMPARE(row->agentId, QStringLiteral("deployment-risk-predictor"));
        QCOMPARE(QJsonDocument::fromJson(row->metadataJson).object().value("cycle_id").toString(), picker->itemText(1));
    }

    void retrainsWithProgressAndActivates()
    {
        RiskPage page(AppContext{m_fresh.db, nullptr});
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(20000));
        auto *versions = child<QTableWidget>(&page, "riskVersions");
        const int before = versions->rowCount();
        child<QPushButton>(&page, "riskRetrain")->click();
        QVERIFY(child<QPushButton>(&page, "riskCancel")->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(versions->rowCount(), before + 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!child<QPushButton>(&page, "riskCancel")->isEnabled(), 10000);
        // Switch to an inactive version through its Activate button (exactly one is disabled).
        const auto list = *RiskModelStore(m_fresh.db).list();
        int target = -1;
        for (int row = 0; row < versions->rowCount(); ++row) {
            auto *button = qobject_cast<QPushButton *>(versions->cellWidget(row, 4));
            QVERIFY(button);
            QCOMPARE(button->isEnabled(), !list[row].active);
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
