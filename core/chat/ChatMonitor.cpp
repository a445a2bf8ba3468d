#include "core/chat/ChatMonitor.h"

#include <QDateTime>
#include <QTimer>

namespace atalaya {

namespace {
constexpr int kListedConversations = 200;
}  // namespace

ChatMonitor::ChatMonitor(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const ChatSnapshot>>();
    m_client = new ChatFeedClient;
    m_tick = new QTimer;
    m_tick->setInterval(1000);
    m_client->moveToThread(&m_thread);
    m_tick->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_client, &QObject::deleteLater);
    connect(&m_thread, &QThread::finished, m_tick, &QObject::deleteLater);
    ChatFeedClient *client = m_client;
    auto publish = [this, client] {
        auto s = std::make_shared<ChatSnapshot>();
        s->state = client->state();
        s->detail = client->stateDetail();
        s->everConnected = client->everConnected();
        s->refusedByServer =
            s->state == ChatFeedClient::State::Refused && client->refusalCode() == ErrorCode::Unavailable;
        s->takenAtMs = QDateTime::currentMSecsSinceEpoch();
        client->withMetrics([&](ChatMetrics &m) {
            s->totals = m.totals();
            s->window = m.window(s->takenAtMs);
            s->series = m.series(s->takenAtMs);
            s->conversations = m.recentConversations(kListedConversations, m_pinned);
            s->lastEventTsMs = m.lastEventTsMs();
            return 0;
        });
        emit snapshotReady(std::move(s));
    };
    // Both run on the feed thread (their context object lives there).
    connect(m_client, &ChatFeedClient::updated, m_client, publish);
    connect(m_tick, &QTimer::timeout, m_client, publish);
    m_thread.setObjectName(QStringLiteral("chat-feed"));
    m_thread.start();
}

ChatMonitor::~ChatMonitor()
{
    QMetaObject::invokeMethod(
        m_client,
        [client = m_client, tick = m_tick] {
            tick->stop();
            client->stop();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ChatMonitor::start(const ChatFeedOptions &options, std::function<QString()> token)
{
    QMetaObject::invokeMethod(m_client, [client = m_client, tick = m_tick, options, token = std::move(token)] {
        ChatFeedOptions withToken = options;
        if (withToken.token.isEmpty() && token)
            withToken.token = token();
        client->start(withToken);
        tick->start();
    });
}

void ChatMonitor::stop()
{
    QMetaObject::invokeMethod(m_client, [client = m_client, tick = m_tick] {
        tick->stop();
        client->stop();
    });
}

void ChatMonitor::setPinnedConversation(const QString &conversationId)
{
    QMetaObject::invokeMethod(m_client, [this, conversationId] { m_pinned = conversationId; });
}

std::pair<qint64, qint64> ChatMonitor::held() const
{
    return m_client->withMetrics(
        [](ChatMetrics &m) { return std::pair(m.trackedConversations(), m.transcriptLines()); });
}

std::vector<ChatTranscriptLine> ChatMonitor::transcript(const QString &conversationId) const
{
    return m_client->withMetrics([&](ChatMetrics &m) { return m.transcript(conversationId); });
}

}  // namespace atalaya
