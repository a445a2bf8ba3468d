#pragma once

#include "core/queue/DoubleReview.h"

#include <QObject>

#include <memory>
#include <optional>

class QThreadPool;

namespace atalaya {

class Database;
class LatestLoader;

// What the Second review and Adjudication views hold for one reviewer (docs/REVIEW_QUEUE.md
// §Double review): read off the UI thread, the latest read of each winning, and moved with
// this session's verdicts between reads. Not part of a refresh: the page and its pending
// counts do not wait for these.
class DoubleReviewCountsLoader : public QObject {
    Q_OBJECT
public:
    DoubleReviewCountsLoader(QThreadPool *pool, QObject *parent);

    // nullopt until read, and after clear().
    const std::optional<DoubleReviewCounts> &second() const { return m_second; }
    const std::optional<DoubleReviewCounts> &adjudication() const { return m_adjudication; }

    // Both on a refresh; on a landed write only the adjudication counts, which read the second
    // reviews alone: the second-review counts scan the reviewed decisions, so between refreshes
    // they move with this session's verdicts only (adjust).
    void reload(const std::shared_ptr<const Database> &db, const ReviewRules &rules, const QueueFilter &filter,
                const QString &reviewer, bool secondToo);
    // A verdict (delta -1) or its undo (+1), before the write lands; the next read replaces it.
    void adjust(const QueueItem &item, int delta, const ReviewRules &rules);
    // Another database: nothing is known until read.
    void clear();

signals:
    void changed();

private:
    LatestLoader *m_secondLoader = nullptr;
    LatestLoader *m_adjudicationLoader = nullptr;
    std::optional<DoubleReviewCounts> m_second;
    std::optional<DoubleReviewCounts> m_adjudication;
};

}  // namespace atalaya
