#include "queue/FeedbackSender.h"
#include "storage/SchemaInstaller.h"
#include "storage/SqlUtil.h"
#include "telemetry/TelemetryRepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace atalaya;

// RELIABILITY.md "Nothing lost": a private MariaDB (so the shared fixture survives) is killed
// with SIGKILL in the middle of a review session; feedback recorded meanwhile goes to the
// outbox; the server restarts on the same datadir and port; every click arrives exactly once.
class TestOutboxFault : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QMap<QString, QString> m_info;

    QMap<QString, QString> readInfo()
    {
        QMap<QString, QString> info;
        QFile file(m_dir.filePath(QStringLiteral("server/info.env")));
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : file.readAll().split('\n')) {
                const qsizetype eq = line.indexOf('=');
                if (eq > 0)
                    info.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
            }
        }
        return info;
    }

    qint64 serverPid()
    {
        QFile pid(m_info.value(QStringLiteral("PID_FILE")));
        return pid.open(QIODevice::ReadOnly) ? pid.readAll().trimmed().toLongLong() : 0;
    }

    bool ping()
    {
        return QProcess::execute(QStringLiteral("mariadb-admin"),
                                 {QStringLiteral("--no-defaults"), QStringLiteral("--socket=") + m_info.value(QStringLiteral("SOCKET")),
                                  QStringLiteral("-uroot"), QStringLiteral("ping")}) == 0;
    }

    void restartServer()
    {
        const QString dir = m_dir.filePath(QStringLiteral("server"));
        QProcess::startDetached(QStringLiteral("mariadbd"),
                                {QStringLiteral("--no-defaults"), QStringLiteral("--user=root"),
                                 QStringLiteral("--datadir=") + m_info.value(QStringLiteral("DATADIR")),
                                 QStringLiteral("--socket=") + m_info.value(QStringLiteral("SOCKET")),
                                 QStringLiteral("--port=") + m_info.value(QStringLiteral("PORT")),
                                 QStringLiteral("--bind-address=127.0.0.1"),
                                 QStringLiteral("--pid-file=") + m_info.value(QStringLiteral("PID_FILE")),
                                 QStringLiteral("--log-error=") + dir + QStringLiteral("/error.log"),
                                 QStringLiteral("--innodb-buffer-pool-size=64M"), QStringLiteral("--skip-name-resolve")});
    }

    static qint64 scalar(const Database &db, const QString &sql)
    {
        auto q = execQuery(db, sql, {}, QStringLiteral("test read"));
        return q && q->next() ? q->value(0).toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const int rc = QProcess::execute(QStringLiteral(ATALAYA_FIXTURE_SCRIPT),
                                         {QStringLiteral("start"), m_dir.filePath(QStringLiteral("server"))});
        QCOMPARE(rc, 0);
        m_info = readInfo();
        QVERIFY(!m_info.value(QStringLiteral("PORT")).isEmpty());
        QVERIFY(serverPid() > 0);
    }

    void cleanupTestCase()
    {
        QProcess::execute(QStringLiteral(ATALAYA_FIXTURE_SCRIPT), {QStringLiteral("stop"), m_dir.filePath(QStringLiteral("server"))});
    }

    void killedServerLosesNothing()
    {
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), QStringLiteral("fault-admin"));
            admin.setConnectOptions(QStringLiteral("UNIX_SOCKET=") + m_info.value(QStringLiteral("SOCKET")));
            admin.setUserName(m_info.value(QStringLiteral("USER")));
            admin.setPassword(m_info.value(QStringLiteral("PASSWORD")));
            QVERIFY(admin.open());
            QSqlQuery(admin).exec(QStringLiteral("CREATE DATABASE fault CHARACTER SET utf8mb4"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("fault-admin"));
        auto url = DbUrl::parse(QStringLiteral("mysql://%1@127.0.0.1:%2/fault")
                                    .arg(m_info.value(QStringLiteral("USER")), m_info.value(QStringLiteral("PORT"))));
        QVERIFY(url.ok());
        DatabaseOptions options;
        options.connectTimeoutSeconds = 2;
        options.readTimeoutSeconds = 5;
        auto opened = Database::open(*url, m_info.value(QStringLiteral("PASSWORD")), options);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        std::shared_ptr<Database> db = *opened;
        QVERIFY(initialize(*db).ok());

        std::vector<DecisionInput> rows;
        for (int i = 0; i < 30; ++i) {
            DecisionInput d;
            d.agentId = QStringLiteral("fault");
            d.taskType = QStringLiteral("deployment_risk");
            d.confidence = 0.6;
            d.decision = {{QStringLiteral("action"), QStringLiteral("approve")}};
            d.executionTimeMs = 10;
            rows.push_back(d);
        }
        auto batch = TelemetryRepository(db).recordBatch(rows);
        QVERIFY(batch.ok());

        auto outbox = FeedbackOutbox::open(m_dir.filePath(QStringLiteral("outbox.db")));
        QVERIFY(outbox.ok());
        FeedbackSender sender(db, std::shared_ptr<FeedbackOutbox>(std::move(*outbox)));
        const Feedback values[] = {Feedback::Correct, Feedback::Incorrect, Feedback::PartiallyCorrect};
        auto click = [&](qint64 id) {
            OutboxEntry e;
            e.telemetryId = id;
            e.value = values[id % 3];
            e.expectedPrevious = QString();
            e.reviewer = QStringLiteral("reviewer-%1").arg(id % 2);
            return sender.send(e);
        };

        qint64 id = batch->firstId;
        for (int i = 0; i < 10; ++i, ++id)
            QCOMPARE(click(id).kind, SendOutcome::Kind::Written);

        const qint64 pid = serverPid();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(static_cast<pid_t>(pid), SIGKILL), 0);
        QElapsedTimer gone;
        gone.start();
        while (::kill(static_cast<pid_t>(pid), 0) == 0 && gone.elapsed() < 10000)
            QTest::qWait(20);

        int queued = 0;
        for (int i = 0; i < 10; ++i, ++id) {
            const SendOutcome out = click(id);
            QVERIFY2(out.kind == SendOutcome::Kind::Queued, qPrintable(out.message));
            ++queued;
            QCOMPARE(out.outboxSize, queued);
        }
        QCOMPARE(sender.retry(true).remaining, 10);

        restartServer();
        QElapsedTimer up;
        up.start();
        while (!ping() && up.elapsed() < 30000)
            QTest::qWait(100);
        QVERIFY(ping());

        QElapsedTimer drain;
        drain.start();
        int remaining = sender.outboxSize();
        while (remaining > 0 && drain.elapsed() < 30000) {
            remaining = sender.retry(true).remaining;
            if (remaining > 0)
                QTest::qWait(200);
        }
        QCOMPARE(remaining, 0);
        for (int i = 0; i < 10; ++i, ++id)
            QCOMPARE(click(id).kind, SendOutcome::Kind::Written);

        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM ai_telemetry WHERE human_feedback IS NOT NULL")), qint64(30));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_audit")), qint64(30));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(DISTINCT telemetry_id) FROM atalaya_feedback_audit")), qint64(30));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_keys")), qint64(30));
        for (qint64 check = batch->firstId; check <= batch->lastId; ++check) {
            auto q = execQuery(*db, QStringLiteral("SELECT human_feedback FROM ai_telemetry WHERE id = ?"), {check},
                               QStringLiteral("test read"));
            QVERIFY(q && q->next());
            QCOMPARE(q->value(0).toString(), feedbackToString(values[check % 3]));
        }
    }
};

QTEST_GUILESS_MAIN(TestOutboxFault)
#include "tst_outbox_fault.moc"
