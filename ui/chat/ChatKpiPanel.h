#pragma once

#include "core/chat/ChatMetrics.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace atalaya {

class LiveKpiCard;

// The chat page's live numbers (docs/CHAT_PROTOCOL.md §Metrics): one card per KPI of the
// window, with the since-connect error count under the errors card. Cards are named
// kpiActive, kpiRate, kpiLatencyAvg, kpiLatencyP95, kpiSuccess, kpiSatisfaction,
// kpiResolution, kpiErrors.
class ChatKpiPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChatKpiPanel(QWidget *parent = nullptr);
    void show(const ChatTotals &totals, const ChatWindowMetrics &window);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    LiveKpiCard *m_active = nullptr;
    LiveKpiCard *m_rate = nullptr;
    LiveKpiCard *m_latencyAvg = nullptr;
    LiveKpiCard *m_latencyP95 = nullptr;
    LiveKpiCard *m_success = nullptr;
    LiveKpiCard *m_satisfaction = nullptr;
    LiveKpiCard *m_resolution = nullptr;
    LiveKpiCard *m_errors = nullptr;
};

// The window's most frequent intents as bars.
class ChatTopIntents : public QWidget {
    Q_OBJECT
public:
    static constexpr int kShown = 5;
    explicit ChatTopIntents(QWidget *parent = nullptr);
    // The window's intents; while it has none, the period's from the chat tables.
    void show(const ChatWindowMetrics &window, const std::vector<std::pair<QString, qint64>> &period = {});

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    bool m_period = false;
    QLabel *m_title = nullptr;
    QList<QLabel *> m_names;
    QList<QProgressBar *> m_bars;
    QList<QLabel *> m_counts;
};

}  // namespace atalaya
