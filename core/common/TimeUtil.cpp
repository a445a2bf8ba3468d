#include "core/common/TimeUtil.h"

#include <QTimeZone>

#include <cstdio>

namespace atalaya {

QString toDbDateTime(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QByteArray toDbDateTimeBytes(qint64 msecsSinceEpoch)
{
    constexpr qint64 msPerDay = 86400000;
    const qint64 days =
        msecsSinceEpoch >= 0 ? msecsSinceEpoch / msPerDay : -((-msecsSinceEpoch + msPerDay - 1) / msPerDay);
    const qint64 msOfDay = msecsSinceEpoch - days * msPerDay;
    int y = 0;
    int m = 0;
    int d = 0;
    QDate::fromJulianDay(QDate(1970, 1, 1).toJulianDay() + days).getDate(&y, &m, &d);
    char text[32];
    const int n = std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d.%03d", y, m, d,
                                static_cast<int>(msOfDay / 3600000), static_cast<int>(msOfDay / 60000 % 60),
                                static_cast<int>(msOfDay / 1000 % 60), static_cast<int>(msOfDay % 1000));
    return QByteArray(text, n);
}

QDateTime fromDbDateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QDateTime) {
        // QMYSQL hands back the stored wall clock tagged as local time; the wall clock is UTC.
        const QDateTime dt = value.toDateTime();
        return QDateTime(dt.date(), dt.time(), Qt::UTC);
    }
    QString text = value.toString().trimmed();
    text.replace(QLatin1Char(' '), QLatin1Char('T'));
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return {};
    if (dt.timeSpec() == Qt::LocalTime)
        dt = QDateTime(dt.date(), dt.time(), Qt::UTC);
    return dt.toUTC();
}

QString toIsoUtc(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime t = utc.toUTC();
    return t.time().msec() == 0 ? t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))
                                : t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime parseIsoUtc(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!dt.isValid())
        return {};
    if (dt.timeSpec() == Qt::LocalTime)
        dt = QDateTime(dt.date(), dt.time(), Qt::UTC);
    return dt.toUTC();
}

}  // namespace atalaya
