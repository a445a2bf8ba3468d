#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QString>

namespace atalaya {

// The window and filters of every read. Half-open: from <= created_at < to, in UTC.
struct StatsQuery {
    QDateTime from;
    QDateTime to;
    int periodDays = 30;
    QString agentId;  // empty = all
    QString taskType;  // empty = all

    // `--days N`: created_at >= now − N days (N from 1 to 3650).
    static Result<StatsQuery> lastDays(int days, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // A custom range from the GUI; `to` is exclusive.
    static Result<StatsQuery> range(const QDateTime &from, const QDateTime &to);

    StatsQuery withAgent(const QString &agent) const;
    StatsQuery withTask(const QString &task) const;
    // The window of the same length just before this one ("change vs previous period").
    StatsQuery previousPeriod() const;
};

}  // namespace atalaya
