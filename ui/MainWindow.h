#pragma once

#include <QMainWindow>

#include <memory>

namespace atalaya {

class Database;
class OverviewPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(std::shared_ptr<const Database> db, QWidget *parent = nullptr);

    OverviewPage *overviewPage() const { return m_overview; }

private:
    std::shared_ptr<const Database> m_db;
    OverviewPage *m_overview = nullptr;
};

} // namespace atalaya
