#pragma once

#include "core/settings/Settings.h"
#include "ui/shell/MainWindow.h"

#include <QSignalSpy>

#include <memory>
#include <optional>
#include <utility>

class QTableView;

namespace atalaya {

class Database;
class ReviewQueuePage;
class StatusPanel;

namespace test {

// The main window on the review queue as reviewer "ana" uses it (no auto-refresh, so every
// read the test sees is one the window started by itself): what the outage and failover
// tests kill a server under.
class ReviewWindow {
public:
    ReviewWindow(std::shared_ptr<Database> db, const QString &settingsPath);

    // Shows the window on the queue page and waits for its first load, with the keyboard in
    // the table; false, with the reason printed, when any of it fails.
    bool open();
    // Refreshes the page and waits for the load: its (ok, error), or nothing after the timeout.
    std::optional<std::pair<bool, QString>> reload(int timeoutMs = 15000);

    MainWindow &window() { return m_window; }
    StatusPanel *status() const { return m_window.statusPanel(); }
    ReviewQueuePage *page() const { return m_page; }
    QTableView *table() const { return m_table; }
    // The page's loadFinished(ok, error) since open().
    QSignalSpy &loads() { return *m_loads; }

private:
    Settings m_settings;
    MainWindow m_window;
    ReviewQueuePage *m_page = nullptr;
    QTableView *m_table = nullptr;
    std::unique_ptr<QSignalSpy> m_loads;
};

}  // namespace test
}  // namespace atalaya
