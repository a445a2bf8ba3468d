#include "ui/review/ReviewQueuePage.h"

#include "ui/review/ForecastPanel.h"
#include "ui/review/PriorityCountChips.h"
#include "ui/review/ReviewDetailPane.h"
#include "ui/review/ReviewQueueController.h"
#include "ui/review/ReviewQueueModel.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTabBar>
#include <QTableView>

namespace atalaya {

ReviewQueuePage::ReviewQueuePage(const AppContext &context, QWidget *parent)
    : Page(context, parent), m_controller(new ReviewQueueController(context, this))
{
    m_model = m_controller->model();
    buildUi();
    connectController();
    m_controller->setConflictResolver([this](const QString &message) { return askToOverwrite(message); });
    // The outbox is opened at once: its size shows in the status bar and what it holds is
    // retried from the start, whether or not the reviewer opens this page.
    m_controller->openFlow();
}

ReviewQueuePage::~ReviewQueuePage()
{
    // While the page is whole: what the rebuild posts meanwhile may still reach it.
    m_controller->waitForRebuild();
}

void ReviewQueuePage::connectController()
{
    ReviewQueueController *c = m_controller;
    // The decision selected before the items are replaced stays selected after.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_keepSelected = currentId(); });
    connect(c, &ReviewQueueController::rulesChanged, this, [this] {
        m_chips->setRules(m_controller->rules());
        refresh();
    });
    connect(c, &ReviewQueueController::reloadRequested, this, &ReviewQueuePage::refresh);
    connect(c, &ReviewQueueController::itemsFailed, this, &ReviewQueuePage::showFailure);
    connect(c, &ReviewQueueController::itemsLoaded, this, &ReviewQueuePage::showItems);
    connect(c, &ReviewQueueController::itemsShown, this, &ReviewQueuePage::itemsShown);
    connect(c, &ReviewQueueController::countsChanged, this, &ReviewQueuePage::showCounts);
    connect(c, &ReviewQueueController::viewCountsChanged, this, &ReviewQueuePage::showViewCounts);
    connect(c, &ReviewQueueController::feedbackRefused, this, &ReviewQueuePage::showRefused);
    connect(c, &ReviewQueueController::historyLoaded, m_detail, &ReviewDetailPane::showHistory);
    connect(c, &ReviewQueueController::wantedReady, m_table, &QTableView::selectRow);
    connect(c, &ReviewQueueController::wantedMissing, this, [this](qint64 id, const QString &error) {
        m_status->setText(
            error.isEmpty()
                ? tr("Decision #%1 is not waiting for review (reviewed already, or not in this database).").arg(id)
                : error);
    });
    connect(c, &ReviewQueueController::refreshFinished, this, &ReviewQueuePage::showFinished);
    connect(m_forecast, &ForecastPanel::loaded, this, [this] {
        m_forecastLoading = false;
        finishIfLoaded();
    });
    connect(c, &ReviewQueueController::message, m_status, &QLabel::setText);
    connect(c, &ReviewQueueController::rebuildStarted, this, [this] {
        m_rebuildProgress->setVisible(true);
        m_status->setText(tr("Recounting the queue for the new rules; counts are read from the decisions meanwhile…"));
    });
    connect(c, &ReviewQueueController::rebuildFinished, this, [this](bool kept, const QString &message) {
        m_rebuildProgress->setVisible(false);
        m_status->setText(kept ? tr("The queue counts follow the new rules.")
                               : tr("Counts are read from the decisions (%1).").arg(message));
    });
    connect(c, &ReviewQueueController::outboxCountChanged, this, &ReviewQueuePage::outboxCountChanged);
    connect(c, &ReviewQueueController::outboxLeftBehind, this, &ReviewQueuePage::outboxLeftBehind);
    connect(c, &ReviewQueueController::feedbackSettled, this, &ReviewQueuePage::feedbackSettled);
}

bool ReviewQueuePage::askToOverwrite(const QString &message)
{
    return QMessageBox::question(this, tr("Reviewed meanwhile"),
                                 tr("%1.\n\nOverwrite that review with yours?").arg(message),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

void ReviewQueuePage::setConflictResolver(std::function<bool(const QString &)> resolver)
{
    m_controller->setConflictResolver(std::move(resolver));
}

void ReviewQueuePage::adoptContext(const AppContext &context)
{
    m_controller->setContext(context);
    Page::adoptContext(context);
}

int ReviewQueuePage::outboxSize() const
{
    return m_controller->outboxSize();
}

void ReviewQueuePage::refresh()
{
    m_controller->setAgent(m_filter.agentId);
    m_queueShown = false;
    m_forecastLoading = true;
    m_forecast->load(m_context.db, m_controller->rules(), m_filter.agentId);
    if (!m_controller->refresh()) {
        showEmpty(tr("Not connected to a database."));
        emit loadFinished(false, tr("not connected"));
        return;
    }
    m_status->setText(tr("Loading…"));
}

void ReviewQueuePage::switchView(int view)
{
    const auto v = static_cast<ReviewQueueController::View>(view);
    m_controller->setView(v);
    m_detail->setBlind(v == ReviewQueueController::View::Second);
    m_chips->setDeadlinesShown(v == ReviewQueueController::View::Pending);
    showCounts();
    showViewCounts();
    showEmpty(tr("Loading…"));
    refresh();
}

QString ReviewQueuePage::viewName(int view) const
{
    switch (view) {
    case 1: return tr("Second review");
    case 2: return tr("Adjudication");
    default: return tr("Pending");
    }
}

void ReviewQueuePage::openItem(const QVariant &argument)
{
    // A decision opened from elsewhere waits for its first review.
    m_views->setCurrentIndex(0);
    m_controller->open(argument.toLongLong());
}

void ReviewQueuePage::connectionRestored()
{
    m_controller->deliverNow();
}

void ReviewQueuePage::showFailure(const QString &error)
{
    m_status->setText(error);
    m_banner->setText(tr("The queue cannot be read: %1").arg(error));
    m_banner->setVisible(true);
    emit loadFinished(false, error);
}

void ReviewQueuePage::showItems(const WriteAccess &access)
{
    fitColumns();
    const int row = std::max(0, m_model->rowOf(m_keepSelected));
    if (m_model->rowCount() > 0)
        m_table->selectRow(row);
    else
        showEmpty(tr("Nothing to review. Well done."));
    setWritable(access.writable, access.reason);
    m_status->setText(tr("Counting the queue…"));
    if (isVisible())
        m_table->setFocus();
}

void ReviewQueuePage::showCounts()
{
    if (m_controller->countsState() == ReviewQueueController::CountsState::Known)
        m_views->setTabText(0, tr("%1 (%2)").arg(viewName(0), QLocale().toString(m_controller->counts().all())));
    else
        m_views->setTabText(0, viewName(0));
    if (m_controller->view() != ReviewQueueController::View::Pending)
        return;
    switch (m_controller->countsState()) {
    case ReviewQueueController::CountsState::Known: m_chips->setCounts(m_controller->counts()); break;
    case ReviewQueueController::CountsState::Counting: m_chips->setState(PriorityCountChips::State::Counting); break;
    case ReviewQueueController::CountsState::Unavailable:
        m_chips->setState(PriorityCountChips::State::Unavailable);
        break;
    }
}

void ReviewQueuePage::showViewCounts()
{
    using View = ReviewQueueController::View;
    for (const View v : {View::Second, View::Adjudication}) {
        const auto &counts = m_controller->viewCounts(v);
        const int tab = static_cast<int>(v);
        m_views->setTabText(
            tab, counts ? tr("%1 (%2)").arg(viewName(tab), QLocale().toString(counts->all())) : viewName(tab));
    }
    const View shown = m_controller->view();
    if (shown == View::Pending) {
        m_viewNote->setVisible(false);
        return;
    }
    const auto &counts = m_controller->viewCounts(shown);
    if (!counts) {
        m_chips->setState(PriorityCountChips::State::Counting);
        m_viewNote->setVisible(false);
        return;
    }
    QueueCounts perPriority;
    perPriority.total = counts->total;
    m_chips->setCounts(perPriority);
    const int others = static_cast<int>(counts->forOthers);
    // Why a reviewer does not see decisions that do wait: their own verdict is part of them.
    m_viewNote->setText(
        shown == View::Second
            ? tr("%Ln of your first reviews wait for another reviewer's second review.", nullptr, others)
            : tr("%Ln disagreement(s) you reviewed wait for a third reviewer: an adjudication cannot come from "
                 "either of the two reviewers.",
                 nullptr, others));
    m_viewNote->setVisible(others > 0);
}

void ReviewQueuePage::showRefused(qint64 id, const QString &why, const QString &note)
{
    m_banner->setText(tr("Your verdict on #%1 was not saved: %2").arg(id).arg(why));
    m_banner->setVisible(true);
    // What the reviewer wrote is not lost: the note is back in its field.
    if (!note.isEmpty() && m_note->text().isEmpty())
        m_note->setText(note);
}

void ReviewQueuePage::showFinished(const QString &countsError)
{
    if (!m_controller->isRebuilding())
        m_status->setText(
            countsError.isEmpty()
                ? tr("%Ln decision(s) waiting for review", nullptr, static_cast<int>(m_controller->counts().all()))
                : tr("The queue is shown; its counts could not be read: %1").arg(countsError));
    m_queueShown = true;
    finishIfLoaded();
}

void ReviewQueuePage::finishIfLoaded()
{
    // The page has loaded when its forecast has too: a rendered page shows the forecast, not
    // "Loading…" under a finished queue.
    if (!m_queueShown || m_forecastLoading)
        return;
    m_queueShown = false;
    emit loadFinished(true, {});
}

void ReviewQueuePage::setWritable(bool writable, const QString &reason)
{
    for (QPushButton *b : m_buttons)
        b->setEnabled(writable);
    if (!reason.isEmpty()) {
        m_banner->setText(writable ? tr("Feedback is on: %1").arg(reason) : tr("Feedback is disabled: %1").arg(reason));
        m_banner->setVisible(true);
    } else {
        m_banner->setVisible(false);
    }
}

qint64 ReviewQueuePage::currentId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->item(current.row()).id : 0;
}

void ReviewQueuePage::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        if (m_model->rowCount() == 0)
            showEmpty(tr("Nothing to review. Well done."));
        return;
    }
    const QueueItem &item = m_model->item(current.row());
    m_detail->showItem(item, m_model->now());
    m_controller->setShown(item.id);
}

void ReviewQueuePage::showEmpty(const QString &message)
{
    m_detail->showEmpty(message);
    m_controller->setShown(0);
}

void ReviewQueuePage::recordFeedback(Feedback value)
{
    if (!m_controller->canRecord() || m_model->rowCount() == 0)
        return;
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? current.row() : 0;
    const QueueItem item = m_model->takeRow(row);
    // Laid out now, not on the view's next timer tick: the rows below move up in the same
    // frame that shows the next item selected, one paint of the table instead of two.
    m_table->doItemsLayout();
    if (m_model->rowCount() > 0)
        m_table->selectRow(std::min(row, m_model->rowCount() - 1));
    else
        showEmpty(tr("Nothing to review. Well done."));
    const QString note = m_note->text().trimmed();
    m_note->clear();
    m_controller->record(item, value, note);
}

void ReviewQueuePage::undoLast()
{
    const std::optional<int> row = m_controller->undo(tr("undo"));
    if (!row) {
        m_status->setText(tr("Nothing to undo."));
        return;
    }
    if (*row >= 0)
        m_table->selectRow(*row);
    else
        m_status->setText(tr("Undone; the decision is back in its own view."));
}

bool ReviewQueuePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo)) {
            undoLast();
            return true;
        }
        const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
        // The view keys also work where the window's shortcuts do not reach (a page not in
        // the active window).
        if (mods == Qt::AltModifier && key->key() >= Qt::Key_1 && key->key() <= Qt::Key_3) {
            m_views->setCurrentIndex(key->key() - Qt::Key_1);
            return true;
        }
        if (mods == Qt::NoModifier) {
            switch (key->key()) {
            case Qt::Key_1: recordFeedback(Feedback::Correct); return true;
            case Qt::Key_2: recordFeedback(Feedback::Incorrect); return true;
            case Qt::Key_3: recordFeedback(Feedback::PartiallyCorrect); return true;
            default: break;
            }
        }
    }
    return Page::eventFilter(watched, event);
}

void ReviewQueuePage::keyPressEvent(QKeyEvent *event)
{
    if (eventFilter(m_table, event))
        return;
    Page::keyPressEvent(event);
}

}  // namespace atalaya
