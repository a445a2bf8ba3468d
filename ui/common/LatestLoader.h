#pragma once

#include "ui/common/AsyncRun.h"

#include <QObject>

class QThreadPool;

namespace atalaya {

// "Latest result wins" for a page's reads: each run() supersedes every earlier one, so a slow
// old request that finishes after a newer one is dropped instead of overwriting what the newer
// one showed, and drop() discards whatever is still in flight (a refresh with nothing to
// read). Results arrive on the owner's thread, and never once the owner is gone: the loader is
// the owner's child and the requests in flight are the loader's.
class LatestLoader : public QObject {
    Q_OBJECT
public:
    // The pool defaults to databasePool(), the threads meant for reads that block.
    explicit LatestLoader(QObject *owner, QThreadPool *pool = nullptr);

    // Runs work on the pool and hands its result to show, unless another run() or drop()
    // came after this one. Returns the request's ticket (see isLatest).
    template <typename T, typename Work, typename Show> quint64 run(Work work, Show show)
    {
        const quint64 ticket = ++m_latest;
        m_pending = true;
        runAsync<T>(this, m_pool, std::move(work), [this, ticket, show = std::move(show)](const T &result) {
            if (ticket != m_latest)
                return;
            m_pending = false;
            show(result);
        });
        return ticket;
    }

    void drop();
    // Whether ticket is the newest request: work tied to a request (the rest of a page's
    // refresh) checks it before it counts.
    bool isLatest(quint64 ticket) const { return ticket == m_latest; }
    quint64 latest() const { return m_latest; }
    // The newest request's result is still to come.
    bool isPending() const { return m_pending; }

private:
    QThreadPool *m_pool = nullptr;
    quint64 m_latest = 0;
    bool m_pending = false;
};

}  // namespace atalaya
