#include "tests/support/PdfText.h"
#include "tests/support/CliRunner.h"
#include "tests/support/RiskDemo.h"
#include "tests/support/TestDatabases.h"

#include "core/ingest/DecisionRecorder.h"
#include "core/release/ReleaseCheck.h"
#include "core/risk/RiskDataSource.h"
#include "core/risk/RiskFeatureLabels.h"
#include "core/risk/RiskFeatures.h"
#include "core/risk/RiskModelStore.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/TelemetryRepository.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;

namespace {

const QDateTime kNow = QDateTime::currentDateTimeUtc();

DecisionInput decision(const QString &agent, const QString &task, double confidence, const QDateTime &at,
                       std::optional<Feedback> feedback = std::nullopt, const QJsonObject &metadata = {})
{
    DecisionInput d;
    d.agentId = agent;
    d.taskType = task;
    d.decision = {{QStringLiteral("action"), QStringLiteral("approve")}};
    d.confidence = confidence;
    d.executionTimeMs = 120;
    d.metadata = metadata;
    d.createdAt = at;
    d.feedback = feedback;
    return d;
}

}  // namespace

class TestReleaseCheck : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;
    QTemporaryDir m_dir;
    QString m_lowCycle;  // the lowest score of the history
    QString m_highCycle;  // the highest

    test::CliRun cli(const QStringList &args) { return test::runCliOn(m_fresh, args); }

    ReleaseCheck check(const QString &cycle, const QStringList &agents, const QDateTime &now = kNow)
    {
        ReleaseRequest request;
        request.cycleId = cycle;
        request.agents = agents;
        request.now = now;
        auto r = runReleaseCheck(m_fresh.db, request);
        if (!r)
            qWarning("%s", qPrintable(r.error().message));
        return r ? *r : ReleaseCheck{};
    }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY(m_fresh.db);
        auto loaded = test::loadRiskDemo(m_fresh.db, kNow);
        QVERIFY(loaded.ok());
        QVERIFY(loaded->riskModelActive);
        auto model = RiskModelStore(m_fresh.db).loadActive();
        QVERIFY(model.ok());
        auto cycles = RiskDataSource(m_fresh.db).recentCycles(200);
        QVERIFY(cycles.ok() && cycles->size() > 20);
        double low = 2, high = -1;
        for (const QString &id : *cycles) {
            const double score = model->riskScore(normalizeFeatures(RiskDataSource(m_fresh.db).cycle(id)->raw));
            if (score < low) {
                low = score;
                m_lowCycle = id;
            }
            if (score > high) {
                high = score;
                m_highCycle = id;
            }
        }
        QVERIFY2(riskLevel(low) == QLatin1String("very_low") || riskLevel(low) == QLatin1String("low"),
                 qPrintable(QString::number(low)));
        QCOMPARE(riskLevel(high), QStringLiteral("high"));

        // One agent per situation the rules judge; reviewed rows are history, pending rows wait
        // in the queue under the built-in rules (P0 below 0.70 within 1 h, P1 0.70–0.85 within 24 h).
        const QDateTime now = QDateTime::currentDateTimeUtc();
        std::vector<DecisionInput> rows;
        for (int i = 0; i < 10; ++i) {
            rows.push_back(decision("a-clean", "code_review", 0.9, now.addDays(-1), Feedback::Correct));
            rows.push_back(decision("a-over", "code_review", 0.9, now.addDays(-1),
                                    i < 8 ? Feedback::Correct : Feedback::Incorrect));
            rows.push_back(decision("a-wrong", "code_review", 0.9, now.addDays(-1), Feedback::Incorrect));
        }
        rows.push_back(decision("a-open", "code_review", 0.5, now.addSecs(-60)));
        rows.push_back(decision("a-late0", "code_review", 0.5, now.addSecs(-2 * 3600)));
        rows.push_back(decision("a-late1", "code_review", 0.75, now.addDays(-2)));
        for (int i = 0; i < 20; ++i)
            rows.push_back(decision("a-many", "code_review", 0.5, now.addSecs(-60 - i)));
        // Found for the cycle: its id in metadata, or a deployment/rollback task of the window.
        const QJsonObject ofCycle{{QStringLiteral("cycle_id"), m_lowCycle}};
        const QJsonObject nearly{{QStringLiteral("cycle_id"), m_lowCycle + QStringLiteral("0")}};
        rows.push_back(decision("ci-bot", "code_review", 0.96, now.addDays(-2), Feedback::Correct, ofCycle));
        rows.push_back(decision("lookalike-bot", "code_review", 0.96, now.addDays(-2), Feedback::Correct, nearly));
        rows.push_back(decision("rollback-bot", "rollback_decision", 0.96, now.addDays(-3), Feedback::Correct));
        rows.push_back(decision("old-rollback-bot", "rollback_decision", 0.96, now.addDays(-40), Feedback::Correct));
        rows.push_back(
            decision(kReleaseCheckAgent, "release_check", 0.96, now.addDays(-1), Feedback::Correct, ofCycle));
        QVERIFY(DecisionRecorder(m_fresh.db).recordBatch(rows).ok());
    }

    void agentsFoundForTheCycle()
    {
        auto found = agentsInvolved(*m_fresh.db, m_lowCycle, kNow.addDays(-30));
        QVERIFY(found.ok());
        QCOMPARE(*found, (QStringList{QStringLiteral("ci-bot"), QStringLiteral("rollback-bot")}));
        const ReleaseCheck c = check(m_lowCycle, {});
        QCOMPARE(c.inputs.agents, *found);
        QVERIFY(!c.inputs.agentsGiven);
    }

    void rulesFromTheDatabase_data()
    {
        QTest::addColumn<QString>("agent");
        QTest::addColumn<int>("daysLater");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("status");
        QTest::newRow("reviews: none") << "a-clean" << 0 << "reviews_open"
                                       << "go";
        QTest::newRow("reviews: P0 in time") << "a-open" << 0 << "reviews_open"
                                             << "condition";
        QTest::newRow("reviews: P0 in time is not overdue") << "a-open" << 0 << "reviews_overdue"
                                                            << "go";
        QTest::newRow("reviews: P1 overdue") << "a-late1" << 0 << "reviews_overdue"
                                             << "condition";
        QTest::newRow("reviews: P0 overdue") << "a-late0" << 0 << "reviews_overdue"
                                             << "condition";
        QTest::newRow("alerts: none") << "a-clean" << 0 << "alerts"
                                      << "go";
        QTest::newRow("alerts: accuracy") << "a-wrong" << 0 << "alerts"
                                          << "condition";
        QTest::newRow("calibration: under-confident") << "a-clean" << 0 << "calibration"
                                                      << "go";
        QTest::newRow("calibration: over by 0.10") << "a-over" << 0 << "calibration"
                                                   << "condition";
        QTest::newRow("calibration: over by 0.90") << "a-wrong" << 0 << "calibration"
                                                   << "no_go";
        QTest::newRow("model: fresh") << "a-clean" << 0 << "model_staleness"
                                      << "go";
        QTest::newRow("model: 50 days later") << "a-clean" << 50 << "model_staleness"
                                              << "condition";
        QTest::newRow("model: demo AUC") << "a-clean" << 0 << "model_auc"
                                         << "go";
        QTest::newRow("risk: lowest cycle") << "a-clean" << 0 << "risk_level"
                                            << "go";
    }

    void rulesFromTheDatabase()
    {
        QFETCH(QString, agent);
        QFETCH(int, daysLater);
        QFETCH(QString, rule);
        QFETCH(QString, status);
        const ReleaseCheck c = check(m_lowCycle, {agent}, kNow.addDays(daysLater));
        QVERIFY(!c.reasons.empty());
        for (const ReleaseReason &r : c.reasons)
            if (r.rule == rule) {
                QVERIFY2(ruleStatusKey(r.status) == status, qPrintable(r.detail));
                return;
            }
        QFAIL("rule missing");
    }

    void reviewFiguresAreExact()
    {
        const ReleaseCheck c = check(m_lowCycle, {QStringLiteral("a-late0"), QStringLiteral("a-late1")});
        QCOMPARE(int(c.inputs.reviews.size()), 2);
        QCOMPARE(c.inputs.reviews[0].agentId, QStringLiteral("a-late0"));
        QCOMPARE(c.inputs.reviews[0].openP0, qint64(1));
        QCOMPARE(c.inputs.reviews[0].overdueP0, qint64(1));
        QCOMPARE(c.inputs.reviews[0].openP1, qint64(0));
        QCOMPARE(c.inputs.reviews[1].openP1, qint64(1));
        QCOMPARE(c.inputs.reviews[1].overdueP1, qint64(1));
        QCOMPARE(int(c.inputs.openItems.size()), 2);
        QVERIFY(c.inputs.openItems[0].priority == Priority::P0);
        QCOMPARE(c.inputs.openItems[0].agentId, QStringLiteral("a-late0"));
    }

    void cliVerdictsAndExitCodes()
    {
        auto go = cli({"release-check", "--cycle", m_lowCycle, "--agents", "a-open", "--no-record"});
        QCOMPARE(go.exitCode, 0);
        QVERIFY(go.err.isEmpty());
        const QJsonObject json = go.json().object();
        QCOMPARE(json.value("verdict").toString(), QStringLiteral("go_with_conditions"));
        QCOMPARE(json.value("agents_source").toString(), QStringLiteral("given"));
        QVERIFY(json.value("conditions").toArray().size() >= 1);
        QCOMPARE(json.value("reasons").toArray().size(), 8);
        for (const char *key : {"risk", "reviews", "model"})
            QVERIFY(json.value(QLatin1String(key)).isObject());
        QVERIFY(json.value("alerts").isArray());
        QVERIFY(!json.contains("telemetry_id"));

        auto blocked = cli({"release-check", "--cycle", m_highCycle, "--agents", "a-late0", "--no-record"});
        QCOMPARE(blocked.exitCode, 6);
        QCOMPARE(blocked.json().object().value("verdict").toString(), QStringLiteral("no_go"));
        QVERIFY(blocked.err.startsWith("error: "));
        QVERIFY(blocked.err.contains("risk_level"));
        QVERIFY(!blocked.err.contains("reviews_overdue"));  // a condition, not a blocker

        QCOMPARE(cli({"release-check", "--cycle", "no-such-cycle", "--no-record"}).exitCode, 3);
        QCOMPARE(cli({"release-check", "--no-record"}).exitCode, 2);
        QCOMPARE(cli({"release-check", "--cycle", m_lowCycle, "--lang", "fr"}).exitCode, 2);
        QCOMPARE(cli({"release-check", "--cycle", m_lowCycle, "--agents", ",", "--no-record"}).exitCode, 2);
    }

    void eachCheckIsRecorded()
    {
        const qint64 before = test::scalar(*m_fresh.db, QStringLiteral("SELECT COUNT(*) FROM ai_telemetry"));
        auto run = cli({"release-check", "--cycle", m_lowCycle, "--agents", "a-late1"});
        QCOMPARE(run.exitCode, 0);
        const qint64 id = run.json().object().value("telemetry_id").toInteger();
        QVERIFY(id > 0);
        QCOMPARE(test::scalar(*m_fresh.db, QStringLiteral("SELECT COUNT(*) FROM ai_telemetry")), before + 1);
        auto row = TelemetryRepository(m_fresh.db).find(id);
        QVERIFY(row.ok());
        QCOMPARE(row->agentId, kReleaseCheckAgent);
        QCOMPARE(row->taskType, QStringLiteral("release_check"));
        const QJsonObject meta = QJsonDocument::fromJson(row->metadataJson).object();
        QCOMPARE(meta.value("cycle_id").toString(), m_lowCycle);
        QCOMPARE(meta.value("agents").toArray().first().toString(), QStringLiteral("a-late1"));
        QCOMPARE(meta.value("reasons").toArray().size(), 8);
        const QJsonObject made = QJsonDocument::fromJson(row->decisionJson).object();
        QCOMPARE(made.value("verdict").toString(), run.json().object().value("verdict").toString());
        QCOMPARE(made.value("action").toString(), QStringLiteral("approve_with_conditions"));
        QVERIFY(!made.value("conditions").toArray().isEmpty());
        // The recorded check names the cycle, yet a later check does not judge earlier checks.
        QVERIFY(!agentsInvolved(*m_fresh.db, m_lowCycle, kNow.addDays(-30))->contains(kReleaseCheckAgent));
    }

    void pdfIsOneA4PageInBothLanguages_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("verdictText");
        QTest::addColumn<QString>("heading");
        QTest::newRow("en") << "en"
                            << "Verdict: No-go"
                            << "Open reviews of the agents involved";
        QTest::newRow("es") << "es"
                            << "Veredicto: No desplegar"
                            << "Revisiones abiertas de los agentes implicados";
    }

    void pdfIsOneA4PageInBothLanguages()
    {
        QFETCH(QString, lang);
        QFETCH(QString, verdictText);
        QFETCH(QString, heading);
        const QString path = m_dir.filePath(QStringLiteral("release-%1.pdf").arg(lang));
        // Four agents with open, overdue and no reviews, and alerts: still one page.
        auto run = cli({"release-check", "--cycle", m_highCycle, "--agents", "a-open,a-late0,a-late1,a-wrong", "--pdf",
                        path, "--lang", lang, "--no-record"});
        QCOMPARE(run.exitCode, 6);
        QCOMPARE(run.json().object().value("pdf").toString(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(test::pdfPages(path), 1);
        const QString info = test::pdfInfo(path);
        QVERIFY2(info.contains(QStringLiteral("(A4)")), qPrintable(info));
        const QString text = test::pdfText(path, test::PdfLayout::Columns).simplified();
        QVERIFY2(text.contains(verdictText), qPrintable(text));
        QVERIFY2(text.contains(heading), qPrintable(text));
        QVERIFY(text.contains(m_highCycle));
        QVERIFY(text.contains(QStringLiteral("a-late0")));

        // The factor's reason names it in words, in the output's language; the JSON keeps the
        // machine name in top_risk_factors.
        const QJsonObject json = run.json().object();
        QString status, detail;
        for (const QJsonValue &r : json.value("reasons").toArray())
            if (r.toObject().value("rule").toString() == QLatin1String("risk_factors")) {
                status = r.toObject().value("status").toString();
                detail = r.toObject().value("detail").toString();
            }
        QVERIFY(!detail.isEmpty());
        for (const QString &name : riskFeatureNames()) {
            QVERIFY2(!detail.contains(name), qPrintable(detail));
            QVERIFY2(!text.contains(name), qPrintable(name));
        }
        const QJsonArray top = json.value("risk").toObject().value("top_risk_factors").toArray();
        QVERIFY(!top.isEmpty());
        const auto feature = riskFeatureIndex(top.first().toObject().value("feature").toString());
        QVERIFY(feature.has_value());
        if (status != QLatin1String("go") && lang == QLatin1String("en"))
            QVERIFY2(detail.startsWith(riskFeatureLabel(*feature) + QStringLiteral(" adds ")), qPrintable(detail));
    }

    void pdfListsWhatFitsAndSaysHowManyThereAre()
    {
        const QString path = m_dir.filePath(QStringLiteral("many.pdf"));
        auto run = cli({"release-check", "--cycle", m_lowCycle, "--agents", "a-many", "--pdf", path, "--lang", "en",
                        "--no-record"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject reviews = run.json().object().value("reviews").toObject();
        QCOMPARE(reviews.value("open_p0").toInt(), 20);
        QCOMPARE(reviews.value("items").toArray().size(), 12);
        QCOMPARE(test::pdfPages(path), 1);
        const QString text = test::pdfText(path, test::PdfLayout::Columns).simplified();
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("\\d+ of 20 open P0/P1 reviews listed"))),
                 qPrintable(text));
    }

    void withoutModelExits5()
    {
        QVERIFY(execStatement(*m_fresh.db, QStringLiteral("DELETE FROM atalaya_risk_models"), {}, "reset"));
        auto run = cli({"release-check", "--cycle", m_lowCycle, "--no-record"});
        QCOMPARE(run.exitCode, 5);
        QVERIFY(run.err.startsWith("error: "));
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReleaseCheck)
#include "tst_release_check.moc"
