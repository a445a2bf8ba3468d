#pragma once

#include <QDialog>

#include <memory>

class QLabel;

namespace atalaya {

class Database;

// Help → About: the versions a bug report needs (Atalaya, Qt, dlib and the database server).
// The server is asked on the database threads, so a slow or dead server never blocks the
// window; its line says so meanwhile.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(std::shared_ptr<const Database> db, QWidget *parent = nullptr);

    QLabel *atalayaLine() const { return m_atalaya; }
    QLabel *qtLine() const { return m_qt; }
    QLabel *dlibLine() const { return m_dlib; }
    QLabel *databaseLine() const { return m_database; }

signals:
    // The database line is final (a version, or why there is none).
    void databaseVersionShown();

private:
    void showDatabaseVersion(const QString &text);

    QLabel *m_atalaya = nullptr;
    QLabel *m_qt = nullptr;
    QLabel *m_dlib = nullptr;
    QLabel *m_database = nullptr;
};

// How the About box names a server from its backend and version text ("SQLite 3.40.1",
// "MariaDB 10.11.6", "MySQL 8.0.36"); empty when there is no version.
QString databaseServerName(bool sqlite, const QString &version);

}  // namespace atalaya
