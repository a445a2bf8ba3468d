#include "MainWindow.h"

#include "pages/OverviewPage.h"
#include "storage/Database.h"

#include <QStatusBar>

namespace atalaya {

MainWindow::MainWindow(std::shared_ptr<const Database> db, QWidget *parent)
    : QMainWindow(parent), m_db(std::move(db))
{
    setWindowTitle(tr("Atalaya"));
    m_overview = new OverviewPage(m_db, this);
    setCentralWidget(m_overview);
    statusBar()->showMessage(tr("Connected to %1").arg(m_db->url().describe()));
    m_overview->reload();
}

} // namespace atalaya
