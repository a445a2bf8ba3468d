#pragma once

#include <QJsonValue>

#include <optional>

namespace atalaya {

// A metric over an empty set is null, never 0 (docs/CLI.md).
QJsonValue jsonOrNull(const std::optional<double> &value);
QJsonValue jsonOrNull(const std::optional<qint64> &value);
// Rounds for output only; computations keep full precision.
double roundTo(double value, int decimals);
QJsonValue roundedOrNull(const std::optional<double> &value, int decimals);

}  // namespace atalaya
