#include "ui/shell/ConnectionDialog.h"

#include "core/secrets/SecretStore.h"
#include "core/session/ConnectionResolver.h"
#include "core/settings/Settings.h"
#include "core/session/SessionOpener.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace atalaya {

ConnectionDialog::ConnectionDialog(Settings *settings, QWidget *parent) : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Connect to database"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QFormLayout;
    m_backend = new QComboBox(this);
    m_backend->addItem(tr("SQLite file"));
    m_backend->addItem(tr("MySQL / MariaDB server"));
    top->addRow(tr("Database type"), m_backend);
    layout->addLayout(top);

    m_pages = new QStackedWidget(this);
    auto *sqlite = new QWidget(m_pages);
    auto *sqliteForm = new QFormLayout(sqlite);
    auto *pathRow = new QHBoxLayout;
    m_path = new QLineEdit(sqlite);
    auto *browse = new QPushButton(tr("Browse…"), sqlite);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    sqliteForm->addRow(tr("File"), pathRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("SQLite database"), m_path->text(),
                                                       tr("SQLite files (*.db *.sqlite);;All files (*)"), nullptr,
                                                       QFileDialog::DontConfirmOverwrite);
        if (!f.isEmpty())
            m_path->setText(f);
    });

    auto *server = new QWidget(m_pages);
    auto *serverForm = new QFormLayout(server);
    m_host = new QLineEdit(QStringLiteral("127.0.0.1"), server);
    m_port = new QSpinBox(server);
    m_port->setRange(1, 65535);
    m_port->setValue(3306);
    m_database = new QLineEdit(server);
    m_user = new QLineEdit(server);
    m_password = new QLineEdit(server);
    m_password->setEchoMode(QLineEdit::Password);
    m_sslMode = new QComboBox(server);
    for (const char *mode : {"", "disabled", "preferred", "required", "verify-ca", "verify-identity"})
        m_sslMode->addItem(QString::fromLatin1(mode).isEmpty() ? tr("default") : QString::fromLatin1(mode),
                           QString::fromLatin1(mode));
    m_sslCa = new QLineEdit(server);
    m_sslCa->setPlaceholderText(tr("/path/to/ca.pem (for verify-ca)"));
    m_readUrl = new QLineEdit(server);
    m_readUrl->setObjectName(QStringLiteral("readUrl"));
    m_readUrl->setPlaceholderText(tr("optional: mysql://user@replica:3306/database"));
    m_readUrl->setToolTip(tr("A replica of this database: the queue, counts and dashboards are read from it, "
                             "verdicts and the audit log are written to the server above."));
    m_readPassword = new QLineEdit(server);
    m_readPassword->setObjectName(QStringLiteral("readPassword"));
    m_readPassword->setEchoMode(QLineEdit::Password);
    m_readPassword->setPlaceholderText(tr("empty: the password above"));
    m_askEachStart = new QCheckBox(tr("Do not save the password; ask for it at each start"), server);
    serverForm->addRow(tr("Host"), m_host);
    serverForm->addRow(tr("Port"), m_port);
    serverForm->addRow(tr("Database"), m_database);
    serverForm->addRow(tr("User"), m_user);
    serverForm->addRow(tr("Password"), m_password);
    serverForm->addRow(tr("TLS mode"), m_sslMode);
    serverForm->addRow(tr("TLS CA file"), m_sslCa);
    serverForm->addRow(tr("Read replica"), m_readUrl);
    serverForm->addRow(tr("Replica password"), m_readPassword);
    serverForm->addRow(QString(), m_askEachStart);
    m_pages->addWidget(sqlite);
    m_pages->addWidget(server);
    layout->addWidget(m_pages);
    connect(m_backend, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);

    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    layout->addWidget(m_result);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_test = buttons->addButton(tr("Test connection"), QDialogButtonBox::ActionRole);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_opener = new SessionOpener(this);
    connect(m_opener, &SessionOpener::opened, this, [this] { onChecked(true, QString()); });
    connect(m_opener, &SessionOpener::failed, this, [this](const QString &message) { onChecked(false, message); });
    if (m_settings) {
        loadFrom(m_settings->databaseUrl());
        m_readUrl->setText(m_settings->readDatabaseUrl());
        m_askEachStart->setChecked(m_settings->askPasswordEachStart());
    }
    setMinimumWidth(480);
}

void ConnectionDialog::loadFrom(const QString &urlText)
{
    auto parsed = DbUrl::parse(urlText);
    const DbUrl u = parsed ? *parsed : DbUrl::embeddedDefault();
    m_backend->setCurrentIndex(u.backend == Backend::SQLite ? 0 : 1);
    m_path->setText(u.path);
    if (u.backend == Backend::MySQL) {
        m_host->setText(u.host);
        m_port->setValue(u.port);
        m_database->setText(u.database);
        m_user->setText(u.user);
        m_sslMode->setCurrentIndex(std::max(0, m_sslMode->findData(u.sslMode)));
        m_sslCa->setText(u.sslCa);
    }
}

Result<DbUrl> ConnectionDialog::url() const
{
    if (m_backend->currentIndex() == 0)
        return DbUrl::parse(QStringLiteral("sqlite:") + m_path->text().trimmed());
    QUrlQuery query;
    if (!m_sslMode->currentData().toString().isEmpty())
        query.addQueryItem(QStringLiteral("ssl-mode"), m_sslMode->currentData().toString());
    if (!m_sslCa->text().trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("ssl-ca"), m_sslCa->text().trimmed());
    QString text =
        QStringLiteral("mysql://%1@%2:%3/%4")
            .arg(QString::fromUtf8(QUrl::toPercentEncoding(m_user->text().trimmed())), m_host->text().trimmed())
            .arg(m_port->value())
            .arg(m_database->text().trimmed());
    if (!query.isEmpty())
        text += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
    return DbUrl::parse(text);
}

Result<std::optional<DbUrl>> ConnectionDialog::readUrl() const
{
    if (m_backend->currentIndex() == 0)
        return std::optional<DbUrl>();
    ConnectionRequest request;
    // The field alone decides: $ATALAYA_READ_DB must not fill an empty field.
    request.readUrlFlag = m_readUrl->text().trimmed();
    if (request.readUrlFlag.isEmpty())
        return std::optional<DbUrl>();
    return ConnectionResolver::resolveReadUrl(request);
}

QString ConnectionDialog::readPassword() const
{
    return m_readPassword->text().isEmpty() ? m_password->text() : m_readPassword->text();
}

void ConnectionDialog::setResult(const QString &text, bool ok)
{
    m_result->setStyleSheet(ok ? QStringLiteral("color: #2e9e5b;") : QStringLiteral("color: #d6453d;"));
    m_result->setText(text);
}

QString ConnectionDialog::password() const
{
    return m_password->text();
}

bool ConnectionDialog::isChecking() const
{
    return m_opener->isRunning();
}

void ConnectionDialog::testConnection()
{
    check(false);
}

void ConnectionDialog::accept()
{
    check(true);
}

void ConnectionDialog::reject()
{
    m_opener->cancel();
    QDialog::reject();
}

void ConnectionDialog::check(bool accepting)
{
    auto u = url();
    if (!u) {
        setResult(u.error().message, false);
        return;
    }
    auto read = readUrl();
    if (!read) {
        setResult(read.error().message, false);
        return;
    }
    m_accepting = accepting;
    m_checkedUrl = *u;
    m_checkedReadUrl = *read;
    m_ok->setEnabled(false);
    m_test->setEnabled(false);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Connecting to %1…").arg(u->describe()));
    SessionOpener::Options options;
    if (m_settings)
        options.database.lockWaitTimeoutSeconds = m_settings->lockWaitSeconds();
    options.initialize = false;  // the window prepares the tables once the dialog closed
    options.replicaUrl = m_checkedReadUrl;
    options.replicaPassword = readPassword();
    m_opener->start(*u, m_password->text(), options);
}

void ConnectionDialog::onChecked(bool ok, const QString &message)
{
    m_ok->setEnabled(true);
    m_test->setEnabled(true);
    if (!ok)
        setResult(message, false);
    else if (m_accepting)
        saveAndClose(m_checkedUrl);
    else
        setResult(tr("Connection works: %1").arg(m_checkedUrl.describe()), true);
    emit checked(ok);
}

void ConnectionDialog::saveAndClose(const DbUrl &u)
{
    if (m_settings) {
        m_settings->setDatabaseUrl(u.toString());
        m_settings->setReadDatabaseUrl(m_checkedReadUrl ? m_checkedReadUrl->toString() : QString());
        m_settings->setAskPasswordEachStart(m_askEachStart->isChecked());
    }
    if (u.backend == Backend::MySQL && !m_askEachStart->isChecked() && !m_password->text().isEmpty()) {
        Status saved = savePassword(u.toString(), m_password->text());
        if (saved && m_checkedReadUrl && !m_readPassword->text().isEmpty())
            saved = savePassword(m_checkedReadUrl->toString(), m_readPassword->text());
        if (!saved) {
            if (m_settings)
                m_settings->setAskPasswordEachStart(true);
            setResult(tr("No system keychain is available here (%1). The password was not saved: Atalaya will ask "
                         "for it at each start. Press OK again to continue.")
                          .arg(saved.error().message),
                      false);
            m_askEachStart->setChecked(true);
            return;
        }
    }
    QDialog::accept();
}

Status ConnectionDialog::savePassword(const QString &url, const QString &password)
{
    return SecretStore::system()->write(SecretStore::databaseKey(url), password);
}

}  // namespace atalaya
