// Loading the review page: the items first, then the counts and the shown decision's history
// off the UI thread, each dropped when a newer load replaced it; the page's other behaviour is
// in ReviewQueuePage.cpp.
#include "ui/review/ReviewQueuePage.h"

#include "ui/review/ReviewQueueModel.h"
#include "ui/review/ReviewDetailPane.h"
#include "ui/common/AsyncRun.h"
#include "ui/review/FeedbackFlow.h"
#include "ui/review/PriorityCountChips.h"
#include "ui/review/QueueCountsRebuild.h"
#include "core/storage/Database.h"

#include <QLabel>
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

}  // namespace

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
                m_status->setText(
                    tr("Decision #%1 is not waiting for review (reviewed already, or not in this database).").arg(id));
            else if (!m_flow || !m_flow->decided().contains(id))
                m_table->selectRow(m_model->rowOf(id) >= 0 ? m_model->rowOf(id) : m_model->insertSorted(**item));
        });
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
        m_status->setText(
            m_countsError.isEmpty()
                ? tr("%Ln decision(s) waiting for review", nullptr, static_cast<int>(m_chips->counts().all()))
                : tr("The queue is shown; its counts could not be read: %1").arg(m_countsError));
    emit loadFinished(true, {});
}

}  // namespace atalaya
