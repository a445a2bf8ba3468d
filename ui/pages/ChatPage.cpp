#include "pages/ChatPage.h"

#include "pages/chat/ChatConversationModel.h"
#include "pages/chat/ChatLiveCharts.h"
#include "pages/chat/KpiCard.h"

#include "chat/ChatHistory.h"
#include "secrets/SecretStore.h"
#include "settings/Settings.h"
#include "storage/Database.h"

#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace atalaya {

namespace {

constexpr int kRedrawMs = 50;
constexpr int kTopIntents = 5;
constexpr int kHistoryRows = 200;
// Screenshot mode: show what a short connection attempt gives, never hang.
constexpr int kLoadTimeoutMs = 4000;
constexpr int kSettleMs = 2500;

QString percent(const std::optional<double> &ratio)
{
    return ratio ? QLocale().toString(*ratio * 100.0, 'f', 1) + QStringLiteral(" %") : QStringLiteral("—");
}

QString stateText(const ChatSnapshot &s)
{
    switch (s.state) {
    case ChatFeedClient::State::Idle: return ChatPage::tr("Not connected");
    case ChatFeedClient::State::Connecting: return ChatPage::tr("Connecting…");
    case ChatFeedClient::State::Connected: return ChatPage::tr("Connected");
    case ChatFeedClient::State::WaitingToReconnect: return ChatPage::tr("Disconnected");
    case ChatFeedClient::State::Refused: return ChatPage::tr("Refused");
    }
    return {};
}

} // namespace

ChatPage::ChatPage(const AppContext &context, QWidget *parent) : Page(context, parent)
{
    auto *root = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    m_state = new QLabel(tr("Not connected"), this);
    m_state->setObjectName(QStringLiteral("chatState"));
    m_state->setTextFormat(Qt::RichText);
    m_url = new QLineEdit(this);
    m_url->setPlaceholderText(tr("wss://chat.example/ws/monitor"));
    m_url->setMinimumWidth(280);
    m_connect = new QPushButton(tr("Connect"), this);
    auto *token = new QPushButton(tr("Token…"), this);
    token->setToolTip(tr("Store the feed's bearer token in the system keychain"));
    bar->addWidget(m_state, 1);
    bar->addWidget(m_url);
    bar->addWidget(m_connect);
    bar->addWidget(token);
    root->addLayout(bar);
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (m_context.settings && qEnvironmentVariableIsEmpty("ATALAYA_CHAT_URL"))
            m_context.settings->setChatFeedUrl(m_url->text().trimmed());
        connectFeed();
    });
    connect(token, &QPushButton::clicked, this, &ChatPage::askToken);

    auto *cards = new QGridLayout;
    const QList<QPair<KpiCard **, QString>> cardDefs = {
        {&m_active, tr("Active conversations")}, {&m_rate, tr("Messages / min")},
        {&m_latencyAvg, tr("Assistant latency avg")}, {&m_latencyP95, tr("Assistant latency P95")},
        {&m_success, tr("Success rate")}, {&m_satisfaction, tr("Satisfaction")},
        {&m_resolution, tr("Resolution rate")}, {&m_errors, tr("Errors")}};
    for (int i = 0; i < cardDefs.size(); ++i) {
        *cardDefs[i].first = new KpiCard(cardDefs[i].second, this);
        cards->addWidget(*cardDefs[i].first, 0, i);
    }
    root->addLayout(cards);

    auto *middle = new QHBoxLayout;
    m_charts = new ChatLiveCharts(this);
    middle->addWidget(m_charts, 4);
    auto *intents = new QGridLayout;
    auto *intentsTitle = new QLabel(tr("<b>Top intents</b> (window)"), this);
    intents->addWidget(intentsTitle, 0, 0, 1, 2);
    for (int i = 0; i < kTopIntents; ++i) {
        auto *name = new QLabel(this);
        auto *barWidget = new QProgressBar(this);
        barWidget->setTextVisible(true);
        barWidget->setFormat(QStringLiteral("%v"));
        barWidget->setMaximumHeight(18);
        barWidget->setRange(0, 1);
        barWidget->setValue(0);
        barWidget->setVisible(false);
        intents->addWidget(name, i + 1, 0);
        intents->addWidget(barWidget, i + 1, 1);
        m_intentNames << name;
        m_intentBars << barWidget;
    }
    intents->setRowStretch(kTopIntents + 1, 1);
    auto *intentsBox = new QWidget(this);
    intentsBox->setLayout(intents);
    intentsBox->setMinimumWidth(220);
    middle->addWidget(intentsBox, 1);
    root->addLayout(middle, 2);

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_model = new ChatConversationModel(this);
    m_table = new QTableView(left);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Fixed widths: measuring contents on every live update would cost more than the update.
    const int widths[] = {150, 75, 125, 70, 95, 85};
    for (int c = 0; c < int(std::size(widths)); ++c)
        m_table->setColumnWidth(c, widths[c]);
    m_historyNote = new QLabel(left);
    m_historyNote->setWordWrap(true);
    leftLayout->addWidget(m_table);
    leftLayout->addWidget(m_historyNote);
    m_transcript = new QTextBrowser(split);
    m_transcript->setOpenLinks(false);
    m_transcript->setPlaceholderText(tr("Select a conversation to read its transcript."));
    split->addWidget(left);
    split->addWidget(m_transcript);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    root->addWidget(split, 3);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        m_selectedId = current.data(ChatConversationModel::IdRole).toString();
        m_selectedLastTs = -1;
        showTranscript();
    });
    connect(m_transcript, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("decision"))
            emit navigateRequested(QStringLiteral("queue"), QVariant(url.path().toLongLong()));
    });

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(kRedrawMs);
    connect(&m_redrawTimer, &QTimer::timeout, this, &ChatPage::redraw);
    m_loadTimeout.setSingleShot(true);
    connect(&m_loadTimeout, &QTimer::timeout, this, [this] {
        m_historyDone = true;
        maybeFinishLoad();
    });

    m_monitor = std::make_unique<ChatMonitor>();
    connect(m_monitor.get(), &ChatMonitor::snapshotReady, this, &ChatPage::onSnapshot);
}

ChatPage::~ChatPage() = default;

QString ChatPage::feedUrl() const
{
    const QString env = qEnvironmentVariable("ATALAYA_CHAT_URL");
    if (!env.isEmpty())
        return env;
    return m_context.settings ? m_context.settings->chatFeedUrl() : QString();
}

void ChatPage::refresh()
{
    m_loadPending = true;
    m_historyDone = false;
    m_sinceRefresh.start();
    m_loadTimeout.start(kLoadTimeoutMs);
    if (m_url->text().isEmpty())
        m_url->setText(feedUrl());
    if (!feedUrl().isEmpty() && m_connectedUrl != feedUrl())
        connectFeed();
    if (m_connectedUrl.isEmpty())
        m_state->setText(tr("No chat feed configured: enter its wss:// URL and connect."));
    loadHistory();
}

void ChatPage::connectFeed(bool allowInsecure)
{
    const QUrl url(m_url->text().trimmed().isEmpty() ? feedUrl() : m_url->text().trimmed(), QUrl::StrictMode);
    if (auto valid = validateChatFeedUrl(url, allowInsecure); !valid) {
        const bool insecureRemote = url.scheme() == QLatin1String("ws") && !url.host().isEmpty() && !isLoopbackHost(url.host());
        if (insecureRemote && !allowInsecure && isVisible()
            && QMessageBox::warning(this, tr("Unencrypted chat feed"),
                                    tr("%1 is not encrypted and not on this machine: messages and the token travel "
                                       "in clear text. Connect anyway?").arg(url.host()),
                                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes) {
            connectFeed(true);
            return;
        }
        m_state->setText(QStringLiteral("<span style='color:#b91c1c'>●</span> ") + valid.error().message.toHtmlEscaped());
        return;
    }
    ChatFeedOptions options;
    options.url = url;
    options.allowInsecureRemote = allowInsecure;
    m_connectedUrl = url.toString();
    m_monitor->start(options);
}

void ChatPage::askToken()
{
    const QString url = m_url->text().trimmed();
    if (url.isEmpty())
        return;
    bool ok = false;
    const QString token = QInputDialog::getText(this, tr("Chat feed token"), tr("Bearer token for %1:").arg(url),
                                                QLineEdit::Password, QString(), &ok);
    if (!ok)
        return;
    if (auto saved = SecretStore::system()->write(SecretStore::chatTokenKey(url), token); !saved) {
        QMessageBox::warning(this, tr("Chat feed token"), tr("The token could not be stored in the keychain: %1")
                                                              .arg(saved.error().message));
        return;
    }
    connectFeed();
}

void ChatPage::onSnapshot(std::shared_ptr<const ChatSnapshot> snapshot)
{
    // Bursts replace the pending snapshot; the window is redrawn at most every kRedrawMs.
    m_pending = std::move(snapshot);
    if (!m_redrawTimer.isActive())
        m_redrawTimer.start();
}

void ChatPage::redraw()
{
    if (!m_pending)
        return;
    m_shown = std::move(m_pending);
    const ChatSnapshot &s = *m_shown;
    const QLocale locale;
    ++m_redraws;

    const bool up = s.state == ChatFeedClient::State::Connected;
    QString text = QStringLiteral("<span style='color:%1'>●</span> <b>%2</b>")
                       .arg(up ? QStringLiteral("#15803d") : s.state == ChatFeedClient::State::Connecting ? QStringLiteral("#ca8a04")
                                                                                                         : QStringLiteral("#b91c1c"),
                            stateText(s));
    if (!up && !s.detail.isEmpty())
        text += QStringLiteral(" — ") + s.detail.toHtmlEscaped();
    if (s.lastEventTsMs) {
        const QDateTime last = QDateTime::fromMSecsSinceEpoch(*s.lastEventTsMs).toLocalTime();
        text += tr(" · last event %1 (%2 s ago)").arg(locale.toString(last, QStringLiteral("HH:mm:ss")))
                    .arg(std::max<qint64>(0, (s.takenAtMs - *s.lastEventTsMs) / 1000));
    }
    text += tr(" · %1 events, %2 malformed, %3 ignored").arg(locale.toString(s.totals.events),
                                                               locale.toString(s.totals.malformed), locale.toString(s.totals.ignored));
    m_state->setText(text);

    const ChatWindowMetrics &w = s.window;
    const QString windowNote = tr("last %1 min").arg(locale.toString(w.windowSeconds / 60.0, 'g', 3));
    m_active->set(locale.toString(w.activeConversations), windowNote);
    m_rate->set(locale.toString(w.messagesPerMinute, 'f', 1), tr("%1 messages").arg(locale.toString(w.messages)));
    m_latencyAvg->set(w.latencyAvgMs ? tr("%1 ms").arg(locale.toString(*w.latencyAvgMs, 'f', 0)) : QStringLiteral("—"), windowNote);
    m_latencyP95->set(w.latencyP95Ms ? tr("%1 ms").arg(locale.toString(*w.latencyP95Ms)) : QStringLiteral("—"), tr("nearest rank"));
    m_success->set(percent(w.successRate), tr("of assistant answers"));
    m_satisfaction->set(w.satisfactionAvg ? QStringLiteral("%1 ★").arg(locale.toString(*w.satisfactionAvg, 'f', 2)) : QStringLiteral("—"),
                        tr("%n rating(s)", nullptr, int(w.satisfactionCount)));
    m_resolution->set(percent(w.resolutionRate), tr("of completed"));
    m_errors->set(locale.toString(w.errors), tr("%1 since connect").arg(locale.toString(s.totals.errors)));

    m_charts->setData(s.series, s.takenAtMs, w.windowSeconds);
    const qint64 top = w.topIntents.empty() ? 1 : w.topIntents.front().second;
    for (int i = 0; i < kTopIntents; ++i) {
        const bool has = i < int(w.topIntents.size());
        m_intentNames[i]->setText(has ? w.topIntents[i].first : QString());
        m_intentBars[i]->setVisible(has);
        if (has) {
            m_intentBars[i]->setRange(0, int(top));
            m_intentBars[i]->setValue(int(w.topIntents[i].second));
        }
    }
    if (w.topIntents.empty())
        m_intentNames[0]->setText(tr("No answers in the window yet"));

    m_model->setLive(s.conversations);
    if (m_selectedId.isEmpty() && !s.conversations.empty())
        m_selectedId = s.conversations.front().id;  // something to read from the first second
    if (!m_selectedId.isEmpty()) {
        const int row = m_model->rowOf(m_selectedId);
        if (row >= 0 && m_table->currentIndex().row() != row)
            m_table->setCurrentIndex(m_model->index(row, 0));
        showTranscript();
    }
    maybeFinishLoad();
}

void ChatPage::showTranscript()
{
    const int row = m_model->rowOf(m_selectedId);
    const ChatConversationSummary *summary = m_model->summary(row);
    if (!summary) {
        m_transcript->clear();
        return;
    }
    if (summary->lastTsMs == m_selectedLastTs)
        return;  // unchanged since it was last drawn
    m_selectedLastTs = summary->lastTsMs;
    auto render = [this](const QString &id, const std::vector<ChatTranscriptLine> &lines) {
        if (id != m_selectedId)
            return;
        const QLocale locale;
        QString html = QStringLiteral("<h3>%1</h3>").arg(id.toHtmlEscaped());
        for (const ChatTranscriptLine &l : lines) {
            const QString time = locale.toString(QDateTime::fromMSecsSinceEpoch(l.tsMs).toLocalTime(), QStringLiteral("HH:mm:ss"));
            QString who, meta, color = QStringLiteral("#111827");
            switch (l.kind) {
            case ChatTranscriptLine::Kind::User: who = tr("User"); break;
            case ChatTranscriptLine::Kind::Assistant:
                who = tr("Assistant");
                color = l.success ? QStringLiteral("#1e3a8a") : QStringLiteral("#b91c1c");
                if (l.latencyMs)
                    meta += tr("%1 ms").arg(*l.latencyMs);
                if (!l.intent.isEmpty())
                    meta += QStringLiteral(" · ") + l.intent.toHtmlEscaped();
                if (!l.success)
                    meta += QStringLiteral(" · ") + tr("failed");
                if (l.telemetryId)
                    meta += QStringLiteral(" · <a href='decision:%1'>%2</a>").arg(*l.telemetryId).arg(tr("review decision #%1").arg(*l.telemetryId));
                break;
            case ChatTranscriptLine::Kind::Error: who = tr("Error"); color = QStringLiteral("#b91c1c"); break;
            case ChatTranscriptLine::Kind::Satisfaction: who = tr("Rating"); color = QStringLiteral("#a16207"); break;
            }
            html += QStringLiteral("<p><span style='color:#6b7280'>%1</span> <b style='color:%2'>%3</b>: %4%5</p>")
                        .arg(time, color, who, l.text.toHtmlEscaped(),
                             meta.isEmpty() ? QString() : QStringLiteral("<br/><small style='color:#6b7280'>%1</small>").arg(meta));
        }
        if (lines.empty())
            html += QStringLiteral("<p><i>%1</i></p>").arg(tr("No transcript kept for this conversation."));
        m_transcript->setHtml(html);
    };
    if (!m_model->isHistory(row)) {
        render(m_selectedId, m_monitor->transcript(m_selectedId));
        return;
    }
    auto db = m_context.db;
    if (!db)
        return;
    const QString id = m_selectedId;
    auto *watcher = new QFutureWatcher<Result<std::vector<ChatTranscriptLine>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, render, id] {
        watcher->deleteLater();
        if (const auto result = watcher->result(); result)
            render(id, *result);
    });
    watcher->setFuture(QtConcurrent::run([db, id] { return loadChatTranscript(*db, id, 500); }));
}

void ChatPage::loadHistory()
{
    const quint64 generation = ++m_generation;
    auto db = m_context.db;
    if (!db) {
        m_historyDone = true;
        return;
    }
    using History = Result<std::optional<std::vector<ChatConversationSummary>>>;
    auto *watcher = new QFutureWatcher<History>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const History result = watcher->result();
        if (!result)
            m_historyNote->setText(tr("History unavailable: %1").arg(result.error().message));
        else if (!*result)
            m_historyNote->setText(tr("No chat tables in this database: showing the live feed only."));
        else {
            m_historyNote->setText(tr("Grey rows: history from the chat tables (%n conversation(s)).", nullptr, int((*result)->size())));
            m_model->setHistory(**result);
        }
        m_historyDone = true;
        maybeFinishLoad();
    });
    watcher->setFuture(QtConcurrent::run([db]() -> History {
        if (!chatTablesExist(*db))
            return std::optional<std::vector<ChatConversationSummary>>();
        auto history = loadChatHistory(*db, kHistoryRows);
        if (!history)
            return history.error();
        return std::optional(std::move(*history));
    }));
}

void ChatPage::maybeFinishLoad()
{
    if (!m_loadPending || !m_historyDone)
        return;
    const bool timedOut = !m_loadTimeout.isActive();
    bool settled = m_connectedUrl.isEmpty() || timedOut;
    if (m_shown) {
        const auto state = m_shown->state;
        settled = settled || state == ChatFeedClient::State::Refused
                  || (state == ChatFeedClient::State::WaitingToReconnect && !m_shown->everConnected)
                  || (state == ChatFeedClient::State::Connected && m_shown->totals.events > 0 && m_sinceRefresh.elapsed() >= kSettleMs);
    }
    if (!settled)
        return;
    m_loadPending = false;
    m_loadTimeout.stop();
    emit loadFinished(true, {});
}

} // namespace atalaya
