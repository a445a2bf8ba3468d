#pragma once

#include <QCoreApplication>
#include <QDateTime>
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

// Times: always UTC, the data's time zone, said once in the status bar ("Times in UTC"); one
// shape everywhere, ISO-like so it reads the same in Spanish and English.
inline QString dateTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : dash();
}

inline QString date(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd")) : dash();
}

inline QString dateTimeSeconds(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : dash();
}

inline QString timeOfDay(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("HH:mm:ss")) : dash();
}

}  // namespace atalaya::fmt
