#pragma once

#include "core/chat/ChatFeedClient.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace atalaya {

// What the chat page draws, computed off the UI thread.
struct ChatSnapshot {
    ChatFeedClient::State state = ChatFeedClient::State::Idle;
    QString detail;
    bool everConnected = false;
    bool refusedByServer = false;  // the server closed on the token: retrying cannot help
    ChatTotals totals;
    ChatWindowMetrics window;
    std::vector<ChatSecondPoint> series;
    std::vector<ChatConversationSummary> conversations;
    std::optional<qint64> lastEventTsMs;
    qint64 takenAtMs = 0;
};

// Runs a ChatFeedClient on its own thread: parsing, metrics and snapshots never touch the
// UI thread, which only receives a ready snapshot at most every ~50 ms (and every second
// while idle, so the window keeps sliding).
class ChatMonitor : public QObject {
    Q_OBJECT
public:
    explicit ChatMonitor(QObject *parent = nullptr);
    ~ChatMonitor() override;

    // With `options.token` empty, `token` is asked on the feed thread (a keychain read may
    // take a moment there instead of on the UI thread).
    void start(const ChatFeedOptions &options, std::function<QString()> token = {});
    void stop();
    std::vector<ChatTranscriptLine> transcript(const QString &conversationId) const;
    // Keeps this conversation in the snapshots' list while it is tracked, even when it is
    // no longer among the most recent: the one the user is reading does not vanish.
    void setPinnedConversation(const QString &conversationId);
    // What the metrics hold now (bench, tests): tracked conversations, transcript lines.
    std::pair<qint64, qint64> held() const;

signals:
    void snapshotReady(std::shared_ptr<const atalaya::ChatSnapshot> snapshot);

private:
    QThread m_thread;
    ChatFeedClient *m_client = nullptr;  // lives on m_thread
    QTimer *m_tick = nullptr;  // lives on m_thread
    QString m_pinned;  // read and written on m_thread only
};

}  // namespace atalaya

Q_DECLARE_METATYPE(std::shared_ptr<const atalaya::ChatSnapshot>)
