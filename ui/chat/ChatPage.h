#pragma once

#include "core/chat/ChatMonitor.h"
#include "ui/common/Page.h"

#include <QTimer>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;

namespace atalaya {

class ChatConversationsPanel;
class ChatHistoryPanel;
class ChatKpiPanel;
class ChatLiveCharts;
class ChatTopIntents;
class LatestLoader;

// The live chat monitor (docs/CHAT_PROTOCOL.md, docs/DASHBOARD.md §Pages): connection state, KPI cards, live
// charts, top intents, conversations with their transcript, history from the chat tables:
// the period's KPIs and per-day charts under the live ones, so the page has figures before
// the feed sends anything.
// The feed runs on its own thread (ChatMonitor); this page only draws ready snapshots, at
// most every ~50 ms.
class ChatPage : public Page {
    Q_OBJECT
public:
    explicit ChatPage(const AppContext &context, QWidget *parent = nullptr);
    ~ChatPage() override;

    QString pageId() const override { return QStringLiteral("chat"); }
    void refresh() override;

    // The feed URL in use: $ATALAYA_CHAT_URL, else Settings::chatFeedUrl().
    QString feedUrl() const;
    // For tests and the bench: redraws so far, and what the page holds.
    int redrawCount() const { return m_redraws; }
    struct Footprint {
        qint64 conversations = 0;  // tracked by the metrics
        qint64 transcriptLines = 0;  // kept by the metrics
        int tableRows = 0;
    };
    Footprint footprint() const;

signals:
    // The feed's connection state in words, for the status bar (docs/DASHBOARD.md).
    void feedStateChanged(const QString &state);

protected:
    // The live feed runs whether the page is shown or not (the status bar says its state).
    void adoptContext(const AppContext &context) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void connectFeed(bool allowInsecure = false);
    void onSnapshot(std::shared_ptr<const ChatSnapshot> snapshot);
    void redraw();
    void loadHistory();
    void loadPeriodMetrics();
    void askToken();
    void maybeFinishLoad();

    std::unique_ptr<ChatMonitor> m_monitor;
    std::shared_ptr<const ChatSnapshot> m_pending;
    std::shared_ptr<const ChatSnapshot> m_shown;
    QTimer m_redrawTimer;
    QTimer m_loadTimeout;

    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_token = nullptr;
    ChatKpiPanel *m_kpis = nullptr;
    ChatLiveCharts *m_charts = nullptr;
    ChatTopIntents *m_intents = nullptr;
    ChatHistoryPanel *m_history = nullptr;
    std::vector<std::pair<QString, qint64>> m_periodIntents;
    ChatConversationsPanel *m_conversations = nullptr;
    LatestLoader *m_historyLoader = nullptr;
    LatestLoader *m_periodLoader = nullptr;

    QString m_connectedUrl;
    QString m_feedState;
    bool m_loadPending = false;
    bool m_historyDone = false;
    bool m_periodDone = false;
    int m_redraws = 0;
};

}  // namespace atalaya
