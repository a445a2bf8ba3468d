#pragma once

#include "core/queue/DoubleReview.h"
#include "core/queue/ReviewQueue.h"
#include "core/telemetry/FeedbackRepository.h"
#include "ui/review/DoubleReviewCountsLoader.h"
#include "ui/shell/AppContext.h"

#include <QObject>

#include <functional>
#include <optional>
#include <vector>

class QTimer;

namespace atalaya {

class FeedbackFlow;
class LatestLoader;
class QueueCountsRebuild;
class ReviewQueueModel;

// What the review page holds and when it is read (REVIEW_QUEUE.md). A refresh loads the
// queue's items first, then their counts per priority and the shown decision's history, each
// off the UI thread with the latest request winning, and is finished once all three are in.
// It also keeps the counts exact between reads (a verdict, an undo), the verdict flow (writer,
// outbox, conflicts, undo) of the connected database, and the counts rebuild that follows new
// rules. It paints nothing: ReviewQueuePage shows what it announces.
class ReviewQueueController : public QObject {
    Q_OBJECT
public:
    enum class CountsState { Counting, Known, Unavailable };
    // The page's views (docs/REVIEW_QUEUE.md §Double review).
    enum class View { Pending, Second, Adjudication };

    explicit ReviewQueueController(const AppContext &context, QObject *parent = nullptr);

    ReviewQueueModel *model() const { return m_model; }
    const ReviewRules &rules() const { return m_rules; }
    const QueueCounts &counts() const { return m_counts; }
    // What the Second review and Adjudication views hold for this reviewer; nullopt until read.
    const std::optional<DoubleReviewCounts> &viewCounts(View view) const
    {
        return view == View::Adjudication ? m_viewCounts->adjudication() : m_viewCounts->second();
    }
    CountsState countsState() const { return m_countsState; }
    bool isRebuilding() const;
    // Waits for a counts rebuild to finish, delivering its result (quitting).
    void waitForRebuild();
    int outboxSize() const;

    // Opens the verdict flow of the connected database, if not open yet: its outbox is
    // retried from then on, whether or not the reviewer ever refreshes.
    void openFlow();
    // Sends what the outbox holds now, ignoring its backoff (the server is back).
    void deliverNow();
    // Another database: the verdicts of this session are written to the old one first, then
    // the flow and the outbox follow the new one (what the old outbox still holds is announced
    // by outboxLeftBehind). The items are cleared; the caller refreshes.
    void setContext(const AppContext &context);
    void setAgent(const QString &agentId) { m_agentId = agentId; }
    // Which items the next refresh reads; the counts stay the pending queue's.
    void setView(View view);
    View view() const { return m_view; }
    // Starts reading the queue; false when there is no database to read (the items are then
    // cleared and any load in flight is dropped).
    bool refresh();
    // The decision the page shows now (0: none). Its history is read once the reviewer rests
    // on it, so arrowing through rows reads only the last one.
    void setShown(qint64 id);
    // Decision id, from the loaded queue or read on its own while it waits for review (a jump
    // from a chat answer): wantedReady once it is in the model, else wantedMissing.
    void open(qint64 id);

    bool canRecord() const;
    // A verdict on item, which the page has just taken out of the model.
    void record(const QueueItem &item, Feedback value, const QString &note);
    // Takes back the last verdict: the row its item is back at, or nullopt when there was none.
    std::optional<int> undo(const QString &note);
    // Decides whether to overwrite a review made meanwhile (the message says who and what).
    void setConflictResolver(std::function<bool(const QString &message)> resolver);

signals:
    // The rules in Settings changed: the page re-reads with them (the counts table is
    // rebuilt for them in the background).
    void rulesChanged();
    // Another queue setting changed.
    void reloadRequested();
    // The items could not be read: the refresh ends here.
    void itemsFailed(const QString &error);
    // The model holds a refresh's items; access says whether verdicts can be written.
    void itemsLoaded(const WriteAccess &access);
    // After itemsLoaded and the wanted item's selection: the page shows the items.
    void itemsShown();
    void countsChanged();
    // viewCounts() changed (read, or adjusted for a verdict or an undo).
    void viewCountsChanged();
    void historyLoaded(qint64 id, const std::vector<AuditEntry> &history);
    void wantedReady(int row);
    // error is empty when the decision is simply not waiting for review.
    void wantedMissing(qint64 id, const QString &error);
    // Counts and history are in too (countsError: why the counts could not be read).
    void refreshFinished(const QString &countsError);
    void message(const QString &text);
    void rebuildStarted();
    void rebuildFinished(bool kept, const QString &message);
    void outboxCountChanged(int count);
    void outboxLeftBehind(int verdicts, const QString &database);
    void feedbackSettled(qint64 id);
    // A verdict the database refused: why, and its note (FeedbackFlow::refused).
    void feedbackRefused(qint64 id, const QString &why, const QString &note);

private:
    void applyRules();
    void selectWanted();
    // A refresh passes its ticket and is finished by the result; a later request replaces
    // the one a refresh waits for and then finishes that refresh in its place.
    void loadHistory(qint64 id, quint64 refreshTicket = 0);
    void reloadCounts(quint64 refreshTicket = 0);
    void finishRefreshIfReady(quint64 refreshTicket);
    bool newestItemsShown() const;
    void setCountsState(CountsState state);
    void adjustCounts(const QueueItem &item, int delta);
    void reloadViewCounts(bool secondToo);
    QString reviewer() const;

    AppContext m_context;
    ReviewRules m_rules;
    QString m_agentId;
    View m_view = View::Pending;
    ReviewQueueModel *m_model = nullptr;
    FeedbackFlow *m_flow = nullptr;
    QueueCountsRebuild *m_rebuild = nullptr;
    std::function<bool(const QString &message)> m_resolveConflict;
    LatestLoader *m_items = nullptr;
    LatestLoader *m_countsLoader = nullptr;
    DoubleReviewCountsLoader *m_viewCounts = nullptr;
    LatestLoader *m_history = nullptr;
    LatestLoader *m_wantedLoader = nullptr;
    QTimer *m_countsLater = nullptr;
    QTimer *m_historyLater = nullptr;

    QueueCounts m_counts;
    CountsState m_countsState = CountsState::Unavailable;
    bool m_writable = false;
    qint64 m_shownId = 0;
    qint64 m_wanted = 0;  // open() before the queue loaded
    // What the newest refresh still waits for before it is finished.
    quint64 m_itemsShownFor = 0;  // the refresh whose items are shown
    bool m_countsPending = false;
    bool m_historyPending = false;
    QString m_countsError;
};

}  // namespace atalaya
