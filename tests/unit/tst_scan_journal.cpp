#include "core/storage/ScanJournal.h"
#include "core/storage/ScanRow.h"

#include <QtTest>

#include <optional>
#include <vector>

using namespace atalaya;

namespace {

// A scanned row of given texts (nullopt: NULL), as the server's text protocol hands them over.
class TextRow final : public ScanRow {
public:
    std::vector<std::optional<QByteArray>> values;
    int columns() const override { return int(values.size()); }
    bool isNull(int c) const override { return !values[size_t(c)]; }
    QByteArrayView text(int c) const override
    {
        return values[size_t(c)] ? QByteArrayView(*values[size_t(c)]) : QByteArrayView();
    }
    qint64 integer(int c) const override { return values[size_t(c)] ? scanInteger(values[size_t(c)]->constData()) : 0; }
};

using Rows = std::vector<std::vector<std::optional<QByteArray>>>;

// What a part sees of a row: NULL-ness, the text and the integer of each column.
QStringList seen(const ScanRow &row)
{
    QStringList out;
    for (int c = 0; c < row.columns(); ++c)
        out << (row.isNull(c)
                    ? QStringLiteral("NULL")
                    : QStringLiteral("%1|%2").arg(QString::fromLatin1(row.bytes(c).toHex())).arg(row.integer(c)));
    return out;
}

}  // namespace

Q_DECLARE_METATYPE(Rows)

// A live build's journal (docs/DATA.md, "Building on a live table"): a replayed row must be
// what the part saw when the chunk read it, value for value.
class TestScanJournal : public QObject {
    Q_OBJECT
private slots:
    void replaysWhatWasRead_data()
    {
        QTest::addColumn<Rows>("rows");
        const auto t = [](const char *s) { return std::optional<QByteArray>(QByteArray(s)); };
        const std::optional<QByteArray> null;
        QTest::newRow("integers") << Rows{
            {t("0"), t("1"), t("-1"), t("499123"), t("-1000000000")},
            {t("123456789012345678"), t("-123456789012345678"), t("9"), t("10"), t("64")}};
        QTest::newRow("not canonical integers stay text")
            << Rows{{t("-0"), t("007"), t("+5"), t("1234567890123456789"), t("99999999999999999999")}};
        QTest::newRow("decimals round as the scan reads them")
            << Rows{{t("0.8500"), t("-2.5"), t("0.5"), t("1e3"), t("12.")}};
        QTest::newRow("nulls and empty text")
            << Rows{{null, t(""), null, t(""), t("0")}, {t(""), null, null, null, null}};
        QTest::newRow("bytes of any kind")
            << Rows{{std::optional(QByteArray("a\0b", 3)), std::optional(QByteArray("\xff\xfe")), t("Beta "), t("beta"),
                     std::optional(QByteArray(300, 'x'))}};
        Rows many;
        for (int i = 0; i < 2000; ++i)
            many.push_back({t(QByteArray::number(i * 7919 % 500000).constData()),
                            std::optional(QByteArrayLiteral("agent-") + QByteArray::number(i % 300)),
                            i % 5 == 0 ? null : t("v2"), t(QByteArray::number(-i).constData()),
                            std::optional(QByteArray::number(i % 700) + ".25")});
        QTest::newRow("a chunk of many rows and strings") << many;
    }

    void replaysWhatWasRead()
    {
        QFETCH(Rows, rows);
        const int columns = int(rows.front().size());
        ScanJournalWriter writer(columns);
        std::vector<QStringList> expected;
        TextRow row;
        for (const auto &values : rows) {
            row.values = values;
            writer.add(row);
            expected.push_back(seen(row));
        }
        const QByteArray bytes = writer.take();
        std::vector<QStringList> replayed;
        QVERIFY(replayScanJournal(bytes, columns, [&](const ScanRow &r) { replayed.push_back(seen(r)); }));
        QCOMPARE(replayed, expected);
        // Each chunk stands alone: the writer starts a new string table.
        row.values = rows.front();
        writer.add(row);
        replayed.clear();
        QVERIFY(replayScanJournal(writer.take(), columns, [&](const ScanRow &r) { replayed.push_back(seen(r)); }));
        QCOMPARE(replayed, std::vector<QStringList>{expected.front()});
    }

    void aChunkWithoutRowsIsNotNothing()
    {
        ScanJournalWriter writer(3);
        const QByteArray bytes = writer.take();
        QVERIFY(!bytes.isEmpty());
        int rows = 0;
        QVERIFY(replayScanJournal(bytes, 3, [&](const ScanRow &) { ++rows; }));
        QCOMPARE(rows, 0);
    }

    void damagedBytesAreRefused()
    {
        ScanJournalWriter writer(2);
        TextRow row;
        row.values = {QByteArray("agent"), QByteArray("12")};
        writer.add(row);
        const QByteArray bytes = writer.take();
        const auto none = [](const ScanRow &) {};
        QVERIFY(replayScanJournal(bytes, 2, none));
        QVERIFY(!replayScanJournal(bytes, 3, none));
        QVERIFY(!replayScanJournal(QByteArray(), 2, none));
        QVERIFY(!replayScanJournal(bytes.left(bytes.size() - 2), 2, none));
        QByteArray wrongIndex = bytes;
        wrongIndex[2] = char(8);  // a string index never defined
        QVERIFY(!replayScanJournal(wrongIndex, 2, none));
    }
};

QTEST_GUILESS_MAIN(TestScanJournal)
#include "tst_scan_journal.moc"
