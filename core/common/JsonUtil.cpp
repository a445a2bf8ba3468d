#include "core/common/JsonUtil.h"

#include <cmath>

namespace atalaya {

QJsonValue jsonOrNull(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue jsonOrNull(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

QJsonValue roundedOrNull(const std::optional<double> &value, int decimals)
{
    return value ? QJsonValue(roundTo(*value, decimals)) : QJsonValue(QJsonValue::Null);
}

}  // namespace atalaya
