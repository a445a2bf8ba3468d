#pragma once

#include "core/chat/ChatMetrics.h"

#include <QTextBrowser>

namespace atalaya {

// One conversation's transcript. An assistant answer with a telemetry_id carries a link to
// its decision (decisionRequested). Redrawing keeps the reader's place: at the end it follows
// new lines, elsewhere it stays where it was. Colours come from the palette and the chart
// colours, and a theme or language change redraws the lines shown.
class ChatTranscriptView : public QTextBrowser {
    Q_OBJECT
public:
    explicit ChatTranscriptView(QWidget *parent = nullptr);
    void showLines(const QString &conversationId, const std::vector<ChatTranscriptLine> &lines);
    void clearLines();
    QString conversationId() const { return m_conversationId; }

signals:
    void decisionRequested(qint64 telemetryId);

protected:
    void changeEvent(QEvent *event) override;

private:
    QString m_conversationId;
    std::vector<ChatTranscriptLine> m_lines;
};

}  // namespace atalaya
