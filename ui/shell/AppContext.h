#pragma once

#include "core/aggregates/StatsQuery.h"

#include <QDateTime>
#include <QString>

#include <memory>

namespace atalaya {

class Database;
class Settings;

// The filter bar's state (docs/DASHBOARD.md): the last N days or a custom range, agent, task type.
struct DashboardFilter {
    int days = 30;
    QDateTime customFrom;  // both valid = custom range
    QDateTime customTo;
    QString agentId;
    QString taskType;

    // The custom range as whole UTC days, first and last inclusive (the filter bar's dates).
    void setCustomDays(const QDate &first, const QDate &last);
    bool isCustom() const { return customFrom.isValid() && customTo.isValid(); }
    QDate firstDay() const { return customFrom.toUTC().date(); }
    QDate lastDay() const { return customTo.toUTC().addMSecs(-1).date(); }

    // Resolved at load time, so "last 7 days" moves with the clock on every refresh.
    StatsQuery toQuery(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    bool operator==(const DashboardFilter &) const = default;
};

// What every page gets: the open database (null while disconnected) and the settings.
struct AppContext {
    std::shared_ptr<const Database> db;
    Settings *settings = nullptr;
};

}  // namespace atalaya
