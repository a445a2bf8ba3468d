#pragma once

#include "ui/common/Page.h"
#include "core/queue/ReviewQueue.h"
#include "core/telemetry/FeedbackRepository.h"

#include <array>
#include <functional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QTabBar;
class QPushButton;
class QTableView;
class QTimer;

namespace atalaya {

class ForecastPanel;
class PriorityCountChips;
class ReviewDetailPane;
class ReviewQueueController;
class ReviewQueueModel;

// The page reviewers live in (docs/REVIEW_QUEUE.md): counts per priority, the queue, the selected
// decision, one key per verdict. A verdict removes the row at once and selects the next; what
// is read when, and what happens to a verdict afterwards, is ReviewQueueController's. Rules
// changed in Settings apply at once: the queue reloads and the counts table is rebuilt for
// them in the background.
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
    // The server answers again after an outage: the outbox is delivered at once, ignoring
    // its backoff.
    void connectionRestored();

    // Decides whether to overwrite a review made meanwhile; the default asks in a dialog.
    void setConflictResolver(std::function<bool(const QString &message)> resolver);
    // Verdicts waiting in the outbox for the connected database (the window's status bar).
    int outboxSize() const;
    ForecastPanel *forecastPanel() const { return m_forecast; }

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
    // Another database: the verdicts of this session are written to the old one first, then
    // the writer, the outbox, the counts and the queue follow the new one.
    void adoptContext(const AppContext &context) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void connectController();
    void applyLook();
    void fitColumns();
    bool askToOverwrite(const QString &message);
    void showSelected();
    void showEmpty(const QString &message);
    void showItems(const WriteAccess &access);
    void showCounts();
    // The view switcher's counts, the chips of a double-review view, and what waits for others.
    void showViewCounts();
    void showRefused(qint64 id, const QString &why, const QString &note);
    void showFinished(const QString &countsError);
    void showFailure(const QString &error);
    void finishIfLoaded();
    void setWritable(bool writable, const QString &reason);
    void recordFeedback(Feedback value);
    void undoLast();
    void switchView(int view);
    QString viewName(int view) const;
    qint64 currentId() const;

    ReviewQueueController *m_controller = nullptr;
    ReviewQueueModel *m_model = nullptr;  // the controller's
    QTableView *m_table = nullptr;
    QTabBar *m_views = nullptr;  // Pending, Second review, Adjudication
    ReviewDetailPane *m_detail = nullptr;
    PriorityCountChips *m_chips = nullptr;
    ForecastPanel *m_forecast = nullptr;
    bool m_queueShown = false;  // the queue's refresh finished, loadFinished not sent yet
    bool m_forecastLoading = false;
    QLabel *m_banner = nullptr;
    QLabel *m_viewNote = nullptr;  // what a double-review view leaves to other reviewers
    QLabel *m_status = nullptr;
    QProgressBar *m_rebuildProgress = nullptr;
    QLineEdit *m_note = nullptr;
    QPushButton *m_rulesButton = nullptr;
    std::array<QPushButton *, 3> m_buttons{};
    QTimer *m_tick = nullptr;
    qint64 m_keepSelected = 0;  // re-selected after the items are replaced
};

}  // namespace atalaya
