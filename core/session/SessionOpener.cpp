#include "core/session/SessionOpener.h"

#include "core/logging/Logging.h"
#include "core/setup/SchemaInstaller.h"
#include "core/storage/ReplicaLag.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent>

#include <atomic>

namespace atalaya {

struct SessionOpener::Attempt {
    std::atomic<int> phase{int(SessionProgress::Phase::Connecting)};
    std::atomic<int> percent{-1};
    std::atomic<bool> cancelled{false};
    std::shared_ptr<Database> db;  // written by the worker, read after it finished
    QString error;
    QString limitedBy;  // the refused step of a read-only (or rows-only) account
};

namespace {

// One thread: attempts queue behind each other, so a cancelled `init` never runs at the same
// time as the next one on the same tables.
QThreadPool *sessionPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool(QCoreApplication::instance());
        p->setMaxThreadCount(1);
        return p;
    }();
    return pool;
}

}  // namespace

SessionOpener::SessionOpener(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<SessionProgress>();
    qRegisterMetaType<std::shared_ptr<Database>>();
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, &SessionOpener::poll);
}

SessionOpener::~SessionOpener()
{
    cancel();
}

void SessionOpener::start(const DbUrl &url, const QString &password, const Options &options)
{
    cancel();
    auto attempt = std::make_shared<Attempt>();
    m_attempt = attempt;
    m_progress = {SessionProgress::Phase::Connecting, -1};
    emit progressChanged(m_progress);
    m_poll.start();
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, attempt] {
        watcher->deleteLater();
        finish(attempt);
    });
    watcher->setFuture(QtConcurrent::run(sessionPool(), [attempt, url, password, options] {
        if (attempt->cancelled)
            return;
        auto db = Database::open(url, password, options.database);
        if (!db) {
            attempt->error = db.error().message;
            return;
        }
        if (options.replicaUrl && !attempt->cancelled) {
            if (Status replica = (*db)->attachReplica(*options.replicaUrl, options.replicaPassword); !replica) {
                attempt->error = replica.error().message;
                return;
            }
            if (auto problems = replicationProblems(**db)) {
                for (const QString &problem : std::as_const(*problems))
                    qCWarning(lcStorage).noquote() << problem;
            }
        }
        if (options.initialize && !attempt->cancelled) {
            attempt->phase = int(SessionProgress::Phase::Preparing);
            InitOptions init;
            init.maxRowsToBuildRollups = options.maxRowsToBuildRollups;
            init.progress = [attempt](const QString &, int percent) {
                if (percent >= 0)
                    attempt->percent = percent;
            };
            // An account that may only read (or write rows) still gets its figures: prepareForApp
            // says which step was refused, and the review page says why feedback is off.
            auto report = prepareForApp(**db, init);
            if (!report) {
                attempt->error = report.error().message;
                return;
            }
            attempt->limitedBy = report->limitedBy;
        }
        // This thread only opens sessions; the pages' threads open their own connections.
        (*db)->connection().close();
        if (const Database *replica = (*db)->replica())
            replica->connection().close();
        attempt->db = *db;
    }));
}

void SessionOpener::cancel()
{
    if (!m_attempt)
        return;
    m_attempt->cancelled = true;
    m_attempt.reset();
    m_poll.stop();
    m_progress = {};
}

void SessionOpener::poll()
{
    if (!m_attempt)
        return;
    const SessionProgress now{SessionProgress::Phase(m_attempt->phase.load()), m_attempt->percent.load()};
    if (now == m_progress)
        return;
    m_progress = now;
    emit progressChanged(m_progress);
}

void SessionOpener::finish(const std::shared_ptr<Attempt> &attempt)
{
    if (attempt != m_attempt)
        return;
    poll();
    m_attempt.reset();
    m_poll.stop();
    m_progress = {};
    if (attempt->db) {
        if (!attempt->limitedBy.isEmpty())
            emit limited(attempt->limitedBy);
        emit opened(attempt->db);
    }
    else
        emit failed(attempt->error.isEmpty() ? QStringLiteral("the connection attempt ended without a result")
                                             : attempt->error);
}

}  // namespace atalaya
