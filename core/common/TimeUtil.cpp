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
    // The stored form (toDbDateTime, SQLite's strftime) carries no zone and is UTC: read as UTC
    // directly. QDateTime::fromString would read it as local time first, which asks the C
    // library for the zone on every call (a stat of /etc/localtime: most of a read of many
    // rows) and moves a wall clock inside a daylight-saving gap by an hour.
    if (text.size() >= 19 && text.size() <= 29 && text.at(10) == QLatin1Char('T')
        && (text.size() == 19 || text.at(19) == QLatin1Char('.'))) {
        const QDate date = QDate::fromString(QStringView(text).left(10), Qt::ISODate);
        const QTime time = QTime::fromString(QStringView(text).mid(11), Qt::ISODateWithMs);
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
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
