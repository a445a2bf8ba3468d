#pragma once

#include "ui/shell/AppContext.h"

#include "core/session/ConnectionResolver.h"

#include <QMainWindow>

#include <vector>

class QAction;
class QActionGroup;
class QListWidget;
class QMenu;
class QScreen;
class QStackedWidget;
class QTimer;

namespace atalaya {

class ConnectionWatcher;
class ReplicaLagIndicator;
class ReplicaLagWatcher;
class FilterBar;
class Language;
class Page;
class SessionOpener;
class SessionPanel;
class StatusPanel;

// The frame only: menus, navigation, the filter bar, the page stack, the status bar and the
// auto-refresh timer. Pages own their data and widgets.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppContext context, Language *language = nullptr, QWidget *parent = nullptr);

    // The page with that id, built now if it was not yet; null for an unknown id.
    Page *page(const QString &pageId);
    Page *currentPage() const;
    // Shows the page and starts its load; false for an unknown id.
    bool showPage(const QString &pageId);
    // Every page id in navigation order.
    QStringList pageIds() const;
    FilterBar *filterBar() const { return m_filterBar; }
    StatusPanel *statusPanel() const { return m_status; }
    QTimer *refreshTimer() const { return m_refreshTimer; }
    DashboardFilter filter() const;
    // The open database; null until a session opened.
    std::shared_ptr<const Database> database() const { return m_context.db; }
    // Applies the saved window geometry, last page and filters.
    void restoreFromSettings();
    // Where a first start opens: 1400 × 900, or the screen's available area when smaller, so
    // the review queue's Due column and the reasons are in view.
    static QSize defaultSize(const QScreen *screen);

    // Opens the database off the UI thread; the session panel stands in for the pages until
    // it is ready (or says what failed), then every page gets it.
    void openSession(const DbUrl &url, const QString &password, const std::optional<DbUrl> &replicaUrl = {},
                     const QString &replicaPassword = {});
    // openSession, after asking for the password when the connection says to ask.
    void startSession(const ResolvedConnection &connection);
    bool isSessionOpening() const;
    SessionPanel *sessionPanel() const { return m_sessionPanel; }
    // Pings the open database; null while disconnected.
    ConnectionWatcher *connectionWatcher() const { return m_watcher; }
    // The replica's lag in the status bar; hidden without a read replica.
    ReplicaLagIndicator *replicaLagIndicator() const { return m_replicaLag; }
    ReplicaLagWatcher *replicaLagWatcher() const { return m_replicaWatcher; }

public slots:
    void setFilter(const atalaya::DashboardFilter &filter);
    void refreshCurrent();
    void setOutboxCount(int count);
    void tellOutboxLeftBehind(int verdicts, const QString &database);
    void setFeedState(const QString &state);
    void setAutoRefresh(bool on);
    void exportPdf();
    void openConnectionDialog();
    // Swaps the database (connection dialog, reconnect) for every page.
    void setDatabase(std::shared_ptr<const Database> db);

signals:
    // A session attempt ended: opened (ok), failed, cancelled or no password given.
    void sessionSettled(bool ok);
    // The account may not prepare Atalaya's tables: pages read the raw rows, feedback is off.
    void sessionLimited(const QString &refusedStep);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    // Pages are built on first use, and the rest one per event-loop turn after start-up, so
    // building the window never blocks the UI thread for all of them at once.
    Page *pageAt(size_t index);
    void buildNextPage();
    void buildMenus();
    void buildPageActions();
    void buildThemeMenu();
    void retranslate();
    void updateTitle();
    void updateNavigationIcons();
    void styleNavigation();
    void activateRow(int row);
    // One load of the page, with the filter bar's filter.
    void load(Page *page);
    void loadFilterChoices();
    void saveFilter(const DashboardFilter &filter);
    void connectSession();
    void askPassword();
    void beginSession();
    void retrySession();
    void settleSession(bool ok, const QString &failure = {});
    void watchConnection();
    void watchReplica();
    void connectionRestored();

    AppContext m_context;
    Language *m_language = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QStackedWidget *m_content = nullptr;  // the page stack, or the session panel
    SessionPanel *m_sessionPanel = nullptr;
    SessionOpener *m_opener = nullptr;
    ConnectionWatcher *m_watcher = nullptr;
    ReplicaLagWatcher *m_replicaWatcher = nullptr;
    ReplicaLagIndicator *m_replicaLag = nullptr;
    DbUrl m_sessionUrl;  // the attempt Retry repeats
    QString m_sessionPassword;
    std::optional<DbUrl> m_sessionReplicaUrl;  // reads from this replica (--read-db)
    QString m_sessionReplicaPassword;
    bool m_replicaTakesAskedPassword = false;  // the replica's password is the one asked at start
    bool m_askSessionPassword = false;
    FilterBar *m_filterBar = nullptr;
    StatusPanel *m_status = nullptr;
    QTimer *m_refreshTimer = nullptr;
    std::vector<Page *> m_pages;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_themeMenu = nullptr;
    QMenu *m_goMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    std::vector<QAction *> m_pageActions;
    QAction *m_connectAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_autoRefreshAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QActionGroup *m_themeGroup = nullptr;
};

}  // namespace atalaya
