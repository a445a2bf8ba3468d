#pragma once

#include "core/telemetry/Decision.h"

#include <QByteArray>
#include <QString>

#include <optional>

class QTemporaryDir;

namespace atalaya::test {

// A valid decision with the figures a stats test cares about; the payload is fixed.
DecisionInput makeDecision(const QString &agent, const QString &task, double confidence, qint64 ms,
                           std::optional<Feedback> feedback, const QDateTime &at);

// Writes content to NAME in dir; the path, or empty when the file could not be written whole.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content);

}  // namespace atalaya::test
