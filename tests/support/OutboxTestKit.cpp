#include "tests/support/OutboxTestKit.h"
#include "tests/support/TestDatabases.h"

#include "core/ingest/DecisionRecorder.h"
#include "core/setup/SchemaInstaller.h"
#include "core/storage/SqlUtil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>

#include <csignal>

namespace atalaya::test {

std::vector<qint64> seedPending(const std::shared_ptr<Database> &db, int count, const QString &agent,
                                const QString &taskType, double confidence)
{
    std::vector<DecisionInput> rows;
    for (int i = 0; i < count; ++i) {
        DecisionInput d;
        d.agentId = agent;
        d.taskType = taskType;
        d.confidence = confidence;
        d.decision = {{QStringLiteral("action"), QStringLiteral("approve")}};
        d.executionTimeMs = 10;
        rows.push_back(d);
    }
    auto batch = DecisionRecorder(db).recordBatch(rows);
    std::vector<qint64> ids;
    if (!batch) {
        qWarning("seeding decisions failed: %s", qPrintable(batch.error().message));
        return ids;
    }
    for (qint64 id = batch->firstId; id <= batch->lastId; id += batch->idStep)
        ids.push_back(id);
    return ids;
}

OutboxEntry verdict(qint64 id, Feedback value, const QString &reviewer, std::optional<QString> expected)
{
    OutboxEntry e;
    e.telemetryId = id;
    e.value = value;
    e.expectedPrevious = std::move(expected);
    e.reviewer = reviewer;
    return e;
}

std::shared_ptr<FeedbackOutbox> openOutbox(const QString &path)
{
    auto outbox = FeedbackOutbox::open(path);
    if (!outbox) {
        qWarning("cannot open the outbox %s: %s", qPrintable(path), qPrintable(outbox.error().message));
        return nullptr;
    }
    return std::shared_ptr<FeedbackOutbox>(std::move(*outbox));
}

QString feedbackOf(const Database &db, qint64 id)
{
    auto q = execQuery(db, QStringLiteral("SELECT human_feedback FROM ai_telemetry WHERE id = ?"), {id},
                       QStringLiteral("test read"));
    return q && q->next() ? (q->value(0).isNull() ? QStringLiteral("<pending>") : q->value(0).toString())
                          : QStringLiteral("<missing>");
}

qint64 auditRowsOf(const Database &db, qint64 id)
{
    return scalar(db, QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_audit WHERE telemetry_id = ?"), {id});
}

PrivateMariaDb::PrivateMariaDb(QString fixtureScript, QString dir)
    : m_script(std::move(fixtureScript)), m_dir(std::move(dir))
{
}

PrivateMariaDb::~PrivateMariaDb()
{
    stop();
}

bool PrivateMariaDb::start()
{
    if (QProcess::execute(m_script, {QStringLiteral("start"), m_dir}) != 0)
        return false;
    m_started = true;
    m_info = readFixtureInfo(m_dir + QStringLiteral("/info.env"));
    return !m_info.value(QStringLiteral("PORT")).isEmpty() && pid() > 0;
}

void PrivateMariaDb::stop()
{
    if (m_started)
        QProcess::execute(m_script, {QStringLiteral("stop"), m_dir});
    m_started = false;
}

qint64 PrivateMariaDb::pid() const
{
    QFile file(m_info.value(QStringLiteral("PID_FILE")));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
}

bool PrivateMariaDb::ping() const
{
    return QProcess::execute(QStringLiteral("mariadb-admin"),
                             {QStringLiteral("--no-defaults"),
                              QStringLiteral("--socket=") + m_info.value(QStringLiteral("SOCKET")),
                              QStringLiteral("-uroot"), QStringLiteral("ping")})
        == 0;
}

bool PrivateMariaDb::kill()
{
    const qint64 server = pid();
    if (server <= 0 || ::kill(static_cast<pid_t>(server), SIGKILL) != 0)
        return false;
    QElapsedTimer gone;
    gone.start();
    while (::kill(static_cast<pid_t>(server), 0) == 0 && gone.elapsed() < 10000)
        QThread::msleep(20);
    return ::kill(static_cast<pid_t>(server), 0) != 0;
}

bool PrivateMariaDb::restart(int timeoutMs)
{
    QProcess::startDetached(QStringLiteral("mariadbd"),
                            {QStringLiteral("--no-defaults"), QStringLiteral("--user=root"),
                             QStringLiteral("--datadir=") + m_info.value(QStringLiteral("DATADIR")),
                             QStringLiteral("--socket=") + m_info.value(QStringLiteral("SOCKET")),
                             QStringLiteral("--port=") + m_info.value(QStringLiteral("PORT")),
                             QStringLiteral("--bind-address=127.0.0.1"),
                             QStringLiteral("--pid-file=") + m_info.value(QStringLiteral("PID_FILE")),
                             QStringLiteral("--log-error=") + m_dir + QStringLiteral("/error.log"),
                             QStringLiteral("--innodb-buffer-pool-size=64M"), QStringLiteral("--skip-name-resolve")});
    QElapsedTimer up;
    up.start();
    while (!ping() && up.elapsed() < timeoutMs)
        QThread::msleep(100);
    return ping();
}

std::shared_ptr<Database> PrivateMariaDb::createDatabase(const QString &name)
{
    const QString admin = QStringLiteral("private-admin-") + name;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), admin);
        db.setConnectOptions(QStringLiteral("UNIX_SOCKET=") + m_info.value(QStringLiteral("SOCKET")));
        db.setUserName(m_info.value(QStringLiteral("USER")));
        db.setPassword(m_info.value(QStringLiteral("PASSWORD")));
        if (!db.open())
            return nullptr;
        QSqlQuery(db).exec(QStringLiteral("CREATE DATABASE %1 CHARACTER SET utf8mb4").arg(name));
    }
    QSqlDatabase::removeDatabase(admin);
    auto url = DbUrl::parse(QStringLiteral("mysql://%1@127.0.0.1:%2/%3")
                                .arg(m_info.value(QStringLiteral("USER")), m_info.value(QStringLiteral("PORT")), name));
    if (!url)
        return nullptr;
    DatabaseOptions options;
    options.connectTimeoutSeconds = 2;
    options.readTimeoutSeconds = 5;
    auto opened = Database::open(*url, m_info.value(QStringLiteral("PASSWORD")), options);
    if (!opened) {
        qWarning("cannot open %s: %s", qPrintable(name), qPrintable(opened.error().message));
        return nullptr;
    }
    if (auto report = initialize(**opened); !report) {
        qWarning("cannot initialise %s: %s", qPrintable(name), qPrintable(report.error().message));
        return nullptr;
    }
    return *opened;
}

}  // namespace atalaya::test
