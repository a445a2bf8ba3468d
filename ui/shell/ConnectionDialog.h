#pragma once

#include "core/storage/DbUrl.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace atalaya {

class SessionOpener;
class Settings;

// SQLite file or MySQL/MariaDB (host, port, database, user, TLS CA, ssl-mode, and optionally a
// replica that serves the reads: docs/DEPLOYMENTS.md §Primary + replicas), "Test
// connection", and the password in the system keychain — never in the settings file. With no
// keychain service it says so and offers to ask for the password at each start. Both checks
// connect off the UI thread; Cancel stops waiting for them.
class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(Settings *settings, QWidget *parent = nullptr);

    // The URL the fields describe (validated by DbUrl::parse).
    Result<DbUrl> url() const;
    // The password typed, for the session the window opens after OK.
    QString password() const;
    // The read replica's URL; nullopt when the field is empty.
    Result<std::optional<DbUrl>> readUrl() const;
    // The replica's password: the one typed for it, else the primary's.
    QString readPassword() const;
    // A connection check is running (Test connection, or OK before it closes).
    bool isChecking() const;

public slots:
    void testConnection();
    void accept() override;
    void reject() override;

signals:
    // A check ended: what setResult shows (tests wait on it).
    void checked(bool ok);

private:
    void loadFrom(const QString &urlText);
    void setResult(const QString &text, bool ok);
    void check(bool accepting);
    void onChecked(bool ok, const QString &message);
    void saveAndClose(const DbUrl &u);
    Status savePassword(const QString &url, const QString &password);

    Settings *m_settings;
    SessionOpener *m_opener = nullptr;
    bool m_accepting = false;
    DbUrl m_checkedUrl;
    std::optional<DbUrl> m_checkedReadUrl;
    QPushButton *m_ok = nullptr;
    QPushButton *m_test = nullptr;
    QComboBox *m_backend = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_path = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_sslCa = nullptr;
    QLineEdit *m_readUrl = nullptr;
    QLineEdit *m_readPassword = nullptr;
    QCheckBox *m_askEachStart = nullptr;
    QLabel *m_result = nullptr;
};

}  // namespace atalaya
