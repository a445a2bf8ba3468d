#include "ui/chat/ChatPage.h"

#include "ui/common/LatestLoader.h"
#include "ui/chat/ChatConversationsPanel.h"
#include "ui/chat/ChatHistoryPanel.h"
#include "ui/chat/ChatKpiPanel.h"
#include "ui/chat/ChatLiveCharts.h"
#include "ui/chat/ChatStateLine.h"

#include "ui/common/ChartKit.h"
#include "core/chat/ChatHistory.h"
#include "core/chat/ChatHistoryMetrics.h"
#include "core/dashboard/PageReads.h"
#include "core/secrets/SecretStore.h"
#include "core/session/ConnectionResolver.h"
#include "core/settings/Settings.h"
#include "core/storage/Database.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace atalaya {

namespace {

constexpr int kRedrawMs = 50;
// The bench times these reads with the same arguments (core/dashboard/PageReads).
constexpr int kHistoryRows = kChatHistoryRows;
static_assert(ChatTopIntents::kShown == kChatTopIntents);
// A connected feed's page is loaded once it shows a question and its answer (the KPIs, charts
// and transcript have something in them); a quiet feed is shown after this long, saying so.
constexpr int kLoadTimeoutMs = 8000;

}  // namespace

ChatPage::ChatPage(const AppContext &context, QWidget *parent)
    : Page(context, parent), m_monitor(std::make_unique<ChatMonitor>()), m_historyLoader(new LatestLoader(this)),
      m_periodLoader(new LatestLoader(this))
{
    // Same margins, spacing and bold title as the dashboard pages (DataPage).
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(12, 8, 12, 8);
    root->setSpacing(8);

    auto *bar = new QHBoxLayout;
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_state = new QLabel(tr("Not connected"), this);
    m_state->setObjectName(QStringLiteral("chatState"));
    m_state->setTextFormat(Qt::RichText);
    // Long states (a refusal with its reason and what to do) wrap instead of running under the URL field.
    m_state->setWordWrap(true);
    m_url = new QLineEdit(this);
    m_url->setMinimumWidth(280);
    m_connect = new QPushButton(this);
    m_token = new QPushButton(this);
    bar->addWidget(m_title);
    bar->addSpacing(12);
    bar->addWidget(m_state, 1);
    bar->addWidget(m_url);
    bar->addWidget(m_connect);
    bar->addWidget(m_token);
    root->addLayout(bar);
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (m_context.settings && qEnvironmentVariableIsEmpty("ATALAYA_CHAT_URL"))
            m_context.settings->setChatFeedUrl(m_url->text().trimmed());
        connectFeed();
    });
    connect(m_token, &QPushButton::clicked, this, &ChatPage::askToken);

    // The panels together need ~770 px of height: below the bar they scroll, so the page never
    // makes the window taller than a 768-pixel screen.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *body = new QWidget(scroll);
    auto *panels = new QVBoxLayout(body);
    panels->setContentsMargins(0, 0, 0, 0);
    panels->setSpacing(8);
    m_kpis = new ChatKpiPanel(body);
    panels->addWidget(m_kpis);

    auto *middle = new QHBoxLayout;
    m_charts = new ChatLiveCharts(body);
    middle->addWidget(m_charts, 4);
    m_intents = new ChatTopIntents(body);
    middle->addWidget(m_intents, 1);
    panels->addLayout(middle, 2);

    m_history = new ChatHistoryPanel(body);
    panels->addWidget(m_history, 2);

    m_conversations = new ChatConversationsPanel(
        m_monitor.get(), [this] { return m_context.db; }, body);
    panels->addWidget(m_conversations, 3);
    scroll->setWidget(body);
    root->addWidget(scroll, 1);
    connect(m_conversations, &ChatConversationsPanel::decisionRequested, this,
            [this](qint64 telemetryId) { emit navigateRequested(QStringLiteral("queue"), QVariant(telemetryId)); });

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(kRedrawMs);
    connect(&m_redrawTimer, &QTimer::timeout, this, &ChatPage::redraw);
    m_loadTimeout.setSingleShot(true);
    connect(&m_loadTimeout, &QTimer::timeout, this, [this] {
        m_historyDone = true;
        m_periodDone = true;
        maybeFinishLoad();
    });

    connect(m_monitor.get(), &ChatMonitor::snapshotReady, this, &ChatPage::onSnapshot);
    retranslate();
}

void ChatPage::retranslate()
{
    m_title->setText(title());
    m_url->setPlaceholderText(tr("wss://chat.example/ws/monitor"));
    m_connect->setText(tr("Connect"));
    m_token->setText(tr("Token…"));
    m_token->setToolTip(tr("Store the feed's bearer token in the system keychain"));
}

void ChatPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // The state line and the history note are built from data: draw them again.
        if (m_shown && !m_pending)
            m_pending = m_shown;
        redraw();
        if (m_connectedUrl.isEmpty())
            m_state->setText(tr("No chat feed configured: enter its wss:// URL and connect."));
        loadHistory();
    }
    Page::changeEvent(event);
}

ChatPage::~ChatPage() = default;

QString ChatPage::feedUrl() const
{
    return ConnectionResolver::chatFeedUrl(QString(),
                                           m_context.settings ? m_context.settings->chatFeedUrl() : QString());
}

ChatPage::Footprint ChatPage::footprint() const
{
    const auto [conversations, lines] = m_monitor->held();
    return {conversations, lines, m_conversations->rowCount()};
}

void ChatPage::adoptContext(const AppContext &context)
{
    Page::adoptContext(context);
    if (!feedUrl().isEmpty() && m_connectedUrl != feedUrl())
        connectFeed();
}

void ChatPage::refresh()
{
    m_loadPending = true;
    m_historyDone = false;
    m_periodDone = false;
    m_loadTimeout.start(kLoadTimeoutMs);
    if (m_url->text().isEmpty())
        m_url->setText(feedUrl());
    if (!feedUrl().isEmpty() && m_connectedUrl != feedUrl())
        connectFeed();
    if (m_connectedUrl.isEmpty())
        m_state->setText(tr("No chat feed configured: enter its wss:// URL and connect."));
    loadHistory();
    loadPeriodMetrics();
}

void ChatPage::connectFeed(bool allowInsecure)
{
    const QUrl url(m_url->text().trimmed().isEmpty() ? feedUrl() : m_url->text().trimmed(), QUrl::StrictMode);
    if (auto valid = validateChatFeedUrl(url, allowInsecure); !valid) {
        const bool insecureRemote =
            url.scheme() == QLatin1String("ws") && !url.host().isEmpty() && !isLoopbackHost(url.host());
        if (insecureRemote && !allowInsecure && isVisible()
            && QMessageBox::warning(this, tr("Unencrypted chat feed"),
                                    tr("%1 is not encrypted and not on this machine: messages and the token travel "
                                       "in clear text. Connect anyway?")
                                        .arg(url.host()),
                                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                == QMessageBox::Yes) {
            connectFeed(true);
            return;
        }
        m_state->setText(chatStateDot(charts::ChartStyle::bad()) + valid.error().message.toHtmlEscaped());
        return;
    }
    ChatFeedOptions options;
    options.url = url;
    options.allowInsecureRemote = allowInsecure;
    if (m_context.settings)
        options.maxMessageBytes = m_context.settings->chatMaxMessageBytes();
    m_connectedUrl = url.toString();
    m_monitor->start(options, [url] { return ConnectionResolver().chatToken(url); });
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
        QMessageBox::warning(this, tr("Chat feed token"),
                             tr("The token could not be stored in the keychain: %1").arg(saved.error().message));
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
    ++m_redraws;
    m_state->setText(chatStateLine(s));
    if (const QString state = chatStateText(s); state != m_feedState) {
        m_feedState = state;
        emit feedStateChanged(state);
    }

    m_kpis->show(s.totals, s.window);
    m_charts->setData(s.series, s.takenAtMs, s.window.windowSeconds);
    m_intents->show(s.window, m_periodIntents);
    m_conversations->showLive(s.conversations);
    maybeFinishLoad();
}

void ChatPage::loadHistory()
{
    auto db = m_context.db;
    if (!db) {
        m_historyLoader->drop();
        m_historyDone = true;
        return;
    }
    using History = Result<std::optional<std::vector<ChatConversationSummary>>>;
    m_historyLoader->run<History>(
        [db]() -> History {
            if (!chatTablesExist(*db))
                return std::optional<std::vector<ChatConversationSummary>>();
            auto history = loadChatHistory(*db, kHistoryRows);
            if (!history)
                return history.error();
            return std::optional(std::move(*history));
        },
        [this](const History &result) {
            if (!result)
                m_conversations->setNote(tr("History unavailable: %1").arg(result.error().message));
            else if (!*result)
                m_conversations->setNote(tr("No chat tables in this database: showing the live feed only."));
            else {
                m_conversations->setNote(tr("Grey rows: history from the chat tables (%n conversation(s)).", nullptr,
                                            int((*result)->size())));
                m_conversations->showHistory(**result);
            }
            m_historyDone = true;
            maybeFinishLoad();
        });
}

void ChatPage::loadPeriodMetrics()
{
    auto db = m_context.db;
    if (!db) {
        m_periodLoader->drop();
        m_history->showNote(tr("Not connected to a database: no chat history."));
        m_periodDone = true;
        return;
    }
    const StatsQuery query = m_filter.toQuery();
    using Period = Result<std::optional<ChatHistoryMetrics>>;
    m_periodLoader->run<Period>(
        [db, query]() -> Period {
            if (!chatTablesExist(*db))
                return std::optional<ChatHistoryMetrics>();
            auto metrics = loadChatHistoryMetrics(*db, query.from, query.to, ChatTopIntents::kShown);
            if (!metrics)
                return metrics.error();
            return std::optional(std::move(*metrics));
        },
        [this, days = query.periodDays](const Period &result) {
            if (!result) {
                m_history->showNote(tr("Chat history unavailable: %1").arg(result.error().message));
            } else if (!*result) {
                m_history->showNote(tr("No chat tables in this database: the live feed is all there is."));
            } else {
                m_history->show(**result, days);
                m_periodIntents = (*result)->topIntents;
                m_intents->show(m_shown ? m_shown->window : ChatWindowMetrics{}, m_periodIntents);
            }
            m_periodDone = true;
            maybeFinishLoad();
        });
}

void ChatPage::maybeFinishLoad()
{
    if (!m_loadPending || !m_historyDone || !m_periodDone)
        return;
    const bool timedOut = !m_loadTimeout.isActive();
    bool settled = m_connectedUrl.isEmpty() || timedOut;
    if (m_shown) {
        const auto state = m_shown->state;
        settled = settled || state == ChatFeedClient::State::Refused
            || (state == ChatFeedClient::State::WaitingToReconnect && !m_shown->everConnected)
            || (state == ChatFeedClient::State::Connected && m_shown->totals.userMessages > 0
                && m_shown->totals.assistantMessages > 0);
    }
    if (!settled)
        return;
    m_loadPending = false;
    m_loadTimeout.stop();
    emit loadFinished(true, {});
}

}  // namespace atalaya
