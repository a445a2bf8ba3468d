#pragma once

#include "core/storage/DbUrl.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace atalaya {

class Database;
class Settings;

// SQLite file or MySQL/MariaDB (host, port, database, user, TLS CA, ssl-mode), "Test
// connection", and the password in the system keychain — never in the settings file. With no
// keychain service it says so and offers to ask for the password at each start.
class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(Settings *settings, QWidget *parent = nullptr);

    // The database opened on OK (null when the dialog was cancelled).
    std::shared_ptr<Database> database() const { return m_db; }
    // The URL the fields describe (validated by DbUrl::parse).
    Result<DbUrl> url() const;

public slots:
    void testConnection();
    void accept() override;

private:
    void loadFrom(const QString &urlText);
    void setResult(const QString &text, bool ok);

    Settings *m_settings;
    std::shared_ptr<Database> m_db;
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
    QCheckBox *m_askEachStart = nullptr;
    QLabel *m_result = nullptr;
};

}  // namespace atalaya
