#pragma once

#include "core/storage/Database.h"

#include <QStringList>

#include <atomic>
#include <barrier>
#include <memory>
#include <mutex>
#include <vector>

// One reviewer session of bench/reviewers_bench (docs/PERFORMANCE.md §Many reviewers).
namespace atalaya::bench {

// A verdict a session was told is written.
struct Verdict {
    qint64 id = 0;
    QString value;
};

// What the sessions share: the run's settings, the pair barriers, and the figures they add.
struct Shared {
    std::shared_ptr<const Database> db;
    int sessions = 0;
    qint64 conflictFirst = 0, conflictLast = 0;
    int conflictEvery = 10;
    int thinkMs = 500;
    std::atomic<bool> stop = false;
    std::vector<std::unique_ptr<std::barrier<>>> pairs;  // one per pair of sessions
    std::vector<std::atomic<int>> conflictAttempts;  // per conflict item
    QString outboxDir;

    std::mutex mutex;  // guards what follows
    std::vector<double> nextMs, pageMs, countsMs, kpiMs, openMs;
    std::vector<Verdict> written;  // reported written (directly or from the outbox)
    int conflictsDetected = 0, conflictsElsewhere = 0, queued = 0, failed = 0, rejected = 0;
    QStringList errors;

    explicit Shared(size_t conflictItems) : conflictAttempts(conflictItems) { }
    bool isConflictItem(qint64 id) const { return id >= conflictFirst && id <= conflictLast; }
};

// One reviewer with the app open: page, verdict, counts, next item; counts and KPIs every 30 s.
// Runs until `stop`, then empties its outbox and adds its figures to `s`.
void reviewerSession(Shared &s, int index);

}  // namespace atalaya::bench
