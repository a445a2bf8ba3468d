#pragma once

#include "pages/Page.h"
#include "queue/FeedbackSender.h"
#include "queue/ReviewQueue.h"

#include <QThreadPool>

#include <array>
#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace atalaya {

class ReviewDetailPane;
class ReviewQueueModel;

// The page reviewers live in (REVIEW_QUEUE.md): counts per priority, the queue, the selected
// decision, one key per verdict. A verdict removes the row at once and selects the next; the
// write runs on a single writer thread (so undo follows its write), goes to the outbox when
// the database cannot take it, and asks before overwriting someone else's review.
class ReviewQueuePage : public Page {
    Q_OBJECT
public:
    explicit ReviewQueuePage(const AppContext &context, QWidget *parent = nullptr);
    ~ReviewQueuePage() override;

    QString pageId() const override { return QStringLiteral("queue"); }
    void refresh() override;
    // Selects decision `argument` (an id): from the loaded queue, else read on its own while
    // it waits for review (a jump from a chat answer).
    void openItem(const QVariant &argument) override;

    // Decides whether to overwrite a review made meanwhile; the default asks in a dialog.
    void setConflictResolver(std::function<bool(const QString &message)> resolver);

    void recordFeedback(Feedback value);
    void undoLast();
    QTableView *table() const { return m_table; }
    ReviewQueueModel *model() const { return m_model; }
    int outboxSize() const { return m_outboxSize; }
    // Waits for the writer thread (tests, quitting).
    void waitForWrites();

signals:
    void outboxCountChanged(int count);
    // A feedback write finished (written, queued or refused).
    void feedbackSettled(qint64 id);
    // The items of a refresh are on screen (its counts may still be loading).
    void itemsShown();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Undo {
        QueueItem item;
        QString written;  // the value we wrote
        bool applied = true;
    };

    void buildUi();
    void ensureSender();
    void showCounts();
    void showSelected();
    void selectWanted();
    void loadHistory(qint64 id);
    // Counts off the UI thread; a refresh passes its generation and finishes with them.
    void reloadCounts(quint64 pageGeneration = 0);
    void setWritable(bool writable, const QString &reason);
    void submit(OutboxEntry entry, qint64 id);
    void settle(const SendOutcome &outcome, OutboxEntry entry, qint64 id);
    void retryOutbox();
    void setOutboxSize(int size);
    QString reviewer() const;

    ReviewQueueModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    ReviewDetailPane *m_detail = nullptr;
    std::array<QLabel *, kPriorityCount> m_countLabels{};
    QLabel *m_banner = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_outboxLabel = nullptr;
    QLineEdit *m_note = nullptr;
    std::array<QPushButton *, 3> m_buttons{};
    QTimer *m_tick = nullptr;
    QTimer *m_retry = nullptr;
    QTimer *m_countsLater = nullptr;

    QueueCounts m_counts;
    bool m_countsLoading = false;
    bool m_countsKnown = false;
    bool m_writable = false;
    int m_outboxSize = 0;
    quint64 m_generation = 0;
    quint64 m_countsGeneration = 0;
    qint64 m_wanted = 0;  // openItem() before the queue loaded
    std::vector<Undo> m_undo;
    QSet<qint64> m_decided;  // reviewed in this session; hidden from reloads until undone
    std::function<bool(const QString &)> m_resolveConflict;
    std::shared_ptr<FeedbackSender> m_sender;
    QThreadPool m_writer;
};

} // namespace atalaya
