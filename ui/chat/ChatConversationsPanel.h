#pragma once

#include "core/chat/ChatMonitor.h"

#include <QSplitter>

#include <functional>
#include <memory>

class QLabel;
class QTableView;

namespace atalaya {

class ChatConversationModel;
class ChatTranscriptView;
class Database;
class LatestLoader;

// The chat page's lower half: the live conversations and the history's (grey rows) beside the
// selected one's transcript. A live transcript comes from the monitor, a history one from the
// chat tables, read off the UI thread.
class ChatConversationsPanel : public QSplitter {
    Q_OBJECT
public:
    ChatConversationsPanel(ChatMonitor *monitor, std::function<std::shared_ptr<const Database>()> database,
                           QWidget *parent = nullptr);

    void showLive(const std::vector<ChatConversationSummary> &conversations);
    void showHistory(const std::vector<ChatConversationSummary> &history);
    // Under the list: where the grey rows come from, or why there are none.
    void setNote(const QString &text);
    int rowCount() const;

signals:
    void decisionRequested(qint64 telemetryId);

private:
    void showTranscript();

    ChatMonitor *m_monitor;
    std::function<std::shared_ptr<const Database>()> m_database;
    ChatConversationModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_note = nullptr;
    ChatTranscriptView *m_transcript = nullptr;
    LatestLoader *m_transcriptLoader = nullptr;
    QString m_selectedId;
    qint64 m_selectedLastTs = -1;
};

}  // namespace atalaya
