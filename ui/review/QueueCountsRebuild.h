#pragma once

#include "core/queue/ReviewRules.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>

#include <memory>
#include <optional>

namespace atalaya {

class Database;

// Rebuilds the trigger-kept queue counts (QueueCountsStore) for new rules on a worker thread.
// Until it commits, counts are read from the decisions themselves (exact, slower); requests
// made while one runs are coalesced into one more run with the latest rules.
class QueueCountsRebuild : public QObject {
    Q_OBJECT
public:
    explicit QueueCountsRebuild(QObject *parent = nullptr);
    ~QueueCountsRebuild() override;

    void request(std::shared_ptr<const Database> db, const ReviewRules &rules);
    bool isRunning() const { return m_running; }
    qint64 elapsedMs() const { return m_running ? m_clock.elapsed() : 0; }
    // Waits for the worker (tests, quitting).
    void waitForDone();

signals:
    void started();
    // kept: the counts table now follows these rules; else why not (counts stay exact, from
    // the rows), e.g. an account that may not create triggers.
    void finished(bool kept, const QString &message);

private:
    struct Request {
        std::shared_ptr<const Database> db;
        ReviewRules rules;
    };
    void start(Request request);

    std::optional<Request> m_next;
    bool m_running = false;
    QElapsedTimer m_clock;
    QThreadPool m_pool;
};

}  // namespace atalaya
