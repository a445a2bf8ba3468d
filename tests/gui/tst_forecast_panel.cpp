#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/settings/Settings.h"
#include "core/storage/SqlUtil.h"
#include "ui/common/ChartCard.h"
#include "ui/review/ForecastPanel.h"
#include "ui/review/ReviewQueuePage.h"

#include <QChart>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;

// The forecast on the review page: it loads with the page, draws the backlog per priority and
// the staffing, and the reviewers spin box changes both.
class TestForecastPanel : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;

    static QLineSeries *series(ForecastPanel *panel, const QString &name)
    {
        auto *card = panel->findChild<ChartCard *>(QStringLiteral("forecastChart"));
        if (!card || !card->chart())
            return nullptr;
        for (QAbstractSeries *s : card->chart()->series())
            if (s->name() == name || (name == QLatin1String("staff") && s->name().startsWith(QLatin1String("review"))))
                return qobject_cast<QLineSeries *>(s);
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("tst_forecast_panel-") + test::backendName());
        auto fresh = test::freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        m_db = fresh.db;
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        std::vector<DecisionInput> rows;
        // Two weeks of 2 P1 decisions an hour, all reviewed by one reviewer at 4 an hour.
        QStringList audit;
        QVariantList bound;
        for (int h = 1; h <= 14 * 24; ++h) {
            for (int i = 0; i < 2; ++i)
                rows.push_back(test::makeDecision(QStringLiteral("a"), QStringLiteral("t"), 0.8, 50, Feedback::Correct,
                                                  now.addSecs(-3600 * h + 60 * i)));
            if (h % 2 == 0)
                for (int i = 0; i < 4; ++i) {
                    audit << QStringLiteral("(1, NULL, 'correct', 'ana', NULL, 'test', ?)");
                    bound << toDbDateTime(now.addSecs(-3600 * h + 60 * i));
                }
        }
        // The 30 pending P0 arrive within the current hour, which the forecast's history leaves out:
        // spaced a minute apart they reached into the previous hour in a run's first half hour, and
        // became P0 arrivals of the forecast.
        const QDateTime hourStart(now.date(), QTime(now.time().hour(), 0), Qt::UTC);
        const qint64 spacingMs = hourStart.msecsTo(now) / 30;
        for (int i = 0; i < 30; ++i)
            rows.push_back(test::makeDecision(QStringLiteral("a"), QStringLiteral("t"), 0.5, 50, std::nullopt,
                                              now.addMSecs(-spacingMs * i)));
        QVERIFY(DecisionRecorder(m_db).recordBatch(rows).ok());
        QVERIFY(execStatement(*m_db,
                              QStringLiteral("INSERT INTO atalaya_feedback_audit (telemetry_id, previous_value,"
                                             " new_value, reviewer, note, client_host, created_at) VALUES ")
                                  + audit.join(QStringLiteral(", ")),
                              bound, QStringLiteral("writing test verdicts"))
                    .ok());
    }

    void chartFollowsTheSpinBox()
    {
        ReviewQueuePage page({m_db, m_settings.get()});
        page.resize(1200, 900);
        page.show();
        ForecastPanel *panel = page.forecastPanel();
        QVERIFY(panel);
        QSignalSpy loaded(panel, &ForecastPanel::loaded);
        page.refresh();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(loaded.first().first().toBool(), true);
        auto *card = panel->findChild<ChartCard *>(QStringLiteral("forecastChart"));
        QVERIFY(card && card->chart() && !card->isEmptyState());
        QCOMPARE(card->chart()->series().size(), 5);  // P0–P3 and the reviewers
        QLineSeries *p0 = series(panel, QStringLiteral("P0"));
        QVERIFY(p0);
        QCOMPARE(p0->count(), 169);  // now, then the end of each of 168 hours
        QCOMPARE(p0->at(0).y(), 30.0);  // the 30 pending P0 decisions

        auto *spin = panel->findChild<QSpinBox *>(QStringLiteral("forecastReviewers"));
        QVERIFY(spin);
        QCOMPARE(spin->text(), spin->specialValueText());
        const QString usual = panel->findChild<QLabel *>(QStringLiteral("forecastSummary"))->text();

        // Nobody on duty: the P1 arrivals (2 an hour) pile up, the P0 never leave.
        spin->setValue(0);
        p0 = series(panel, QStringLiteral("P0"));
        QLineSeries *p1 = series(panel, QStringLiteral("P1"));
        QVERIFY(p0 && p1);
        QCOMPARE(p0->at(p0->count() - 1).y(), 30.0);
        QVERIFY(p1->at(p1->count() - 1).y() > 300);
        QLineSeries *staff = series(panel, QStringLiteral("staff"));
        QVERIFY(staff);
        for (const QPointF &pt : staff->points())
            QCOMPARE(pt.y(), 0.0);
        QVERIFY(panel->findChild<QLabel *>(QStringLiteral("forecastSummary"))->text() != usual);

        // Two at 4 verdicts an hour: the 30 P0 are gone within the first hours and the queue stays empty.
        spin->setValue(2);
        p0 = series(panel, QStringLiteral("P0"));
        p1 = series(panel, QStringLiteral("P1"));
        QCOMPARE(p0->at(p0->count() - 1).y(), 0.0);
        QVERIFY(p1->at(p1->count() - 1).y() < 1.0);
        staff = series(panel, QStringLiteral("staff"));
        QCOMPARE(staff->at(staff->count() - 1).y(), 2.0);
        QCOMPARE(panel->shown()->reviewers, std::optional<int>(2));
    }
};

QTEST_MAIN(TestForecastPanel)
#include "tst_forecast_panel.moc"
