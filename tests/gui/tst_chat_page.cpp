#include "tests/support/TestDatabases.h"
#include "tests/support/TestFeedServer.h"

#include "ui/shell/Language.h"
#include "ui/shell/MainWindow.h"
#include "ui/common/Theme.h"
#include "ui/review/ReviewQueueModel.h"
#include "ui/chat/ChatPage.h"
#include "ui/chat/ChatConversationModel.h"
#include "ui/chat/ChatHistoryPanel.h"
#include "ui/chat/ChatKpiPanel.h"
#include "ui/chat/ChatLiveCharts.h"
#include "ui/chat/ChatTranscriptView.h"
#include "ui/chat/LiveKpiCard.h"
#include "core/chat/ChatFeedClient.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/queue/ReviewQueue.h"
#include "core/settings/Settings.h"
#include "ui/common/ChartCard.h"
#include "ui/common/StatusPanel.h"

#include <QAbstractAxis>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChart>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::test;

namespace {

QString started(const QString &id)
{
    return frame("{'type':'conversation.started','conversation_id':'CONV','channel':'web','ts':'TS'}")
        .replace(QStringLiteral("CONV"), id);
}

QString answer(const QString &id, const QString &text, qint64 telemetryId)
{
    return frame("{'type':'message','conversation_id':'CONV','role':'assistant','content':'TEXT','ts':'TS','latency_ms'"
                 ":300,'telemetry_id':TID}")
        .replace(QStringLiteral("CONV"), id)
        .replace(QStringLiteral("TEXT"), text)
        .replace(QStringLiteral("TID"), QString::number(telemetryId));
}

// WCAG contrast ratio of two colours (1 = same luminance, 21 = black on white).
double contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

DecisionInput decision(double confidence)
{
    DecisionInput d;
    d.agentId = QStringLiteral("chat-agent");
    d.taskType = QStringLiteral("chat_response");
    d.confidence = confidence;
    d.decision = {{QStringLiteral("action"), QStringLiteral("reply")}};
    d.executionTimeMs = 300;
    d.createdAt = QDateTime::currentDateTimeUtc().addSecs(-600);
    return d;
}

}  // namespace

// The chat page inside the main window, against a feed server in the test: what the cards,
// the list and the transcript show, a dropped server, and the jump to a decision.
class TestChatPage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<Database> m_db;
    std::unique_ptr<Settings> m_settings;
    FeedServer m_server;
    std::unique_ptr<MainWindow> m_window;
    ChatPage *m_page = nullptr;
    QTableView *m_table = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_queued = 0;  // a P0 decision: in the queue page's list
    qint64 m_unqueued = 0;  // a P3 decision outside the sample: not listed, still pending

    QString card(const char *name) const
    {
        auto *c = m_page->findChild<LiveKpiCard *>(QLatin1String(name));
        return c ? c->value() + QStringLiteral(" | ") + c->note()
                 : QStringLiteral("<no card %1>").arg(QLatin1String(name));
    }
    QString stateText() const { return m_page->findChild<QLabel *>(QStringLiteral("chatState"))->text(); }
    int eventCount() const
    {
        static const QRegularExpression events(QStringLiteral("(\\d+) events,"));
        const auto m = events.match(stateText());
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }
    QString idAt(int row) const
    {
        return m_table->model()->index(row, 0).data(ChatConversationModel::IdRole).toString();
    }
    QString currentId() const { return m_table->currentIndex().data(ChatConversationModel::IdRole).toString(); }
    int rowOf(const QString &id) const
    {
        for (int r = 0; r < m_table->model()->rowCount(); ++r) {
            if (idAt(r) == id)
                return r;
        }
        return -1;
    }
    QString transcript() const { return m_page->findChild<ChatTranscriptView *>()->toPlainText(); }
    // The href of the transcript's decision link, read from the document the user sees.
    QString decisionLink() const
    {
        const QTextDocument *doc = m_page->findChild<ChatTranscriptView *>()->document();
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QString href = it.fragment().charFormat().anchorHref();
                if (href.startsWith(QLatin1String("decision:")))
                    return href;
            }
        }
        return {};
    }
    qint64 reviewSelection() const
    {
        const QTableView *table = reviewTable();
        const QModelIndex i = table->currentIndex();
        return i.isValid() ? qobject_cast<ReviewQueueModel *>(table->model())->item(i.row()).id : 0;
    }
    QTableView *reviewTable() const
    {
        return m_window->page(QStringLiteral("queue"))->findChild<QTableView *>(QStringLiteral("reviewTable"));
    }
    void select(const QString &id)
    {
        const int row = rowOf(id);
        QVERIFY2(row >= 0, qPrintable(id));
        m_table->setCurrentIndex(m_table->model()->index(row, 0));
        QCOMPARE(currentId(), id);
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        QCoreApplication::setApplicationName(QStringLiteral("tst_chat_page"));
        auto fresh = freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        m_db = fresh.db;
        DecisionRecorder repo(m_db);
        auto queued = repo.record(decision(0.40));
        QVERIFY(queued.ok());
        m_queued = queued->id;
        // P3 decisions are queued as a stable 10 % sample: take the first one left out.
        const ReviewQueue queue(m_db, ReviewRules::defaults());
        for (int i = 0; i < 20 && m_unqueued == 0; ++i) {
            auto r = repo.record(decision(0.99));
            QVERIFY(r.ok());
            auto items = queue.items({});
            QVERIFY(items.ok());
            if (std::none_of(items->begin(), items->end(), [&](const QueueItem &it) { return it.id == r->id; }))
                m_unqueued = r->id;
        }
        QVERIFY(m_unqueued > 0);

        QVERIFY(m_server.listen());
        qputenv("ATALAYA_CHAT_URL", m_server.url().toString().toUtf8());
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_window = std::make_unique<MainWindow>(AppContext{m_db, m_settings.get()});
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(m_window->showPage(QStringLiteral("chat")));
        m_page = qobject_cast<ChatPage *>(m_window->page(QStringLiteral("chat")));
        QVERIFY(m_page);
        m_table = m_page->findChild<QTableView *>();
        QVERIFY(m_table);
        m_tester = std::make_unique<QAbstractItemModelTester>(m_table->model(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.clients.size(), 1, 10000);
    }

    // A 1366×768 screen leaves ~728 px to a window: with the chat page built, the window must
    // still fit it (the page's panels scroll instead of raising the window's minimum height).
    void pageKeepsTheWindowWithinA768PixelScreen()
    {
        QVERIFY2(m_window->minimumSizeHint().height() <= 728,
                 qPrintable(QStringLiteral("window minimum height %1 px").arg(m_window->minimumSizeHint().height())));
        QVERIFY(m_page->minimumSizeHint().height() < 400);
    }

    // A connected page is loaded (what the PNG rendering waits for) once it shows a question and
    // its answer, not after a fixed delay: events that are not messages do not count, and until
    // a message comes the state line says there is none yet.
    void loadWaitsForTheFirstAnswer()
    {
        FeedServer quiet;
        QVERIFY(quiet.listen());
        const QByteArray shared = qgetenv("ATALAYA_CHAT_URL");
        qputenv("ATALAYA_CHAT_URL", quiet.url().toString().toUtf8());
        ChatPage page(AppContext{m_db, m_settings.get()});
        page.resize(1200, 800);
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(quiet.clients.size(), 1, 10000);
        qputenv("ATALAYA_CHAT_URL", shared);
        const auto state = [&page] { return page.findChild<QLabel *>(QStringLiteral("chatState"))->text(); };
        quiet.send(started(QStringLiteral("q-1")));
        QTRY_VERIFY2(state().contains(QLatin1String("1 events")), qPrintable(state()));
        QVERIFY2(state().contains(QLatin1String("no messages yet")), qPrintable(state()));
        QTest::qWait(3000);
        QCOMPARE(loaded.count(), 0);
        quiet.send(frame("{'type':'message','conversation_id':'q-1','role':'user','content':'hola','ts':'TS'}"));
        quiet.send(answer(QStringLiteral("q-1"), QStringLiteral("¡Hola!"), m_queued));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 2000);
        QVERIFY(loaded.first().at(0).toBool());
        QVERIFY2(!state().contains(QLatin1String("no messages yet")), qPrintable(state()));
    }

    void cardsShowTheWindowMetrics()
    {
        QTRY_VERIFY2(stateText().contains(QLatin1String("<b>Connected</b>")), qPrintable(stateText()));
        QCOMPARE(m_window->statusPanel()->feedText(), QStringLiteral("Live feed: Connected"));
        for (const QString &f : protocolExample(m_queued))
            m_server.send(f);
        // Hand-computed from the scenario: c-81 completed unresolved with a 5, c-90 still
        // open; answers of 850 ms (ok) and 400 ms (failed); four messages in under a minute.
        QTRY_COMPARE(card("kpiErrors"), QStringLiteral("1 | 1 since connect"));
        QTRY_VERIFY2(stateText().contains(QLatin1String("9 events, 0 malformed, 0 ignored")), qPrintable(stateText()));
        QCOMPARE(card("kpiActive"), QStringLiteral("1 | last 5 min"));
        QCOMPARE(card("kpiRate"), QStringLiteral("4.0 | 4 messages"));
        QCOMPARE(card("kpiLatencyAvg"), QStringLiteral("625 ms | last 5 min"));
        QCOMPARE(card("kpiLatencyP95"), QStringLiteral("850 ms | nearest rank"));
        QCOMPARE(card("kpiSuccess"), QStringLiteral("50.0 % | of assistant answers"));
        QCOMPARE(card("kpiSatisfaction"), QStringLiteral("5.00 ★ | 1 rating(s)"));
        QCOMPARE(card("kpiResolution"), QStringLiteral("0.0 % | of completed"));
        QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("intentName0"))->text(), QStringLiteral("billing"));
        QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("intentName1"))->text(), QStringLiteral("login"));
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("intentName2"))->text().isEmpty());
        QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("intentCount0"))->text(), QStringLiteral("1"));
        QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("intentCount1"))->text(), QStringLiteral("1"));
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("intentCount2"))->text().isEmpty());
    }

    // The intent counts sit at the page's right edge: as wide as their text from the moment they
    // are shown, and clear of the scroll area's vertical scrollbar ("11" showed as "1").
    void intentCountsAreWholeBesideTheScrollbar()
    {
        auto *scroll = m_page->findChild<QScrollArea *>();
        auto *intents = m_page->findChild<ChatTopIntents *>();
        QVERIFY(scroll && intents);
        QTRY_VERIFY(scroll->verticalScrollBar()->isVisible());
        QWidget *viewport = scroll->viewport();
        ChatWindowMetrics window;
        window.topIntents = {{QStringLiteral("billing"), 12345}, {QStringLiteral("login"), 11}};
        intents->show(window);
        for (int i = 0; i < 2; ++i) {
            auto *count = m_page->findChild<QLabel *>(QStringLiteral("intentCount%1").arg(i));
            QVERIFY(count);
            QVERIFY2(count->width() >= count->fontMetrics().horizontalAdvance(count->text()),
                     qPrintable(QStringLiteral("%1 in %2 px").arg(count->text()).arg(count->width())));
            const int right = count->mapTo(viewport, QPoint(count->width(), 0)).x();
            QVERIFY2(right < viewport->width(),
                     qPrintable(QStringLiteral("count ends at %1 of %2").arg(right).arg(viewport->width())));
        }
    }

    void listAndTranscriptFollowTheFeed()
    {
        QTRY_COMPARE(m_table->model()->rowCount(), 2);
        select(QStringLiteral("c-81"));
        QTRY_VERIFY2(transcript().contains(QStringLiteral("¿Cuál es mi saldo?")), qPrintable(transcript()));
        QVERIFY2(transcript().contains(QStringLiteral("review decision #%1").arg(m_queued)), qPrintable(transcript()));
        QCOMPARE(decisionLink(), QStringLiteral("decision:%1").arg(m_queued));

        m_server.send(started(QStringLiteral("c-95")));
        m_server.send(answer(QStringLiteral("c-81"), QStringLiteral("Anything else?"), m_queued));
        QTRY_VERIFY2(transcript().contains(QStringLiteral("Anything else?")), qPrintable(transcript()));
        QTRY_COMPARE(m_table->model()->rowCount(), 3);
        QCOMPARE(idAt(0), QStringLiteral("c-95"));  // new conversations arrive on top
        QCOMPARE(currentId(), QStringLiteral("c-81"));  // the reader's selection stays
        const int row = rowOf(QStringLiteral("c-81"));
        QCOMPARE(m_table->model()->index(row, ChatConversationModel::Messages).data().toInt(), 3);
    }

    // View → Theme → Dark: cards, live charts and the transcript take the dark palette
    // (no hard-coded light colours left), and going back to light restyles them again.
    void darkThemeKeepsThePageLegible_data()
    {
        QTest::addColumn<QString>("theme");
        QTest::newRow("dark") << QStringLiteral("dark");
        QTest::newRow("light") << QStringLiteral("light");
    }
    void darkThemeKeepsThePageLegible()
    {
        QFETCH(QString, theme);
        QCOMPARE(applyTheme(theme), theme);
        QCoreApplication::processEvents();
        const QColor base = QApplication::palette().color(QPalette::Base);
        QCOMPARE(base.lightness() < 128, theme == QLatin1String("dark"));
        const auto cards = m_page->findChildren<LiveKpiCard *>();
        QCOMPARE(cards.size(), 8 + 7);  // live, and the period's from the chat tables
        for (LiveKpiCard *card : cards) {
            auto *caption = card->findChild<QLabel *>(QStringLiteral("caption"));
            QVERIFY(caption);
            const QColor color = caption->palette().color(caption->foregroundRole());
            QVERIFY2(contrast(color, base) >= 3.0, qPrintable(card->objectName() + QLatin1Char(' ') + color.name()));
        }
        auto *charts = m_page->findChild<ChatLiveCharts *>();
        QVERIFY(charts);
        auto *history = m_page->findChild<ChatHistoryPanel *>();
        QVERIFY(history);
        for (ChartCard *card :
             {charts->rateCard(), charts->latencyCard(), history->messagesCard(), history->latencyCard()}) {
            QChart *chart = card->chart();
            QCOMPARE(chart->backgroundBrush().color(), base);
            QVERIFY(contrast(chart->titleBrush().color(), base) >= 4.5);
            for (QAbstractAxis *axis : chart->axes())
                QVERIFY2(contrast(axis->labelsColor(), base) >= 4.5, qPrintable(axis->labelsColor().name()));
        }
        // Every coloured run of the transcript (times, names, meta) reads on the view's base.
        select(QStringLiteral("c-81"));
        auto *view = m_page->findChild<ChatTranscriptView *>();
        QTRY_VERIFY(!transcript().isEmpty());
        int coloured = 0;
        for (QTextBlock b = view->document()->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat f = it.fragment().charFormat();
                if (!f.hasProperty(QTextFormat::ForegroundBrush))
                    continue;
                ++coloured;
                const QColor c = f.foreground().color();
                QVERIFY2(contrast(c, base) >= 3.0, qPrintable(it.fragment().text() + QLatin1Char(' ') + c.name()));
            }
        }
        QVERIFY(coloured > 0);
    }

    void scrollPositionSurvivesInsertions()
    {
        for (int i = 0; i < 80; ++i)
            m_server.send(started(QStringLiteral("s-%1").arg(i, 2, 10, QLatin1Char('0'))));
        QTRY_COMPARE(m_table->model()->rowCount(), 83);
        m_table->scrollTo(m_table->model()->index(40, 0), QAbstractItemView::PositionAtTop);
        const QString top = m_table->indexAt(QPoint(1, 1)).data(ChatConversationModel::IdRole).toString();
        QVERIFY(!top.isEmpty());
        QVERIFY(m_table->verticalScrollBar()->value() > 0);
        for (int i = 0; i < 5; ++i)
            m_server.send(started(QStringLiteral("t-%1").arg(i)));
        m_server.send(answer(QStringLiteral("c-81"), QStringLiteral("Still there?"), m_queued));
        QTRY_COMPARE(m_table->model()->rowCount(), 88);
        QTRY_VERIFY(transcript().contains(QStringLiteral("Still there?")));
        QCOMPARE(m_table->indexAt(QPoint(1, 1)).data(ChatConversationModel::IdRole).toString(), top);
        QCOMPARE(currentId(), QStringLiteral("c-81"));
        m_table->scrollToTop();
    }

    void answerLinkOpensItsDecisionInTheReviewQueue()
    {
        select(QStringLiteral("c-81"));
        QTRY_COMPARE(decisionLink(), QStringLiteral("decision:%1").arg(m_queued));
        auto *view = m_page->findChild<ChatTranscriptView *>();
        emit view->anchorClicked(QUrl(decisionLink()));
        QTRY_COMPARE(m_window->currentPage()->pageId(), QStringLiteral("queue"));
        QTRY_COMPARE(reviewSelection(), m_queued);

        // A decision the queue does not list (outside the P3 sample) is opened all the same.
        QCOMPARE(qobject_cast<ReviewQueueModel *>(reviewTable()->model())->rowOf(m_unqueued), -1);
        QVERIFY(m_window->showPage(QStringLiteral("chat")));
        m_server.send(answer(QStringLiteral("c-77"), QStringLiteral("Done."), m_unqueued));
        QTRY_VERIFY(rowOf(QStringLiteral("c-77")) >= 0);
        select(QStringLiteral("c-77"));
        QTRY_COMPARE(decisionLink(), QStringLiteral("decision:%1").arg(m_unqueued));
        emit view->anchorClicked(QUrl(decisionLink()));
        QTRY_COMPARE(m_window->currentPage()->pageId(), QStringLiteral("queue"));
        QTRY_COMPARE(reviewSelection(), m_unqueued);
        QVERIFY(m_window->showPage(QStringLiteral("chat")));
    }

    void droppedServerShowsItAndReconnects()
    {
        QCOMPARE(m_server.connections, 1);
        const int before = eventCount();
        QVERIFY(before > 0);
        m_server.drop();
        QTRY_VERIFY2_WITH_TIMEOUT(stateText().contains(QLatin1String("<b>Disconnected</b>")), qPrintable(stateText()),
                                  5000);
        QCOMPARE(m_window->statusPanel()->feedText(), QStringLiteral("Live feed: Disconnected"));
        // Backoff: 1 s ± 20 % before the first retry.
        QTRY_COMPARE_WITH_TIMEOUT(m_server.clients.size(), 1, 10000);
        QCOMPARE(m_server.connections, 2);
        QTRY_VERIFY2(stateText().contains(QLatin1String("<b>Connected</b>")), qPrintable(stateText()));
        // The same session goes on: the metrics keep counting across the reconnect.
        m_server.send(answer(QStringLiteral("c-99"), QStringLiteral("Back."), m_queued));
        QTRY_COMPARE(eventCount(), before + 1);
        QTRY_VERIFY(rowOf(QStringLiteral("c-99")) >= 0);
    }

    // Switching the language at runtime retranslates the page's fixed texts and charts.
    void languageSwitchRetranslatesThePage()
    {
        Language language;
        QCOMPARE(language.apply(QStringLiteral("es")), QStringLiteral("es"));
        auto *connectButton = m_page->findChild<QPushButton *>();
        auto *charts = m_page->findChild<ChatLiveCharts *>();
        auto *rate = m_page->findChild<LiveKpiCard *>(QStringLiteral("kpiRate"));
        QVERIFY(connectButton && charts && rate);
        QTRY_COMPARE(connectButton->text(), QStringLiteral("Conectar"));  // LanguageChange is posted
        QCOMPARE(charts->rateCard()->chart()->title(), QStringLiteral("Mensajes por minuto"));
        QCOMPARE(rate->title(), QStringLiteral("Mensajes / min"));
        QVERIFY2(stateText().contains(QLatin1String("<b>Conectado</b>")), qPrintable(stateText()));
        QCOMPARE(language.apply(QStringLiteral("en")), QStringLiteral("en"));
        QTRY_COMPARE(connectButton->text(), QStringLiteral("Connect"));
        QCOMPARE(charts->rateCard()->chart()->title(), QStringLiteral("Messages per minute"));
        QLocale::setDefault(QLocale::c());
    }

    // A server that closes on the token is not retried: the page says why and what to do.
    void refusedTokenIsNotRetried()
    {
        QTRY_COMPARE(m_server.clients.size(), 1);
        const int connections = m_server.connections;
        m_server.clients.first()->close(QWebSocketProtocol::CloseCodePolicyViolated,
                                        QStringLiteral("missing or wrong bearer token"));
        QTRY_VERIFY2(stateText().contains(QLatin1String("<b>Refused</b>")), qPrintable(stateText()));
        QVERIFY2(stateText().contains(QLatin1String("missing or wrong bearer token")), qPrintable(stateText()));
        QVERIFY2(stateText().contains(QStringLiteral("<b>Token…</b>")), qPrintable(stateText()));
        QCOMPARE(m_window->statusPanel()->feedText(), QStringLiteral("Live feed: Refused"));
        // A witness dropped after the refusal, whose first retry comes after the page's would
        // (2 s ± 20 % against 1 s ± 20 %), reconnects: by then a retry of the page had come.
        FeedServer witnessServer;
        QVERIFY(witnessServer.listen());
        ChatFeedClient witness;
        ChatFeedOptions witnessOptions;
        witnessOptions.url = witnessServer.url();
        witnessOptions.initialBackoffMs = 2000;
        witness.start(witnessOptions);
        QTRY_COMPARE_WITH_TIMEOUT(witnessServer.clients.size(), 1, 10000);
        witnessServer.clients.first()->close(QWebSocketProtocol::CloseCodeGoingAway);
        QTRY_COMPARE_WITH_TIMEOUT(witnessServer.connections, 2, 30000);
        QCOMPARE(m_server.connections, connections);
    }

    void cleanupTestCase()
    {
        applyTheme(QString());
        m_tester.reset();
        m_window.reset();
    }
};

QTEST_MAIN(TestChatPage)
#include "tst_chat_page.moc"
