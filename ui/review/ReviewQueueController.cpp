#include "ui/review/ReviewQueueController.h"

#include "core/settings/LoginName.h"
#include "core/settings/Settings.h"
#include "core/storage/Database.h"
#include "ui/common/LatestLoader.h"
#include "ui/review/FeedbackFlow.h"
#include "ui/review/QueueCountsRebuild.h"
#include "ui/review/ReviewQueueReads.h"
#include "ui/review/ReviewQueueModel.h"

#include <QThreadPool>
#include <QTimer>

namespace atalaya {
namespace {

ReviewRules rulesOf(const AppContext &context)
{
    return context.settings ? ReviewRules::fromSettingsJson(context.settings->reviewRulesJson())
                            : ReviewRules::defaults();
}

// Whose items a view shows: the pending queue is the first reviews'.
ReviewRole roleOf(ReviewQueueController::View view)
{
    switch (view) {
    case ReviewQueueController::View::Second: return ReviewRole::Second;
    case ReviewQueueController::View::Adjudication: return ReviewRole::Adjudication;
    case ReviewQueueController::View::Pending: break;
    }
    return ReviewRole::First;
}

}  // namespace

ReviewQueueController::ReviewQueueController(const AppContext &context, QObject *parent)
    : QObject(parent), m_context(context), m_rules(rulesOf(context))
{
    m_model = new ReviewQueueModel(this);
    m_rebuild = new QueueCountsRebuild(this);
    // Qt's global pool, where this page has always read; the other pages read on
    // databasePool() (DatabasePool.h says why). Moving these reads is a change of its own.
    QThreadPool *pool = QThreadPool::globalInstance();
    m_items = new LatestLoader(this, pool);
    m_countsLoader = new LatestLoader(this, pool);
    m_viewCounts = new DoubleReviewCountsLoader(pool, this);
    connect(m_viewCounts, &DoubleReviewCountsLoader::changed, this, &ReviewQueueController::viewCountsChanged);
    m_history = new LatestLoader(this, pool);
    m_wantedLoader = new LatestLoader(this, pool);
    // Coalesced: a burst of writes reaching the database recounts once.
    m_countsLater = new QTimer(this);
    m_countsLater->setSingleShot(true);
    m_countsLater->setInterval(150);
    connect(m_countsLater, &QTimer::timeout, this, [this] {
        reloadCounts();
        reloadViewCounts(false);
    });
    m_historyLater = new QTimer(this);
    m_historyLater->setSingleShot(true);
    m_historyLater->setInterval(120);
    connect(m_historyLater, &QTimer::timeout, this, [this] {
        if (m_shownId > 0)
            loadHistory(m_shownId);
    });
    if (m_context.settings) {
        connect(m_context.settings, &Settings::changed, this, [this](const QString &key) {
            if (key == QLatin1String("queue/rules"))
                applyRules();
            else if (key.startsWith(QLatin1String("queue/")))
                emit reloadRequested();
        });
    }
    connect(m_rebuild, &QueueCountsRebuild::started, this, &ReviewQueueController::rebuildStarted);
    connect(m_rebuild, &QueueCountsRebuild::finished, this, [this](bool kept, const QString &message) {
        emit rebuildFinished(kept, message);
        reloadCounts();
    });
}

void ReviewQueueController::waitForRebuild()
{
    m_rebuild->waitForDone();
}

bool ReviewQueueController::isRebuilding() const
{
    return m_rebuild->isRunning();
}

int ReviewQueueController::outboxSize() const
{
    return m_flow ? m_flow->outboxSize() : 0;
}

void ReviewQueueController::openFlow()
{
    if (m_flow || !m_context.db)
        return;
    m_flow = new FeedbackFlow(m_context.db, this);
    m_flow->setConflictResolver(
        [this](const QString &message) { return m_resolveConflict ? m_resolveConflict(message) : false; });
    connect(m_flow, &FeedbackFlow::message, this, &ReviewQueueController::message);
    connect(m_flow, &FeedbackFlow::databaseChanged, m_countsLater, qOverload<>(&QTimer::start));
    connect(m_flow, &FeedbackFlow::outboxSizeChanged, this, &ReviewQueueController::outboxCountChanged);
    connect(m_flow, &FeedbackFlow::settled, this, &ReviewQueueController::feedbackSettled);
    connect(m_flow, &FeedbackFlow::refused, this, [this](qint64 id, const QString &why, const QString &note) {
        // The counts were adjusted for a verdict that did not land.
        m_countsLater->start();
        emit feedbackRefused(id, why, note);
    });
    if (const QString problem = m_flow->open(); !problem.isEmpty())
        emit message(problem);
}

void ReviewQueueController::deliverNow()
{
    if (m_flow)
        m_flow->deliverNow();
}

void ReviewQueueController::setConflictResolver(std::function<bool(const QString &)> resolver)
{
    m_resolveConflict = std::move(resolver);
}

void ReviewQueueController::setContext(const AppContext &context)
{
    if (context.db == m_context.db) {
        m_context = context;
        return;
    }
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
    m_viewCounts->clear();
    m_context = context;
    openFlow();
    emit outboxCountChanged(outboxSize());
}

void ReviewQueueController::applyRules()
{
    m_rules = rulesOf(m_context);
    emit rulesChanged();
    m_rebuild->request(m_context.db, m_rules);
}

QString ReviewQueueController::reviewer() const
{
    return m_context.settings ? m_context.settings->reviewer() : osLoginName();
}

bool ReviewQueueController::refresh()
{
    if (!m_context.db) {
        m_items->drop();
        m_model->setItems({});
        return false;
    }
    openFlow();
    QueueFilter filter;
    filter.agentId = m_agentId;
    filter.limit = 200;
    auto db = m_context.db;
    const ReviewRules rules = m_rules;
    const QString who = reviewer();
    m_countsPending = true;
    m_historyPending = true;
    m_countsError.clear();
    setCountsState(CountsState::Counting);
    // Items first: the page paints as soon as they arrive; the counts, which read far more
    // rows, follow in their own job.
    auto read = [db, rules, filter, role = roleOf(m_view), who] {
        return readQueueItems(db, rules, filter, role, who);
    };
    m_items->run<QueueItemsRead>(read, [this](const QueueItemsRead &loaded) {
        const quint64 ticket = m_items->latest();  // only the newest refresh gets here
        if (!loaded.items) {
            setCountsState(CountsState::Unavailable);
            emit itemsFailed(loaded.error);
            return;
        }
        std::vector<QueueItem> items;
        for (const QueueItem &it : *loaded.items) {
            if (!m_flow || !m_flow->isDecided(it.id, it.role))
                items.push_back(it);
        }
        m_model->setNow(loaded.generatedAt);
        m_model->setItems(std::move(items));
        m_writable = loaded.access.writable;
        emit itemsLoaded(loaded.access);
        selectWanted();
        m_itemsShownFor = ticket;
        emit itemsShown();
        // The shown decision's history now, not after the arrow-key delay.
        m_historyLater->stop();
        if (m_shownId > 0)
            loadHistory(m_shownId, ticket);
        else
            m_historyPending = false;
        reloadCounts(ticket);
        reloadViewCounts(true);
    });
    return true;
}

void ReviewQueueController::setView(View view)
{
    m_view = view;
    m_model->setItems({});
}

void ReviewQueueController::setShown(qint64 id)
{
    m_shownId = id;
    if (id > 0)
        m_historyLater->start();
}

void ReviewQueueController::open(qint64 id)
{
    m_wanted = id;
    if (m_model->rowOf(m_wanted) >= 0)
        selectWanted();
}

void ReviewQueueController::selectWanted()
{
    const qint64 id = std::exchange(m_wanted, 0);
    if (id <= 0 || !m_context.db)
        return;
    if (const int row = m_model->rowOf(id); row >= 0) {
        emit wantedReady(row);
        return;
    }
    auto db = m_context.db;
    const ReviewRules rules = m_rules;
    using Item = Result<std::optional<QueueItem>>;
    auto read = [db, rules, id] { return ReviewQueue(db, rules).pendingItem(id); };
    m_wantedLoader->run<Item>(read, [this, id](const Item &item) {
        if (!item)
            emit wantedMissing(id, item.error().message);
        else if (!*item)
            emit wantedMissing(id, {});
        else if (!m_flow || !m_flow->decided().contains(id))
            emit wantedReady(m_model->rowOf(id) >= 0 ? m_model->rowOf(id) : m_model->insertSorted(**item));
    });
}

bool ReviewQueueController::newestItemsShown() const
{
    return m_itemsShownFor == m_items->latest();
}

void ReviewQueueController::loadHistory(qint64 id, quint64 refreshTicket)
{
    auto db = m_context.db;
    if (!db)
        return;
    if (refreshTicket == 0 && m_historyPending && newestItemsShown())
        refreshTicket = m_items->latest();
    auto read = [db, id] {
        auto h = FeedbackRepository(db).history(id);
        return h ? *h : std::vector<AuditEntry>{};
    };
    m_history->run<std::vector<AuditEntry>>(read, [this, id, refreshTicket](const std::vector<AuditEntry> &history) {
        emit historyLoaded(id, history);
        if (refreshTicket == 0 || !m_items->isLatest(refreshTicket))
            return;
        m_historyPending = false;
        finishRefreshIfReady(refreshTicket);
    });
}

void ReviewQueueController::reloadCounts(quint64 refreshTicket)
{
    auto db = m_context.db;
    if (!db)
        return;
    // A newer request (a verdict, a finished rebuild) replaces the one a refresh waits for.
    if (refreshTicket == 0 && m_countsPending && newestItemsShown())
        refreshTicket = m_items->latest();
    QueueFilter filter;
    filter.agentId = m_agentId;
    const ReviewRules rules = m_rules;
    // Verdicts given here but not in the database yet (writer thread, outbox) are not counted.
    auto uncounted = m_flow ? m_flow->uncountedReader() : std::function<QSet<qint64>()>([] { return QSet<qint64>(); });
    auto read = [db, rules, filter, uncounted] { return readQueueCounts(db, rules, filter, uncounted()); };
    m_countsLoader->run<QueueCountsRead>(read, [this, refreshTicket](const QueueCountsRead &loaded) {
        if (loaded.counts) {
            m_counts = *loaded.counts;
            setCountsState(CountsState::Known);
        } else {
            setCountsState(CountsState::Unavailable);
        }
        if (refreshTicket == 0 || !m_items->isLatest(refreshTicket))
            return;
        m_countsPending = false;
        m_countsError = loaded.error;
        finishRefreshIfReady(refreshTicket);
    });
}

void ReviewQueueController::reloadViewCounts(bool secondToo)
{
    QueueFilter filter;
    filter.agentId = m_agentId;
    m_viewCounts->reload(m_context.db, m_rules, filter, reviewer(), secondToo);
}

void ReviewQueueController::finishRefreshIfReady(quint64 refreshTicket)
{
    if (m_countsPending || m_historyPending || !m_items->isLatest(refreshTicket))
        return;
    emit refreshFinished(m_countsError);
}

void ReviewQueueController::setCountsState(CountsState state)
{
    m_countsState = state;
    emit countsChanged();
}

void ReviewQueueController::adjustCounts(const QueueItem &item, int delta)
{
    if (m_countsState != CountsState::Known)
        return;
    const auto p = static_cast<size_t>(item.priority);
    m_counts.total[p] = std::max<qint64>(0, m_counts.total[p] + delta);
    if (item.overdueAt(QDateTime::currentDateTimeUtc()))
        m_counts.overdue[p] = std::max<qint64>(0, m_counts.overdue[p] + delta);
    emit countsChanged();
}

bool ReviewQueueController::canRecord() const
{
    return m_writable && m_flow && m_flow->isOpen();
}

void ReviewQueueController::record(const QueueItem &item, Feedback value, const QString &note)
{
    if (item.role == ReviewRole::First)
        adjustCounts(item, -1);
    m_viewCounts->adjust(item, -1, m_rules);
    m_flow->record(item, value, reviewer(), note);
}

std::optional<int> ReviewQueueController::undo(const QString &note)
{
    const auto item = m_flow ? m_flow->undo(reviewer(), note) : std::nullopt;
    if (!item)
        return std::nullopt;
    if (item->role == ReviewRole::First)
        adjustCounts(*item, +1);
    m_viewCounts->adjust(*item, +1, m_rules);
    // Undone in another view than the verdict's: it is back in its own view, not this one.
    if (item->role != roleOf(m_view))
        return -1;
    return m_model->insertSorted(*item);
}

}  // namespace atalaya
