#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>

#include <optional>

namespace atalaya::fmt {

// Display formats of the dashboard, in the current locale; "—" for a metric over an empty set.
inline QString dash()
{
    return QStringLiteral("—");
}

inline QString count(qint64 n)
{
    return QLocale().toString(n);
}

inline QString ratioPercent(const std::optional<double> &ratio, int decimals = 1)
{
    return ratio ? QLocale().toString(*ratio * 100.0, 'f', decimals) + QStringLiteral(" %") : dash();
}

inline QString percent(const std::optional<double> &value, int decimals = 1)
{
    return value ? QLocale().toString(*value, 'f', decimals) + QStringLiteral(" %") : dash();
}

inline QString ratio(const std::optional<double> &value, int decimals = 3)
{
    return value ? QLocale().toString(*value, 'f', decimals) : dash();
}

template <typename T> QString ms(const std::optional<T> &value, int decimals = 0)
{
    return value ? QLocale().toString(static_cast<double>(*value), 'f', decimals) + QStringLiteral(" ms") : dash();
}

}  // namespace atalaya::fmt
