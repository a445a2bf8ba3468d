// The menus of the main window (File, View with language and theme, Go with Ctrl+1…8, Help)
// and the translated texts of the frame.
#include "ui/shell/MainWindow.h"
#include "ui/shell/ReplicaLagIndicator.h"

#include "ui/shell/AboutDialog.h"
#include "ui/shell/Language.h"
#include "ui/shell/Navigation.h"
#include "ui/common/Theme.h"
#include "ui/shell/SettingsDialog.h"
#include "ui/shell/PageFactory.h"
#include "core/settings/Settings.h"
#include "ui/common/StatusPanel.h"

#include <QAction>
#include <QActionGroup>
#include <QListWidget>
#include <QMenuBar>

namespace atalaya {

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_connectAction = m_fileMenu->addAction(QString(), this, &MainWindow::openConnectionDialog);
    // The review rules and the reviewer's name; saving applies them at once (Settings::changed).
    m_settingsAction = m_fileMenu->addAction(QString(), this, [this] {
        SettingsDialog dialog(m_context.settings, this);
        dialog.exec();
    });
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_exportAction = m_fileMenu->addAction(QString(), this, &MainWindow::exportPdf);
    m_exportAction->setShortcut(QKeySequence::Print);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_viewMenu = menuBar()->addMenu(QString());
    m_refreshAction = m_viewMenu->addAction(QString(), this, &MainWindow::refreshCurrent);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_autoRefreshAction = m_viewMenu->addAction(QString());
    m_autoRefreshAction->setCheckable(true);
    connect(m_autoRefreshAction, &QAction::toggled, this, &MainWindow::setAutoRefresh);
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    for (const auto &[code, name] : {std::pair{QStringLiteral("en"), QStringLiteral("English")},
                                     std::pair{QStringLiteral("es"), QStringLiteral("Español")}}) {
        QAction *a = m_languageMenu->addAction(name);
        a->setCheckable(true);
        a->setData(code);
        a->setChecked(m_language && m_language->current() == code);
        m_languageGroup->addAction(a);
    }
    connect(m_languageGroup, &QActionGroup::triggered, this, [this](QAction *a) {
        if (m_language)
            m_language->apply(a->data().toString());
        if (m_context.settings)
            m_context.settings->setLanguage(a->data().toString());
    });
    buildThemeMenu();
    buildPageActions();
    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        AboutDialog dialog(m_context.db, this);
        dialog.exec();
    });
    m_aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::buildThemeMenu()
{
    m_themeMenu = m_viewMenu->addMenu(QString());
    m_themeGroup = new QActionGroup(this);
    const QString current = currentTheme();
    for (const QString &theme : {QString(), QStringLiteral("light"), QStringLiteral("dark")}) {
        QAction *a = m_themeMenu->addAction(QString());
        a->setCheckable(true);
        a->setData(theme);
        a->setChecked(theme == current);
        m_themeGroup->addAction(a);
    }
    connect(m_themeGroup, &QActionGroup::triggered, this, [this](QAction *a) {
        const QString applied = applyTheme(a->data().toString());
        if (m_context.settings)
            m_context.settings->setTheme(applied);
    });
}

// Go → one action per page with Ctrl+1…Ctrl+8, in navigation order.
void MainWindow::buildPageActions()
{
    m_goMenu = menuBar()->addMenu(QString());
    for (size_t i = 0; i < m_pages.size(); ++i) {
        const QString id = pageCatalogue()[i].id;
        QAction *a = m_goMenu->addAction(QString(), this, [this, id] { showPage(id); });
        if (i < 9)
            a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + static_cast<int>(i))));
        m_pageActions.push_back(a);
    }
    updateNavigationIcons();
}

void MainWindow::updateNavigationIcons()
{
    for (size_t i = 0; i < m_pages.size(); ++i) {
        const QIcon icon = navigationIcon(pageCatalogue()[i].id, m_navigation->palette());
        m_navigation->item(static_cast<int>(i))->setIcon(icon);
        m_pageActions[i]->setIcon(icon);
    }
}

void MainWindow::retranslate()
{
    updateTitle();
    m_fileMenu->setTitle(tr("&File"));
    m_connectAction->setText(tr("&Connect to database…"));
    m_settingsAction->setText(tr("&Settings…"));
    m_exportAction->setText(tr("Export &PDF report…"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_refreshAction->setText(tr("&Refresh"));
    m_autoRefreshAction->setText(tr("&Auto-refresh"));
    m_languageMenu->setTitle(tr("&Language"));
    m_themeMenu->setTitle(tr("&Theme"));
    const QString themeNames[] = {tr("&System"), tr("&Light"), tr("&Dark")};
    for (int i = 0; i < 3; ++i)
        m_themeGroup->actions().at(i)->setText(themeNames[i]);
    m_goMenu->setTitle(tr("&Go"));
    for (size_t i = 0; i < m_pages.size(); ++i) {
        QListWidgetItem *item = m_navigation->item(static_cast<int>(i));
        const PageSpec &spec = pageCatalogue()[i];
        item->setText(spec.title());
        const QString keys = m_pageActions[i]->shortcut().toString(QKeySequence::NativeText);
        item->setToolTip(keys.isEmpty() ? navigationToolTip(spec.id)
                                        : tr("%1 (%2)").arg(navigationToolTip(spec.id), keys));
        m_pageActions[i]->setText(spec.title());
    }
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Atalaya"));
    m_status->retranslate();
    m_replicaLag->retranslate();
}

}  // namespace atalaya
