#pragma once

#include "core/queue/FeedbackOutbox.h"
#include "core/storage/Database.h"
#include "core/telemetry/FeedbackRepository.h"

#include <QMap>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace atalaya::test {

// What the feedback/outbox tests share: pending decisions to review, a reviewer's verdict as
// the page sends it, an outbox file, and a private MariaDB server that may be killed.

// `count` pending decisions of one agent, task type and confidence; their ids in order.
std::vector<qint64> seedPending(const std::shared_ptr<Database> &db, int count, const QString &agent,
                                const QString &taskType, double confidence);

// A verdict on `id` by `reviewer`, made while the reviewer saw `expected` ("" = pending).
OutboxEntry verdict(qint64 id, Feedback value, const QString &reviewer, std::optional<QString> expected = QString());

// An outbox at `path`; null (with the reason printed) when it cannot be opened.
std::shared_ptr<FeedbackOutbox> openOutbox(const QString &path);

// The verdict on decision `id` as ai_telemetry holds it: "<pending>" while there is none,
// "<missing>" when the row cannot be read.
QString feedbackOf(const Database &db, qint64 id);
// The audit rows of decision `id` (one per verdict written: a verdict delivered twice shows as
// two); -1 when they cannot be counted.
qint64 auditRowsOf(const Database &db, qint64 id);

// A MariaDB server of the test's own (mariadb-fixture.sh in `dir`), so killing it leaves the
// shared fixture alone. Waits are blocking and run no event loop, so nothing queued in the
// test's event loop (outbox retries) runs while the test sets a scene up.
class PrivateMariaDb {
public:
    PrivateMariaDb(QString fixtureScript, QString dir);
    ~PrivateMariaDb();

    bool start();
    void stop();
    // SIGKILL, then waits until the process is gone.
    bool kill();
    // Starts mariadbd again on the same datadir, socket and port; true once it answers.
    bool restart(int timeoutMs = 30000);
    bool ping() const;
    // A new database `name` (as the app user), initialised like `atalaya-cli init`.
    std::shared_ptr<Database> createDatabase(const QString &name);
    QString info(const QString &key) const { return m_info.value(key); }

private:
    qint64 pid() const;

    QString m_script;
    QString m_dir;
    QMap<QString, QString> m_info;
    bool m_started = false;
};

}  // namespace atalaya::test
