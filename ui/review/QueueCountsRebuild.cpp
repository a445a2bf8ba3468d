#include "ui/review/QueueCountsRebuild.h"

#include "core/queue/QueueCountsStore.h"
#include "ui/common/AsyncRun.h"
#include "core/storage/Database.h"

namespace atalaya {
namespace {

struct Outcome {
    bool kept = false;
    QString message;
};

}  // namespace

QueueCountsRebuild::QueueCountsRebuild(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

QueueCountsRebuild::~QueueCountsRebuild()
{
    m_pool.waitForDone();
}

void QueueCountsRebuild::request(std::shared_ptr<const Database> db, const ReviewRules &rules)
{
    if (!db)
        return;
    if (m_running) {
        m_next = Request{std::move(db), rules};
        return;
    }
    start({std::move(db), rules});
}

void QueueCountsRebuild::start(Request request)
{
    m_running = true;
    m_clock.start();
    emit started();
    runAsync<Outcome>(
        this, &m_pool,
        [db = request.db, rules = request.rules] {
            auto installed = queuecounts::installedFor(*db, rules);
            if (installed && *installed)
                return Outcome{true, {}};
            auto rebuilt = queuecounts::rebuild(*db, rules);
            if (!rebuilt)
                return Outcome{false, rebuilt.error().message};
            return *rebuilt ? Outcome{true, {}}
                            : Outcome{false, tr("this account may not create the triggers that keep the counts")};
        },
        [this](const Outcome &outcome) {
            m_running = false;
            if (m_next) {
                Request next = std::move(*m_next);
                m_next.reset();
                start(std::move(next));
                return;
            }
            emit finished(outcome.kept, outcome.message);
        });
}

void QueueCountsRebuild::waitForDone()
{
    while (m_running) {
        m_pool.waitForDone();
        QCoreApplication::sendPostedEvents();
    }
}

}  // namespace atalaya
