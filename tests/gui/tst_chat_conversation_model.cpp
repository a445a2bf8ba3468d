#include "ui/chat/ChatConversationModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace atalaya;

namespace {

// Comma-separated ids; in expectations ":h" marks a history row.
std::vector<ChatConversationSummary> summaries(const QString &ids, qint64 lastTs = 0)
{
    std::vector<ChatConversationSummary> out;
    for (const QString &id : ids.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        ChatConversationSummary s;
        s.id = id;
        s.lastTsMs = lastTs;
        out.push_back(s);
    }
    return out;
}

QString rows(const ChatConversationModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data(ChatConversationModel::IdRole).toString()
                + (m.isHistory(r) ? QStringLiteral(":h") : QString());
    return out.join(QLatin1Char(','));
}

}  // namespace

// The conversation list changes by removals, insertions on top and in-place updates, so a
// view keeps its selection (persistent indexes) and scroll position; never by resets.
class TestChatConversationModel : public QObject {
    Q_OBJECT
private slots:
    void liveUpdatesKeepRowsInPlace_data()
    {
        QTest::addColumn<QString>("history");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");  // the feed's order: most recent first
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("kept");  // a row selected before the update
        QTest::newRow("recency reorder changes nothing") << ""
                                                         << "a,b,c"
                                                         << "c,a,b"
                                                         << "a,b,c"
                                                         << "b";
        QTest::newRow("new conversation on top") << ""
                                                 << "a,b"
                                                 << "a,x,b"
                                                 << "x,a,b"
                                                 << "b";
        QTest::newRow("one leaves the middle") << ""
                                               << "a,b,c"
                                               << "a,c"
                                               << "a,c"
                                               << "c";
        QTest::newRow("mixed") << ""
                               << "a,b,c,d"
                               << "e,d,b,f"
                               << "e,f,b,d"
                               << "d";
        QTest::newRow("history below live") << "h1,h2"
                                            << "a"
                                            << "b,a"
                                            << "b,a,h1:h,h2:h"
                                            << "h2";
        QTest::newRow("history row goes live") << "h1,h2"
                                               << "a"
                                               << "h1,a"
                                               << "h1,a,h2:h"
                                               << "h2";
        QTest::newRow("live row leaves to history") << "a"
                                                    << "a,b"
                                                    << "b"
                                                    << "b,a:h"
                                                    << "b";
    }
    void liveUpdatesKeepRowsInPlace()
    {
        QFETCH(QString, history);
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(QString, expected);
        QFETCH(QString, kept);
        ChatConversationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHistory(summaries(history));
        model.setLive(summaries(first, 1));
        const QPersistentModelIndex selected = model.index(model.rowOf(kept), 0);
        QVERIFY(selected.isValid());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setLive(summaries(second, 2));
        QCOMPARE(rows(model), expected);
        QCOMPARE(resets.size(), 0);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data(ChatConversationModel::IdRole).toString(), kept);
        QVERIFY(!changed.isEmpty());  // the rows that stayed got the newer summaries
    }

    void unchangedSummariesSignalNothing()
    {
        ChatConversationModel model;
        model.setLive(summaries(QStringLiteral("a,b"), 1));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setLive(summaries(QStringLiteral("b,a"), 1));
        QCOMPARE(changed.size(), 0);
        auto updated = summaries(QStringLiteral("a,b"), 1);
        updated[1].messages = 4;
        model.setLive(updated);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QCOMPARE(model.index(1, ChatConversationModel::Messages).data().toInt(), 4);
    }

    void reorderedHistoryResets()
    {
        ChatConversationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHistory(summaries(QStringLiteral("h1,h2,h3")));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setHistory(summaries(QStringLiteral("h3,h1,h2")));
        QCOMPARE(rows(model), QStringLiteral("h3:h,h1:h,h2:h"));
        QCOMPARE(resets.size(), 1);  // what moved cannot be said with inserts and removals
    }
};

QTEST_MAIN(TestChatConversationModel)
#include "tst_chat_conversation_model.moc"
