#include "core/telemetry/DoraRow.h"
#include "core/risk/RiskFeatures.h"

#include <QJsonDocument>
#include <QtTest>

using namespace atalaya;

Q_DECLARE_METATYPE(atalaya::DoraRow)

namespace {

const QDateTime kT(QDate(2026, 11, 19), QTime(14, 30), Qt::UTC);  // a Thursday

DoraRow row(const QString &phase, const QString &decision, double duration, QJsonObject meta = {}, QDateTime at = kT,
            const QString &cycle = QStringLiteral("c1"))
{
    return {cycle, QStringLiteral("F-1"), phase, decision, duration, std::move(meta), at};
}

int idx(RiskFeature f)
{
    return static_cast<int>(f);
}

}  // namespace

class TestRiskFeatures : public QObject {
    Q_OBJECT
private slots:
    void normalisation_data()
    {
        QTest::addColumn<QString>("feature");
        QTest::addColumn<double>("raw");
        QTest::addColumn<double>("normalized");
        QTest::newRow("lead_time 0") << "lead_time" << 0.0 << 0.0;
        QTest::newRow("lead_time 48h") << "lead_time" << 172800.0 << 1.0;
        QTest::newRow("lead_time capped") << "lead_time" << 500000.0 << 1.0;
        QTest::newRow("lead_time 12h") << "lead_time" << 43200.0 << 0.25;
        QTest::newRow("tests 85") << "tests_passed_pct" << 85.0 << 0.85;
        QTest::newRow("tests 100") << "tests_passed_pct" << 100.0 << 1.0;
        QTest::newRow("changes 200") << "code_changes_size" << 200.0 << 0.2;
        QTest::newRow("changes capped") << "code_changes_size" << 4000.0 << 1.0;
        QTest::newRow("hour 23") << "time_of_day" << 23.0 << 1.0;
        QTest::newRow("hour 0") << "time_of_day" << 0.0 << 0.0;
        QTest::newRow("sunday") << "day_of_week" << 6.0 << 1.0;
        QTest::newRow("wednesday") << "day_of_week" << 2.0 << 2.0 / 6.0;
        QTest::newRow("failures 5") << "previous_failures" << 5.0 << 0.25;
        QTest::newRow("failures capped") << "previous_failures" << 21.0 << 1.0;
        QTest::newRow("velocity 5") << "team_velocity" << 5.0 << 0.1;
        QTest::newRow("velocity capped") << "team_velocity" << 80.0 << 1.0;
        QTest::newRow("planning 1h") << "planning_duration" << 3600.0 << 3600.0 / 86400.0;
        QTest::newRow("planning capped") << "planning_duration" << 90000.0 << 1.0;
        QTest::newRow("complexity low") << "feature_complexity_score" << 1.0 << 0.0;
        QTest::newRow("complexity critical") << "feature_complexity_score" << 4.0 << 1.0;
        QTest::newRow("complexity medium") << "feature_complexity_score" << 2.0 << 1.0 / 3.0;
        QTest::newRow("review") << "code_review_score" << 0.85 << 0.85;
    }
    void normalisation()
    {
        QFETCH(QString, feature);
        QFETCH(double, raw);
        QFETCH(double, normalized);
        const auto i = riskFeatureIndex(feature);
        QVERIFY(i);
        QCOMPARE(normalizeFeature(*i, raw), normalized);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("feature");
        QTest::addColumn<double>("raw");
        QTest::addColumn<bool>("valid");
        QTest::newRow("pct 100") << "tests_passed_pct" << 100.0 << true;
        QTest::newRow("pct 100.5") << "tests_passed_pct" << 100.5 << false;
        QTest::newRow("pct -1") << "tests_passed_pct" << -1.0 << false;
        QTest::newRow("hour 23") << "time_of_day" << 23.0 << true;
        QTest::newRow("hour 24") << "time_of_day" << 24.0 << false;
        QTest::newRow("hour 3.5") << "time_of_day" << 3.5 << false;
        QTest::newRow("weekday 6") << "day_of_week" << 6.0 << true;
        QTest::newRow("weekday 7") << "day_of_week" << 7.0 << false;
        QTest::newRow("score 1") << "code_review_score" << 1.0 << true;
        QTest::newRow("score 1.01") << "code_review_score" << 1.01 << false;
        QTest::newRow("complexity 0") << "feature_complexity_score" << 0.0 << false;
        QTest::newRow("complexity 4") << "feature_complexity_score" << 4.0 << true;
        QTest::newRow("complexity 5") << "feature_complexity_score" << 5.0 << false;
        QTest::newRow("count -1") << "previous_failures" << -1.0 << false;
        QTest::newRow("count 2.5") << "team_velocity" << 2.5 << false;
        QTest::newRow("duration 0") << "lead_time" << 0.0 << true;
        QTest::newRow("duration -1") << "planning_duration" << -1.0 << false;
        QTest::newRow("nan") << "lead_time" << std::nan("") << false;
        QTest::newRow("inf") << "code_changes_size" << HUGE_VAL << false;
    }
    void validation()
    {
        QFETCH(QString, feature);
        QFETCH(double, raw);
        QFETCH(bool, valid);
        const QString problem = validateFeature(*riskFeatureIndex(feature), raw);
        QCOMPARE(problem.isEmpty(), valid);
        if (!valid)
            QVERIFY2(problem.contains(feature), qPrintable(problem));
    }

    void parseNamesEveryProblem()
    {
        const QJsonObject json = QJsonDocument::fromJson(R"({"lead_time":7200,"tests_passed_pct":185,
            "code_changes_size":200,"time_of_day":14,"day_of_week":2,"previous_failures":1,"team_velocity":5,
            "feature_complexity_score":2,"code_review_score":"0.85","bogus":1})")
                                     .object();
        auto parsed = parseRawFeatures(json);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::Usage);
        const QString m = parsed.error().message;
        QVERIFY2(m.contains("planning_duration") && m.contains("tests_passed_pct") && m.contains("bogus"),
                 qPrintable(m));
        QVERIFY2(!m.contains("code_review_score is"), qPrintable(m));  // "0.85" as a string is fine
    }

    void extraction_data()
    {
        QTest::addColumn<QList<DoraRow>>("rows");
        QTest::addColumn<QString>("feature");
        QTest::addColumn<double>("expected");
        const QJsonObject none;
        QList<DoraRow> base = {row("planning", "go", 5400, none, kT.addDays(-2)),
                               row("planning", "go", 99, none, kT.addDays(-1)),
                               row("testing", "go", 10),
                               row("testing", "no-go", 10),
                               row("testing", "go", 10),
                               row("testing", "go", 10),
                               row("deployment", "go", 7200)};
        QTest::newRow("lead_time = duration") << base << "lead_time" << 7200.0;
        QTest::newRow("tests 3 of 4") << base << "tests_passed_pct" << 75.0;
        QTest::newRow("changes default 100") << base << "code_changes_size" << 100.0;
        QTest::newRow("hour UTC") << base << "time_of_day" << 14.0;
        QTest::newRow("thursday = 3") << base << "day_of_week" << 3.0;
        QTest::newRow("first planning row") << base << "planning_duration" << 5400.0;
        QTest::newRow("complexity default medium") << base << "feature_complexity_score" << 2.0;
        QTest::newRow("review default 0.8") << base << "code_review_score" << 0.8;
        QList<DoraRow> noTests = {row("deployment", "go", 1)};
        QTest::newRow("no tests = 0") << noTests << "tests_passed_pct" << 0.0;
        QTest::newRow("no planning = 0") << noTests << "planning_duration" << 0.0;
        QList<DoraRow> meta = {
            row("deployment", "go", 1,
                {{"code_changes_size", 640}, {"feature_complexity", "critical"}, {"code_review_score", 0.55}})};
        QTest::newRow("changes from metadata") << meta << "code_changes_size" << 640.0;
        QTest::newRow("critical = 4") << meta << "feature_complexity_score" << 4.0;
        QTest::newRow("review from metadata") << meta << "code_review_score" << 0.55;
        QList<DoraRow> unknown = {row("deployment", "go", 1, {{"feature_complexity", "huge"}})};
        QTest::newRow("unknown complexity = 2") << unknown << "feature_complexity_score" << 2.0;
        QList<DoraRow> overrides = {row("testing", "go", 10),
                                    row("deployment", "go", 1,
                                        {{"tests_passed_pct", 42.5},
                                         {"previous_failures", 7},
                                         {"time_of_day", "3"},
                                         {"feature_complexity_score", 3},
                                         {"lead_time", 99}})};
        QTest::newRow("override tests") << overrides << "tests_passed_pct" << 42.5;
        QTest::newRow("override failures") << overrides << "previous_failures" << 7.0;
        QTest::newRow("override hour (string)") << overrides << "time_of_day" << 3.0;
        QTest::newRow("override complexity score") << overrides << "feature_complexity_score" << 3.0;
        QTest::newRow("override lead time") << overrides << "lead_time" << 99.0;
        QList<DoraRow> sunday = {
            row("deployment", "go", 1, none, QDateTime(QDate(2026, 11, 22), QTime(23, 59), Qt::UTC))};
        QTest::newRow("sunday = 6") << sunday << "day_of_week" << 6.0;
        QTest::newRow("23h") << sunday << "time_of_day" << 23.0;
    }
    void extraction()
    {
        QFETCH(QList<DoraRow>, rows);
        QFETCH(QString, feature);
        QFETCH(double, expected);
        auto s = extractCycle(std::vector<DoraRow>(rows.begin(), rows.end()), {});
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        QCOMPARE(s->raw[*riskFeatureIndex(feature)], expected);
    }

    void invalidStoredValueNamed()
    {
        auto s = extractCycle({row("deployment", "go", 1, {{"code_review_score", 1.7}})}, {});
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains("code_review_score") && s.error().message.contains("c1"),
                 qPrintable(s.error().message));
        auto none = extractCycle({row("testing", "go", 1)}, {});
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
    }

    void label_data()
    {
        QTest::addColumn<QList<DoraRow>>("rows");
        QTest::addColumn<bool>("failed");
        QTest::newRow("go") << QList<DoraRow>{row("deployment", "go", 1)} << false;
        QTest::newRow("no-go") << QList<DoraRow>{row("deployment", "no-go", 1)} << true;
        QTest::newRow("blocked") << QList<DoraRow>{row("deployment", "blocked", 1)} << true;
        QTest::newRow("review") << QList<DoraRow>{row("deployment", "review", 1)} << false;
        QTest::newRow("metadata failed") << QList<DoraRow>{row("deployment", "go", 1, {{"deployment_failed", true}})}
                                         << true;
        QTest::newRow("metadata not failed")
            << QList<DoraRow>{row("deployment", "go", 1, {{"deployment_failed", false}})} << false;
        QTest::newRow("rollback") << QList<DoraRow>{row("deployment", "go", 1),
                                                    row("maintenance", "go", 1, {{"rollback", true}})}
                                  << true;
        QTest::newRow("no rollback") << QList<DoraRow>{row("deployment", "go", 1),
                                                       row("maintenance", "go", 1, {{"rollback", false}})}
                                     << false;
        QTest::newRow("testing no-go only")
            << QList<DoraRow>{row("testing", "no-go", 1), row("deployment", "go", 1)} << false;
    }
    void label()
    {
        QFETCH(QList<DoraRow>, rows);
        QFETCH(bool, failed);
        QCOMPARE(cycleFailed(std::vector<DoraRow>(rows.begin(), rows.end())), failed);
    }

    void sevenDayWindows()
    {
        // Window [t − 7 d, t): the edge at exactly 7 days counts, t itself does not.
        std::vector<DoraRow> rows = {
            row("testing", "no-go", 1, {}, kT.addDays(-7), "a"),
            row("testing", "no-go", 1, {}, kT.addDays(-7).addMSecs(-1), "a"),
            row("testing", "no-go", 1, {}, kT.addSecs(-1), "b"),
            row("testing", "go", 1, {}, kT.addSecs(-1), "b"),
            row("testing", "no-go", 1, {}, kT, "b"),
            row("deployment", "go", 1, {}, kT.addDays(-3), "a"),
            row("deployment", "go", 1, {}, kT.addDays(-8), "old"),
            row("deployment", "go", 1, {}, kT, "b"),
            row("deployment", "go", 1, {}, kT, "c"),
        };
        const ExtractionReport r = extractHistory(rows, kT.addDays(-5));
        QCOMPARE(int(r.samples.size()), 3);  // a (−3 d), b and c (t); "old" is before `from`
        const CycleSample &b = r.samples[1];
        QCOMPARE(b.cycleId, QStringLiteral("b"));
        QCOMPARE(b.raw[idx(RiskFeature::PreviousFailures)], 2.0);
        QCOMPARE(b.raw[idx(RiskFeature::TeamVelocity)], 1.0);
        QCOMPARE(b.raw[idx(RiskFeature::TestsPassedPct)], 100.0 / 3.0);
        QCOMPARE(r.samples[0].raw[idx(RiskFeature::TeamVelocity)], 1.0);  // "old" at −8 d is 5 d earlier
    }

    void fullWindow_data()
    {
        QTest::addColumn<double>("daysAfterFirst");
        QTest::addColumn<QJsonObject>("meta");
        QTest::addColumn<bool>("full");
        const QJsonObject both{{"previous_failures", 2}, {"team_velocity", 30}};
        QTest::newRow("the first deployment") << 0.0 << QJsonObject{} << false;
        QTest::newRow("6 days later") << 6.0 << QJsonObject{} << false;
        QTest::newRow("exactly 7 days later") << 7.0 << QJsonObject{} << true;
        QTest::newRow("20 days later") << 20.0 << QJsonObject{} << true;
        QTest::newRow("6 days later, both counts given") << 6.0 << both << true;
        QTest::newRow("6 days later, one count given")
            << 6.0 << QJsonObject{{"team_velocity", 30}} << false;
        QTest::newRow("6 days later, counts null")
            << 6.0 << QJsonObject{{"previous_failures", QJsonValue()}, {"team_velocity", QJsonValue()}} << false;
    }
    void fullWindow()
    {
        // The history's first deployment is "first"; rows of other phases before it do not
        // make a window complete: before it a quiet week looks like an unrecorded one.
        QFETCH(double, daysAfterFirst);
        QFETCH(QJsonObject, meta);
        QFETCH(bool, full);
        const QDateTime first = kT.addDays(-30);
        const QDateTime at = first.addSecs(static_cast<qint64>(daysAfterFirst * 86400));
        std::vector<DoraRow> rows = {
            row("planning", "go", 1, {}, first.addDays(-20), "first"),
            row("testing", "no-go", 1, {}, first.addDays(-10), "first"),
            row("deployment", "go", 1, {}, first, "first"),
        };
        if (daysAfterFirst > 0)
            rows.push_back(row("deployment", "go", 1, meta, at, "x"));
        else
            rows.back().metadata = meta;
        const ExtractionReport r = extractHistory(rows, first.addDays(-1));
        QCOMPARE(r.samples.back().cycleId, QString::fromLatin1(daysAfterFirst > 0 ? "x" : "first"));
        QCOMPARE(r.samples.back().fullWindow, full);
    }
};

QTEST_GUILESS_MAIN(TestRiskFeatures)
#include "tst_riskfeatures.moc"
