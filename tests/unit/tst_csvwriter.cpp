#include "core/reports/CsvWriter.h"

#include <QtTest>

using namespace atalaya;

class TestCsvWriter : public QObject {
    Q_OBJECT
private slots:
    void escape_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "agent-1"
                               << "agent-1";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\""
                               << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "a\nb"
                                 << "\"a\nb\"";
        QTest::newRow("cr") << "a\rb"
                            << "\"a\rb\"";
        QTest::newRow("formula =") << "=SUM(A1)"
                                   << "'=SUM(A1)";
        QTest::newRow("formula +") << "+1"
                                   << "'+1";
        QTest::newRow("formula -") << "-2+3"
                                   << "'-2+3";
        QTest::newRow("formula @") << "@cmd"
                                   << "'@cmd";
        QTest::newRow("formula tab") << "\t=1+2"
                                     << "'\t=1+2";
        QTest::newRow("formula cr") << "\r=1+2"
                                    << "\"'\r=1+2\"";
        QTest::newRow("tab inside") << "a\tb"
                                    << "a\tb";
        QTest::newRow("formula with comma") << "=1,2"
                                            << "\"'=1,2\"";
        QTest::newRow("unicode") << "agénte ñ 中"
                                 << "agénte ñ 中";
        QTest::newRow("equals inside") << "a=b"
                                       << "a=b";
    }
    void escape()
    {
        QFETCH(QString, cell);
        QFETCH(QString, expected);
        QCOMPARE(CsvWriter::escapeCell(cell), expected);
    }

    void document()
    {
        CsvWriter w({QStringLiteral("agent"), QStringLiteral("n")});
        w.addRow({QStringLiteral("ñandú"), QStringLiteral("3")});
        w.addRow({QStringLiteral("x,y"), QStringLiteral("4")});
        QCOMPARE(w.rowCount(), 2);
        QCOMPARE(w.data(), QByteArray("agent,n\r\n\xc3\xb1\x61nd\xc3\xba,3\r\n\"x,y\",4\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
