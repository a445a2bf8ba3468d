#include "core/chat/ChatMetrics.h"
#include "core/aggregates/Percentiles.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace atalaya;

namespace {

constexpr qint64 kT0 = 1795255200000;  // 2026-11-21T10:00:00Z, a whole second

ChatEvent started(const char *id)
{
    ChatEvent e;
    e.type = ChatEvent::Type::ConversationStarted;
    e.conversationId = QString::fromLatin1(id);
    return e;
}
ChatEvent message(const char *id, bool assistant, std::optional<qint64> latency = {}, const char *intent = "",
                  bool success = true)
{
    ChatEvent e;
    e.type = ChatEvent::Type::Message;
    e.conversationId = QString::fromLatin1(id);
    e.assistant = assistant;
    e.content = QStringLiteral("hola");
    e.latencyMs = latency;
    e.intent = QString::fromLatin1(intent);
    e.success = success;
    return e;
}
ChatEvent simple(ChatEvent::Type type, const char *id, int rating = 0, bool resolved = false)
{
    ChatEvent e;
    e.type = type;
    e.conversationId = QString::fromLatin1(id);
    e.rating = rating;
    e.resolved = resolved;
    e.code = QStringLiteral("llm_timeout");
    return e;
}

// The scenario worked by hand in the comments of windowMatchesHandComputedValues.
void feedScenario(ChatMetrics &m)
{
    auto at = [&](int second, ChatEvent e) {
        e.tsMs = kT0 + second * 1000;
        m.add(e, kT0 + second * 1000 + 250);
    };
    at(0, started("c1"));
    at(1, message("c1", false));
    at(2, message("c1", true, 100, "billing"));
    at(3, message("c2", false));  // c2 starts implicitly
    at(4, message("c2", true, 300, "login", false));
    at(5, message("c2", true, 200, "billing"));
    at(6, simple(ChatEvent::Type::Error, "c2"));
    at(7, simple(ChatEvent::Type::ConversationCompleted, "c1", 0, true));
    at(8, simple(ChatEvent::Type::Satisfaction, "c1", 5));
    at(9, started("c3"));
    at(10, simple(ChatEvent::Type::ConversationCompleted, "c3", 0, false));
    at(11, simple(ChatEvent::Type::Satisfaction, "c3", 2));
    at(12, simple(ChatEvent::Type::Heartbeat, ""));
}

}  // namespace

class TestChatMetrics : public QObject {
    Q_OBJECT
private slots:
    void windowMatchesHandComputedValues()
    {
        ChatMetrics m(300);
        feedScenario(m);
        const ChatTotals &t = m.totals();
        QCOMPARE(t.events, 13);
        QCOMPARE(t.conversationsStarted, 2);
        QCOMPARE(t.conversationsCompleted, 2);
        QCOMPARE(t.messages, 5);
        QCOMPARE(t.userMessages, 2);
        QCOMPARE(t.assistantMessages, 3);
        QCOMPARE(t.errors, 1);

        const ChatWindowMetrics w = m.window(kT0 + 20000);
        QCOMPARE(w.activeConversations, 1);  // c2: c1 and c3 completed
        QCOMPARE(w.messagesPerMinute, 5.0);  // 5 messages / 1 minute (20 s covered, 1 min floor)
        QCOMPARE(w.latencyAvgMs.value_or(-1), 200.0);  // (100+300+200)/3
        QCOMPARE(w.latencyP95Ms.value_or(-1), 300);  // rank ceil(0.95·3)=3 of 100,200,300
        QCOMPARE(w.successRate.value_or(-1), 2.0 / 3.0);
        QCOMPARE(w.satisfactionCount, 2);
        QCOMPARE(w.satisfactionAvg.value_or(-1), 3.5);
        QCOMPARE(w.resolutionRate.value_or(-1), 0.5);
        QCOMPARE(w.errors, 1);
        QCOMPARE(int(w.topIntents.size()), 2);
        QCOMPARE(w.topIntents[0].first, QStringLiteral("billing"));
        QCOMPARE(w.topIntents[0].second, 2);
        QCOMPARE(w.topIntents[1].first, QStringLiteral("login"));

        const QJsonObject json = chatMetricsJson(true, t, w);
        QCOMPARE(json.value(QStringLiteral("window_seconds")).toInt(), 300);
        const QJsonObject win = json.value(QStringLiteral("window")).toObject();
        QCOMPARE(win.value(QStringLiteral("assistant_latency_ms")).toObject().value(QStringLiteral("p95")).toInt(),
                 300);
        QCOMPARE(
            win.value(QStringLiteral("top_intents")).toArray().at(0).toObject().value(QStringLiteral("count")).toInt(),
            2);
        QCOMPARE(json.value(QStringLiteral("totals")).toObject().keys(),
                 (QStringList{"assistant_messages", "conversations_completed", "conversations_started", "errors",
                              "events", "ignored", "malformed", "messages", "user_messages"}));
    }

    void messagesPerMinuteCoversTheTimeSinceTheFirstEvent()
    {
        ChatMetrics m(300);
        for (int i = 0; i < 240; ++i)  // one message per second for 4 minutes
            m.add(message("c", false), kT0 + i * 1000);
        QCOMPARE(m.window(kT0 + 240000).messagesPerMinute, 60.0);  // 240 / 4 min
        QCOMPARE(m.window(kT0 + 400000).messagesPerMinute, 139.0 / 5.0);  // seconds 101..239 left: 139 / 5 min
    }

    void windowEvictsByTime()
    {
        ChatMetrics m(300);
        feedScenario(m);
        // At t0+303 s the window holds seconds 4..303: the first four events left it.
        ChatWindowMetrics w = m.window(kT0 + 303000);
        QCOMPARE(w.messagesPerMinute, 0.4);  // 2 messages / 5 minutes (the whole window covered)
        QCOMPARE(w.latencyAvgMs.value_or(-1), 250.0);
        QCOMPARE(w.latencyP95Ms.value_or(-1), 300);  // rank ceil(0.95·2)=2 of 200,300
        QCOMPARE(w.successRate.value_or(-1), 0.5);
        QCOMPARE(w.activeConversations, 1);  // c2's last event (second 6) is inside
        QCOMPARE(int(w.topIntents.size()), 2);
        QCOMPARE(w.topIntents[0], std::make_pair(QStringLiteral("billing"), qint64(1)));
        QCOMPARE(w.topIntents[1], std::make_pair(QStringLiteral("login"), qint64(1)));
        // At t0+307 s only seconds 8.. remain: two ratings, c3's unresolved completion.
        w = m.window(kT0 + 307000);
        QCOMPARE(w.messagesPerMinute, 0.0);
        QVERIFY(!w.latencyAvgMs && !w.latencyP95Ms && !w.successRate);
        QCOMPARE(w.satisfactionCount, 2);
        QCOMPARE(w.resolutionRate.value_or(-1), 0.0);
        QCOMPARE(w.activeConversations, 0);
        QCOMPARE(w.errors, 0);
        QVERIFY(w.topIntents.empty());
        QCOMPARE(m.totals().messages, 5);  // totals are since connect, never evicted
        w = m.window(kT0 + 400000);
        QCOMPARE(w.satisfactionCount, 0);
        QVERIFY(!w.resolutionRate);
        QCOMPARE(m.trackedConversations(), 0);
    }

    void p95AgreesWithNearestRankUnderEviction()
    {
        ChatMetrics m(60);
        QRandomGenerator rng(7);
        std::vector<std::pair<qint64, qint64>> all;  // arrival ms, latency
        for (int i = 0; i < 20000; ++i) {
            const qint64 now = kT0 + i * 17;
            // A long tail beyond the dense table too.
            const qint64 latency = rng.bounded(100) == 0 ? 60000 + rng.bounded(200000) : rng.bounded(5000);
            m.add(message("c", true, latency), now);
            all.emplace_back(now, latency);
            if (i % 2500 == 2499) {
                const qint64 oldest = (now / 1000 - 60 + 1) * 1000;
                std::vector<qint64> inWindow;
                for (const auto &[t, l] : all)
                    if (t >= oldest)
                        inWindow.push_back(l);
                QCOMPARE(m.window(now).latencyP95Ms, nearestRank(inWindow, 95));
            }
        }
    }

    void memoryStaysBounded()
    {
        ChatMetricsLimits limits;
        limits.maxConversations = 500;
        limits.maxTranscriptBudget = 2000;
        limits.maxTranscriptLines = 10;
        limits.maxIntents = 20;
        ChatMetrics m(300, limits);
        for (int i = 0; i < 200000; ++i) {
            const QByteArray id = "c" + QByteArray::number(i / 3);
            ChatEvent e = message(id.constData(), i % 2, i % 700, nullptr);
            e.intent = QStringLiteral("intent-%1").arg(i % 97);
            e.content = QString(2000, QLatin1Char('x'));
            m.add(e, kT0 + i);
            QVERIFY(m.trackedConversations() <= 550);
            QVERIFY(m.transcriptLines() <= 2 * 2000 + 10);
        }
        const ChatWindowMetrics w = m.window(kT0 + 200000);
        QCOMPARE(m.totals().messages, 200000);
        QVERIFY(m.trackedConversations() <= 550);  // the cap trims at +10% down to -10%
        QVERIFY(m.transcriptLines() <= 2000);
        for (const auto &line : m.transcript(m.recentConversations(1).at(0).id))
            QVERIFY(line.text.size() <= 500);
        // 97 distinct intents, 20 kept by name, the rest folded into "(other)".
        qint64 sum = 0;
        for (const auto &[name, count] : m.window(kT0 + 200000, 1000).topIntents)
            sum += count;
        QCOMPARE(sum, w.messages);
    }

    void conversationListAndTranscript()
    {
        ChatMetrics m(300);
        feedScenario(m);
        const auto list = m.recentConversations(10);
        QCOMPARE(int(list.size()), 3);
        QCOMPARE(list[0].id, QStringLiteral("c3"));  // most recent first
        QCOMPARE(list[0].rating, 2);
        QVERIFY(list[0].completed && !list[0].resolved);
        const auto c2 = m.transcript(QStringLiteral("c2"));
        QCOMPARE(int(c2.size()), 4);  // user, 2 answers, the error
        QCOMPARE(int(c2[1].kind), int(ChatTranscriptLine::Kind::Assistant));
        QCOMPARE(c2[1].latencyMs.value_or(-1), 300);
        QCOMPARE(int(c2[3].kind), int(ChatTranscriptLine::Kind::Error));
    }
};

QTEST_GUILESS_MAIN(TestChatMetrics)
#include "tst_chatmetrics.moc"
