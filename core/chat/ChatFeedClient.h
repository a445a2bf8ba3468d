#pragma once

#include "core/chat/ChatMetrics.h"
#include "core/common/Result.h"

#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <bitset>

class QWebSocket;

namespace atalaya {

inline constexpr qint64 kDefaultMaxMessageBytes = 1024 * 1024;

struct ChatFeedOptions {
    QUrl url;
    QString token;  // sent as "Authorization: Bearer <token>"; never logged
    bool allowInsecureRemote = false;  // ws:// to a non-loopback host, after the user confirmed
    int windowSeconds = 300;
    int initialBackoffMs = 1000;
    int maxBackoffMs = 60000;
    int handshakeTimeoutMs = 10000;
    // Larger messages are refused by Qt before their payload is read (memory stays bounded:
    // without a cap a 50 MB frame peaked at 349 MB) and counted as malformed.
    qint64 maxMessageBytes = kDefaultMaxMessageBytes;
    bool reconnect = true;
};

// Checks scheme, host and the ws:// loopback rule before any connection is tried.
Status validateChatFeedUrl(const QUrl &url, bool allowInsecureRemote);
bool isLoopbackHost(const QString &host);

// The read-only subscriber of the chat monitoring WebSocket (docs/CHAT_PROTOCOL.md): parses and
// validates frames, feeds ChatMetrics, reconnects with exponential backoff and jitter.
// Lives in one thread (the CLI's main thread, or the GUI's feed thread); metrics() may be
// read from any thread under withMetrics().
class ChatFeedClient : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Connected, WaitingToReconnect, Refused };
    Q_ENUM(State)

    explicit ChatFeedClient(QObject *parent = nullptr);
    ~ChatFeedClient() override;

    // Resets the totals ("since connect") and connects.
    void start(const ChatFeedOptions &options);
    void stop();

    State state() const { return m_state; }
    QString stateDetail() const { return m_detail; }
    bool everConnected() const { return m_everConnected; }
    // Why the most recent connection ended; kept while the next attempt is in flight, so a
    // caller that stops mid-retry can still say what went wrong.
    QString lastFailure() const { return m_lastFailure; }
    int reconnectAttempt() const { return m_attempt; }
    // Why the client gave up instead of retrying (state Refused): a URL it would not try
    // (Usage), or a server that closed with "policy violated", its answer to the token
    // (Unavailable).
    ErrorCode refusalCode() const { return m_refusalCode; }
    // Backoff before reconnect attempt n (1-based): 1 s doubling to 60 s, ±20% jitter.
    static int backoffMs(int attempt, int initialMs, int maxMs, double jitter01);

    template <typename F> auto withMetrics(F &&f)
    {
        QMutexLocker lock(&m_mutex);
        return f(m_metrics);
    }

signals:
    void stateChanged(atalaya::ChatFeedClient::State state, const QString &detail);
    // At most every ~50 ms while events arrive: something changed.
    void updated();

private:
    void openSocket();
    void dropSocket();
    void onConnected();
    void onText(const QString &message);
    void onBinary(const QByteArray &message);
    QString lossReason() const;
    QString localProtocolClose() const;
    void onLost(const QString &reason);
    void refuse(ErrorCode code, const QString &reason);
    void setState(State state, const QString &detail);
    void markDirty();
    void logMalformed(const ChatParseResult &result);

    ChatFeedOptions m_options;
    QWebSocket *m_socket = nullptr;
    QTimer m_retryTimer;
    QTimer m_handshakeTimer;
    QTimer m_updateTimer;
    State m_state = State::Idle;
    QString m_detail;
    QString m_lastFailure;
    QString m_pendingError;
    int m_attempt = 0;
    ErrorCode m_refusalCode = ErrorCode::Usage;
    bool m_everConnected = false;
    bool m_gotEventSinceConnect = false;
    std::bitset<kMalformedKinds> m_loggedKinds;
    ChatParseResult m_scratch;
    QMutex m_mutex;
    ChatMetrics m_metrics;
};

QString chatStateName(ChatFeedClient::State state);

}  // namespace atalaya
