#include "bench/reviewers_session.h"

#include "core/aggregates/StatsQuery.h"
#include "core/queue/FeedbackOutbox.h"
#include "core/queue/FeedbackSender.h"
#include "core/queue/ReviewQueue.h"
#include "core/stats/StatsService.h"

#include <QElapsedTimer>
#include <QSet>

#include <chrono>
#include <thread>

namespace atalaya::bench {

namespace {

double msSince(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

}  // namespace

void reviewerSession(Shared &s, int index)
{
    const QString name = QStringLiteral("bench-reviewer-%1").arg(index);
    const int pair = index / 2;
    const bool paired = pair < int(s.pairs.size());
    const int pairs = int(s.pairs.size());
    std::vector<double> nextMs, pageMs, countsMs, kpiMs;
    std::vector<Verdict> written;
    int detected = 0, elsewhere = 0, queued = 0, failed = 0, rejected = 0, given = 0, conflictRound = 0;
    QStringList errors;

    auto outbox = FeedbackOutbox::open(s.outboxDir + QStringLiteral("/outbox-%1.db").arg(index));
    if (!outbox) {
        std::lock_guard lock(s.mutex);
        s.errors << outbox.error().message;
        if (paired)
            s.pairs[size_t(pair)]->arrive_and_drop();
        return;
    }
    FeedbackSender sender(s.db, std::shared_ptr<FeedbackOutbox>(std::move(*outbox)));
    const ReviewQueue queue(s.db, ReviewRules::defaults());
    const StatsService stats(s.db);
    QSet<qint64> decided;
    std::vector<QueueItem> page;
    size_t at = 0;
    const Feedback values[] = {Feedback::Correct, Feedback::Incorrect, Feedback::PartiallyCorrect};

    auto note = [&](const OutboxEntry &entry, const SendOutcome &out) {
        switch (out.kind) {
        case SendOutcome::Kind::Written: written.push_back({entry.telemetryId, feedbackToString(*entry.value)}); break;
        case SendOutcome::Kind::Queued: ++queued; break;
        case SendOutcome::Kind::Conflict: ++(s.isConflictItem(entry.telemetryId) ? detected : elsewhere); break;
        case SendOutcome::Kind::Failed:
            ++failed;
            errors << out.message;
            break;
        }
    };
    // What FeedbackFlow's retry timer does: deliver the outbox; a delivered entry is written.
    std::vector<OutboxEntry> waiting;
    auto retry = [&] {
        if (sender.outboxSize() == 0)
            return;
        const OutboxFlush f = sender.retry(true);
        for (const auto &[e, message] : f.conflicts)
            ++(s.isConflictItem(e.telemetryId) ? detected : elsewhere);
        rejected += int(f.rejected.size());
        auto left = sender.outbox()->entries();
        QSet<QString> still;
        if (left)
            for (const OutboxEntry &e : *left)
                still.insert(e.key);
        std::vector<OutboxEntry> keep;
        for (OutboxEntry &e : waiting) {
            bool settledElsewhere = false;
            for (const auto &[c, m] : f.conflicts)
                settledElsewhere |= c.key == e.key;
            for (const auto &[c, m] : f.rejected)
                settledElsewhere |= c.key == e.key;
            if (still.contains(e.key))
                keep.push_back(std::move(e));
            else if (!settledElsewhere)
                written.push_back({e.telemetryId, feedbackToString(*e.value)});
        }
        waiting = std::move(keep);
    };
    auto give = [&](qint64 id) {
        OutboxEntry entry;
        entry.key = FeedbackOutbox::newKey();
        entry.telemetryId = id;
        entry.value = values[(id + index) % 3];
        entry.expectedPrevious = QString();  // the item was shown pending (FeedbackFlow::record)
        entry.reviewer = name;
        const SendOutcome out = sender.send(entry);
        if (out.kind == SendOutcome::Kind::Queued)
            waiting.push_back(entry);
        note(entry, out);
        decided.insert(id);
        ++given;
    };
    auto loadPage = [&] {
        QElapsedTimer t;
        t.start();
        auto items = queue.items({});
        if (!items) {
            errors << items.error().message;
            return false;
        }
        page.clear();
        for (const QueueItem &item : *items) {
            if (!s.isConflictItem(item.id) && item.id % (s.sessions + 1) == index && !decided.contains(item.id))
                page.push_back(item);
        }
        at = 0;
        pageMs.push_back(msSince(t));
        return true;
    };
    auto loadCounts = [&](std::vector<double> *into) {
        QElapsedTimer t;
        t.start();
        auto counts = queue.countsWithout({}, QDateTime::currentDateTimeUtc(), decided);
        if (!counts)
            errors << counts.error().message;
        if (into)
            into->push_back(msSince(t));
    };
    auto kpis = [&] {
        QElapsedTimer t;
        t.start();
        loadCounts(nullptr);
        auto q = StatsQuery::lastDays(30);
        auto snap = stats.snapshot(*q);
        if (!snap)
            errors << snap.error().message;
        kpiMs.push_back(msSince(t));
    };

    // Opening the app: every session at the same moment, measured on its own.
    QElapsedTimer opening;
    opening.start();
    loadPage();
    loadCounts(&countsMs);
    kpis();
    kpiMs.clear();
    const double openMs = msSince(opening);
    // The 30 s refreshes of people who opened the app at different moments are spread out.
    qint64 nextKpisAt = 30000LL * index / s.sessions + 30000;
    QElapsedTimer sinceOpen;
    sinceOpen.start();
    while (!s.stop.load()) {
        if (paired && given > 0 && given % s.conflictEvery == 0) {
            // Both of the pair on the same item at the same moment.
            s.pairs[size_t(pair)]->arrive_and_wait();
            const qint64 id = s.conflictFirst + pair + qint64(conflictRound++) * pairs;
            if (id > s.conflictLast)
                break;
            s.conflictAttempts[size_t(id - s.conflictFirst)].fetch_add(1);
            QElapsedTimer t;
            t.start();
            give(id);
            loadCounts(&countsMs);
            nextMs.push_back(msSince(t));
            continue;
        }
        if (at >= page.size()) {
            if (!loadPage())
                break;
            if (page.empty()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
                continue;
            }
        }
        // Key press → verdict written → counts reloaded → the next item on screen (the next row
        // of the page, or a new page when this one is used up).
        QElapsedTimer t;
        t.start();
        give(page[at++].id);
        loadCounts(&countsMs);
        if (at >= page.size())
            loadPage();
        nextMs.push_back(msSince(t));
        retry();
        if (sinceOpen.elapsed() >= nextKpisAt) {
            kpis();
            nextKpisAt += 30000;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(s.thinkMs));
    }
    if (paired)
        s.pairs[size_t(pair)]->arrive_and_drop();
    // Quitting: what is still in the outbox goes now (FeedbackFlow retries until it is empty).
    for (int i = 0; i < 60 && sender.outboxSize() > 0; ++i) {
        retry();
        if (sender.outboxSize() > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    failed += sender.outboxSize();
    std::lock_guard lock(s.mutex);
    s.nextMs.insert(s.nextMs.end(), nextMs.begin(), nextMs.end());
    s.pageMs.insert(s.pageMs.end(), pageMs.begin(), pageMs.end());
    s.countsMs.insert(s.countsMs.end(), countsMs.begin(), countsMs.end());
    s.kpiMs.insert(s.kpiMs.end(), kpiMs.begin(), kpiMs.end());
    s.openMs.push_back(openMs);
    s.written.insert(s.written.end(), written.begin(), written.end());
    s.conflictsDetected += detected;
    s.conflictsElsewhere += elsewhere;
    s.queued += queued;
    s.failed += failed;
    s.rejected += rejected;
    s.errors << errors;
}

}  // namespace atalaya::bench
