#include "core/chat/ChatFeedClient.h"

#include "core/chat/ChatParser.h"
#include "core/logging/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QWebSocket>

#include <algorithm>
#include <cmath>
#include <utility>

namespace atalaya {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Status validateChatFeedUrl(const QUrl &url, bool allowInsecureRemote)
{
    if (!url.isValid() || url.host().isEmpty())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("chat feed URL '%1' is not a valid ws:// or wss:// URL")
                             .arg(url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))
        return makeError(ErrorCode::Usage, QStringLiteral("chat feed URL scheme '%1' must be ws or wss").arg(scheme));
    if (scheme == QLatin1String("ws") && !allowInsecureRemote && !isLoopbackHost(url.host()))
        return makeError(ErrorCode::Usage,
                         QStringLiteral("ws:// (unencrypted) is allowed only to loopback; use wss://%1 "
                                        "or confirm the insecure connection explicitly")
                             .arg(url.host()));
    return {};
}

QString chatStateName(ChatFeedClient::State state)
{
    switch (state) {
    case ChatFeedClient::State::Idle: return QStringLiteral("idle");
    case ChatFeedClient::State::Connecting: return QStringLiteral("connecting");
    case ChatFeedClient::State::Connected: return QStringLiteral("connected");
    case ChatFeedClient::State::WaitingToReconnect: return QStringLiteral("reconnecting");
    case ChatFeedClient::State::Refused: return QStringLiteral("refused");
    }
    return {};
}

int ChatFeedClient::backoffMs(int attempt, int initialMs, int maxMs, double jitter01)
{
    const double base = std::min<double>(maxMs, initialMs * std::pow(2.0, std::max(0, attempt - 1)));
    const double jittered = base * (0.8 + 0.4 * jitter01);
    return static_cast<int>(std::clamp(jittered, double(initialMs) * 0.8, double(maxMs)));
}

ChatFeedClient::ChatFeedClient(QObject *parent)
    // The timers are children so that moveToThread() takes them along.
    : QObject(parent), m_retryTimer(this), m_handshakeTimer(this), m_updateTimer(this)
{
    m_retryTimer.setSingleShot(true);
    m_handshakeTimer.setSingleShot(true);
    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(50);
    connect(&m_retryTimer, &QTimer::timeout, this, &ChatFeedClient::openSocket);
    connect(&m_handshakeTimer, &QTimer::timeout, this,
            [this] { onLost(tr("no WebSocket handshake within %1 s").arg(m_options.handshakeTimeoutMs / 1000.0)); });
    connect(&m_updateTimer, &QTimer::timeout, this, &ChatFeedClient::updated);
}

ChatFeedClient::~ChatFeedClient()
{
    // No signals from a half-destroyed object: receivers may already be gone.
    blockSignals(true);
    stop();
}

void ChatFeedClient::start(const ChatFeedOptions &options)
{
    stop();
    m_options = options;
    {
        QMutexLocker lock(&m_mutex);
        m_metrics = ChatMetrics(options.windowSeconds);
    }
    m_attempt = 0;
    m_everConnected = false;
    m_lastFailure.clear();
    if (auto valid = validateChatFeedUrl(options.url, options.allowInsecureRemote); !valid) {
        refuse(valid.error().code, valid.error().message);
        return;
    }
    openSocket();
}

void ChatFeedClient::stop()
{
    m_retryTimer.stop();
    m_handshakeTimer.stop();
    dropSocket();
    if (m_state != State::Idle && m_state != State::Refused)
        setState(State::Idle, tr("stopped"));
}

void ChatFeedClient::dropSocket()
{
    if (!m_socket)
        return;
    QWebSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void ChatFeedClient::openSocket()
{
    dropSocket();
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setReadBufferSize(0);
    const auto cap = static_cast<quint64>(std::max<qint64>(m_options.maxMessageBytes, 1));
    m_socket->setMaxAllowedIncomingFrameSize(cap);
    m_socket->setMaxAllowedIncomingMessageSize(cap);
    m_pendingError.clear();
    m_gotEventSinceConnect = false;
    connect(m_socket, &QWebSocket::connected, this, &ChatFeedClient::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ChatFeedClient::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ChatFeedClient::onBinary);
    connect(m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_state == State::Connecting)
                    onLost(lossReason());
            });
#ifndef QT_NO_SSL
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Not ignored: the handshake is aborted and the reason shown (docs/RELIABILITY.md §Security).
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        m_pendingError = tr("TLS certificate rejected: %1").arg(texts.join(QStringLiteral("; ")));
        qCWarning(lcChat).noquote() << m_pendingError;
    });
#endif
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        if (const QString local = localProtocolClose(); !local.isEmpty()) {
            {
                QMutexLocker lock(&m_mutex);
                m_metrics.addMalformed(1);
            }
            logEvent(lcChat(), QtWarningMsg, QStringLiteral("chat feed: %1").arg(local));
            onLost(local);
            return;
        }
        // Retrying with the same token cannot turn this answer into a different one.
        if (m_socket->closeCode() == QWebSocketProtocol::CloseCodePolicyViolated)
            refuse(ErrorCode::Unavailable, lossReason());
        else
            onLost(lossReason());
    });
    QNetworkRequest request(m_options.url);
    if (!m_options.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_options.token.toUtf8());
    setState(State::Connecting, m_options.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
    m_handshakeTimer.start(m_options.handshakeTimeoutMs);
    m_socket->open(request);
}

QString ChatFeedClient::lossReason() const
{
    // A close frame's reason ("wrong bearer token") says more than the socket error that
    // follows when the server then drops the TCP connection, as python websockets does.
    if (!m_pendingError.isEmpty())
        return m_pendingError;
    if (m_socket && !m_socket->closeReason().isEmpty())
        return tr("closed by the server: %1").arg(m_socket->closeReason());
    if (m_socket && m_socket->error() != QAbstractSocket::UnknownSocketError)
        return m_socket->errorString();
    return m_state == State::Connecting ? tr("could not connect") : tr("connection closed by the server");
}

// Qt's WebSocket closes the connection itself on a message over the cap or a text frame that
// is not UTF-8 (RFC 6455 §8.1 requires that), and reports it as a close code and reason like a
// server's: its own reason texts tell the two apart. Such a message is the server's fault but
// not its choice to close, so it is counted as malformed and the feed reconnects.
QString ChatFeedClient::localProtocolClose() const
{
    if (!m_socket)
        return {};
    const QString reason = m_socket->closeReason();
    auto qtSaid = [&reason](const char *context, const char *text) {
        return reason == QLatin1String(text) || reason == QCoreApplication::translate(context, text);
    };
    if (m_socket->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData
        && (qtSaid("QWebSocketFrame", "Maximum framesize exceeded.")
            || qtSaid("QWebSocketDataProcessor", "Received message is too big.")))
        return tr("a message over the %1-byte cap arrived (dropped, counted as malformed); Qt's WebSocket "
                  "closes the connection on it, so it reconnects")
            .arg(m_options.maxMessageBytes);
    if (m_socket->closeCode() == QWebSocketProtocol::CloseCodeWrongDatatype
        && qtSaid("QWebSocketDataProcessor", "Invalid UTF-8 code encountered."))
        return tr("a text frame that is not valid UTF-8 arrived (dropped, counted as malformed); Qt's "
                  "WebSocket closes the connection on it (code 1007), so it reconnects");
    return {};
}

void ChatFeedClient::onConnected()
{
    m_handshakeTimer.stop();
    m_everConnected = true;
    setState(State::Connected, m_options.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
}

void ChatFeedClient::onText(const QString &message)
{
    m_scratch.events.clear();
    m_scratch.ignored = 0;
    m_scratch.malformed = {};
    parseChatFrame(message.toUtf8(), m_scratch);
    if (m_scratch.malformedTotal() > 0) {
        logMalformed(m_scratch);
        m_scratch.sample = {};
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        QMutexLocker lock(&m_mutex);
        for (const ChatEvent &e : m_scratch.events)
            m_metrics.add(e, now);
        m_metrics.addIgnored(m_scratch.ignored);
        m_metrics.addMalformed(m_scratch.malformedTotal());
    }
    if (!m_scratch.events.empty() && !m_gotEventSinceConnect) {
        m_gotEventSinceConnect = true;
        m_attempt = 0;  // a connection that delivers is healthy: the next drop starts at 1 s
    }
    markDirty();
}

void ChatFeedClient::onBinary(const QByteArray &)
{
    // The protocol is text only; binary frames are ignored, not malformed.
    {
        QMutexLocker lock(&m_mutex);
        m_metrics.addIgnored(1);
    }
    markDirty();
}

void ChatFeedClient::onLost(const QString &reason)
{
    if (m_state == State::WaitingToReconnect || m_state == State::Idle || m_state == State::Refused)
        return;
    m_lastFailure = reason;
    m_handshakeTimer.stop();
    dropSocket();
    if (!m_options.reconnect) {
        setState(State::Idle, reason);
        return;
    }
    ++m_attempt;
    const int delay = backoffMs(m_attempt, m_options.initialBackoffMs, m_options.maxBackoffMs,
                                QRandomGenerator::global()->generateDouble());
    setState(State::WaitingToReconnect, tr("%1; retrying in %2 s").arg(reason).arg(delay / 1000.0, 0, 'f', 1));
    m_retryTimer.start(delay);
}

void ChatFeedClient::refuse(ErrorCode code, const QString &reason)
{
    m_refusalCode = code;
    m_lastFailure = reason;
    m_retryTimer.stop();
    m_handshakeTimer.stop();
    dropSocket();
    setState(State::Refused, reason);
}

void ChatFeedClient::setState(State state, const QString &detail)
{
    if (state == m_state && detail == m_detail)
        return;
    m_state = state;
    m_detail = detail;
    logEvent(lcChat(), state == State::WaitingToReconnect || state == State::Refused ? QtWarningMsg : QtInfoMsg,
             QStringLiteral("chat feed %1: %2").arg(chatStateName(state), detail));
    emit stateChanged(state, detail);
    markDirty();
}

void ChatFeedClient::markDirty()
{
    if (!m_updateTimer.isActive())
        m_updateTimer.start();
}

void ChatFeedClient::logMalformed(const ChatParseResult &result)
{
    for (int k = 0; k < kMalformedKinds; ++k) {
        if (result.malformed[k] == 0 || m_loggedKinds.test(k))
            continue;
        m_loggedKinds.set(k);
        logEvent(lcChat(), QtWarningMsg,
                 QStringLiteral("malformed chat frame (%1), dropped; further ones of this kind are only counted: %2")
                     .arg(QLatin1String(malformedKindName(static_cast<MalformedKind>(k))), result.sample[k].left(200)));
    }
}

}  // namespace atalaya
