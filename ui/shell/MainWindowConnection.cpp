// Watching the open database: a lost and a restored connection, the read replica's lag, and
// verdicts left in another database's outbox when the session moves.
#include "ui/shell/MainWindow.h"

#include "ui/common/Page.h"
#include "ui/common/StatusPanel.h"
#include "ui/review/ReviewQueuePage.h"
#include "ui/shell/ReplicaLagIndicator.h"
#include "core/session/ConnectionWatcher.h"
#include "core/session/ReplicaLagWatcher.h"
#include "core/settings/Settings.h"
#include "core/storage/Database.h"

#include <QMessageBox>

namespace atalaya {
namespace {
// How often the replica's lag is measured: each time a SHOW SLAVE STATUS, or a heartbeat
// write on the primary and a read of it on the replica.
constexpr int kReplicaLagIntervalMs = 5000;
}  // namespace

void MainWindow::watchConnection()
{
    delete m_watcher;
    m_watcher = nullptr;
    delete m_replicaWatcher;
    m_replicaWatcher = nullptr;
    m_replicaLag->hide();
    if (!m_context.db)
        return;
    watchReplica();
    m_watcher = new ConnectionWatcher(m_context.db, this);
    connect(m_watcher, &ConnectionWatcher::lost, this,
            [this](const QString &reason) { m_status->setConnectionLost(reason, ConnectionWatcher::retrySeconds()); });
    connect(m_watcher, &ConnectionWatcher::restored, this, &MainWindow::connectionRestored);
}

void MainWindow::watchReplica()
{
    const Database *replica = m_context.db->replica();
    if (!replica)
        return;
    const int warn = m_context.settings ? m_context.settings->replicaLagWarnSeconds() : 30;
    m_replicaLag->setServers(m_context.db->url().describe(), replica->url().describe());
    m_replicaLag->setWarnSeconds(warn);
    m_replicaLag->show();
    m_replicaWatcher = new ReplicaLagWatcher(m_context.db, warn, kReplicaLagIntervalMs, this);
    connect(m_replicaWatcher, &ReplicaLagWatcher::measured, m_replicaLag, &ReplicaLagIndicator::showState);
}

// Every handle of the database was dropped by the watcher: the reads below open new ones.
void MainWindow::connectionRestored()
{
    m_status->setConnection(m_context.db->describeActive(), true);
    // The shown page reloads now, the others when shown.
    for (Page *p : m_pages) {
        if (auto *queue = qobject_cast<ReviewQueuePage *>(p))
            queue->connectionRestored();
    }
    refreshCurrent();
}

void MainWindow::tellOutboxLeftBehind(int verdicts, const QString &database)
{
    // Not modal: the switch has happened, and nothing is lost; the reviewer only has to know
    // where the verdicts wait.
    auto *box = new QMessageBox(QMessageBox::Information, tr("Verdicts waiting"),
                                tr("%n verdict(s) given while connected to %1 are not written yet. They wait in its "
                                   "outbox and are sent the next time Atalaya connects to %1.",
                                   nullptr, verdicts)
                                    .arg(database),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("outboxLeftBehind"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

}  // namespace atalaya
