#pragma once

#include "core/queue/ReviewQueue.h"
#include "core/telemetry/FeedbackRepository.h"

#include <QTextBrowser>

namespace atalaya {

// The selected decision: what the agent decided (pretty-printed JSON), its metadata and its
// feedback history from the audit table.
class ReviewDetailPane : public QTextBrowser {
    Q_OBJECT
public:
    explicit ReviewDetailPane(QWidget *parent = nullptr);

    void showItem(const QueueItem &item, const QDateTime &now);
    void showHistory(qint64 id, const std::vector<AuditEntry> &history);
    void showEmpty(const QString &message);
    // The second-review view: the decision's history (which holds the first verdict) is not
    // shown until the second verdict is in.
    void setBlind(bool blind);
    qint64 currentId() const { return m_id; }
    // Re-renders with the palette's colours (theme change).
    void refreshLook();

private:
    void render();
    QString itemHtml(const QueueItem &item, const QDateTime &now) const;
    QString reviewsHtml(const QueueItem &item) const;

    QueueItem m_item;
    QDateTime m_shownAt;
    qint64 m_id = 0;
    QString m_body;
    QString m_history;
    bool m_blind = false;
};

}  // namespace atalaya
