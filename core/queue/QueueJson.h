#pragma once

#include "core/queue/ReviewQueue.h"

#include <QJsonObject>

namespace atalaya {

// docs/CLI.md `queue`: {"generated_at","counts":{"P0".."P3"},"overdue":{…},"items":[…]}.
QJsonObject queueJson(const QueueSnapshot &snapshot);
QJsonObject queueItemJson(const QueueItem &item, const QDateTime &now);

}  // namespace atalaya
