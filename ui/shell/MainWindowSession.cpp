// Opening the database behind the session panel, and asking for its password at each start
// when the user chose not to keep it in the keychain.
#include "ui/shell/MainWindow.h"

#include "core/settings/Settings.h"

#include "ui/common/StatusPanel.h"
#include "ui/shell/SessionPanel.h"
#include "core/session/SessionOpener.h"
#include "core/storage/Database.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QStackedWidget>

namespace atalaya {

void MainWindow::connectSession()
{
    connect(m_opener, &SessionOpener::progressChanged, this, [this](const SessionProgress &progress) {
        m_sessionPanel->showProgress(m_sessionUrl.describe(), progress);
    });
    connect(m_opener, &SessionOpener::opened, this, [this](std::shared_ptr<Database> db) {
        setDatabase(std::move(db));
        settleSession(true);
    });
    connect(m_opener, &SessionOpener::limited, this, &MainWindow::sessionLimited);
    connect(m_opener, &SessionOpener::failed, this, [this](const QString &message) { settleSession(false, message); });
    connect(m_sessionPanel, &SessionPanel::cancelRequested, this, [this] {
        m_opener->cancel();
        settleSession(false, tr("Connecting to %1 was cancelled.").arg(m_sessionUrl.describe()));
    });
    connect(m_sessionPanel, &SessionPanel::retryRequested, this, &MainWindow::retrySession);
    connect(m_sessionPanel, &SessionPanel::connectRequested, this, &MainWindow::openConnectionDialog);
}

void MainWindow::startSession(const ResolvedConnection &connection)
{
    m_sessionUrl = connection.url;
    m_sessionPassword = connection.password;
    m_sessionReplicaUrl = connection.readUrl;
    m_sessionReplicaPassword = connection.readPassword;
    m_askSessionPassword = connection.source == PasswordSource::Ask;
    m_replicaTakesAskedPassword = connection.readUrl && connection.readSource == PasswordSource::Ask;
    retrySession();
}

void MainWindow::openSession(const DbUrl &url, const QString &password, const std::optional<DbUrl> &replicaUrl,
                             const QString &replicaPassword)
{
    m_sessionUrl = url;
    m_sessionPassword = password;
    m_sessionReplicaUrl = replicaUrl;
    m_sessionReplicaPassword = replicaPassword;
    m_askSessionPassword = false;
    m_replicaTakesAskedPassword = false;
    beginSession();
}

bool MainWindow::isSessionOpening() const
{
    return m_opener->isRunning();
}

void MainWindow::retrySession()
{
    // A password typed at start is asked again: it may be the reason the last attempt failed.
    if (m_askSessionPassword)
        askPassword();
    else
        beginSession();
}

void MainWindow::beginSession()
{
    m_sessionPanel->showProgress(m_sessionUrl.describe(), {SessionProgress::Phase::Connecting, -1});
    m_content->setCurrentWidget(m_sessionPanel);
    SessionOpener::Options options;
    if (m_context.settings)
        options.database.lockWaitTimeoutSeconds = m_context.settings->lockWaitSeconds();
    options.replicaUrl = m_sessionReplicaUrl;
    options.replicaPassword = m_replicaTakesAskedPassword ? m_sessionPassword : m_sessionReplicaPassword;
    m_opener->start(m_sessionUrl, m_sessionPassword, options);
}

void MainWindow::askPassword()
{
    m_sessionPanel->showProgress(m_sessionUrl.describe(), {SessionProgress::Phase::Connecting, -1});
    m_content->setCurrentWidget(m_sessionPanel);
    auto *prompt = new QInputDialog(this);
    prompt->setObjectName(QStringLiteral("passwordPrompt"));
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setWindowModality(Qt::WindowModal);
    prompt->setWindowTitle(tr("Database password"));
    prompt->setLabelText(tr("Password for %1:").arg(m_sessionUrl.describe()));
    prompt->setTextEchoMode(QLineEdit::Password);
    connect(prompt, &QInputDialog::textValueSelected, this, [this](const QString &password) {
        m_sessionPassword = password;
        beginSession();
    });
    connect(prompt, &QDialog::rejected, this,
            [this] { settleSession(false, tr("No password was given for %1.").arg(m_sessionUrl.describe())); });
    prompt->open();
}

void MainWindow::settleSession(bool ok, const QString &failure)
{
    if (ok) {
        m_content->setCurrentWidget(m_stack);
    } else {
        m_sessionPanel->showFailure(failure);
        m_content->setCurrentWidget(m_sessionPanel);
    }
    emit sessionSettled(ok);
}

}  // namespace atalaya
