#pragma once

#include "core/forecast/CapacityForecast.h"

#include <QJsonObject>

namespace atalaya::forecast {

// The `atalaya-cli forecast` document (docs/CLI.md): expected counts with one decimal.
QJsonObject forecastJson(const Forecast &forecast);

}  // namespace atalaya::forecast
