#include "core/logging/Logging.h"

#include "core/logging/JsonLogSink.h"

Q_LOGGING_CATEGORY(lcStorage, "atalaya.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTelemetry, "atalaya.telemetry", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStats, "atalaya.stats", QtInfoMsg)
Q_LOGGING_CATEGORY(lcQueue, "atalaya.queue", QtInfoMsg)
Q_LOGGING_CATEGORY(lcChat, "atalaya.chat", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRisk, "atalaya.risk", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "atalaya.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "atalaya.cli", QtWarningMsg)

namespace atalaya {

void logEvent(const QLoggingCategory &category, QtMsgType type, const QString &message, const QJsonObject &fields)
{
    if (!category.isEnabled(type))
        return;
    JsonLogSink::ScopedFields scoped(fields);
    QMessageLogger logger(nullptr, 0, nullptr, category.categoryName());
    switch (type) {
    case QtDebugMsg: logger.debug("%s", qUtf8Printable(message)); break;
    case QtInfoMsg: logger.info("%s", qUtf8Printable(message)); break;
    case QtWarningMsg: logger.warning("%s", qUtf8Printable(message)); break;
    default: logger.critical("%s", qUtf8Printable(message)); break;
    }
}

}  // namespace atalaya
