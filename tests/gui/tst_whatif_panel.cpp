#include "tests/support/PageWait.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/ingest/DecisionRecorder.h"
#include "core/settings/Settings.h"
#include "ui/common/ChartCard.h"
#include "ui/insights/InsightsPage.h"
#include "ui/insights/WhatIfPanel.h"

#include <QChart>
#include <QDir>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;

// The what-if tab of the Insights page driven with the keyboard, on 10 days of agent a/x:
//  0.97 ×200, 100 reviewed (10 incorrect, 10 partial: 15 errors, 30 for the band);
//  0.90 ×100, 50 reviewed, 10 incorrect; 0.80 ×40, 20 reviewed (10 incorrect, 10 partial);
//  0.60 ×60, 30 reviewed, all correct.
// Current rules (defaults), a day: P0 6.0, P1 4.0, P2 10.0, P3 2.0 (10 % of 20),
// unreviewed errors 2.7 (90 % of the 0.97 band's 3 a day).
class TestWhatIfPanel : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("atalaya.ini")));
        const QDateTime at = QDateTime::currentDateTimeUtc().addDays(-3);
        std::vector<DecisionInput> rows;
        auto add = [&](double confidence, int n, std::optional<Feedback> fb) {
            for (int i = 0; i < n; ++i)
                rows.push_back(test::makeDecision(QStringLiteral("a"), QStringLiteral("x"), confidence, 100, fb,
                                                  at.addSecs(60LL * static_cast<qint64>(rows.size()))));
        };
        add(0.97, 80, Feedback::Correct);
        add(0.97, 10, Feedback::Incorrect);
        add(0.97, 10, Feedback::PartiallyCorrect);
        add(0.97, 100, std::nullopt);
        add(0.90, 40, Feedback::Correct);
        add(0.90, 10, Feedback::Incorrect);
        add(0.90, 50, std::nullopt);
        add(0.80, 10, Feedback::Incorrect);
        add(0.80, 10, Feedback::PartiallyCorrect);
        add(0.80, 20, std::nullopt);
        add(0.60, 30, Feedback::Correct);
        add(0.60, 30, std::nullopt);
        QVERIFY(DecisionRecorder(m_fresh.db).recordBatch(rows).ok());
    }

    void slidersMoveTheFiguresAndApplyWritesTheRules()
    {
        InsightsPage page(AppContext{m_fresh.db, m_settings.get()});
        page.resize(1280, 760);
        static_cast<QWidget &>(page).show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(test::filterLoadsOk(page, 10));
        page.tabs()->setCurrentWidget(page.whatIf());
        WhatIfPanel *panel = page.whatIf();
        using P = WhatIfPanel;
        QCOMPARE(panel->figureText(P::P0Row, P::CurrentColumn), QStringLiteral("6.0"));
        QCOMPARE(panel->figureText(P::P1Row, P::CurrentColumn), QStringLiteral("4.0"));
        QCOMPARE(panel->figureText(P::P2Row, P::CurrentColumn), QStringLiteral("10.0"));
        QCOMPARE(panel->figureText(P::P3Row, P::CurrentColumn), QStringLiteral("2.0"));
        QCOMPARE(panel->figureText(P::MissedRow, P::CurrentColumn), QStringLiteral("2.7"));
        QCOMPARE(panel->figureText(P::MissedRow, P::ChangeColumn), QStringLiteral("0.0"));
        QVERIFY(!panel->applyButton()->isEnabled());  // the proposal is the current rules

        // P2 up to 0.98: the 0.97 band is reviewed in full.
        QSlider *p2 = panel->slider(2);
        p2->setFocus();
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(p2, Qt::Key_Right);
        QCOMPARE(panel->cutPoints().p2Below, 0.98);
        QCOMPARE(panel->figureText(P::P2Row, P::ProposedColumn), QStringLiteral("30.0"));
        QCOMPARE(panel->figureText(P::P2Row, P::ChangeColumn), QStringLiteral("+20.0"));
        QCOMPARE(panel->figureText(P::P3Row, P::ProposedColumn), QStringLiteral("0.0"));
        QCOMPARE(panel->figureText(P::LoadRow, P::ProposedColumn), QStringLiteral("40.0"));
        QCOMPARE(panel->figureText(P::MissedRow, P::ProposedColumn), QStringLiteral("0.0"));
        QCOMPARE(panel->figureText(P::MissedRow, P::ChangeColumn), QStringLiteral("−2.7"));

        // P0 pushed past P1 with Page Up: P1 follows it, so the cuts keep rising.
        QSlider *p0 = panel->slider(0);
        p0->setFocus();
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(p0, Qt::Key_PageUp);
        QCOMPARE(panel->cutPoints().p0Below, 0.90);
        QCOMPARE(panel->cutPoints().p1Below, 0.91);
        QCOMPARE(panel->figureText(P::P0Row, P::ProposedColumn), QStringLiteral("10.0"));  // 0.60 and 0.80
        QCOMPARE(panel->figureText(P::P1Row, P::ProposedColumn), QStringLiteral("10.0"));  // 0.90

        // The curve is redrawn once the keys stop, with the proposal marked at 40 reviews a day.
        auto proposedMark = [panel]() -> QPointF {
            QChart *chart = panel->chartCard()->chart();
            auto *mark = chart ? qobject_cast<QScatterSeries *>(chart->series().value(2)) : nullptr;
            return mark && mark->count() == 1 ? mark->at(0) : QPointF(-1, -1);
        };
        QTRY_COMPARE_WITH_TIMEOUT(proposedMark(), QPointF(40, 0), 5000);
        QCOMPARE(panel->report()->curve.size(), size_t(96));
        const QString dir = qEnvironmentVariable("ATALAYA_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            page.grab().save(QDir(dir).filePath(QStringLiteral("whatif-panel.png")));

        // Declined: nothing is stored.
        QVERIFY(panel->applyButton()->isEnabled());
        panel->setConfirmer([](const QString &) { return false; });
        panel->applyButton()->click();
        QVERIFY(m_settings->reviewRulesJson().isEmpty());

        QString asked;
        panel->setConfirmer([&asked](const QString &question) {
            asked = question;
            return true;
        });
        QSignalSpy applied(panel, &WhatIfPanel::rulesApplied);
        panel->applyButton()->setFocus();
        QTest::keyClick(panel->applyButton(), Qt::Key_Space);
        QCOMPARE(applied.count(), 1);
        QVERIFY(asked.contains(QStringLiteral("0.98")));
        const ReviewRules stored = ReviewRules::fromSettingsJson(m_settings->reviewRulesJson());
        const auto cuts = cutPointsOf(stored);
        QVERIFY(cuts);
        QCOMPARE(cuts->p0Below, 0.90);
        QCOMPARE(cuts->p1Below, 0.91);
        QCOMPARE(cuts->p2Below, 0.98);
        // The other rules are kept: deployment tasks are still P0.
        QCOMPARE(stored.priority(Priority::P0).rules.size(),
                 ReviewRules::defaults().priority(Priority::P0).rules.size());
        QCOMPARE(panel->figureText(P::P2Row, P::CurrentColumn), QStringLiteral("20.0"));  // now 0.91 to 0.98
        QCOMPARE(panel->figureText(P::MissedRow, P::ChangeColumn), QStringLiteral("0.0"));
        QVERIFY(!panel->applyButton()->isEnabled());
    }
};

QTEST_MAIN(TestWhatIfPanel)
#include "tst_whatif_panel.moc"
