#pragma once

#include "core/chat/ChatFeedClient.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace atalaya {

struct ChatWatchOptions {
    ChatFeedOptions feed;
    double untilIdleSeconds = -1;  // > 0: end after this long without an event, once connected
    double maxSeconds = -1;  // > 0: end after this long at most
};

// Why a watch ended.
enum class ChatWatchEnd {
    Stopped,  // stop(): Ctrl-C, SIGTERM
    Idle,  // untilIdleSeconds without an event
    MaxSeconds,  // maxSeconds elapsed
    Refused,  // the client gave up: see ChatWatchFailure
    Unreachable,  // the very first connection failed: there is no feed to wait for
};

// What was wrong with the feed when the watch ended (None: connected).
enum class ChatWatchFailure {
    None,
    RefusedToken,  // the server closed with "policy violated", its answer to the bearer token
    RefusedUrl,  // a URL the client would not try
    Unreachable,  // no connection was ever made
    DroppedRetrying,  // it was connected, the connection dropped, and a retry was pending
    NotYetConnected,  // the first connection was still being made
};

struct ChatWatchResult {
    ChatWatchEnd end = ChatWatchEnd::Stopped;
    ChatWatchFailure failure = ChatWatchFailure::None;
    QString reason;  // the client's words for the failure, without any retry schedule
    ErrorCode refusalCode = ErrorCode::Unavailable;  // with failure RefusedToken / RefusedUrl
    qint64 events = 0;
    // chatMetricsJson of the rolling window at the end, with "error": reason when not connected.
    QJsonObject metrics;

    bool connected() const { return failure == ChatWatchFailure::None; }
    // docs/CLI.md §`chat watch`: 0, or why there was nothing to watch (4 unreachable or refused,
    // 2 for a URL it would not try). A feed that delivered events and then dropped is still a
    // watch that worked.
    int exitCode() const;
};

// `chat watch` without the command line: runs a ChatFeedClient on this thread until the feed
// goes idle, the time is up, stop() is called, or there is no feed to watch; then says why,
// with typed reasons instead of text to parse.
class ChatWatch : public QObject {
    Q_OBJECT
public:
    explicit ChatWatch(ChatWatchOptions options, QObject *parent = nullptr);
    ~ChatWatch() override;

    void start();
    void stop();
    bool isFinished() const { return m_finished; }
    const ChatWatchResult &result() const { return m_result; }
    // Whether the feed has been connected at least once (a drop after it is a dropped feed,
    // before it an unreachable one).
    bool everConnected() const { return m_client.everConnected(); }
    // start() and an event loop until finished().
    ChatWatchResult run();

signals:
    void finished(const atalaya::ChatWatchResult &result);

private:
    void onState(ChatFeedClient::State state);
    void onTick();
    void finish(ChatWatchEnd end);

    ChatWatchOptions m_options;
    ChatFeedClient m_client;
    QTimer m_tick;
    qint64 m_startedMs = 0;
    qint64 m_connectedMs = 0;
    bool m_finished = false;
    ChatWatchResult m_result;
};

}  // namespace atalaya
