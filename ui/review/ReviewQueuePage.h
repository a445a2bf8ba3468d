#pragma once

#include "ui/common/Page.h"
#include "core/queue/ReviewQueue.h"
#include "core/telemetry/FeedbackRepository.h"

#include <array>

#include <functional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace atalaya {

class FeedbackFlow;
class PriorityCountChips;
class QueueCountsRebuild;
class ReviewDetailPane;
class ReviewQueueModel;

// The page reviewers live in (docs/REVIEW_QUEUE.md): counts per priority, the queue, the selected
// decision, one key per verdict. A verdict removes the row at once and selects the next; what
// happens to it afterwards (writer thread, outbox, conflicts, undo) is FeedbackFlow's. Rules
// changed in Settings apply at once: the queue reloads and the counts table is rebuilt for
// them in the background.
class ReviewQueuePage : public Page {
    Q_OBJECT
public:
    explicit ReviewQueuePage(const AppContext &context, QWidget *parent = nullptr);
    ~ReviewQueuePage() override;

    QString pageId() const override { return QStringLiteral("queue"); }
    void refresh() override;
    // Another database: the verdicts of this session are written to the old one first, then
    // the writer, the outbox, the counts and the queue follow the new one.
    void setContext(const AppContext &context) override;
    // Selects decision `argument` (an id): from the loaded queue, else read on its own while
    // it waits for review (a jump from a chat answer).
    void openItem(const QVariant &argument) override;

    // Decides whether to overwrite a review made meanwhile; the default asks in a dialog.
    void setConflictResolver(std::function<bool(const QString &message)> resolver);

    void recordFeedback(Feedback value);
    void undoLast();
    QTableView *table() const { return m_table; }
    ReviewQueueModel *model() const { return m_model; }
    FeedbackFlow *feedback() const { return m_flow; }
    QueueCountsRebuild *countsRebuild() const { return m_rebuild; }
    const ReviewRules &rules() const { return m_rules; }
    int outboxSize() const;
    // Waits for the writer thread (tests, quitting).
    void waitForWrites();

signals:
    void outboxCountChanged(int count);
    // On a connection switch: verdicts still in the old database's outbox, which are sent
    // the next time that database is connected.
    void outboxLeftBehind(int verdicts, const QString &database);
    // A feedback write finished (written, queued or refused).
    void feedbackSettled(qint64 id);
    // The items of a refresh are on screen (its counts may still be loading).
    void itemsShown();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void ensureFlow();
    void applyLook();
    void fitColumns();
    void rulesChanged();
    void showSelected();
    void selectWanted();
    void loadHistory(qint64 id, quint64 pageGeneration = 0);
    // Counts off the UI thread; a refresh passes its generation and finishes with them.
    void reloadCounts(quint64 pageGeneration = 0);
    // A refresh is finished once its counts and the selected decision's history are shown.
    void finishLoadIfReady(quint64 pageGeneration);
    void setWritable(bool writable, const QString &reason);
    void adjustCounts(const QueueItem &item, int delta);
    QString reviewer() const;

    ReviewRules m_rules;
    ReviewQueueModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    ReviewDetailPane *m_detail = nullptr;
    PriorityCountChips *m_chips = nullptr;
    FeedbackFlow *m_flow = nullptr;
    std::function<bool(const QString &message)> m_resolveConflict;  // tests; else a dialog
    QueueCountsRebuild *m_rebuild = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_rebuildProgress = nullptr;
    QLineEdit *m_note = nullptr;
    QPushButton *m_rulesButton = nullptr;
    std::array<QPushButton *, 3> m_buttons{};
    QTimer *m_tick = nullptr;
    QTimer *m_countsLater = nullptr;
    QTimer *m_historyLater = nullptr;

    bool m_writable = false;
    quint64 m_generation = 0;
    quint64 m_countsGeneration = 0;
    // What the current refresh still waits for before loadFinished.
    bool m_countsPending = false;
    quint64 m_itemsShownFor = 0;  // the refresh whose items are on screen
    bool m_historyPending = false;
    QString m_countsError;
    qint64 m_wanted = 0;  // openItem() before the queue loaded
};

}  // namespace atalaya
