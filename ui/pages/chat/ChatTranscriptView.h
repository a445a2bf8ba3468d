#pragma once

#include "chat/ChatMetrics.h"

#include <QTextBrowser>

namespace atalaya {

// One conversation's transcript. An assistant answer with a telemetry_id carries a link to
// its decision (decisionRequested). Redrawing keeps the reader's place: at the end it follows
// new lines, elsewhere it stays where it was.
class ChatTranscriptView : public QTextBrowser {
    Q_OBJECT
public:
    explicit ChatTranscriptView(QWidget *parent = nullptr);
    void showLines(const QString &conversationId, const std::vector<ChatTranscriptLine> &lines);
    QString conversationId() const { return m_conversationId; }

signals:
    void decisionRequested(qint64 telemetryId);

private:
    QString m_conversationId;
};

} // namespace atalaya
