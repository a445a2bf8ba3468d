#include "pages/ReviewQueuePage.h"

#include "models/ReviewQueueModel.h"
#include "pages/ReviewDetailPane.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "telemetry/TelemetryRepository.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

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

template <typename T, typename Fn, typename Done>
void runAsync(QObject *owner, QThreadPool *pool, Fn fn, Done done)
{
    auto *watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(pool ? QtConcurrent::run(pool, std::move(fn)) : QtConcurrent::run(std::move(fn)));
}

} // namespace

ReviewQueuePage::ReviewQueuePage(const AppContext &context, QWidget *parent) : Page(context, parent)
{
    // One writer thread keeps writes (and their undos) in click order, on one connection.
    m_writer.setMaxThreadCount(1);
    m_writer.setExpiryTimeout(-1);
    m_resolveConflict = [this](const QString &message) {
        return QMessageBox::question(this, tr("Reviewed meanwhile"),
                                     tr("%1.\n\nOverwrite that review with yours?").arg(message),
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    };
    buildUi();
    // The outbox is opened at once: its size shows in the status bar and what it holds is
    // retried from the start, whether or not the reviewer opens this page.
    ensureSender();
    if (m_context.settings) {
        connect(m_context.settings, &Settings::changed, this, [this](const QString &key) {
            if (key.startsWith(QLatin1String("queue/")))
                refresh();
        });
    }
}

ReviewQueuePage::~ReviewQueuePage()
{
    m_writer.waitForDone();
}

void ReviewQueuePage::buildUi()
{
    auto *root = new QVBoxLayout(this);
    auto *cards = new QHBoxLayout;
    const QString slaText[kPriorityCount] = {tr("review within 1 hour"), tr("review within 24 hours"),
                                             tr("review within a week"), tr("10 % sample, no deadline")};
    for (int i = 0; i < kPriorityCount; ++i) {
        auto *card = new QLabel(this);
        card->setObjectName(QStringLiteral("count%1").arg(priorityName(static_cast<Priority>(i))));
        card->setTextFormat(Qt::RichText);
        card->setMinimumWidth(150);
        card->setStyleSheet(QStringLiteral("QLabel { background: palette(base); border: 1px solid #d9dde3;"
                                           " border-left: 5px solid %1; border-radius: 6px; padding: 6px 10px; }")
                                .arg(ReviewQueueModel::priorityColor(static_cast<Priority>(i)).name()));
        card->setToolTip(tr("%1: %2. Pending decisions and how many are past their deadline.")
                             .arg(priorityName(static_cast<Priority>(i)), slaText[i]));
        m_countLabels[static_cast<size_t>(i)] = card;
        cards->addWidget(card);
    }
    cards->addStretch(1);
    root->addLayout(cards);

    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff4e5; border: 1px solid #f0b45b; border-radius: 4px;"
                                           " padding: 6px; color: #6b3d00; }"));
    root->addWidget(m_banner);

    m_model = new ReviewQueueModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_table->horizontalHeader()->setSectionResizeMode(ReviewQueueModel::ReasonColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(40);
    m_table->setColumnWidth(ReviewQueueModel::PriorityColumn, 52);
    m_table->setColumnWidth(ReviewQueueModel::AgentColumn, 140);
    m_table->setColumnWidth(ReviewQueueModel::TaskColumn, 118);
    m_table->setColumnWidth(ReviewQueueModel::ConfidenceColumn, 74);
    m_table->setColumnWidth(ReviewQueueModel::AgeColumn, 70);
    m_table->setColumnWidth(ReviewQueueModel::DueColumn, 152);
    m_table->installEventFilter(this);
    m_table->setToolTip(tr("Arrows move, 1 correct, 2 incorrect, 3 partially correct, Ctrl+Z undo"));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showSelected(); });

    m_detail = new ReviewDetailPane(this);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setSizes({1000, 330});
    m_detail->setMinimumWidth(300);
    root->addWidget(split, 1);

    auto *actions = new QHBoxLayout;
    m_note = new QLineEdit(this);
    m_note->setPlaceholderText(tr("Optional note for the audit log"));
    m_note->setToolTip(tr("Saved with the next verdict; press Tab or click the table to use the keys again"));
    actions->addWidget(m_note, 1);
    const QString labels[3] = {tr("1  Correct"), tr("2  Incorrect"), tr("3  Partially correct")};
    const QString tips[3] = {tr("The decision was right (accuracy 1.0) — key 1"),
                             tr("The decision was wrong (accuracy 0.0) — key 2"),
                             tr("Partly right (accuracy 0.5) — key 3")};
    const QString colors[3] = {QStringLiteral("#2e7d32"), QStringLiteral("#c62828"), QStringLiteral("#b26a00")};
    const Feedback values[3] = {Feedback::Correct, Feedback::Incorrect, Feedback::PartiallyCorrect};
    for (int i = 0; i < 3; ++i) {
        auto *b = new QPushButton(labels[i], this);
        b->setToolTip(tips[i]);
        b->setFocusPolicy(Qt::NoFocus);
        b->setStyleSheet(QStringLiteral("QPushButton { color: white; background: %1; border: none; border-radius: 4px;"
                                        " padding: 6px 14px; font-weight: 600; } QPushButton:disabled { background: #b0b4ba; }")
                             .arg(colors[i]));
        connect(b, &QPushButton::clicked, this, [this, v = values[i]] { recordFeedback(v); });
        m_buttons[static_cast<size_t>(i)] = b;
        actions->addWidget(b);
    }
    root->addLayout(actions);

    auto *statusRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setStyleSheet(QStringLiteral("color: #555;"));
    m_outboxLabel = new QLabel(this);
    m_outboxLabel->setToolTip(tr("Feedback kept on this computer until the database takes it; retried automatically"));
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_outboxLabel);
    root->addLayout(statusRow);

    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] { m_model->setNow(QDateTime::currentDateTimeUtc()); });
    m_tick->start();
    m_retry = new QTimer(this);
    m_retry->setInterval(2000);
    connect(m_retry, &QTimer::timeout, this, &ReviewQueuePage::retryOutbox);
    m_countsLater = new QTimer(this);
    m_countsLater->setSingleShot(true);
    m_countsLater->setInterval(150);
    connect(m_countsLater, &QTimer::timeout, this, [this] { reloadCounts(); });
    setWritable(false, {});
    showCounts();
}

void ReviewQueuePage::setConflictResolver(std::function<bool(const QString &)> resolver)
{
    m_resolveConflict = std::move(resolver);
}

QString ReviewQueuePage::reviewer() const
{
    const QString name = m_context.settings ? m_context.settings->reviewer() : QString();
    return name.isEmpty() ? FeedbackRepository::defaultReviewer() : name;
}

void ReviewQueuePage::ensureSender()
{
    if (m_sender || !m_context.db)
        return;
    std::shared_ptr<FeedbackOutbox> outbox;
    auto opened = FeedbackOutbox::open(FeedbackOutbox::defaultPath(m_context.db->url().toString()));
    if (opened)
        outbox = std::move(*opened);
    else
        m_status->setText(tr("No local outbox: %1").arg(opened.error().message));
    m_sender = std::make_shared<FeedbackSender>(m_context.db, outbox);
    setOutboxSize(m_sender->outboxSize());
    if (m_outboxSize > 0)
        m_retry->start();
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
    ensureSender();
    m_status->setText(tr("Loading…"));
    QueueFilter filter;
    filter.agentId = m_filter.agentId;
    filter.limit = 200;
    auto db = m_context.db;
    const ReviewRules rules = rulesOf(m_context);
    m_countsLoading = true;
    showCounts();
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
                m_countsLoading = false;
                showCounts();
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
                if (!m_decided.contains(it.id))
                    items.push_back(it);
            }
            m_model->setNow(loaded.generatedAt);
            m_model->setItems(std::move(items));
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
            emit itemsShown();
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
    const ReviewRules rules = rulesOf(m_context);
    using Item = Result<std::optional<QueueItem>>;
    runAsync<Item>(
        this, nullptr, [db, rules, id] { return ReviewQueue(db, rules).pendingItem(id); },
        [this, id](const Item &item) {
            if (!item)
                m_status->setText(item.error().message);
            else if (!*item)
                m_status->setText(tr("Decision #%1 is not waiting for review (reviewed already, or not in this database).").arg(id));
            else if (!m_decided.contains(id))
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

void ReviewQueuePage::showCounts()
{
    const QLocale locale;
    const QString sla[kPriorityCount] = {tr("within 1 h"), tr("within 24 h"), tr("within 1 week"), tr("sampled")};
    for (int i = 0; i < kPriorityCount; ++i) {
        const qint64 overdue = m_counts.overdue[static_cast<size_t>(i)];
        QString number = locale.toString(m_counts.total[static_cast<size_t>(i)]);
        QString overdueText = overdue > 0
            ? QStringLiteral("<span style='color:#c62828;font-weight:600'>%1</span>").arg(tr("%1 overdue").arg(locale.toString(overdue)))
            : QStringLiteral("<span style='color:#2e7d32'>%1</span>").arg(tr("on time"));
        if (m_countsLoading || !m_countsKnown) {
            number = QStringLiteral("<span style='color:#9aa0a6'>—</span>");
            overdueText = QStringLiteral("<span style='color:#9aa0a6'>%1</span>")
                              .arg(m_countsLoading ? tr("counting…") : tr("count unavailable"));
        }
        m_countLabels[static_cast<size_t>(i)]->setText(
            QStringLiteral("<span style='color:#555'><b style='color:%1'>%2</b> · %3</span><br>"
                           "<span style='font-size:20pt;font-weight:700'>%4</span><br>%5")
                .arg(ReviewQueueModel::priorityColor(static_cast<Priority>(i)).name(),
                     priorityName(static_cast<Priority>(i)), sla[i], number, overdueText));
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
    // Coalesced: arrowing through rows only loads the history of where the reviewer stops.
    QTimer::singleShot(120, this, [this, id = item.id] {
        if (m_detail->currentId() == id)
            loadHistory(id);
    });
}

void ReviewQueuePage::loadHistory(qint64 id)
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
        [this, id](const std::vector<AuditEntry> &history) { m_detail->showHistory(id, history); });
}

void ReviewQueuePage::reloadCounts(quint64 pageGeneration)
{
    auto db = m_context.db;
    if (!db)
        return;
    const quint64 generation = ++m_countsGeneration;
    QueueFilter filter;
    filter.agentId = m_filter.agentId;
    const ReviewRules rules = rulesOf(m_context);
    // Verdicts given here but not in the database yet (writer thread, outbox) are not counted.
    const QSet<qint64> decidedHere = m_decided;
    auto sender = m_sender;
    runAsync<CountsLoaded>(
        this, nullptr,
        [db, rules, filter, decidedHere, sender] {
            QSet<qint64> decided = decidedHere;
            if (sender && sender->outbox()) {
                if (auto waiting = sender->outbox()->entries()) {
                    for (const OutboxEntry &e : *waiting) {
                        if (e.restore)
                            decided.remove(e.telemetryId);
                        else
                            decided.insert(e.telemetryId);
                    }
                }
            }
            auto counts = ReviewQueue(db, rules).countsWithout(filter, QDateTime::currentDateTimeUtc(), decided);
            return counts ? CountsLoaded{*counts, {}} : CountsLoaded{std::nullopt, counts.error().message};
        },
        [this, generation, pageGeneration](const CountsLoaded &loaded) {
            if (generation != m_countsGeneration)
                return;
            m_countsLoading = false;
            if (loaded.counts) {
                m_counts = *loaded.counts;
                m_countsKnown = true;
            }
            showCounts();
            if (pageGeneration == 0 || pageGeneration != m_generation)
                return;
            m_status->setText(loaded.counts
                                  ? tr("%n decision(s) waiting for review", nullptr, static_cast<int>(m_counts.all()))
                                  : tr("The queue is shown; its counts could not be read: %1").arg(loaded.error));
            emit loadFinished(true, {});
        });
}

void ReviewQueuePage::recordFeedback(Feedback value)
{
    if (!m_writable || !m_sender || m_model->rowCount() == 0)
        return;
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? current.row() : 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QueueItem item = m_model->takeRow(row);
    if (m_model->rowCount() > 0)
        m_table->selectRow(std::min(row, m_model->rowCount() - 1));
    else
        m_detail->showEmpty(tr("Nothing to review. Well done."));
    const auto p = static_cast<size_t>(item.priority);
    m_counts.total[p] = std::max<qint64>(0, m_counts.total[p] - 1);
    if (item.overdueAt(now))
        m_counts.overdue[p] = std::max<qint64>(0, m_counts.overdue[p] - 1);
    showCounts();

    m_decided.insert(item.id);
    m_undo.push_back({item, feedbackToString(value), true});
    OutboxEntry entry;
    entry.telemetryId = item.id;
    entry.value = value;
    entry.expectedPrevious = QString();
    entry.reviewer = reviewer();
    entry.note = m_note->text().trimmed();
    m_note->clear();
    submit(entry, item.id);
}

void ReviewQueuePage::undoLast()
{
    if (m_undo.empty()) {
        m_status->setText(tr("Nothing to undo."));
        return;
    }
    const Undo undo = m_undo.back();
    m_undo.pop_back();
    m_decided.remove(undo.item.id);
    const int row = m_model->insertSorted(undo.item);
    m_table->selectRow(row);
    const auto p = static_cast<size_t>(undo.item.priority);
    ++m_counts.total[p];
    if (undo.item.overdueAt(QDateTime::currentDateTimeUtc()))
        ++m_counts.overdue[p];
    showCounts();
    if (!undo.applied) {
        m_status->setText(tr("#%1 is back in the queue.").arg(undo.item.id));
        return;
    }
    OutboxEntry entry;
    entry.telemetryId = undo.item.id;
    entry.restore = true;
    entry.expectedPrevious = undo.written;
    entry.reviewer = reviewer();
    entry.note = tr("undo");
    submit(entry, undo.item.id);
}

void ReviewQueuePage::submit(OutboxEntry entry, qint64 id)
{
    auto sender = m_sender;
    runAsync<SendOutcome>(
        this, &m_writer, [sender, entry] { return sender->send(entry); },
        [this, entry, id](const SendOutcome &outcome) { settle(outcome, entry, id); });
}

void ReviewQueuePage::settle(const SendOutcome &outcome, OutboxEntry entry, qint64 id)
{
    const QString verdict = entry.restore ? tr("pending again") : feedbackToString(entry.value.value_or(Feedback::Correct));
    switch (outcome.kind) {
    case SendOutcome::Kind::Written:
        m_status->setText(tr("Saved #%1: %2").arg(id).arg(verdict));
        m_countsLater->start();
        break;
    case SendOutcome::Kind::Queued:
        m_status->setText(tr("#%1 kept in the outbox: %2").arg(id).arg(outcome.message));
        m_retry->start();
        break;
    case SendOutcome::Kind::Conflict:
        if (m_resolveConflict && m_resolveConflict(outcome.message)) {
            auto sender = m_sender;
            auto db = m_context.db;
            runAsync<SendOutcome>(
                this, &m_writer,
                [sender, db, entry]() mutable {
                    auto row = TelemetryRepository(db).find(entry.telemetryId);
                    entry.expectedPrevious = row ? row->humanFeedback : QString();
                    entry.key.clear();
                    return sender->send(entry);
                },
                [this, entry, id](const SendOutcome &again) { settle(again, entry, id); });
            return;
        }
        for (Undo &u : m_undo) {
            if (u.item.id == id)
                u.applied = false;
        }
        m_status->setText(tr("#%1 kept the other review: %2").arg(id).arg(outcome.message));
        m_countsLater->start();
        break;
    case SendOutcome::Kind::Failed:
        m_status->setText(tr("#%1 was not saved: %2").arg(id).arg(outcome.message));
        for (Undo &u : m_undo) {
            if (u.item.id == id)
                u.applied = false;
        }
        // Not saved: the next reload shows it again instead of hiding it.
        if (!entry.restore)
            m_decided.remove(id);
        break;
    }
    setOutboxSize(outcome.outboxSize);
    emit feedbackSettled(id);
}

void ReviewQueuePage::retryOutbox()
{
    if (!m_sender || m_outboxSize == 0) {
        m_retry->stop();
        return;
    }
    auto sender = m_sender;
    runAsync<OutboxFlush>(this, &m_writer, [sender] { return sender->retry(false); },
                          [this](const OutboxFlush &flushed) {
                              setOutboxSize(flushed.remaining);
                              // Reviewed by someone else while waiting: the reviewer decides, one
                              // by one, as for a direct write (settle asks and re-sends).
                              for (const auto &[entry, message] : flushed.conflicts) {
                                  SendOutcome conflict;
                                  conflict.kind = SendOutcome::Kind::Conflict;
                                  conflict.message = message;
                                  conflict.outboxSize = flushed.remaining;
                                  settle(conflict, entry, entry.telemetryId);
                              }
                              if (flushed.delivered + flushed.duplicates > 0)
                                  m_countsLater->start();
                              if (flushed.remaining == 0)
                                  m_retry->stop();
                          });
}

void ReviewQueuePage::setOutboxSize(int size)
{
    if (size == m_outboxSize && !m_outboxLabel->text().isEmpty())
        return;
    m_outboxSize = size;
    m_outboxLabel->setText(size > 0 ? QStringLiteral("<span style='color:#b26a00;font-weight:600'>%1</span>")
                                          .arg(tr("%n feedback waiting in the outbox", nullptr, size))
                                    : tr("Outbox empty"));
    emit outboxCountChanged(size);
}

void ReviewQueuePage::waitForWrites()
{
    m_writer.waitForDone();
    QCoreApplication::sendPostedEvents();
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
