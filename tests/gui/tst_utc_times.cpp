#include "ui/chat/ChatTranscriptView.h"
#include "ui/review/ForecastCharts.h"

#include <QApplication>
#include <QtTest>

#include <ctime>

using namespace atalaya;

// The status bar says "Times in UTC": the forecast's tooltips and the chat transcript show UTC
// too. Run in Lima (UTC−5), where a local time reads five hours earlier.
class TestUtcTimes : public QObject {
    Q_OBJECT
    const QDateTime m_t = QDateTime(QDate(2026, 12, 7), QTime(1, 16, 2), Qt::UTC);

private slots:
    void initTestCase()
    {
        qputenv("TZ", "America/Lima");
        tzset();
        QCOMPARE(m_t.toLocalTime().time(), QTime(20, 16, 2));
    }

    void forecastTooltipTime()
    {
        const double start = double(m_t.toMSecsSinceEpoch());
        QCOMPARE(forecastPointTime(start, 0), QStringLiteral("2026-12-07 01:16"));
        QCOMPARE(forecastPointTime(start, 1.5), QStringLiteral("2026-12-08 13:16"));
    }

    void transcriptTimes()
    {
        ChatTranscriptView view;
        ChatTranscriptLine line;
        line.tsMs = m_t.toMSecsSinceEpoch();
        line.text = QStringLiteral("¿Dónde está mi pedido?");
        view.showLines(QStringLiteral("c-1"), {line});
        const QString text = view.toPlainText();
        QVERIFY2(text.contains(QStringLiteral("01:16:02")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("20:16:02")), qPrintable(text));
    }
};

QTEST_MAIN(TestUtcTimes)
#include "tst_utc_times.moc"
