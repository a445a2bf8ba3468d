// The report's table columns when the page is too narrow for every cell on one line: each column
// keeps its longest word and the room left goes where the text is.
#include "ui/reports/PdfCanvas.h"

#include <QtTest>

#include <numeric>

using namespace atalaya;

class TestPdfColumns : public QObject {
    Q_OBJECT

private slots:
    void fit_data()
    {
        QTest::addColumn<QList<qreal>>("natural");
        QTest::addColumn<QList<qreal>>("minimum");
        QTest::addColumn<qreal>("available");
        QTest::addColumn<QList<qreal>>("expected");
        QTest::newRow("fits: the space left shared equally")
            << QList<qreal>{50, 100} << QList<qreal>{20, 40} << qreal(200) << QList<qreal>{75, 125};
        // The report's insights table: short columns and a long message. The message gets the
        // room; before, every other column kept its width and the message wrapped a word a line.
        QTest::newRow("a long message column gets the room")
            << QList<qreal>{60, 100, 400} << QList<qreal>{60, 70, 80} << qreal(360) << QList<qreal>{60, 82.86, 217.14};
        QTest::newRow("proportional to the text each would wrap")
            << QList<qreal>{100, 300} << QList<qreal>{50, 50} << qreal(250) << QList<qreal>{75, 175};
        QTest::newRow("minimums overflow: the minimums")
            << QList<qreal>{100, 300} << QList<qreal>{150, 200} << qreal(250) << QList<qreal>{150, 200};
    }

    void fit()
    {
        QFETCH(QList<qreal>, natural);
        QFETCH(QList<qreal>, minimum);
        QFETCH(qreal, available);
        QFETCH(QList<qreal>, expected);
        const QList<qreal> widths = fitColumnWidths(natural, minimum, available);
        QCOMPARE(widths.size(), expected.size());
        for (qsizetype c = 0; c < widths.size(); ++c)
            QVERIFY2(std::abs(widths[c] - expected[c]) < 0.5,
                     qPrintable(QStringLiteral("column %1: %2, expected %3").arg(c).arg(widths[c]).arg(expected[c])));
        const qreal sum = std::accumulate(widths.begin(), widths.end(), qreal(0));
        if (std::accumulate(minimum.begin(), minimum.end(), qreal(0)) <= available)
            QVERIFY(std::abs(sum - available) < 0.01);
        for (qsizetype c = 0; c < widths.size(); ++c)
            QVERIFY(widths[c] >= minimum[c] - 0.01);
    }
};

QTEST_GUILESS_MAIN(TestPdfColumns)
#include "tst_pdf_columns.moc"
