#include "core/chat/ChatWatch.h"

#include <QDateTime>
#include <QEventLoop>

namespace atalaya {

int ChatWatchResult::exitCode() const
{
    switch (failure) {
    case ChatWatchFailure::None: return 0;
    case ChatWatchFailure::RefusedToken:
    case ChatWatchFailure::RefusedUrl: return static_cast<int>(refusalCode);
    case ChatWatchFailure::Unreachable: return static_cast<int>(ErrorCode::Unavailable);
    case ChatWatchFailure::DroppedRetrying:
    case ChatWatchFailure::NotYetConnected:
        // Disconnected without a single event (server gone at once): a failure to watch,
        // not an empty success.
        return events == 0 ? static_cast<int>(ErrorCode::Unavailable) : 0;
    }
    return static_cast<int>(ErrorCode::Internal);
}

ChatWatch::ChatWatch(ChatWatchOptions options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    m_tick.setInterval(50);
    connect(&m_tick, &QTimer::timeout, this, &ChatWatch::onTick);
    connect(&m_client, &ChatFeedClient::stateChanged, this,
            [this](ChatFeedClient::State state, const QString &) { onState(state); });
}

ChatWatch::~ChatWatch()
{
    m_client.stop();
}

void ChatWatch::start()
{
    m_finished = false;
    m_result = {};
    m_connectedMs = 0;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    m_tick.start();
    m_client.start(m_options.feed);
}

void ChatWatch::stop()
{
    finish(ChatWatchEnd::Stopped);
}

ChatWatchResult ChatWatch::run()
{
    QEventLoop loop;
    connect(this, &ChatWatch::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(0, this, &ChatWatch::start);
    loop.exec();
    return m_result;
}

void ChatWatch::onState(ChatFeedClient::State state)
{
    if (state == ChatFeedClient::State::Connected && m_connectedMs == 0)
        m_connectedMs = QDateTime::currentMSecsSinceEpoch();
    // The first attempt failing means the feed is not there: say so, don't wait forever.
    if (state == ChatFeedClient::State::WaitingToReconnect && !m_client.everConnected())
        finish(ChatWatchEnd::Unreachable);
    else if (state == ChatFeedClient::State::Refused)
        finish(ChatWatchEnd::Refused);
}

void ChatWatch::onTick()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_options.maxSeconds > 0 && now - m_startedMs >= qint64(m_options.maxSeconds * 1000)) {
        finish(ChatWatchEnd::MaxSeconds);
        return;
    }
    // Idle counts from the connection, not from the start: a slow handshake is not silence.
    if (m_options.untilIdleSeconds > 0 && m_connectedMs > 0) {
        const qint64 last = m_client.withMetrics([](ChatMetrics &m) { return m.lastArrivalMs().value_or(0); });
        if (now - std::max(last, m_connectedMs) >= qint64(m_options.untilIdleSeconds * 1000))
            finish(ChatWatchEnd::Idle);
    }
}

void ChatWatch::finish(ChatWatchEnd end)
{
    if (m_finished)
        return;
    m_finished = true;
    m_tick.stop();
    ChatWatchResult r;
    r.end = end;
    using State = ChatFeedClient::State;
    const State state = m_client.state();
    if (state == State::Refused) {
        r.refusalCode = m_client.refusalCode();
        r.failure =
            r.refusalCode == ErrorCode::Unavailable ? ChatWatchFailure::RefusedToken : ChatWatchFailure::RefusedUrl;
    } else if (state != State::Connected && m_client.everConnected()) {
        r.failure = ChatWatchFailure::DroppedRetrying;
    } else if (state != State::Connected) {
        r.failure =
            state == State::WaitingToReconnect ? ChatWatchFailure::Unreachable : ChatWatchFailure::NotYetConnected;
    }
    const bool connected = r.failure == ChatWatchFailure::None;
    r.metrics = m_client.withMetrics([&](ChatMetrics &m) {
        r.events = m.totals().events;
        return chatMetricsJson(connected, m.totals(), m.window(QDateTime::currentMSecsSinceEpoch()));
    });
    if (!connected) {
        r.reason = m_client.lastFailure();
        // Only a pending retry adds a schedule to the detail, and then lastFailure is set.
        if (r.reason.isEmpty())
            r.reason = m_client.stateDetail();
        if (r.reason.isEmpty())
            r.reason = chatStateName(state);
        r.metrics.insert(QStringLiteral("error"), r.reason);
    }
    m_client.stop();
    m_result = r;
    emit finished(m_result);
}

}  // namespace atalaya
