#include "MainWindow.h"

#include "pages/Page.h"
#include "pages/PageFactory.h"
#include "storage/Database.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>

namespace atalaya {

MainWindow::MainWindow(AppContext context, QWidget *parent)
    : QMainWindow(parent), m_context(std::move(context))
{
    setWindowTitle(tr("Atalaya"));
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    m_navigation = new QListWidget(central);
    m_navigation->setFixedWidth(180);
    m_stack = new QStackedWidget(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_pages = createPages(m_context, m_stack);
    for (Page *p : m_pages) {
        m_stack->addWidget(p);
        m_navigation->addItem(p->title());
    }
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < static_cast<int>(m_pages.size())) {
            m_stack->setCurrentIndex(row);
            m_pages[static_cast<size_t>(row)]->refresh();
        }
    });
    if (m_context.db)
        statusBar()->showMessage(tr("Connected to %1").arg(m_context.db->url().describe()));
}

Page *MainWindow::page(const QString &pageId) const
{
    for (Page *p : m_pages) {
        if (p->pageId() == pageId)
            return p;
    }
    return nullptr;
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_stack->currentWidget());
}

bool MainWindow::showPage(const QString &pageId)
{
    for (size_t i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i]->pageId() == pageId) {
            if (m_navigation->currentRow() == static_cast<int>(i))
                m_pages[i]->refresh();
            else
                m_navigation->setCurrentRow(static_cast<int>(i));
            return true;
        }
    }
    return false;
}

} // namespace atalaya
