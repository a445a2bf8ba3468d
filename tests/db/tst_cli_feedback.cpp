#include "tests/support/CliRunner.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/FeedbackRepository.h"
#include "core/telemetry/TelemetryRepository.h"

#include <QHostInfo>
#include <QJsonObject>
#include <QSysInfo>
#include <QtTest>

#include <pwd.h>
#include <unistd.h>

using namespace atalaya;
using namespace atalaya::test;

class TestCliFeedback : public QObject {
    Q_OBJECT
private:
    FreshDatabase m_fresh;
    qint64 m_id = 0;

    qint64 auditRows() const { return scalar(*m_fresh.db, "SELECT COUNT(*) FROM atalaya_feedback_audit"); }

private slots:
    void initTestCase()
    {
        m_fresh = freshDatabase();
        QVERIFY(m_fresh.db);
        auto r = DecisionRecorder(m_fresh.db)
                     .record(makeDecision(QStringLiteral("reviewed-agent"), QStringLiteral("triage"), 0.81, 90,
                                          std::nullopt, {}));
        QVERIFY(r.ok());
        m_id = r->id;
    }

    void setsValueAndAccuracyTogether_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<double>("accuracy");
        QTest::newRow("correct") << "correct" << 1.0;
        QTest::newRow("incorrect") << "incorrect" << 0.0;
        QTest::newRow("partially_correct") << "partially_correct" << 0.5;
    }
    void setsValueAndAccuracyTogether()
    {
        QFETCH(QString, value);
        QFETCH(double, accuracy);
        const CliRun run = runCliOn(m_fresh, {"feedback", QString::number(m_id), value});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = run.json().object();
        QCOMPARE(out.value("id").toInteger(), m_id);
        QCOMPARE(out.value("human_feedback").toString(), value);
        QCOMPARE(out.value("accuracy").toDouble(), accuracy);
        auto row = TelemetryRepository(m_fresh.db).find(m_id);
        QVERIFY(row.ok());
        QCOMPARE(row->humanFeedback, value);
        QCOMPARE(*row->accuracy, accuracy);
    }

    void reReviewIsAudited()
    {
        const qint64 before = auditRows();
        const CliRun first = runCliOn(
            m_fresh, {"feedback", QString::number(m_id), "incorrect", "--reviewer", "ana", "--note", "wrong label"});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-60);
        const CliRun second = runCliOn(m_fresh, {"feedback", QString::number(m_id), "correct", "--reviewer", "luis"});
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QCOMPARE(auditRows(), before + 2);
        auto history = FeedbackRepository(m_fresh.db).history(m_id);
        QVERIFY(history.ok());
        QVERIFY(history->size() >= 2);
        const AuditEntry &a = history->at(history->size() - 2);
        const AuditEntry &b = history->back();
        QCOMPARE(a.newValue, QStringLiteral("incorrect"));
        QCOMPARE(a.reviewer, QStringLiteral("ana"));
        QCOMPARE(a.note, QStringLiteral("wrong label"));
        QCOMPARE(b.previousValue, QStringLiteral("incorrect"));
        QCOMPARE(b.newValue, QStringLiteral("correct"));
        QCOMPARE(b.reviewer, QStringLiteral("luis"));
        QVERIFY(b.note.isEmpty());
        QCOMPARE(b.clientHost, QSysInfo::machineHostName());
        QVERIFY(b.createdAt >= start && b.createdAt <= QDateTime::currentDateTimeUtc().addSecs(60));
        QVERIFY(b.id > a.id);
        // The first review of a pending decision has no previous value.
        QVERIFY(history->front().previousValue.isEmpty());
        QCOMPARE(scalar(*m_fresh.db,
                        "SELECT COUNT(*) FROM atalaya_feedback_audit WHERE telemetry_id = ?"
                        " AND previous_value IS NULL",
                        {m_id}),
                 qint64(1));
    }

    void reviewerDefaultsToTheOsUser()
    {
        QProcessEnvironment env;
        env.insert("USER", "os-user-x");
        const CliRun run = runCliOn(m_fresh, {"feedback", QString::number(m_id), "correct"}, {}, env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        auto history = FeedbackRepository(m_fresh.db).history(m_id);
        QVERIFY(history.ok());
        QCOMPARE(history->back().reviewer, QStringLiteral("os-user-x"));
    }

    // Services, cron and `env -i` runs have no $USER: the account's name, never "unknown".
    void reviewerWithoutUserIsTheLoginName()
    {
        QProcessEnvironment env;
        for (const char *variable : {"USER", "LOGNAME", "USERNAME"})
            env.insert(QLatin1String(variable), QString());
        const CliRun run = runCliOn(m_fresh, {"feedback", QString::number(m_id), "partially_correct"}, {}, env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        auto history = FeedbackRepository(m_fresh.db).history(m_id);
        QVERIFY(history.ok());
        const passwd *account = getpwuid(geteuid());
        QVERIFY(account);
        QCOMPARE(history->back().reviewer, QString::fromLocal8Bit(account->pw_name));
        QVERIFY(history->back().reviewer != QLatin1String("unknown"));
    }

    void badRequestsWriteNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown id") << QStringList{"feedback", "987654321", "correct"} << 3 << "987654321";
        QTest::newRow("bad value") << QStringList{"feedback", "ID", "maybe"} << 2 << "maybe";
        QTest::newRow("upper case value") << QStringList{"feedback", "ID", "CORRECT"} << 2 << "CORRECT";
        QTest::newRow("id not a number") << QStringList{"feedback", "abc", "correct"} << 2 << "abc";
        QTest::newRow("negative id") << QStringList{"feedback", "-4", "correct"} << 2 << "4";
        QTest::newRow("missing value") << QStringList{"feedback", "ID"} << 2 << "expected";
    }
    void badRequestsWriteNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        args.replaceInStrings(QStringLiteral("ID"), QString::number(m_id));
        const qint64 audits = auditRows();
        auto before = TelemetryRepository(m_fresh.db).find(m_id);
        QVERIFY(before.ok());
        const CliRun run = runCliOn(m_fresh, args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.startsWith("error: ") && run.err.count('\n') == 1, run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
        QVERIFY(run.out.isEmpty());
        QCOMPARE(auditRows(), audits);
        auto after = TelemetryRepository(m_fresh.db).find(m_id);
        QCOMPARE(after->humanFeedback, before->humanFeedback);
    }
};

QTEST_GUILESS_MAIN(TestCliFeedback)
#include "tst_cli_feedback.moc"
