#pragma once

#include "core/chat/ChatHistoryMetrics.h"

#include <QWidget>

class QLabel;

namespace atalaya {

class ChartCard;
class LiveKpiCard;

// The chat tables over the selected period (seed 002 "historical" metrics), under the live
// numbers: KPI cards named hist* (histConversations, histMessages, histLatencyAvg,
// histLatencyP95, histSuccess, histSatisfaction, histResolution) and two per-day charts.
class ChatHistoryPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChatHistoryPanel(QWidget *parent = nullptr);

    void show(const ChatHistoryMetrics &metrics, int periodDays);
    // Why there is nothing to show (no chat tables, an error), in place of the figures.
    void showNote(const QString &text);
    ChartCard *messagesCard() const { return m_messagesChart; }
    ChartCard *latencyCard() const { return m_latencyChart; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void drawCharts();

    QLabel *m_caption = nullptr;
    LiveKpiCard *m_conversations = nullptr;
    LiveKpiCard *m_messages = nullptr;
    LiveKpiCard *m_latencyAvg = nullptr;
    LiveKpiCard *m_latencyP95 = nullptr;
    LiveKpiCard *m_success = nullptr;
    LiveKpiCard *m_satisfaction = nullptr;
    LiveKpiCard *m_resolution = nullptr;
    ChartCard *m_messagesChart = nullptr;
    ChartCard *m_latencyChart = nullptr;
    ChatHistoryMetrics m_metrics;
    int m_periodDays = 0;
    bool m_loaded = false;
    QString m_note;
};

}  // namespace atalaya
