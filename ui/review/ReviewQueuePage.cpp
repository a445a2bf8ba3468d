#include "ui/review/ReviewQueuePage.h"

#include "ui/review/ReviewQueueModel.h"
#include "ui/review/ReviewDetailPane.h"
#include "ui/review/FeedbackFlow.h"
#include "ui/review/PriorityCountChips.h"
#include "ui/review/QueueCountsRebuild.h"
#include "core/settings/LoginName.h"
#include "core/settings/Settings.h"
#include "core/storage/Database.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTimer>

namespace atalaya {
namespace {

ReviewRules rulesOf(const AppContext &context)
{
    return context.settings ? ReviewRules::fromSettingsJson(context.settings->reviewRulesJson())
                            : ReviewRules::defaults();
}

}  // namespace

ReviewQueuePage::ReviewQueuePage(const AppContext &context, QWidget *parent)
    : Page(context, parent), m_rules(rulesOf(context))
{
    m_rebuild = new QueueCountsRebuild(this);
    buildUi();
    // The outbox is opened at once: its size shows in the status bar and what it holds is
    // retried from the start, whether or not the reviewer opens this page.
    ensureFlow();
    if (m_context.settings) {
        connect(m_context.settings, &Settings::changed, this, [this](const QString &key) {
            if (key == QLatin1String("queue/rules"))
                rulesChanged();
            else if (key.startsWith(QLatin1String("queue/")))
                refresh();
        });
    }
    connect(m_rebuild, &QueueCountsRebuild::started, this, [this] {
        m_rebuildProgress->setVisible(true);
        m_status->setText(tr("Recounting the queue for the new rules; counts are read from the decisions meanwhile…"));
    });
    connect(m_rebuild, &QueueCountsRebuild::finished, this, [this](bool kept, const QString &message) {
        m_rebuildProgress->setVisible(false);
        m_status->setText(kept ? tr("The queue counts follow the new rules.")
                               : tr("Counts are read from the decisions (%1).").arg(message));
        reloadCounts();
    });
}

ReviewQueuePage::~ReviewQueuePage()
{
    m_rebuild->waitForDone();
}

void ReviewQueuePage::ensureFlow()
{
    if (m_flow || !m_context.db)
        return;
    m_flow = new FeedbackFlow(m_context.db, this);
    m_flow->setConflictResolver([this](const QString &message) {
        if (m_resolveConflict)
            return m_resolveConflict(message);
        return QMessageBox::question(this, tr("Reviewed meanwhile"),
                                     tr("%1.\n\nOverwrite that review with yours?").arg(message),
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    });
    connect(m_flow, &FeedbackFlow::message, m_status, &QLabel::setText);
    connect(m_flow, &FeedbackFlow::databaseChanged, m_countsLater, qOverload<>(&QTimer::start));
    connect(m_flow, &FeedbackFlow::outboxSizeChanged, this, &ReviewQueuePage::outboxCountChanged);
    connect(m_flow, &FeedbackFlow::settled, this, &ReviewQueuePage::feedbackSettled);
    if (const QString problem = m_flow->open(); !problem.isEmpty())
        m_status->setText(problem);
}

void ReviewQueuePage::setConflictResolver(std::function<bool(const QString &)> resolver)
{
    m_resolveConflict = std::move(resolver);
}

void ReviewQueuePage::setContext(const AppContext &context)
{
    if (context.db != m_context.db) {
        // The old flow's outbox file belongs to the old database (one per URL): what it still
        // holds is delivered when that database is connected again.
        if (m_flow) {
            m_flow->waitForWrites();
            const int left = m_flow->outboxSize();
            delete m_flow;
            m_flow = nullptr;
            if (left > 0 && m_context.db)
                emit outboxLeftBehind(left, m_context.db->url().describe());
        }
        m_model->setItems({});
        m_context = context;
        ensureFlow();
        emit outboxCountChanged(outboxSize());
    }
    Page::setContext(context);
}

int ReviewQueuePage::outboxSize() const
{
    return m_flow ? m_flow->outboxSize() : 0;
}

QString ReviewQueuePage::reviewer() const
{
    return m_context.settings ? m_context.settings->reviewer() : osLoginName();
}

void ReviewQueuePage::rulesChanged()
{
    m_rules = rulesOf(m_context);
    m_chips->setRules(m_rules);
    refresh();
    m_rebuild->request(m_context.db, m_rules);
}

void ReviewQueuePage::setWritable(bool writable, const QString &reason)
{
    m_writable = writable;
    for (QPushButton *b : m_buttons)
        b->setEnabled(writable);
    if (!writable && !reason.isEmpty()) {
        m_banner->setText(tr("Feedback is disabled: %1").arg(reason));
        m_banner->setVisible(true);
    } else {
        m_banner->setVisible(false);
    }
}

void ReviewQueuePage::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        if (m_model->rowCount() == 0)
            m_detail->showEmpty(tr("Nothing to review. Well done."));
        return;
    }
    const QueueItem &item = m_model->item(current.row());
    m_detail->showItem(item, m_model->now());
    m_historyLater->start();
}

void ReviewQueuePage::adjustCounts(const QueueItem &item, int delta)
{
    if (m_chips->state() != PriorityCountChips::State::Known)
        return;
    QueueCounts counts = m_chips->counts();
    const auto p = static_cast<size_t>(item.priority);
    counts.total[p] = std::max<qint64>(0, counts.total[p] + delta);
    if (item.overdueAt(QDateTime::currentDateTimeUtc()))
        counts.overdue[p] = std::max<qint64>(0, counts.overdue[p] + delta);
    m_chips->setCounts(counts);
}

void ReviewQueuePage::recordFeedback(Feedback value)
{
    if (!m_writable || !m_flow || !m_flow->isOpen() || m_model->rowCount() == 0)
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
        m_detail->showEmpty(tr("Nothing to review. Well done."));
    adjustCounts(item, -1);
    const QString note = m_note->text().trimmed();
    m_note->clear();
    m_flow->record(item, value, reviewer(), note);
}

void ReviewQueuePage::undoLast()
{
    const auto item = m_flow ? m_flow->undo(reviewer(), tr("undo")) : std::nullopt;
    if (!item) {
        m_status->setText(tr("Nothing to undo."));
        return;
    }
    m_table->selectRow(m_model->insertSorted(*item));
    adjustCounts(*item, +1);
}

void ReviewQueuePage::waitForWrites()
{
    if (m_flow)
        m_flow->waitForWrites();
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
