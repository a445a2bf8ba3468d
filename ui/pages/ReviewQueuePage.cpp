#include "pages/ReviewQueuePage.h"

#include "models/ReviewQueueModel.h"
#include "pages/ReviewDetailPane.h"
#include "review/AsyncRun.h"
#include "review/FeedbackFlow.h"
#include "review/PriorityCountChips.h"
#include "review/QueueCountsRebuild.h"
#include "settings/Settings.h"
#include "storage/Database.h"

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

struct Loaded {
    std::optional<std::vector<QueueItem>> items;
    QDateTime generatedAt;
    WriteAccess access;
    QString error;
};

struct CountsLoaded {
    std::optional<QueueCounts> counts;
    QString error;
};

ReviewRules rulesOf(const AppContext &context)
{
    return context.settings ? ReviewRules::fromSettingsJson(context.settings->reviewRulesJson()) : ReviewRules::defaults();
}

} // namespace

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
            delete m_flow;
            m_flow = nullptr;
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
    const QString name = m_context.settings ? m_context.settings->reviewer() : QString();
    return name.isEmpty() ? FeedbackRepository::defaultReviewer() : name;
}

void ReviewQueuePage::rulesChanged()
{
    m_rules = rulesOf(m_context);
    m_chips->setRules(m_rules);
    refresh();
    m_rebuild->request(m_context.db, m_rules);
}

void ReviewQueuePage::refresh()
{
    const quint64 generation = ++m_generation;
    if (!m_context.db) {
        m_model->setItems({});
        m_detail->showEmpty(tr("Not connected to a database."));
        emit loadFinished(false, tr("not connected"));
        return;
    }
    ensureFlow();
    m_status->setText(tr("Loading…"));
    QueueFilter filter;
    filter.agentId = m_filter.agentId;
    filter.limit = 200;
    auto db = m_context.db;
    const ReviewRules rules = m_rules;
    m_countsPending = true;
    m_historyPending = true;
    m_countsError.clear();
    m_chips->setState(PriorityCountChips::State::Counting);
    // Items first: the page paints as soon as they arrive; the counts, which read far more
    // rows, follow in their own job and fill the chips when they come.
    runAsync<Loaded>(
        this, nullptr,
        [db, rules, filter] {
            Loaded out;
            out.generatedAt = QDateTime::currentDateTimeUtc();
            const ReviewQueue queue(db, rules);
            auto items = queue.items(filter);
            if (!items) {
                db->reconnect();
                items = queue.items(filter);
            }
            if (!items) {
                out.error = items.error().message;
                return out;
            }
            out.items = std::move(*items);
            auto access = queue.writeAccess();
            out.access = access ? *access : WriteAccess{false, access.error().message};
            return out;
        },
        [this, generation](const Loaded &loaded) {
            if (generation != m_generation)
                return;
            if (!loaded.items) {
                m_chips->setState(PriorityCountChips::State::Unavailable);
                m_status->setText(loaded.error);
                m_banner->setText(tr("The queue cannot be read: %1").arg(loaded.error));
                m_banner->setVisible(true);
                emit loadFinished(false, loaded.error);
                return;
            }
            const QModelIndex current = m_table->currentIndex();
            const qint64 selectedId = current.isValid() ? m_model->item(current.row()).id : 0;
            std::vector<QueueItem> items;
            for (const QueueItem &it : *loaded.items) {
                if (!m_flow || !m_flow->decided().contains(it.id))
                    items.push_back(it);
            }
            m_model->setNow(loaded.generatedAt);
            m_model->setItems(std::move(items));
            fitColumns();
            const int row = std::max(0, m_model->rowOf(selectedId));
            if (m_model->rowCount() > 0)
                m_table->selectRow(row);
            else
                m_detail->showEmpty(tr("Nothing to review. Well done."));
            selectWanted();
            setWritable(loaded.access.writable, loaded.access.reason);
            m_status->setText(tr("Counting the queue…"));
            if (isVisible())
                m_table->setFocus();
            m_itemsShownFor = generation;
            emit itemsShown();
            // The shown decision's history now, not after the arrow-key delay.
            m_historyLater->stop();
            if (m_detail->currentId() > 0)
                loadHistory(m_detail->currentId(), generation);
            else
                m_historyPending = false;
            reloadCounts(generation);
        });
}

void ReviewQueuePage::openItem(const QVariant &argument)
{
    m_wanted = argument.toLongLong();
    if (m_model->rowOf(m_wanted) >= 0)
        selectWanted();
}

void ReviewQueuePage::selectWanted()
{
    const qint64 id = std::exchange(m_wanted, 0);
    if (id <= 0 || !m_context.db)
        return;
    if (const int row = m_model->rowOf(id); row >= 0) {
        m_table->selectRow(row);
        return;
    }
    auto db = m_context.db;
    const ReviewRules rules = m_rules;
    using Item = Result<std::optional<QueueItem>>;
    runAsync<Item>(
        this, nullptr, [db, rules, id] { return ReviewQueue(db, rules).pendingItem(id); },
        [this, id](const Item &item) {
            if (!item)
                m_status->setText(item.error().message);
            else if (!*item)
                m_status->setText(tr("Decision #%1 is not waiting for review (reviewed already, or not in this database).").arg(id));
            else if (!m_flow || !m_flow->decided().contains(id))
                m_table->selectRow(m_model->rowOf(id) >= 0 ? m_model->rowOf(id) : m_model->insertSorted(**item));
        });
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

void ReviewQueuePage::loadHistory(qint64 id, quint64 pageGeneration)
{
    auto db = m_context.db;
    if (!db)
        return;
    runAsync<std::vector<AuditEntry>>(
        this, nullptr,
        [db, id] {
            auto h = FeedbackRepository(db).history(id);
            return h ? *h : std::vector<AuditEntry>{};
        },
        [this, id, pageGeneration](const std::vector<AuditEntry> &history) {
            m_detail->showHistory(id, history);
            if (pageGeneration != 0 && pageGeneration == m_generation) {
                m_historyPending = false;
                finishLoadIfReady(pageGeneration);
            }
        });
}

void ReviewQueuePage::reloadCounts(quint64 pageGeneration)
{
    auto db = m_context.db;
    if (!db)
        return;
    const quint64 generation = ++m_countsGeneration;
    // A newer request replaces one a refresh waits for (a verdict, a finished rebuild): it
    // then finishes that refresh in its place.
    if (pageGeneration == 0 && m_countsPending && m_itemsShownFor == m_generation)
        pageGeneration = m_generation;
    QueueFilter filter;
    filter.agentId = m_filter.agentId;
    const ReviewRules rules = m_rules;
    // Verdicts given here but not in the database yet (writer thread, outbox) are not counted.
    auto uncounted = m_flow ? m_flow->uncountedReader() : std::function<QSet<qint64>()>([] { return QSet<qint64>(); });
    runAsync<CountsLoaded>(
        this, nullptr,
        [db, rules, filter, uncounted] {
            auto counts = ReviewQueue(db, rules).countsWithout(filter, QDateTime::currentDateTimeUtc(), uncounted());
            return counts ? CountsLoaded{*counts, {}} : CountsLoaded{std::nullopt, counts.error().message};
        },
        [this, generation, pageGeneration](const CountsLoaded &loaded) {
            if (generation != m_countsGeneration)
                return;
            if (loaded.counts)
                m_chips->setCounts(*loaded.counts);
            else
                m_chips->setState(PriorityCountChips::State::Unavailable);
            if (pageGeneration == 0 || pageGeneration != m_generation)
                return;
            m_countsPending = false;
            m_countsError = loaded.error;
            finishLoadIfReady(pageGeneration);
        });
}

void ReviewQueuePage::finishLoadIfReady(quint64 pageGeneration)
{
    if (m_countsPending || m_historyPending || pageGeneration != m_generation)
        return;
    if (!m_rebuild->isRunning())
        m_status->setText(m_countsError.isEmpty()
                              ? tr("%Ln decision(s) waiting for review", nullptr, static_cast<int>(m_chips->counts().all()))
                              : tr("The queue is shown; its counts could not be read: %1").arg(m_countsError));
    emit loadFinished(true, {});
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

} // namespace atalaya
