#include "core/common/TimeUtil.h"

#include <QTest>
#include <QTimeZone>

#include <ctime>

using namespace atalaya;

// What the database hands back is read as the UTC instant it stores, whatever the machine's
// time zone: text from SQLite in its several forms, and QMYSQL's QDateTime.
class TestTimeUtil : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // A zone with a daylight-saving gap (2026-03-29 02:00–03:00 does not exist in Madrid).
        qputenv("TZ", "Europe/Madrid");
        tzset();
    }

    void fromDb_data()
    {
        QTest::addColumn<QVariant>("stored");
        QTest::addColumn<QDateTime>("utc");
        const QDateTime at(QDate(2026, 3, 2), QTime(9, 5, 7, 123), QTimeZone::utc());
        QTest::newRow("stored form") << QVariant(QStringLiteral("2026-03-02 09:05:07.123")) << at;
        QTest::newRow("T separator") << QVariant(QStringLiteral("2026-03-02T09:05:07.123")) << at;
        QTest::newRow("no ms") << QVariant(QStringLiteral("2026-03-02 09:05:07")) << at.addMSecs(-123);
        QTest::newRow("micro") << QVariant(QStringLiteral("2026-03-02 09:05:07.123000")) << at;
        QTest::newRow("Z") << QVariant(QStringLiteral("2026-03-02T09:05:07.123Z")) << at;
        QTest::newRow("offset") << QVariant(QStringLiteral("2026-03-02T10:05:07.123+01:00")) << at;
        QTest::newRow("padded") << QVariant(QStringLiteral("  2026-03-02 09:05:07.123 ")) << at;
        QTest::newRow("in the local DST gap") << QVariant(QStringLiteral("2026-03-29 02:30:00.000"))
                                              << QDateTime(QDate(2026, 3, 29), QTime(2, 30), QTimeZone::utc());
        QTest::newRow("QMYSQL value") << QVariant(QDateTime(QDate(2026, 3, 2), QTime(9, 5, 7, 123))) << at;
        QTest::newRow("not a time") << QVariant(QStringLiteral("yesterday")) << QDateTime();
        QTest::newRow("bad month") << QVariant(QStringLiteral("2026-13-02 09:05:07.123")) << QDateTime();
        QTest::newRow("null") << QVariant() << QDateTime();
    }
    void fromDb()
    {
        QFETCH(QVariant, stored);
        QFETCH(QDateTime, utc);
        const QDateTime read = fromDbDateTime(stored);
        QCOMPARE(read.isValid(), utc.isValid());
        if (utc.isValid()) {
            QCOMPARE(read.toMSecsSinceEpoch(), utc.toMSecsSinceEpoch());
            QCOMPARE(read.timeSpec(), Qt::UTC);
        }
    }

    void roundTrip()
    {
        const QDateTime at(QDate(2026, 10, 25), QTime(1, 30, 0, 5), QTimeZone::utc());
        QCOMPARE(fromDbDateTime(toDbDateTime(at)), at);
        QCOMPARE(fromDbDateTime(QString::fromLatin1(toDbDateTimeBytes(at.toMSecsSinceEpoch()))), at);
    }
};

QTEST_GUILESS_MAIN(TestTimeUtil)
#include "tst_timeutil.moc"
