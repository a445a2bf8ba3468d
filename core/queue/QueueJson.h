#pragma once

#include "core/queue/DoubleReview.h"
#include "core/queue/ReviewQueue.h"

#include <QJsonObject>

namespace atalaya {

// docs/CLI.md `queue`: {"generated_at","counts":{"P0".."P3"},"overdue":{…},"items":[…]}.
QJsonObject queueJson(const QueueSnapshot &snapshot);
QJsonObject queueItemJson(const QueueItem &item, const QDateTime &now);
// `queue --view second|adjudication`: {"generated_at","view","counts":{"P0".."P3"},
// "for_others","items":[…]}; adjudication items carry
// "reviews":[{"role","reviewer","verdict","note","created_at"}], second-review ones none.
QJsonObject doubleReviewJson(const QString &view, const std::vector<QueueItem> &items, const DoubleReviewCounts &counts,
                             const QDateTime &now);

}  // namespace atalaya
