#include "core/release/ReleaseRules.h"

#include <QJsonArray>

#include <algorithm>
#include <QtTest>

using namespace atalaya;

namespace {

const QDateTime kNow(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);

// Every rule says go: low risk, small factors, nothing pending, no alert, calibrated agents,
// a fresh model with a good AUC.
ReleaseInputs allGo()
{
    ReleaseInputs in;
    in.cycleId = QStringLiteral("cycle-1");
    in.now = kNow;
    in.prediction.riskScore = 0.15;
    in.prediction.level = riskLevel(0.15);
    in.prediction.topFactors = {{2, 0.05, 0.9}, {0, 0.02, 0.1}};
    in.model = {QStringLiteral("v1.0-2026-12-01"), kNow.addDays(-5), 0.82};
    in.agents = {QStringLiteral("deployer"), QStringLiteral("rollbacker")};
    in.reviews = {{QStringLiteral("deployer"), 0, 0, 0, 0}, {QStringLiteral("rollbacker"), 0, 0, 0, 0}};
    in.calibration = {{QStringLiteral("deployer"), 40, 0.02, CalibrationVerdict::Calibrated},
                      {QStringLiteral("rollbacker"), 0, std::nullopt, std::nullopt}};
    return in;
}

Alert alert(AlertSeverity severity)
{
    Alert a;
    a.severity = severity;
    a.metric = QStringLiteral("accuracy_avg");
    a.agentId = QStringLiteral("deployer");
    a.value = 0.7;
    a.threshold = 0.8;
    return a;
}

// One named change to the all-go inputs.
void apply(const QString &setup, ReleaseInputs &in)
{
    auto score = [&](double s) {
        in.prediction.riskScore = s;
        in.prediction.level = riskLevel(s);
    };
    if (setup == QLatin1String("score 0.39"))
        score(0.39);
    else if (setup == QLatin1String("score 0.40"))
        score(0.40);
    else if (setup == QLatin1String("score 0.69"))
        score(0.69);
    else if (setup == QLatin1String("score 0.70"))
        score(0.70);
    else if (setup == QLatin1String("factor 0.099"))
        in.prediction.topFactors[0].contribution = 0.099;
    else if (setup == QLatin1String("factor 0.10"))
        in.prediction.topFactors[1].contribution = 0.10;
    else if (setup == QLatin1String("factor 0.25"))
        in.prediction.topFactors[0].contribution = 0.25;
    else if (setup == QLatin1String("no factors"))
        in.prediction.topFactors.clear();
    else if (setup == QLatin1String("overdue P1"))
        in.reviews[1] = {QStringLiteral("rollbacker"), 0, 1, 0, 1};
    else if (setup == QLatin1String("overdue P0"))
        in.reviews[0] = {QStringLiteral("deployer"), 1, 0, 1, 0};
    else if (setup == QLatin1String("open P0"))
        in.reviews[0] = {QStringLiteral("deployer"), 1, 0, 0, 0};
    else if (setup == QLatin1String("open P1"))
        in.reviews[1] = {QStringLiteral("rollbacker"), 0, 1, 0, 0};
    else if (setup == QLatin1String("open only overdue"))
        in.reviews[0] = {QStringLiteral("deployer"), 1, 1, 1, 1};
    else if (setup == QLatin1String("medium alert"))
        in.alerts = {alert(AlertSeverity::Medium)};
    else if (setup == QLatin1String("high alert"))
        in.alerts = {alert(AlertSeverity::High)};
    else if (setup == QLatin1String("critical alert"))
        in.alerts = {alert(AlertSeverity::High), alert(AlertSeverity::Critical)};
    else if (setup == QLatin1String("under-confident"))
        in.calibration[0] = {QStringLiteral("deployer"), 40, 0.3, CalibrationVerdict::UnderConfident};
    else if (setup == QLatin1String("over-confident 0.08"))
        in.calibration[0] = {QStringLiteral("deployer"), 40, 0.08, CalibrationVerdict::OverConfident};
    else if (setup == QLatin1String("over-confident 0.15"))
        in.calibration[1] = {QStringLiteral("rollbacker"), 40, 0.15, CalibrationVerdict::OverConfident};
    else if (setup == QLatin1String("trained 44 days ago"))
        in.model.trainedAt = kNow.addDays(-44);
    else if (setup == QLatin1String("trained 45 days ago"))
        in.model.trainedAt = kNow.addDays(-45);
    else if (setup == QLatin1String("auc 0.70"))
        in.model.cvAuc = 0.70;
    else if (setup == QLatin1String("auc 0.699"))
        in.model.cvAuc = 0.699;
    else if (setup == QLatin1String("auc 0.60"))
        in.model.cvAuc = 0.60;
    else if (setup == QLatin1String("auc 0.599"))
        in.model.cvAuc = 0.599;
    else if (setup == QLatin1String("no auc"))
        in.model.cvAuc.reset();
    else
        QFAIL(qPrintable(QStringLiteral("unknown setup ") + setup));
}

}  // namespace

class TestReleaseRules : public QObject {
    Q_OBJECT
private slots:
    void baselineIsGo()
    {
        const ReleaseCheck check = judgeRelease(allGo());
        QCOMPARE(check.verdict, QStringLiteral("go"));
        QCOMPARE(int(check.reasons.size()), 8);
        for (const ReleaseReason &r : check.reasons)
            QVERIFY2(r.status == RuleStatus::Go, qPrintable(r.rule + QStringLiteral(": ") + r.detail));
    }

    void rule_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("detailHas");
        const auto row = [](const char *name, const char *setup, const char *rule, const char *status,
                            const char *verdict, const char *detail) {
            QTest::newRow(name) << QString::fromUtf8(setup) << QString::fromUtf8(rule) << QString::fromUtf8(status)
                                << QString::fromUtf8(verdict) << QString::fromUtf8(detail);
        };
        row("level low", "score 0.39", "risk_level", "go", "go", "0.390");
        row("level medium from 0.40", "score 0.40", "risk_level", "condition", "go_with_conditions", "medium");
        row("level medium to 0.69", "score 0.69", "risk_level", "condition", "go_with_conditions", "0.690");
        row("level high from 0.70", "score 0.70", "risk_level", "no_go", "no_go", "high");
        row("factor under 0.10", "factor 0.099", "risk_factors", "go", "go", "");
        row("factor 0.10", "factor 0.10", "risk_factors", "condition", "go_with_conditions", "Lead time adds 0.100");
        row("factor 0.25", "factor 0.25", "risk_factors", "no_go", "no_go", "Lines changed adds 0.250");
        row("no factor", "no factors", "risk_factors", "go", "go", "");
        row("overdue P1", "overdue P1", "reviews_overdue", "condition", "go_with_conditions", "rollbacker");
        row("overdue P0", "overdue P0", "reviews_overdue", "condition", "go_with_conditions", "1 P0");
        row("open P0 in time", "open P0", "reviews_open", "condition", "go_with_conditions", "1 P0 and 0 P1");
        row("open P1 in time", "open P1", "reviews_open", "condition", "go_with_conditions", "0 P0 and 1 P1");
        row("overdue are not open in time", "open only overdue", "reviews_open", "go", "go_with_conditions", "");
        row("medium alert", "medium alert", "alerts", "condition", "go_with_conditions", "0 high and 1 medium");
        row("high alert", "high alert", "alerts", "condition", "go_with_conditions", "1 high");
        row("critical alert", "critical alert", "alerts", "no_go", "no_go", "1 critical");
        row("under-confident", "under-confident", "calibration", "go", "go", "");
        row("over-confident", "over-confident 0.08", "calibration", "condition", "go_with_conditions",
            "deployer (ECE 0.080)");
        row("over-confident 0.15", "over-confident 0.15", "calibration", "no_go", "no_go", "rollbacker (ECE 0.150)");
        row("model 44 days", "trained 44 days ago", "model_staleness", "go", "go", "44 days");
        row("model 45 days", "trained 45 days ago", "model_staleness", "condition", "go_with_conditions", "45 days");
        row("auc 0.70", "auc 0.70", "model_auc", "go", "go", "0.700");
        row("auc below 0.70", "auc 0.699", "model_auc", "condition", "go_with_conditions", "0.699");
        row("auc 0.60", "auc 0.60", "model_auc", "condition", "go_with_conditions", "0.600");
        row("auc below 0.60", "auc 0.599", "model_auc", "no_go", "no_go", "0.599");
        row("no auc", "no auc", "model_auc", "condition", "go_with_conditions", "no cross-validated AUC");
    }

    void rule()
    {
        QFETCH(QString, setup);
        QFETCH(QString, rule);
        QFETCH(QString, status);
        QFETCH(QString, verdict);
        QFETCH(QString, detailHas);
        ReleaseInputs in = allGo();
        apply(setup, in);
        const ReleaseCheck check = judgeRelease(in);
        const auto it = std::find_if(check.reasons.begin(), check.reasons.end(),
                                     [&](const ReleaseReason &r) { return r.rule == rule; });
        QVERIFY(it != check.reasons.end());
        QCOMPARE(ruleStatusKey(it->status), status);
        QVERIFY2(it->detail.contains(detailHas), qPrintable(it->detail));
        QCOMPARE(check.verdict, verdict);
        // Every other rule still says go, except where the setup touches two rules on purpose.
        if (setup != QLatin1String("open only overdue"))
            for (const ReleaseReason &r : check.reasons)
                if (r.rule != rule)
                    QVERIFY2(r.status == RuleStatus::Go, qPrintable(r.rule));
    }

    void worstRuleWins()
    {
        ReleaseInputs in = allGo();
        apply(QStringLiteral("score 0.40"), in);
        QCOMPARE(judgeRelease(in).verdict, QStringLiteral("go_with_conditions"));
        apply(QStringLiteral("overdue P0"), in);
        QCOMPARE(judgeRelease(in).verdict, QStringLiteral("go_with_conditions"));
        apply(QStringLiteral("critical alert"), in);
        QCOMPARE(judgeRelease(in).verdict, QStringLiteral("no_go"));
    }

    void jsonShape()
    {
        ReleaseInputs in = allGo();
        apply(QStringLiteral("score 0.40"), in);
        apply(QStringLiteral("high alert"), in);
        const QJsonObject json = releaseCheckJson(judgeRelease(in));
        QCOMPARE(json.value("verdict").toString(), QStringLiteral("go_with_conditions"));
        const QJsonArray reasons = json.value("reasons").toArray();
        QCOMPARE(reasons.size(), 8);
        for (const QJsonValue &r : reasons) {
            QVERIFY(r.toObject().contains("rule"));
            QVERIFY(r.toObject().contains("status"));
            QVERIFY(!r.toObject().value("detail").toString().isEmpty());
        }
        QCOMPARE(json.value("conditions").toArray().size(), 2);
        QCOMPARE(json.value("risk").toObject().value("risk_level").toString(), QStringLiteral("medium"));
        QCOMPARE(json.value("risk").toObject().value("top_risk_factors").toArray().size(), 2);
        QCOMPARE(json.value("alerts").toArray().size(), 1);
        QCOMPARE(json.value("reviews").toObject().value("agents").toArray().size(), 2);
        QCOMPARE(json.value("model").toObject().value("age_days").toInt(), 5);
        QCOMPARE(json.value("model").toObject().value("stale").toBool(), false);
        QCOMPARE(json.value("model").toObject().value("cv_auc").toDouble(), 0.82);
    }

    // The factor's detail is read by people (dialog, PDF, the CLI's reasons); the JSON's
    // top_risk_factors stay the machine names a pipeline matches on.
    void factorDetailSaysTheLabelJsonKeepsTheName()
    {
        ReleaseInputs in = allGo();
        apply(QStringLiteral("factor 0.25"), in);
        const QJsonObject json = releaseCheckJson(judgeRelease(in));
        QString detail;
        for (const QJsonValue &r : json.value("reasons").toArray())
            if (r.toObject().value("rule").toString() == QLatin1String("risk_factors"))
                detail = r.toObject().value("detail").toString();
        QVERIFY2(detail.startsWith(QStringLiteral("Lines changed adds 0.250")), qPrintable(detail));
        QVERIFY2(!detail.contains(QStringLiteral("code_changes_size")), qPrintable(detail));
        const QJsonArray top = json.value("risk").toObject().value("top_risk_factors").toArray();
        QCOMPARE(top.first().toObject().value("feature").toString(), QStringLiteral("code_changes_size"));
    }
};

QTEST_GUILESS_MAIN(TestReleaseRules)
#include "tst_release_rules.moc"
