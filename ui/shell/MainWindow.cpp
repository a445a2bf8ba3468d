#include "ui/shell/MainWindow.h"

#include "ui/common/DatabasePool.h"
#include "ui/shell/ConnectionDialog.h"
#include "ui/chat/ChatPage.h"
#include "ui/common/Page.h"
#include "ui/shell/PageFactory.h"
#include "ui/shell/ReplicaLagIndicator.h"
#include "ui/shell/SessionPanel.h"
#include "ui/review/ReviewQueuePage.h"
#include "ui/reports/PdfExportJob.h"
#include "core/session/ConnectionWatcher.h"
#include "core/session/ReplicaLagWatcher.h"
#include "core/settings/Settings.h"
#include "core/stats/StatsService.h"
#include "core/storage/Database.h"
#include "ui/common/FilterBar.h"
#include "ui/common/StatusPanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMessageBox>
#include <QScreen>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent>

namespace atalaya {

MainWindow::MainWindow(AppContext context, Language *language, QWidget *parent)
    : QMainWindow(parent), m_context(std::move(context)), m_language(language)
{
    setObjectName(QStringLiteral("mainWindow"));
    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    m_filterBar = new FilterBar(central);
    outer->addWidget(m_filterBar);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    outer->addWidget(line);
    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    m_navigation = new QListWidget(central);
    // Wide enough for the longest Spanish page name ("Riesgo de despliegue") with its icon.
    m_navigation->setFixedWidth(220);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    m_navigation->setIconSize(QSize(20, 20));
    styleNavigation();
    m_content = new QStackedWidget(central);
    m_stack = new QStackedWidget(m_content);
    m_sessionPanel = new SessionPanel(m_content);
    m_content->addWidget(m_stack);
    m_content->addWidget(m_sessionPanel);
    body->addWidget(m_navigation);
    body->addWidget(m_content, 1);
    outer->addLayout(body, 1);
    setCentralWidget(central);
    m_status = new StatusPanel(statusBar());
    m_replicaLag = new ReplicaLagIndicator(statusBar());
    statusBar()->addPermanentWidget(m_replicaLag);
    m_replicaLag->hide();
    if (m_context.settings) {
        connect(m_context.settings, &Settings::changed, this, [this](const QString &) {
            const int warn = m_context.settings->replicaLagWarnSeconds();
            m_replicaLag->setWarnSeconds(warn);
            if (m_replicaWatcher)
                m_replicaWatcher->setWarnSeconds(warn);
        });
    }

    m_pages.assign(pageCatalogue().size(), nullptr);
    for (const PageSpec &spec : pageCatalogue())
        m_navigation->addItem(spec.title());
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::activateRow);
    connect(m_filterBar, &FilterBar::filterChanged, this, [this](const DashboardFilter &f) {
        saveFilter(f);
        if (Page *p = currentPage())
            p->setFilter(f);
    });
    connect(m_filterBar, &FilterBar::refreshRequested, this, &MainWindow::refreshCurrent);
    connect(m_filterBar, &FilterBar::autoRefreshToggled, this, &MainWindow::setAutoRefresh);

    m_opener = new SessionOpener(this);
    connectSession();

    m_refreshTimer = new QTimer(this);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refreshCurrent);
    buildMenus();
    retranslate();
    resize(defaultSize(screen()));
    if (m_context.db)
        m_status->setConnection(m_context.db->describeActive(), true);
    else
        m_status->setConnection(tr("no database"), false);
    watchConnection();
    const int seconds = m_context.settings ? m_context.settings->refreshIntervalSeconds() : 30;
    m_refreshTimer->setInterval(seconds * 1000);
    setAutoRefresh(m_context.settings ? m_context.settings->autoRefresh() : true);
    loadFilterChoices();
    QTimer::singleShot(0, this, &MainWindow::buildNextPage);
}

Page *MainWindow::pageAt(size_t index)
{
    if (m_pages[index])
        return m_pages[index];
    Page *p = pageCatalogue()[index].create(m_context, m_stack);
    m_pages[index] = p;
    m_stack->addWidget(p);
    connect(p, &Page::filterRequested, this, &MainWindow::setFilter);
    connect(p, &Page::navigateRequested, this, [this](const QString &id, const QVariant &argument) {
        if (showPage(id) && argument.isValid())
            currentPage()->openItem(argument);
    });
    if (auto *chat = qobject_cast<ChatPage *>(p))
        connect(chat, &ChatPage::feedStateChanged, this, &MainWindow::setFeedState);
    if (auto *queue = qobject_cast<ReviewQueuePage *>(p)) {
        connect(queue, &ReviewQueuePage::outboxCountChanged, this, &MainWindow::setOutboxCount);
        connect(queue, &ReviewQueuePage::outboxLeftBehind, this, &MainWindow::tellOutboxLeftBehind);
        setOutboxCount(queue->outboxSize());
    }
    connect(p, &Page::loadFinished, this, [this, p](bool ok, const QString &) {
        if (ok && p == currentPage())
            m_status->setLastRefresh(QDateTime::currentDateTime());
        // A failed read may be the first sign of an outage: ask now, not at the next tick.
        if (!ok && m_watcher)
            m_watcher->checkNow();
    });
    return p;
}

// The review queue (outbox retries) and chat (live feed) work in the background, so every page
// exists shortly after start-up even if never opened.
void MainWindow::buildNextPage()
{
    const auto next = std::find(m_pages.begin(), m_pages.end(), nullptr);
    if (next == m_pages.end())
        return;
    pageAt(static_cast<size_t>(next - m_pages.begin()));
    QTimer::singleShot(0, this, &MainWindow::buildNextPage);
}

QStringList MainWindow::pageIds() const
{
    QStringList ids;
    for (const PageSpec &spec : pageCatalogue())
        ids << spec.id;
    return ids;
}

void MainWindow::styleNavigation()
{
    // A style sheet resolves palette(...) once and pins the result on the list: set it
    // again after a theme change, or the list keeps the old theme's colours.
    m_navigation->setStyleSheet(QString());
    m_navigation->setStyleSheet(QStringLiteral(
        "QListWidget { background: palette(alternate-base); padding-top: 8px; }"
        " QListWidget::item { padding: 8px 12px; border-radius: 4px; margin: 0 6px; }"
        " QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange && !m_pageActions.empty()) {
        styleNavigation();
        updateNavigationIcons();
    }
    QMainWindow::changeEvent(event);
}

Page *MainWindow::page(const QString &pageId)
{
    const qsizetype i = pageIds().indexOf(pageId);
    return i < 0 ? nullptr : pageAt(static_cast<size_t>(i));
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_stack->currentWidget());
}

DashboardFilter MainWindow::filter() const
{
    return m_filterBar->filter();
}

void MainWindow::activateRow(int row)
{
    if (row < 0 || row >= static_cast<int>(m_pages.size()))
        return;
    Page *p = pageAt(static_cast<size_t>(row));
    m_stack->setCurrentWidget(p);
    if (m_context.settings)
        m_context.settings->setLastPage(p->pageId());
    // Before the first session opened there is nothing to read: setDatabase() loads the page.
    if (!m_context.db && isSessionOpening())
        return;
    load(p);
}

void MainWindow::load(Page *p)
{
    // Pages hidden during a filter change get it when shown; one load per switch.
    if (p->filter() == m_filterBar->filter())
        p->refresh();
    else
        p->setFilter(m_filterBar->filter());
}

bool MainWindow::showPage(const QString &pageId)
{
    const int i = static_cast<int>(pageIds().indexOf(pageId));
    if (i < 0)
        return false;
    if (m_navigation->currentRow() == i)
        activateRow(i);
    else
        m_navigation->setCurrentRow(i);
    return true;
}

void MainWindow::setFilter(const DashboardFilter &filter)
{
    m_filterBar->setFilter(filter);
}

void MainWindow::refreshCurrent()
{
    if (Page *p = currentPage())
        p->refresh();
    loadFilterChoices();
}

void MainWindow::setOutboxCount(int count)
{
    m_status->setOutboxCount(count);
}

void MainWindow::setFeedState(const QString &state)
{
    m_status->setFeedState(state);
}

void MainWindow::setAutoRefresh(bool on)
{
    on ? m_refreshTimer->start() : m_refreshTimer->stop();
    const QSignalBlocker blocker(m_autoRefreshAction);
    m_autoRefreshAction->setChecked(on);
    m_filterBar->setAutoRefresh(on, m_refreshTimer->interval() / 1000);
    if (m_context.settings)
        m_context.settings->setAutoRefresh(on);
}

void MainWindow::saveFilter(const DashboardFilter &f)
{
    if (!m_context.settings)
        return;
    m_context.settings->setFilterDays(f.days);
    m_context.settings->setFilterAgent(f.agentId);
    m_context.settings->setFilterTask(f.taskType);
    m_context.settings->setFilterRange(f.isCustom() ? f.firstDay() : QDate(), f.isCustom() ? f.lastDay() : QDate());
}

void MainWindow::restoreFromSettings()
{
    Settings *s = m_context.settings;
    if (!s)
        return;
    restoreGeometry(s->windowGeometry());
    restoreState(s->windowState());
    DashboardFilter f;
    f.days = s->filterDays();
    f.agentId = s->filterAgent();
    f.taskType = s->filterTask();
    if (s->filterFirstDay().isValid())
        f.setCustomDays(s->filterFirstDay(), s->filterLastDay());
    const QSignalBlocker blocker(m_filterBar);
    m_filterBar->setFilter(f);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_context.settings) {
        m_context.settings->setWindowGeometry(saveGeometry());
        m_context.settings->setWindowState(saveState());
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::loadFilterChoices()
{
    if (!m_context.db)
        return;
    using Choices = std::pair<QStringList, QStringList>;
    auto *watcher = new QFutureWatcher<Choices>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Choices c = watcher->result();
        if (!c.first.isEmpty() || !c.second.isEmpty())
            m_filterBar->setChoices(c.first, c.second);
    });
    watcher->setFuture(QtConcurrent::run(databasePool(), [db = m_context.db]() -> Choices {
        const StatsService stats(db);
        auto agents = stats.agentIds();
        auto tasks = stats.taskTypes();
        return {agents ? *agents : QStringList(), tasks ? *tasks : QStringList()};
    }));
}

QSize MainWindow::defaultSize(const QScreen *screen)
{
    const QSize wanted(1400, 900);
    return screen ? wanted.boundedTo(screen->availableSize()) : wanted;
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("Atalaya — %1").arg(m_context.db ? m_context.db->url().displayName() : tr("no database")));
}

void MainWindow::setDatabase(std::shared_ptr<const Database> db)
{
    m_context.db = std::move(db);
    updateTitle();
    m_status->setConnection(m_context.db ? m_context.db->describeActive() : tr("no database"), m_context.db != nullptr);
    watchConnection();
    for (Page *p : m_pages) {
        if (!p)
            continue;
        AppContext c = p->context();
        c.db = m_context.db;
        p->setContext(c, Page::Reload::WhenShown);
    }
    // The page in front reads now, the others when shown. Until a page was picked (a render
    // run shows its first page only once the session settled) none is in front.
    if (Page *p = currentPage(); p && m_navigation->currentRow() >= 0)
        load(p);
    loadFilterChoices();
}

void MainWindow::openConnectionDialog()
{
    ConnectionDialog dialog(m_context.settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto url = dialog.url();
    auto readUrl = dialog.readUrl();
    if (url && readUrl)
        openSession(*url, dialog.password(), *readUrl, dialog.readPassword());
}

void MainWindow::exportPdf()
{
    if (!m_context.db) {
        QMessageBox::information(this, tr("Export PDF report"), tr("Connect to a database first."));
        return;
    }
    // A bare file name would open the dialog wherever the process was started.
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(QStringLiteral("atalaya-report.pdf"));
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Export PDF report"), suggested, tr("PDF files (*.pdf)"));
    if (file.isEmpty())
        return;
    // One export at a time: the action comes back when this one ends.
    m_exportAction->setEnabled(false);
    auto *job = new PdfExportJob(m_context.db, m_filterBar->filter().toQuery(), file, this);
    connect(job, &PdfExportJob::finished, this, [this, file](bool ok, const QString &message) {
        m_exportAction->setEnabled(true);
        if (ok)
            statusBar()->showMessage(tr("Report written to %1").arg(QDir::toNativeSeparators(file)), 8000);
        else if (message.isEmpty())
            statusBar()->showMessage(tr("Export cancelled"), 5000);
        else
            QMessageBox::warning(this, tr("Export PDF report"), message);
    });
    job->start();
}

}  // namespace atalaya
