#include "tests/support/CliRunner.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/forecast/CapacityForecast.h"
#include "core/forecast/ForecastJson.h"
#include "core/forecast/ForecastReads.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/settings/Settings.h"
#include "core/storage/SqlUtil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::forecast;

// The capacity forecast on a history small enough to follow by hand (docs/INSIGHTS.md
// §Capacity forecast). `now` is the start of the current hour, called hour 0 (its hour of the
// week is "how 0"):
// - each of the four weeks before: 8 P0 decisions (confidence 0.5) in hour how 0 and 4 P1
//   (0.8) in how 1, all reviewed; reviewers ana and luis each give 4 verdicts in how 0 →
//   throughput 4 per reviewer-hour, 2 reviewers usually on duty at how 0, none otherwise;
// - pending now: 2 P0 from 5 h ago (overdue), 3 P0 from 30 min ago (due within hour 0),
//   10 P1 from 20 h ago (due at the end of hour 4).
// The pending decisions are arrivals of the history too: their hours of the week (how 163,
// 167, 148) get 2/4, 3/4 and 10/4 expected arrivals.
class TestForecast : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;
    QDateTime m_now;

    QDateTime at(int hoursFromNow, int minutes = 0) const
    {
        return m_now.addSecs(qint64(hoursFromNow) * 3600 + minutes * 60);
    }

    static QJsonObject counts(double p0, double p1, double p2 = 0, double p3 = 0)
    {
        return {{QStringLiteral("P0"), p0},
                {QStringLiteral("P1"), p1},
                {QStringLiteral("P2"), p2},
                {QStringLiteral("P3"), p3}};
    }

    static PerPriority<double> rounded(const PerPriority<double> &v)
    {
        PerPriority<double> out{};
        for (size_t i = 0; i < v.size(); ++i)
            out[i] = std::round(v[i] * 100.0) / 100.0;
        return out;
    }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        m_now = hourStart(hourNumber(QDateTime::currentDateTimeUtc()));
        std::vector<DecisionInput> rows;
        const QString agent = QStringLiteral("agent-a");
        const QString task = QStringLiteral("summary");
        for (int week = 1; week <= 4; ++week) {
            for (int i = 0; i < 8; ++i)
                rows.push_back(test::makeDecision(agent, task, 0.5, 100, Feedback::Correct, at(-168 * week, i)));
            for (int i = 0; i < 4; ++i)
                rows.push_back(test::makeDecision(agent, task, 0.8, 100, Feedback::Correct, at(-168 * week + 1, i)));
        }
        for (int i = 0; i < 2; ++i)
            rows.push_back(test::makeDecision(agent, task, 0.5, 100, std::nullopt, at(-5, i)));
        for (int i = 0; i < 3; ++i)
            rows.push_back(test::makeDecision(agent, task, 0.5, 100, std::nullopt, at(0, -30 + i)));
        for (int i = 0; i < 10; ++i)
            rows.push_back(test::makeDecision(agent, task, 0.8, 100, std::nullopt, at(-20, i)));
        QVERIFY(DecisionRecorder(m_fresh.db).recordBatch(rows).ok());

        QStringList values;
        QVariantList bound;
        for (int week = 1; week <= 4; ++week)
            for (const QString &reviewer : {QStringLiteral("ana"), QStringLiteral("luis")})
                for (int i = 0; i < 4; ++i) {
                    values << QStringLiteral("(1, NULL, 'correct', ?, NULL, 'test', ?)");
                    bound << reviewer << toDbDateTime(at(-168 * week, 10 + i));
                }
        // An undo is no verdict, and a verdict older than four weeks is outside the history.
        values << QStringLiteral("(1, 'correct', NULL, 'ana', NULL, 'test', ?)")
               << QStringLiteral("(1, NULL, 'correct', 'old', NULL, 'test', ?)");
        bound << toDbDateTime(at(-168, 20)) << toDbDateTime(at(-168 * 5));
        QVERIFY(execStatement(*m_fresh.db,
                              QStringLiteral("INSERT INTO atalaya_feedback_audit (telemetry_id, previous_value,"
                                             " new_value, reviewer, note, client_host, created_at) VALUES ")
                                  + values.join(QStringLiteral(", ")),
                              bound, QStringLiteral("writing test verdicts"))
                    .ok());
    }

    void inputs_data()
    {
        QTest::addColumn<bool>("queueCountsTable");
        QTest::newRow("queue counts table") << true;
        // The same P0/P1 rules with another P2 deadline: no counts table is kept for them.
        QTest::newRow("raw rows") << false;
    }

    void inputs()
    {
        QFETCH(bool, queueCountsTable);
        ReviewRules rules = ReviewRules::defaults();
        if (!queueCountsTable)
            rules.priority(Priority::P2).slaHours = 100;
        auto in = readInputs(m_fresh.db, rules, m_now);
        QVERIFY2(in.ok(), qPrintable(in.ok() ? QString() : in.error().message));
        const int how0 = hourOfWeek(hourNumber(m_now));
        auto arrivals = [&](int p, int hoursFromNow) {
            return in->arrivals[static_cast<size_t>(p)][static_cast<size_t>(hourOfWeek(hourNumber(at(hoursFromNow))))];
        };
        QCOMPARE(arrivals(0, 0), 8.0);
        QCOMPARE(arrivals(1, 1), 4.0);
        QCOMPARE(arrivals(0, -5), 0.5);
        QCOMPARE(arrivals(0, -1), 0.75);
        QCOMPARE(arrivals(1, -20), 2.5);
        QCOMPARE(arrivals(0, 2), 0.0);
        QCOMPARE(in->arrivalsSampleStride, 1);
        QCOMPARE(in->verdicts, qint64(32));
        QCOMPARE(in->activeReviewerHours, qint64(8));
        QCOMPARE(*in->throughput(), 4.0);
        QCOMPARE(in->typicalReviewers[static_cast<size_t>(how0)], 2.0);
        QCOMPARE(in->typicalReviewers[static_cast<size_t>((how0 + 1) % kHoursPerWeek)], 0.0);
        // Deadlines passed in the history with a known review time: decision 1 (a verdict in the
        // audit log, on time) and the 2 overdue P0; the reviewed rows without an audit verdict
        // are left out. Too few to use.
        QCOMPARE(in->dueSeen[0], qint64(3));
        QCOMPARE(in->lateSeen[0], qint64(2));
        QCOMPARE(in->dueSeen[1], qint64(0));
        QCOMPARE(in->lateShare(Priority::P0), 0.0);
        QCOMPARE(in->pendingNow[0], qint64(5));
        QCOMPARE(in->overdueNow[0], qint64(2));
        QCOMPARE(in->pendingNow[1], qint64(10));
        QCOMPARE(in->overdueNow[1], qint64(0));
        QCOMPARE(in->oldestPending[1]->secsTo(m_now), qint64(20 * 3600));
        const qint64 first = hourNumber(m_now);
        QCOMPARE(in->backlog[0].size(), size_t(2));
        QCOMPARE(in->backlog[0][0].dueHour, first - 1);  // the overdue pair, first in line
        QCOMPARE(in->backlog[0][0].count, 2.0);
        QCOMPARE(in->backlog[0][1].dueHour, first);
        QCOMPARE(in->backlog[0][1].count, 3.0);
        QCOMPARE(in->backlog[1].size(), size_t(1));
        QCOMPARE(in->backlog[1][0].dueHour, first + 4);
    }

    // Hour 0: 8 P0 arrive, 2 reviewers × 4 clear the 5 pending and 3 new; 5 P0 are left, due at
    // the end of hour 1, when nobody is on duty: 5 breaches. The 10 P1 breach at hour 4, the 4
    // P1 of hour 1 at hour 25. Later in the week: 2.5 P1 at how 148 (due after the week), 0.5 P0
    // at how 163 (breach at 164), 0.75 P0 at how 167 (due after the week).
    void typicalStaffing()
    {
        auto f = runForecast(m_fresh.db, ReviewRules::defaults(), m_now, 168, std::nullopt);
        QVERIFY(f.ok());
        QCOMPARE(f->horizons.size(), size_t(2));
        const Horizon &day = f->horizons[0];
        QCOMPARE(day.hours, 24);
        QCOMPARE(rounded(day.planned.backlog), (PerPriority<double>{5, 14, 0, 0}));
        QCOMPARE(rounded(day.planned.breaches), (PerPriority<double>{5, 10, 0, 0}));
        QCOMPARE(rounded(day.breaches), (PerPriority<double>{5, 10, 0, 0}));
        QCOMPARE(day.planned.reviewerHours, 2.0);
        const Horizon &week = f->horizons[1];
        QCOMPARE(rounded(week.planned.backlog), (PerPriority<double>{6.25, 16.5, 0, 0}));
        QCOMPARE(rounded(week.planned.breaches), (PerPriority<double>{5.5, 14, 0, 0}));
        // Deadline-keeping staff from hour 1: 4 for the 13 P0 due then (3 P1 done too), 2 at
        // hour 4 for the other 7 P1, 1 at hour 25 for 3 P1, 1 at hour 164 for 0.5 P0.
        QCOMPARE(day.needed.reviewerHours, 6.0);
        QCOMPARE(week.needed.reviewerHours, 8.0);
        QCOMPARE(rounded(week.needed.breaches), (PerPriority<double>{0, 0, 0, 0}));
        // Two on every hour clear the 13 P0 by the end of hour 1; one does not.
        QCOMPARE(day.reviewersNeeded, std::optional<int>(2));
        QCOMPARE(week.reviewersNeeded, std::optional<int>(2));
    }

    void oneReviewer()
    {
        auto f = runForecast(m_fresh.db, ReviewRules::defaults(), m_now, 168, 1);
        QVERIFY(f.ok());
        // 4 a hour: hour 0 leaves 1 + 8 P0, hour 1 clears 4 of them (5 breach), hours 2–3
        // finish P0 and start P1, 3 of the 10 P1 breach at hour 4; empty from hour 6.
        QCOMPARE(rounded(f->horizons[0].planned.breaches), (PerPriority<double>{5, 3, 0, 0}));
        QCOMPARE(rounded(f->horizons[0].planned.backlog), (PerPriority<double>{0, 0, 0, 0}));
        QCOMPARE(f->horizons[0].planned.reviewerHours, 24.0);
        QCOMPARE(rounded(f->horizons[1].planned.breaches), (PerPriority<double>{5, 3, 0, 0}));
        QCOMPARE(f->horizons[1].planned.reviewerHours, 168.0);
    }

    void cli()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const test::CliRun run =
            test::runCliOn(m_fresh, {QStringLiteral("forecast"), QStringLiteral("--hours"), QStringLiteral("48")});
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = run.json().object();
        QCOMPARE(o.value(QStringLiteral("hours")).toInt(), 48);
        QVERIFY(o.value(QStringLiteral("reviewers")).isNull());
        QCOMPARE(o.value(QStringLiteral("throughput_per_reviewer_hour")).toDouble(), 4.0);
        const QJsonObject perDay = o.value(QStringLiteral("arrivals_per_day")).toObject();
        QCOMPARE(perDay.value(QStringLiteral("P0")).toDouble(), 1.3);  // 37 / 4 weeks / 7 days
        QCOMPARE(perDay.value(QStringLiteral("P1")).toDouble(), 0.9);  // 26 / 28
        const QJsonObject p0 = o.value(QStringLiteral("backlog_now")).toObject().value(QStringLiteral("P0")).toObject();
        QCOMPARE(p0.value(QStringLiteral("pending")).toInt(), 5);
        // The CLI reads the real clock: each of the 3 P0 from half an hour before the hour is overdue
        // once its one-hour deadline has passed, so the count lies between the clock's readings
        // before and after the run.
        const auto overdueAt = [&](const QDateTime &clock) {
            int n = 2;
            for (int i = 0; i < 3; ++i)
                n += at(1, -30 + i) <= clock ? 1 : 0;
            return n;
        };
        const int overdue = p0.value(QStringLiteral("overdue")).toInt();
        QVERIFY2(overdue >= overdueAt(before) && overdue <= overdueAt(after),
                 qPrintable(QStringLiteral("%1 overdue, expected %2..%3")
                                .arg(overdue)
                                .arg(overdueAt(before))
                                .arg(overdueAt(after))));
        const QJsonArray horizons = o.value(QStringLiteral("horizons")).toArray();
        QCOMPARE(horizons.size(), 2);
        QCOMPARE(horizons[0].toObject().value(QStringLiteral("hours")).toInt(), 24);
        QCOMPARE(horizons[1].toObject().value(QStringLiteral("hours")).toInt(), 48);
        QVERIFY(o.value(QStringLiteral("reviewer_hours_needed")).toObject().contains(QStringLiteral("24")));

        // The hand-computed figures through the JSON, at a fixed `now`.
        auto f = runForecast(m_fresh.db, ReviewRules::defaults(), m_now, 168, std::nullopt);
        QVERIFY(f.ok());
        const QJsonObject json = forecastJson(*f);
        const QJsonObject day = json.value(QStringLiteral("horizons")).toArray()[0].toObject();
        QCOMPARE(day.value(QStringLiteral("breaches")).toObject(), counts(5, 10));
        QCOMPARE(day.value(QStringLiteral("backlog")).toObject(), counts(5, 14));
        QCOMPARE(day.value(QStringLiteral("reviewers_needed")).toInt(), 2);
        QCOMPARE(json.value(QStringLiteral("reviewer_hours_needed")).toObject(),
                 (QJsonObject{{QStringLiteral("24"), 6.0}, {QStringLiteral("168"), 8.0}}));

        const test::CliRun fixed =
            test::runCliOn(m_fresh, {QStringLiteral("forecast"), QStringLiteral("--reviewers"), QStringLiteral("3")});
        QCOMPARE(fixed.exitCode, 0);
        QCOMPARE(fixed.json().object().value(QStringLiteral("reviewers")).toInt(), 3);
    }

    // The team's own lateness: a quarter of the P1 deadlines seen were missed, so a quarter of
    // those in the horizon are expected missed, though five reviewers leave no capacity short.
    void latenessFloor()
    {
        ForecastInputs in;
        in.now = m_now;
        in.slaHours = {1, 24, 168, 0};
        in.arrivals[1].fill(1.0);
        in.verdicts = 100;
        in.activeReviewerHours = 10;
        in.dueSeen[1] = 40;
        in.lateSeen[1] = 10;
        const Forecast f = forecastFrom(in, 168, 5);
        QCOMPARE(f.horizons[1].planned.breaches[1], 0.0);
        // Due in hours 1–167: created from hour −23 on, one an hour.
        QCOMPARE(f.horizons[1].deadlines[1], 167.0);
        QCOMPARE(f.horizons[1].breaches[1], 41.75);
        QCOMPARE(f.horizons[0].deadlines[1], 23.0);
        QCOMPARE(f.horizons[0].breaches[1], 5.75);
        in.dueSeen[1] = kMinLateEvidence - 1;
        QCOMPARE(forecastFrom(in, 168, 5).horizons[1].breaches[1], 0.0);
    }

    void cliRejectsBadOptions()
    {
        const test::CliRun run =
            test::runCliOn(m_fresh, {QStringLiteral("forecast"), QStringLiteral("--hours"), QStringLiteral("0")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.startsWith("error: "));
        const test::CliRun neg =
            test::runCliOn(m_fresh, {QStringLiteral("forecast"), QStringLiteral("--reviewers"), QStringLiteral("-1")});
        QCOMPARE(neg.exitCode, 2);
    }

    // Above the exact limit arrivals come from one id in k, counts × k: the same expectation.
    void sampledArrivals()
    {
        auto in = readInputs(m_fresh.db, ReviewRules::defaults(), m_now, {}, 10);
        QVERIFY(in.ok());
        QVERIFY(in->arrivalsSampleStride > 1);
        double sampled = 0;
        for (const auto &profile : in->arrivals)
            for (double a : profile)
                sampled += a;
        // 63 queued decisions in the history, a quarter per week; the sample keeps the scale.
        QVERIFY2(sampled > 63.0 / 4 * 0.3 && sampled < 63.0 / 4 * 2.5, qPrintable(QString::number(sampled)));
    }

    // `forecast --agent`: that agent's arrivals (averaged from its first decision) and backlog,
    // the team's pace. Runs last: it adds agent-b's decisions.
    void cliAgent()
    {
        std::vector<DecisionInput> rows;
        const QString agent = QStringLiteral("agent-b");
        for (int i = 0; i < 6; ++i)
            rows.push_back(test::makeDecision(agent, QStringLiteral("t"), 0.8, 100, Feedback::Correct, at(-330, i)));
        for (int i = 0; i < 3; ++i)
            rows.push_back(test::makeDecision(agent, QStringLiteral("t"), 0.9, 100, std::nullopt, at(-2, i)));
        QVERIFY(DecisionRecorder(m_fresh.db).recordBatch(rows).ok());

        const QStringList args{QStringLiteral("forecast"), QStringLiteral("--hours"), QStringLiteral("48")};
        const test::CliRun run = test::runCliOn(m_fresh, args + QStringList{QStringLiteral("--agent"), agent});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        const QJsonObject o = run.json().object();
        QCOMPARE(o.value(QStringLiteral("agent_id")).toString(), agent);
        // Agent-b's history is 330 h (two weeks of each hour of the week), not four weeks.
        const QJsonObject perDay = o.value(QStringLiteral("arrivals_per_day")).toObject();
        QCOMPARE(perDay, counts(0, 0.4, 0.2));  // 6 / 2 / 7 and 3 / 2 / 7
        const QJsonObject now = o.value(QStringLiteral("backlog_now")).toObject();
        QCOMPARE(now.value(QStringLiteral("P0")).toObject().value(QStringLiteral("pending")).toInt(), 0);
        QCOMPARE(now.value(QStringLiteral("P2")).toObject().value(QStringLiteral("pending")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("throughput_per_reviewer_hour")).toDouble(), 4.0);

        const test::CliRun whole = test::runCliOn(m_fresh, args);
        QCOMPARE(whole.exitCode, 0);
        const QJsonObject w = whole.json().object();
        QVERIFY(w.value(QStringLiteral("agent_id")).isNull());
        QCOMPARE(w.value(QStringLiteral("backlog_now"))
                     .toObject()
                     .value(QStringLiteral("P0"))
                     .toObject()
                     .value(QStringLiteral("pending"))
                     .toInt(),
                 5);

        // An id with nothing queued: the forecast of an empty queue, and a warning naming it.
        const test::CliRun nobody =
            test::runCliOn(m_fresh, args + QStringList{QStringLiteral("--agent"), QStringLiteral("nobody")});
        QCOMPARE(nobody.exitCode, 0);
        QVERIFY2(nobody.err.startsWith("warning: ") && nobody.err.contains("nobody"), nobody.err.constData());
        QCOMPARE(nobody.json().object().value(QStringLiteral("arrivals_per_day")).toObject(), counts(0, 0));
    }

    // Without --rules the CLI forecasts with the rule set saved in the settings, as the GUI's
    // queue does; --rules still wins.
    void cliRulesFromSettings()
    {
        QTemporaryDir home;
        ReviewRules saved = ReviewRules::defaults();
        saved.priority(Priority::P1).slaHours = 12;
        {
            Settings settings(home.filePath(QStringLiteral("Atalaya/atalaya.conf")));
            settings.setReviewRulesJson(QJsonDocument(saved.toJson()).toJson(QJsonDocument::Compact));
        }
        QProcessEnvironment env;
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        auto p1Sla = [](const test::CliRun &run) {
            return run.json()
                .object()
                .value(QStringLiteral("sla_hours"))
                .toObject()
                .value(QStringLiteral("P1"))
                .toInt();
        };
        const QStringList args{QStringLiteral("forecast"), QStringLiteral("--hours"), QStringLiteral("24")};
        const test::CliRun fromSettings = test::runCliOn(m_fresh, args, {}, env);
        QCOMPARE(fromSettings.exitCode, 0);
        QCOMPARE(p1Sla(fromSettings), 12);

        ReviewRules file = ReviewRules::defaults();
        file.priority(Priority::P1).slaHours = 6;
        const QString path = home.filePath(QStringLiteral("rules.json"));
        QVERIFY(file.saveFile(path).ok());
        const test::CliRun fromFile =
            test::runCliOn(m_fresh, args + QStringList{QStringLiteral("--rules"), path}, {}, env);
        QCOMPARE(fromFile.exitCode, 0);
        QCOMPARE(p1Sla(fromFile), 6);

        QTemporaryDir empty;
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), empty.path());
        const test::CliRun builtIn = test::runCliOn(m_fresh, args, {}, env);
        QCOMPARE(builtIn.exitCode, 0);
        QCOMPARE(p1Sla(builtIn), ReviewRules::defaults().priority(Priority::P1).slaHours);
    }
};

QTEST_GUILESS_MAIN(TestForecast)
#include "tst_forecast.moc"
