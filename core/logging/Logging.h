#pragma once

#include <QJsonObject>
#include <QLoggingCategory>

// One category per module, so `QT_LOGGING_RULES="atalaya.storage.debug=true"` narrows output.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcTelemetry)
Q_DECLARE_LOGGING_CATEGORY(lcStats)
Q_DECLARE_LOGGING_CATEGORY(lcQueue)
Q_DECLARE_LOGGING_CATEGORY(lcChat)
Q_DECLARE_LOGGING_CATEGORY(lcRisk)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcCli)

namespace atalaya {

// Logs `message` through the category and, when a JSON sink is installed, adds `fields`
// (telemetry_id, latency_ms, …) as top-level keys of that JSON line. Never pass secrets.
void logEvent(const QLoggingCategory &category, QtMsgType type, const QString &message, const QJsonObject &fields = {});

}  // namespace atalaya
