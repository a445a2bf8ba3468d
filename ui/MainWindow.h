#pragma once

#include "AppContext.h"

#include <QMainWindow>

#include <vector>

class QListWidget;
class QStackedWidget;

namespace atalaya {

class Page;

// The frame only: navigation, page stack, status bar. Pages own their data and widgets.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppContext context, QWidget *parent = nullptr);

    Page *page(const QString &pageId) const;
    Page *currentPage() const;
    // Shows the page and starts its load; false for an unknown id.
    bool showPage(const QString &pageId);
    const std::vector<Page *> &pages() const { return m_pages; }

private:
    AppContext m_context;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    std::vector<Page *> m_pages;
};

} // namespace atalaya
