#include "tests/support/CliRunner.h"
#include "tests/support/OutboxTestKit.h"
#include "tests/support/ReviewWindow.h"
#include "tests/support/TestDatabases.h"

#include "bench/reviewers_check.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/setup/SchemaInstaller.h"
#include "core/storage/SqlUtil.h"
#include "ui/common/StatusPanel.h"
#include "ui/review/ReviewQueueModel.h"
#include "ui/review/ReviewQueuePage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <set>

using namespace atalaya;
using test::auditRowsOf;
using test::feedbackOf;
using test::scalar;

// docs/DEPLOYMENTS.md §Galera cluster: the `galera` CTest fixture's 3 nodes on loopback
// (tests/support/galera-fixture.sh). The window is connected with a node list; the node its
// reviewer writes to is killed with SIGKILL in the middle of a run of verdicts. Every verdict
// lands exactly once, the rest go to a surviving node, reads resume, the status bar names the
// new node, and on each surviving node the rollups and queue counts equal a naive recount.
class TestGaleraFailover : public QObject {
    Q_OBJECT
private:
    QMap<QString, QString> m_info;
    QTemporaryDir m_dir;

    std::shared_ptr<Database> openAt(const DbUrl &url)
    {
        DatabaseOptions options;
        options.connectTimeoutSeconds = 2;
        options.readTimeoutSeconds = 5;
        auto opened = Database::open(url, m_info.value(QStringLiteral("PASSWORD")), options);
        if (!opened)
            qWarning("cannot open %s: %s", qPrintable(url.describe()), qPrintable(opened.error().message));
        return opened ? *opened : nullptr;
    }

    // A new database on the cluster, initialised, opened with the node list.
    std::shared_ptr<Database> createDatabase(const QString &name)
    {
        auto url = DbUrl::parse(QStringLiteral("mysql://%1@%2/information_schema")
                                    .arg(m_info.value(QStringLiteral("USER")), m_info.value(QStringLiteral("NODES"))));
        if (!url)
            return nullptr;
        {
            auto admin = openAt(*url);
            if (!admin || !QSqlQuery(admin->connection()).exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
                return nullptr;
        }
        url->database = name;
        auto db = openAt(*url);
        if (db) {
            if (auto report = initialize(*db); !report) {
                qWarning("cannot initialise %s: %s", qPrintable(name), qPrintable(report.error().message));
                return nullptr;
            }
        }
        return db;
    }

    qint64 nodePid(int node) const
    {
        QFile file(m_info.value(QStringLiteral("PID_FILE%1").arg(node)));
        return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString env = qEnvironmentVariable("ATALAYA_TEST_GALERA");
        m_info = test::readFixtureInfo(env);
        QVERIFY2(!m_info.isEmpty(), qPrintable(QStringLiteral("no Galera fixture info at ") + env));
        if (m_info.contains(QStringLiteral("MISSING")))
            QSKIP(qPrintable(QStringLiteral("the Galera test cluster needs the Debian package(s) %1 "
                                            "(scripts/bootstrap.sh installs them)")
                                 .arg(m_info.value(QStringLiteral("MISSING")))));
        QVERIFY2(m_info.contains(QStringLiteral("NODES")), qPrintable(env));
    }

    // The first node that answers is used; a node list with a dead first node starts on the next.
    void connectsToTheFirstNodeThatAnswers()
    {
        auto url = DbUrl::parse(QStringLiteral("mysql://%1@127.0.0.1:1,%2/information_schema")
                                    .arg(m_info.value(QStringLiteral("USER")), m_info.value(QStringLiteral("NODES"))));
        QVERIFY(url.ok());
        auto db = openAt(*url);
        QVERIFY(db);
        QCOMPARE(db->activeNode(), qsizetype(1));
        QVERIFY2(db->describeActive().contains(
                     QStringLiteral(":%1/information_schema — node 2 of 4").arg(m_info.value(QStringLiteral("PORT1")))),
                 qPrintable(db->describeActive()));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT @@port")), m_info.value(QStringLiteral("PORT1")).toLongLong());
    }

    void verdictsSurviveTheDeathOfTheirNode()
    {
        std::shared_ptr<Database> db = createDatabase(QStringLiteral("failover"));
        QVERIFY(db);
        QCOMPARE(db->activeNode(), qsizetype(0));
        constexpr int kVerdicts = 24, kKillAfter = 8;
        const std::vector<qint64> ids =
            test::seedPending(db, kVerdicts + 4, QStringLiteral("galera"), QStringLiteral("chat_response"), 0.5);
        QCOMPARE(ids.size(), size_t(kVerdicts + 4));

        test::ReviewWindow window(db, m_dir.filePath(QStringLiteral("settings.ini")));
        QVERIFY(window.open());
        ReviewQueuePage *page = window.page();
        QTableView *table = window.table();
        StatusPanel *status = window.status();
        const QString port1 = m_info.value(QStringLiteral("PORT1"));
        QVERIFY2(status->connectionText().contains(QStringLiteral(":%1/failover — node 1 of 3").arg(port1)),
                 qPrintable(status->connectionText()));

        const int keys[] = {Qt::Key_1, Qt::Key_2, Qt::Key_3};
        const QString values[] = {QStringLiteral("correct"), QStringLiteral("incorrect"),
                                  QStringLiteral("partially_correct")};
        QSignalSpy settled(page, &ReviewQueuePage::feedbackSettled);
        QElapsedTimer outage;
        std::vector<qint64> reviewed;  // the selected item of each key press
        for (int i = 0; i < kVerdicts; ++i) {
            QVERIFY(table->currentIndex().isValid());
            reviewed.push_back(table->currentIndex().data(ReviewQueueModel::IdRole).toLongLong());
            QTest::keyClick(table, Qt::Key(keys[i % 3]));
            if (i == kKillAfter) {
                // The verdict just given is on its way to node 1 when it dies.
                const qint64 pid = nodePid(1);
                QVERIFY(pid > 0);
                QCOMPARE(::kill(static_cast<pid_t>(pid), SIGKILL), 0);
                outage.start();
            }
            QTest::qWait(40);
        }
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), kVerdicts, 30000);
        QCOMPARE(std::set<qint64>(reviewed.begin(), reviewed.end()).size(), size_t(kVerdicts));

        // Service is back when the window has moved to another node, a page load works and the
        // outbox is empty.
        QTRY_VERIFY_WITH_TIMEOUT(status->isConnected() && !status->connectionText().contains(QLatin1String("node 1 of"))
                                     && page->outboxSize() == 0,
                                 30000);
        const auto reloaded = window.reload();
        QVERIFY(reloaded);
        QVERIFY2(reloaded->first, qPrintable(reloaded->second));
        qInfo("failover: service back %lld ms after SIGKILL of node 1 (%s)", outage.elapsed(),
              qPrintable(status->connectionText()));
        QVERIFY(db->activeNode() != 0);
        QCOMPARE(table->model()->rowCount(), 4);

        // More decisions through the new node: its triggers keep the rollups and counts.
        std::vector<DecisionInput> more(5);
        for (DecisionInput &d : more) {
            d.agentId = QStringLiteral("galera");
            d.taskType = QStringLiteral("chat_response");
            d.confidence = 0.9;
            d.decision = {{QStringLiteral("action"), QStringLiteral("approve")}};
        }
        QVERIFY(DecisionRecorder(db).recordBatch(more).ok());

        // Each surviving node on its own: every verdict once, rollups and counts exact.
        for (int node : {2, 3}) {
            auto at = openAt(db->url().atNode(node - 1));
            QVERIFY(at);
            const QString where = QStringLiteral("node %1").arg(node);
            for (int i = 0; i < kVerdicts; ++i) {
                const qint64 id = reviewed[size_t(i)];
                QCOMPARE(auditRowsOf(*at, id), qint64(1));
                QCOMPARE(feedbackOf(*at, id), values[i % 3]);
            }
            QCOMPARE(scalar(*at, QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_audit")), qint64(kVerdicts));
            QCOMPARE(scalar(*at, QStringLiteral("SELECT COUNT(*) FROM ai_telemetry")), qint64(kVerdicts + 4 + 5));
            const QStringList wrong = bench::exactness(at);
            QVERIFY2(wrong.isEmpty(), qPrintable(where + QStringLiteral(": ") + wrong.join(QLatin1String("; "))));
        }
    }

    // Runs after the failover above (node 1 dead): node 2 killed too, node 3 alone loses quorum
    // and refuses statements (1047). The window and the CLI say so in one line, a verdict waits
    // in the outbox, and once node 3 is bootstrapped as a new primary component the verdict is
    // delivered by itself, exactly once.
    void quorumLostKeepsVerdictsAndSaysSo()
    {
        std::shared_ptr<Database> db = createDatabase(QStringLiteral("quorum"));
        QVERIFY(db);
        QVERIFY(db->activeNode() != 0);
        const std::vector<qint64> ids =
            test::seedPending(db, 4, QStringLiteral("quorum"), QStringLiteral("chat_response"), 0.5);
        QCOMPARE(ids.size(), size_t(4));
        test::ReviewWindow window(db, m_dir.filePath(QStringLiteral("quorum.ini")));
        QVERIFY(window.open());
        ReviewQueuePage *page = window.page();
        QTableView *table = window.table();

        const qint64 pid = nodePid(2);
        QVERIFY(pid > 0);
        QCOMPARE(::kill(static_cast<pid_t>(pid), SIGKILL), 0);
        auto node3 = openAt(db->url().atNode(2));
        QVERIFY(node3);
        const auto ready = [&] {
            auto q = execQuery(*node3, QStringLiteral("SHOW STATUS LIKE 'wsrep_ready'"), {}, QStringLiteral("test"));
            return q && q->next() ? q->value(1).toString() : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(ready(), QStringLiteral("OFF"), 30000);

        StatusPanel *status = window.status();
        QTRY_VERIFY_WITH_TIMEOUT(!status->isConnected(), 15000);
        QVERIFY2(status->connectionText().contains(QLatin1String("primary component")),
                 qPrintable(status->connectionText()));
        const qint64 id = table->currentIndex().data(ReviewQueueModel::IdRole).toLongLong();
        QSignalSpy settled(page, &ReviewQueuePage::feedbackSettled);
        QTest::keyClick(table, Qt::Key_1);
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 1, 30000);
        QCOMPARE(page->outboxSize(), 1);

        QProcessEnvironment env;
        env.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), m_info.value(QStringLiteral("PASSWORD")));
        const auto cli = test::runCli({QStringLiteral("queue"), QStringLiteral("--db"), db->url().toString()}, {}, env);
        QCOMPARE(cli.exitCode, 4);
        QVERIFY2(cli.err.startsWith("error: ") && cli.err.trimmed().count('\n') == 0, cli.err.constData());
        QVERIFY2(cli.err.contains("primary component") && cli.err.contains("pc.bootstrap"), cli.err.constData());

        // Quorum back: node 3 becomes a primary component of its own.
        QVERIFY(execStatement(*node3, QStringLiteral("SET GLOBAL wsrep_provider_options = 'pc.bootstrap=YES'"), {},
                              QStringLiteral("bootstrapping node 3"))
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(status->isConnected() && page->outboxSize() == 0, 30000);
        QCOMPARE(auditRowsOf(*node3, id), qint64(1));
        QCOMPARE(feedbackOf(*node3, id), QStringLiteral("correct"));
    }
};

int main(int argc, char **argv)
{
    // The page's outbox lives in the (test-mode) configuration folder, not the user's.
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tst_galera_failover"));
    TestGaleraFailover test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_galera_failover.moc"
