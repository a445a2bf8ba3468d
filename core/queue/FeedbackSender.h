#pragma once

#include "core/queue/FeedbackOutbox.h"
#include "core/telemetry/FeedbackRepository.h"

#include <memory>

namespace atalaya {

struct SendOutcome {
    enum class Kind { Written, Queued, Conflict, Failed };
    Kind kind = Kind::Failed;
    FeedbackResult result;  // Written
    QString message;  // Queued: why; Conflict: who/when/what; Failed: the error
    QString key;
    int outboxSize = 0;
};

// The review page's write path: straight to the database, or into the outbox when the
// database cannot take it right now (connection lost, server restarting, lock timeout,
// no write privilege). While the outbox holds anything, new writes queue behind it so the
// order of clicks (and undos) is kept. Blocking: call it from one worker thread.
class FeedbackSender {
public:
    FeedbackSender(std::shared_ptr<const Database> db, std::shared_ptr<FeedbackOutbox> outbox);

    SendOutcome send(OutboxEntry entry);
    OutboxFlush retry(bool force = false);
    int outboxSize() const;
    FeedbackOutbox *outbox() const { return m_outbox.get(); }

private:
    std::shared_ptr<const Database> m_db;
    std::shared_ptr<FeedbackOutbox> m_outbox;
    FeedbackRepository m_repo;
};

}  // namespace atalaya
