#include "tests/support/CliRunner.h"
#include "tests/support/RiskDemo.h"
#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/demo/DemoGenerator.h"
#include "core/demo/DoraGenerator.h"
#include "core/risk/RiskCsvImport.h"
#include "core/risk/RiskDataSource.h"
#include "core/risk/RiskModelStore.h"
#include "core/risk/RiskService.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/TelemetryRepository.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;

namespace {

const QDateTime kNow = QDateTime::currentDateTimeUtc();
const QString kFeatures = QStringLiteral(
    R"({"lead_time":7200,"tests_passed_pct":40,"code_changes_size":900,"time_of_day":2,"day_of_week":5,)"
    R"("previous_failures":6,"team_velocity":5,"planning_duration":600,"feature_complexity_score":4,"code_review_score":0.5})");

}  // namespace

class TestRisk : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;
    std::vector<DoraRow> m_rows;
    QTemporaryDir m_dir;

    test::CliRun cli(QStringList args)
    {
        args.prepend(m_fresh.url);
        args.prepend(QStringLiteral("--db"));
        QProcessEnvironment env;
        env.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), m_fresh.password);
        return test::runCli(args, {}, env);
    }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY(m_fresh.db);
        auto demo = test::loadRiskDemo(m_fresh.db, kNow);
        QVERIFY(demo.ok());
        // The demo trains on its cycles and leaves the model active only because it passed the
        // seed's checks on cross-validation; the tests below start from no model at all.
        QVERIFY(demo->riskModelActive);
        auto active = RiskModelStore(m_fresh.db).loadActive();
        QVERIFY(active.ok());
        QCOMPARE(active->version, demo->riskModelVersion);
        QVERIFY(allPassed(validationChecks(active->metrics)));
        QCOMPARE(active->cvFolds, 5);
        QVERIFY(active->timeSplit.has_value());
        QVERIFY(execStatement(*m_fresh.db, QStringLiteral("DELETE FROM atalaya_risk_models"), {}, "reset"));
        const DemoOptions options;  // the cycles loadRiskDemo wrote: the demo's default days and seed
        m_rows = generateDemoCycles(std::max(60, options.days * 4), options.days, options.seed, kNow);
    }

    void refusesPredictionWithoutModel()
    {
        const auto run = cli({"risk", "predict", "--features", kFeatures});
        QCOMPARE(run.exitCode, 5);
        QVERIFY(run.err.startsWith("error: "));
    }

    void databaseExtractionMatchesRows()
    {
        const QDateTime from = kNow.addDays(-30);
        auto fromDb = RiskDataSource(m_fresh.db).history(from);
        QVERIFY2(fromDb.ok(), fromDb.ok() ? "" : qPrintable(fromDb.error().message));
        const ExtractionReport expected = extractHistory(m_rows, from);
        QVERIFY(expected.samples.size() > 100);
        QCOMPARE(fromDb->samples.size(), expected.samples.size());
        for (std::size_t i = 0; i < expected.samples.size(); ++i) {
            QCOMPARE(fromDb->samples[i].cycleId, expected.samples[i].cycleId);
            QCOMPARE(fromDb->samples[i].failed, expected.samples[i].failed);
            for (int f = 0; f < kRiskFeatureCount; ++f)
                QCOMPARE(fromDb->samples[i].raw[f], expected.samples[i].raw[f]);
        }
        // One cycle alone gives the same features (its windows counted in SQL).
        const CycleSample &probe = expected.samples[expected.samples.size() / 2];
        auto one = RiskDataSource(m_fresh.db).cycle(probe.cycleId);
        QVERIFY(one.ok());
        QCOMPARE(one->raw, probe.raw);
        QCOMPARE(RiskDataSource(m_fresh.db).cycle(QStringLiteral("no-such-cycle")).error().code, ErrorCode::NotFound);
    }

    void trainStoreActivate()
    {
        TrainRequest request;
        request.days = 90;
        request.options.forest.trees = 30;
        auto first = RiskService(m_fresh.db).train(request);
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        QVERIFY(first->stored);
        const QString day = QStringLiteral("v1.0-") + kNow.date().toString(Qt::ISODate);
        QCOMPARE(first->model.version, day);
        request.activateAnyway = true;
        auto second = RiskService(m_fresh.db).train(request);
        QVERIFY(second.ok());
        QCOMPARE(second->model.version, day + QStringLiteral(".2"));
        QVERIFY(second->activated);
        RiskModelStore store(m_fresh.db);
        auto active = store.loadActive();
        QVERIFY(active.ok());
        QCOMPARE(active->version, second->model.version);
        // Bit for bit what was trained, and explanations still additive after the round trip.
        const FeatureVector x = normalizeFeatures(
            m_rows.empty() ? FeatureVector{} : extractHistory(m_rows, kNow.addDays(-90)).samples[3].raw);
        QCOMPARE(active->riskScore(x), second->model.riskScore(x));
        QCOMPARE(active->baseValue, second->model.baseValue);
        auto previous = store.activate(first->model.version);
        QVERIFY(previous.ok());
        QCOMPARE(*previous, second->model.version);
        QCOMPARE(store.loadActive()->version, first->model.version);
        auto list = store.list();
        QVERIFY(list.ok());
        QCOMPARE(int(list->size()), 2);
        QCOMPARE(int(std::count_if(list->begin(), list->end(), [](const StoredModelInfo &i) { return i.active; })), 1);
        QCOMPARE(store.activate(QStringLiteral("v9")).error().code, ErrorCode::NotFound);
    }

    void corruptedRowRefused()
    {
        RiskModelStore store(m_fresh.db);
        auto list = store.list();
        QVERIFY(list.ok() && !list->empty());
        const QString victim = list->front().version;
        QVERIFY(execStatement(*m_fresh.db,
                              QStringLiteral("UPDATE atalaya_risk_models SET model_sha256 = ? WHERE version = ?"),
                              {QString(64, QLatin1Char('0')), victim}, "corrupt")
                    .ok());
        auto loaded = store.load(victim);
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().message.contains("corrupted"), qPrintable(loaded.error().message));
    }

    void exportImportFile()
    {
        auto active = RiskModelStore(m_fresh.db).loadActive();
        QVERIFY(active.ok());
        const QString path = m_dir.filePath(QStringLiteral("model.atalaya"));
        QVERIFY(exportModelFile(*active, path).ok());
        const auto perms = QFile(path).permissions();
        QVERIFY(perms.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));  // 0600: nothing for group/other
        QVERIFY(!(perms
                  & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                     | QFileDevice::WriteOther | QFileDevice::ExeOther | QFileDevice::ExeOwner)));
        auto back = importModelFile(path);
        QVERIFY(back.ok());
        QCOMPARE(back->version, active->version);
        const FeatureVector probe = active->background.front();
        QCOMPARE(back->riskScore(probe), active->riskScore(probe));

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        auto writeVariant = [&](const QByteArray &content) {
            const QString p = m_dir.filePath(QStringLiteral("variant"));
            QFile out(p);
            out.open(QIODevice::WriteOnly | QIODevice::Truncate);
            out.write(content);
            return p;
        };
        QByteArray flipped = bytes;
        flipped[flipped.size() - 100] = char(flipped[flipped.size() - 100] ^ 0x5a);
        auto corrupted = importModelFile(writeVariant(flipped));
        QVERIFY(!corrupted);
        QVERIFY2(corrupted.error().message.contains("corrupted"), qPrintable(corrupted.error().message));
        auto foreign = importModelFile(writeVariant("\x80\x04\x95 a pickle, not ours"));
        QVERIFY(!foreign);
        QVERIFY2(foreign.error().message.contains("not an Atalaya"), qPrintable(foreign.error().message));
        QVERIFY(!importModelFile(writeVariant(bytes.left(bytes.size() - 1))));
        QCOMPARE(RiskModelStore(m_fresh.db).saveImported(*back, false).error().code, ErrorCode::Usage);
    }

    void cliPredictAndGate()
    {
        auto ok = cli({"risk", "predict", "--features", kFeatures, "--lang", "en"});
        QCOMPARE(ok.exitCode, 0);
        const QJsonObject p = ok.json().object().value("prediction").toObject();
        double sum = p.value("base_value").toDouble();
        const QJsonObject c = p.value("contributions").toObject();
        QCOMPARE(c.size(), 10);
        for (auto it = c.begin(); it != c.end(); ++it)
            sum += it.value().toDouble();
        QVERIFY(qAbs(sum - p.value("risk_score").toDouble()) < 1e-9);
        for (const char *key : {"risk_level", "confidence", "top_risk_factors", "recommendations", "feature_importance",
                                "failure_probability"})
            QVERIFY2(p.contains(QLatin1String(key)), key);
        QVERIFY(!ok.json().object().value("model_version").toString().isEmpty());

        auto gated = cli({"risk", "predict", "--features", kFeatures, "--fail-above", "0"});
        QCOMPARE(gated.exitCode, 6);
        QVERIFY(gated.json().isObject());
        QVERIFY(gated.err.startsWith("error: "));

        auto bad = cli({"risk", "predict", "--features", R"({"lead_time":1,"time_of_day":24})"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("time_of_day") && bad.err.contains("planning_duration"), bad.err.constData());
        QCOMPARE(cli({"risk", "predict", "--cycle", "no-such-cycle"}).exitCode, 3);
        QCOMPARE(cli({"risk", "predict"}).exitCode, 2);
        QCOMPARE(cli({"risk", "nonsense"}).exitCode, 2);
    }

    void cliRecordsTheCheck()
    {
        const QString cycle = extractHistory(m_rows, kNow.addDays(-90)).samples.back().cycleId;
        auto run = cli({"risk", "predict", "--cycle", cycle, "--record"});
        QCOMPARE(run.exitCode, 0);
        const qint64 id = run.json().object().value("telemetry_id").toInteger();
        QVERIFY(id > 0);
        auto row = TelemetryRepository(m_fresh.db).find(id);
        QVERIFY(row.ok());
        QCOMPARE(row->agentId, QStringLiteral("deployment-risk-predictor"));
        QCOMPARE(row->taskType, QStringLiteral("deployment_risk"));
        const QJsonObject decision = QJsonDocument::fromJson(row->decisionJson).object();
        for (const char *key : {"action", "risk_score", "risk_level", "recommendations", "blockers", "reasoning"})
            QVERIFY2(decision.contains(QLatin1String(key)), key);
        const QJsonObject meta = QJsonDocument::fromJson(row->metadataJson).object();
        QCOMPARE(meta.value("model_version").toString(), run.json().object().value("model_version").toString());
        QCOMPARE(meta.value("cycle_id").toString(), cycle);
        QVERIFY(
            qAbs(row->confidence - run.json().object().value("prediction").toObject().value("confidence").toDouble())
            < 1e-4);
    }

    void cliTrainGates()
    {
        auto fresh = test::freshDatabase();
        QVERIFY(fresh.db);
        QProcessEnvironment env;
        env.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), fresh.password);
        auto few = test::runCli({"--db", fresh.url, "risk", "train"}, {}, env);
        QCOMPARE(few.exitCode, 5);
        auto dry = cli({"risk", "train", "--dry-run"});
        QVERIFY(dry.exitCode == 0 || dry.exitCode == 6);
        QCOMPARE(dry.json().object().value("stored").toBool(), false);
        QCOMPARE(dry.json().object().value("validation_checks").toArray().size(), 3);
        // Metrics from 5-fold CV (the checks' figures) and from the newest 20 % by time.
        const QJsonObject cv = dry.json().object().value("cv").toObject();
        QCOMPARE(cv.value("folds").toInt(), 5);
        const QJsonObject tm = dry.json().object().value("training_metrics").toObject();
        QCOMPARE(cv.value("f1_score"), tm.value("f1_score"));
        QCOMPARE(cv.value("validation_samples"), tm.value("training_samples"));
        const QJsonObject ts = dry.json().object().value("time_split").toObject();
        QVERIFY(ts.value("roc_auc").isDouble());
        QCOMPARE(ts.value("training_samples").toInt() + ts.value("validation_samples").toInt(),
                 tm.value("training_samples").toInt());
        QVERIFY(dry.json().object().value("calibration").toObject().value("method").isString());
        // The settings were chosen by CV: every candidate with its AUC, the chosen one in use.
        const QJsonObject search = dry.json().object().value("settings_search").toObject();
        const QJsonObject used = dry.json().object().value("hyperparameters").toObject();
        QVERIFY(search.value("candidates").toArray().size() >= 8);
        int chosen = 0;
        for (const QJsonValue &v : search.value("candidates").toArray()) {
            const QJsonObject c = v.toObject();
            QVERIFY(c.value("cv_roc_auc").isDouble());
            if (!c.value("chosen").toBool())
                continue;
            ++chosen;
            for (const char *key : {"min_samples_per_leaf", "feature_subsampling_fraction", "resampling"})
                QCOMPARE(c.value(QLatin1String(key)), used.value(QLatin1String(key)));
            QCOMPARE(c.value("cv_roc_auc"), cv.value("roc_auc"));
        }
        QCOMPARE(chosen, 1);
        auto anyway = cli({"risk", "train", "--activate-anyway"});
        QCOMPARE(anyway.exitCode, 0);
        QVERIFY(anyway.json().object().value("activated").toBool());
        auto stats = cli({"risk", "stats"});
        QCOMPARE(stats.exitCode, 0);
        QCOMPARE(stats.json().object().value("model_version"), anyway.json().object().value("model_version"));
        QCOMPARE(stats.json().object().value("statistics").toObject().value("settings_search"),
                 anyway.json().object().value("settings_search"));
        QCOMPARE(cli({"risk", "importance"}).json().object().value("top_features").toArray().size(), 5);
        QCOMPARE(cli({"risk", "models"}).json().object().value("active"),
                 anyway.json().object().value("model_version"));
    }

    void trainingIgnoresThreadCount()
    {
        // dlib seeds every tree by its index and fills its own slot: one thread or many, the
        // same forest, so the same metrics and importance to the last digit.
        QProcessEnvironment one;
        one.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), m_fresh.password);
        one.insert(QStringLiteral("DLIB_NUM_THREADS"), QStringLiteral("1"));
        QProcessEnvironment four = one;
        four.insert(QStringLiteral("DLIB_NUM_THREADS"), QStringLiteral("4"));
        const QStringList args = {"--db", m_fresh.url, "risk", "train", "--dry-run", "--activate-anyway"};
        auto a = test::runCli(args, {}, one);
        auto b = test::runCli(args, {}, four);
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(b.exitCode, 0);
        QCOMPARE(a.json().object().value("training_metrics"), b.json().object().value("training_metrics"));
    }

    void csvImport()
    {
        const QByteArray header =
            "cycle_id,created_at,deployment_failed,lead_time,tests_passed_pct,code_changes_size,time_of_day,"
            "day_of_week,previous_failures,team_velocity,planning_duration,feature_complexity_score,code_review_"
            "score\n";
        const QByteArray good1 = "csv-1,2026-11-01T10:00:00Z,1,7200,40,900,2,5,6,5,600,4,0.5\n";
        const QByteArray good2 = "\"csv-2\",2026-11-02T10:00:00Z,false,3600,100,50,10,1,0,4,7200,1,0.95\n";
        const QByteArray bad = "csv-3,2026-11-03T10:00:00Z,maybe,3600,101,50,10,1,0,4,7200,1,0.95\n";
        auto refused = importCyclesCsv(m_fresh.db, header + good1 + bad + good2, {});
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains("line 3") && refused.error().message.contains("tests_passed_pct"),
                 qPrintable(refused.error().message));
        QCOMPARE(RiskDataSource(m_fresh.db).cycle(QStringLiteral("csv-1")).error().code, ErrorCode::NotFound);
        auto partial = importCyclesCsv(m_fresh.db, header + good1 + bad + good2, {true});
        QVERIFY(partial.ok());
        QCOMPARE(partial->imported, 2);
        QCOMPARE(partial->rejected, 1);
        QCOMPARE(partial->rejectedCsv, header + bad);
        auto c1 = RiskDataSource(m_fresh.db).cycle(QStringLiteral("csv-1"));
        QVERIFY(c1.ok());
        QCOMPARE(c1->raw, (FeatureVector{7200, 40, 900, 2, 5, 6, 5, 600, 4, 0.5}));
        QVERIFY(c1->failed);
        QVERIFY(!RiskDataSource(m_fresh.db).cycle(QStringLiteral("csv-2"))->failed);
        auto again = importCyclesCsv(m_fresh.db, header + good1, {});
        QVERIFY(!again);
        QVERIFY(again.error().message.contains("already"));
        const QString file = m_dir.filePath(QStringLiteral("c.csv"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(header + "csv-9,2026-11-05T10:00:00Z,0,1,1,1,1,1,1,1,1,1,1\n");
        out.close();
        auto run = cli({"risk", "import", file});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().object().value("imported").toInt(), 1);
    }

    // Last: it adds cycles without an outcome, which the history tests above do not expect.
    void cliBatchPredict()
    {
        TrainRequest request;
        request.activateAnyway = true;
        request.options.forest.trees = 20;
        QVERIFY(RiskService(m_fresh.db).train(request).ok());
        QCOMPARE(cli({"risk", "predict", "--all-pending"}).out, QByteArray());  // every demo cycle has an outcome
        auto add = [&](const QString &cycle, const QString &phase, const QString &decision, const QString &meta,
                       int minutesAgo) {
            return bool(execStatement(
                *m_fresh.db,
                QStringLiteral("INSERT INTO dora_metrics (cycle_id, feature_id, phase_name, decision,"
                               " duration_seconds, metadata, created_at) VALUES (?, 'FEAT-1', ?, ?, 3600, ?, ?)"),
                {cycle, phase, decision, meta, toDbDateTime(kNow.addSecs(-60 * minutesAgo))}, "insert"));
        };
        const QString risky =
            QStringLiteral(R"({"code_changes_size":3000,"code_review_score":0.3,"feature_complexity":"critical"})");
        const QString safe =
            QStringLiteral(R"({"code_changes_size":20,"code_review_score":0.98,"feature_complexity":"low"})");
        QVERIFY(add("pend-risky", "testing", "no-go", "{}", 50));
        QVERIFY(add("pend-risky", "testing", "no-go", "{}", 45));
        QVERIFY(add("pend-risky", "deployment", "go", risky, 40));
        QVERIFY(add("pend-safe", "testing", "go", "{}", 35));
        QVERIFY(add("pend-safe", "deployment", "go", safe, 30));
        QVERIFY(add("done-failed", "deployment", "go", R"({"deployment_failed":false})", 25));
        QVERIFY(add("done-blocked", "deployment", "blocked", "{}", 20));
        QVERIFY(add("done-maint", "deployment", "go", "{}", 15));
        QVERIFY(add("done-maint", "maintenance", "go", "{}", 10));

        auto all = cli({"risk", "predict", "--all-pending", "--lang", "en"});
        QCOMPARE(all.exitCode, 0);
        const QList<QByteArray> lines = all.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
        const QJsonObject second = QJsonDocument::fromJson(lines[1]).object();
        QCOMPARE(first.value("cycle_id").toString(), QStringLiteral("pend-risky"));
        QCOMPARE(second.value("cycle_id").toString(), QStringLiteral("pend-safe"));
        // Each line is what the single-cycle check says.
        for (const QJsonObject &line : {first, second}) {
            auto one = cli({"risk", "predict", "--cycle", line.value("cycle_id").toString(), "--lang", "en"});
            QCOMPARE(one.exitCode, 0);
            QCOMPARE(line.value("prediction"), one.json().object().value("prediction"));
        }
        const double hi = first.value("prediction").toObject().value("risk_score").toDouble();
        const double lo = second.value("prediction").toObject().value("risk_score").toDouble();
        QVERIFY2(hi > lo, qPrintable(QStringLiteral("%1 vs %2").arg(hi).arg(lo)));

        // The gate between the two: one cycle crosses it, the batch exits 6 and still prints both.
        const QString between = QString::number((hi + lo) / 2, 'f', 6);
        auto gated = cli({"risk", "predict", "--all-pending", "--fail-above", between});
        QCOMPARE(gated.exitCode, 6);
        QVERIFY2(gated.err.startsWith("error: ") && gated.err.contains("pend-risky")
                     && !gated.err.contains("pend-safe"),
                 gated.err.constData());
        const QList<QByteArray> gatedLines = gated.out.trimmed().split('\n');
        QCOMPARE(gatedLines.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(gatedLines[0]).object().value("gated").toBool(), true);
        QCOMPARE(QJsonDocument::fromJson(gatedLines[1]).object().value("gated").toBool(), false);
        QCOMPARE(cli({"risk", "predict", "--all-pending", "--fail-above", "1"}).exitCode, 0);

        // --cycles-from: ids one a line, any cycle with a deployment row, comments skipped.
        const QString list = m_dir.filePath(QStringLiteral("ids.txt"));
        QFile f(list);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# release 42\npend-safe\n\ndone-maint\n");
        f.close();
        auto recorded = [&] {
            auto q = execQuery(*m_fresh.db, QStringLiteral("SELECT COUNT(*) FROM ai_telemetry"), {}, "count");
            return q.ok() && q->next() ? q->value(0).toLongLong() : -1;
        };
        const qint64 before = recorded();
        auto listed = cli({"risk", "predict", "--cycles-from", list, "--record"});
        QCOMPARE(listed.exitCode, 0);
        const QList<QByteArray> listedLines = listed.out.trimmed().split('\n');
        QCOMPARE(listedLines.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(listedLines[1]).object().value("cycle_id").toString(),
                 QStringLiteral("done-maint"));
        QVERIFY(QJsonDocument::fromJson(listedLines[0]).object().value("telemetry_id").toInteger() > 0);
        QCOMPARE(recorded(), before + 2);

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("pend-safe\nno-such-cycle\n");
        f.close();
        auto unknown = cli({"risk", "predict", "--cycles-from", list});
        QCOMPARE(unknown.exitCode, 3);
        QCOMPARE(unknown.out, QByteArray());  // nothing half-answered
        QCOMPARE(cli({"risk", "predict", "--all-pending", "--cycle", "pend-safe"}).exitCode, 2);
        QCOMPARE(cli({"risk", "predict", "--cycles-from", m_dir.filePath("missing.txt")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestRisk)
#include "tst_risk.moc"
