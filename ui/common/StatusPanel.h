#pragma once

#include <QDateTime>
#include <QObject>

class QLabel;
class QStatusBar;

namespace atalaya {

// The permanent fields of the status bar (docs/DASHBOARD.md): connection, last refresh, outbox
// size (fed by the review queue) and the live-feed state (fed by the chat page).
class StatusPanel : public QObject {
    Q_OBJECT
public:
    explicit StatusPanel(QStatusBar *bar);

    void setConnection(const QString &description, bool ok);
    // The open database stopped answering: red, the reason, and what Atalaya does about it.
    void setConnectionLost(const QString &reason, int retrySeconds);
    bool isConnected() const { return m_connected; }
    void setLastRefresh(const QDateTime &at);
    void setOutboxCount(int count);
    void setFeedState(const QString &state);
    void retranslate();

    QString connectionText() const;
    QString lastRefreshText() const;
    QString outboxText() const;
    QString feedText() const;
    QString timeZoneText() const;

private:
    QLabel *m_connection;
    QLabel *m_refresh;
    QLabel *m_outbox;
    QLabel *m_feed;
    QLabel *m_timeZone;
    QString m_description;
    bool m_connected = false;
    QString m_lostReason;  // set while the open database does not answer
    int m_retrySeconds = 0;
    QDateTime m_lastRefresh;
    int m_outboxCount = -1;
    QString m_feedState;
};

}  // namespace atalaya
