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
#include <QValueAxis>
#include <QtTest>

using namespace atalaya;

// The forecast on the review page: it loads with the page, draws the backlog and the deadlines
// missed of each priority with a deadline on its own scale, follows the reviewers spin box and
// the page's agent filter, and says the reviewer-hours that keep every deadline.
class TestForecastPanel : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    // One clock reading for the data and every forecast of the test.
    const QDateTime m_now = QDateTime::currentDateTimeUtc();

    static QChart *chart(ForecastPanel *panel, const QString &priority)
    {
        auto *card = panel->findChild<ChartCard *>(QStringLiteral("forecastChart") + priority);
        return card && !card->isHidden() ? card->chart() : nullptr;
    }

    // The expected pending (first) or deadlines missed (second) line of a priority's chart.
    static QLineSeries *series(ForecastPanel *panel, const QString &priority, int which = 0)
    {
        QChart *c = chart(panel, priority);
        if (!c || c->series().size() != 2)
            return nullptr;
        return qobject_cast<QLineSeries *>(c->series().at(which));
    }

    static QValueAxis *valueAxis(ForecastPanel *panel, const QString &priority)
    {
        QChart *c = chart(panel, priority);
        const auto axes = c ? c->axes(Qt::Vertical) : QList<QAbstractAxis *>();
        return axes.size() == 1 ? qobject_cast<QValueAxis *>(axes.first()) : nullptr;
    }

    static double highest(const QLineSeries *s)
    {
        double top = 0;
        for (const QPointF &pt : s->points())
            top = std::max(top, pt.y());
        return top;
    }

    static QString labelText(ForecastPanel *panel, const char *name)
    {
        auto *label = panel->findChild<QLabel *>(QString::fromLatin1(name));
        return label ? label->text() : QString();
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("tst_forecast_panel-") + test::backendName());
        auto fresh = test::freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        m_db = fresh.db;
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        const QDateTime now = m_now;
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
        // became P0 arrivals of the forecast. The panels forecast from m_now too, so an hour
        // boundary passed while the test runs moves nothing out of "the current hour".
        const QDateTime hourStart(now.date(), QTime(now.time().hour(), 0), Qt::UTC);
        const qint64 spacingMs = hourStart.msecsTo(now) / 30;
        for (int i = 0; i < 30; ++i)
            rows.push_back(test::makeDecision(QStringLiteral("a"), QStringLiteral("t"), 0.5, 50, std::nullopt,
                                              now.addMSecs(-spacingMs * i)));
        // Agent b: 4 pending P0 of the current hour and no history.
        for (int i = 0; i < 4; ++i)
            rows.push_back(test::makeDecision(QStringLiteral("b"), QStringLiteral("t"), 0.5, 50, std::nullopt,
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
        panel->setNow(m_now);
        QSignalSpy loaded(panel, &ForecastPanel::loaded);
        page.refresh();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(loaded.first().first().toBool(), true);
        QVERIFY(labelText(panel, "forecastTitle").contains(QStringLiteral("all agents")));
        // P0–P2 have a deadline and a chart each; P3 has neither and is in the table only.
        for (const char *p : {"P0", "P1", "P2"})
            QVERIFY2(series(panel, QString::fromLatin1(p)), p);
        QVERIFY(!chart(panel, QStringLiteral("P3")));
        QVERIFY(labelText(panel, "forecastSummary").contains(QStringLiteral("P3")));
        QLineSeries *p0 = series(panel, QStringLiteral("P0"));
        QCOMPARE(p0->count(), 169);  // now, then the end of each of 168 hours
        QCOMPARE(p0->at(0).y(), 34.0);  // the 30 + 4 pending P0 decisions
        QVERIFY(series(panel, QStringLiteral("P0"), 1)->name() != p0->name());

        auto *spin = panel->findChild<QSpinBox *>(QStringLiteral("forecastReviewers"));
        QVERIFY(spin);
        QCOMPARE(spin->text(), spin->specialValueText());
        const QString usual = labelText(panel, "forecastNeeded");
        QVERIFY(usual.contains(QStringLiteral("reviewer-hours")));

        // Nobody on duty: the P1 arrivals (2 an hour) pile up, the P0 never leave, and the P1
        // deadlines are missed from the first day on.
        spin->setValue(0);
        p0 = series(panel, QStringLiteral("P0"));
        QLineSeries *p1 = series(panel, QStringLiteral("P1"));
        QVERIFY(p0 && p1);
        QCOMPARE(p0->at(p0->count() - 1).y(), 34.0);
        QVERIFY(p1->at(p1->count() - 1).y() > 300);
        QVERIFY(series(panel, QStringLiteral("P1"), 1)->at(p1->count() - 1).y() > 250);
        // Each priority on its own scale: the P0 line is not flattened by the P1 backlog ten
        // times its size.
        for (const char *p : {"P0", "P1"}) {
            const QString name = QString::fromLatin1(p);
            QValueAxis *y = valueAxis(panel, name);
            QVERIFY2(y, p);
            const double top = std::max(highest(series(panel, name)), highest(series(panel, name, 1)));
            QVERIFY2(y->max() >= top && y->max() <= 2 * top,
                     qPrintable(QStringLiteral("%1: axis to %2 for a top of %3").arg(name).arg(y->max()).arg(top)));
        }
        QVERIFY(labelText(panel, "forecastNeeded") != usual);

        // Two at 4 verdicts an hour: the 34 P0 are gone within the first hours and the queue stays empty.
        spin->setValue(2);
        p0 = series(panel, QStringLiteral("P0"));
        p1 = series(panel, QStringLiteral("P1"));
        QCOMPARE(p0->at(p0->count() - 1).y(), 0.0);
        QVERIFY(p1->at(p1->count() - 1).y() < 1.0);
        QCOMPARE(panel->shown()->reviewers, std::optional<int>(2));
        const forecast::Horizon &week = panel->shown()->horizons.back();
        QVERIFY(week.reviewersNeeded);
        QVERIFY(labelText(panel, "forecastNeeded")
                    .contains(QLocale().toString(std::ceil(week.needed.reviewerHours - 1e-9), 'f', 0)));
    }

    // The page's agent filter narrows the forecast to that agent's arrivals and backlog; the
    // reviewers' pace stays the team's.
    void followsTheAgentFilter()
    {
        ReviewQueuePage page({m_db, m_settings.get()});
        page.resize(1200, 900);
        page.show();
        ForecastPanel *panel = page.forecastPanel();
        panel->setNow(m_now);
        QSignalSpy loaded(panel, &ForecastPanel::loaded);
        page.refresh();
        QVERIFY(loaded.wait(30000));
        const forecast::ForecastInputs all = panel->shown()->inputs;
        QCOMPARE(all.pendingNow[0], qint64(34));
        QVERIFY(all.arrivals[1][0] + all.arrivals[1][100] > 0);

        DashboardFilter filter = page.filter();
        filter.agentId = QStringLiteral("b");
        page.setFilter(filter);
        loaded.clear();
        page.refresh();
        QVERIFY(loaded.wait(30000));
        QVERIFY(loaded.last().first().toBool());
        const forecast::ForecastInputs &b = panel->shown()->inputs;
        QCOMPARE(b.agentId, QStringLiteral("b"));
        QCOMPARE(b.pendingNow[0], qint64(4));
        for (const auto &profile : b.arrivals)
            for (double a : profile)
                QCOMPARE(a, 0.0);
        QCOMPARE(b.throughput(), all.throughput());
        QCOMPARE(series(panel, QStringLiteral("P0"))->at(0).y(), 4.0);
        QVERIFY(labelText(panel, "forecastTitle").contains(QStringLiteral("agent b")));
    }
};

QTEST_MAIN(TestForecastPanel)
#include "tst_forecast_panel.moc"
