#include "tests/support/ReviewWindow.h"

#include "ui/review/ReviewQueuePage.h"

#include <QTableView>

namespace atalaya::test {
namespace {

Settings &reviewerSettings(Settings &settings)
{
    settings.setReviewer(QStringLiteral("ana"));
    settings.setAutoRefresh(false);
    return settings;
}

}  // namespace

ReviewWindow::ReviewWindow(std::shared_ptr<Database> db, const QString &settingsPath)
    : m_settings(settingsPath), m_window(AppContext{std::move(db), &reviewerSettings(m_settings)})
{
}

bool ReviewWindow::open()
{
    m_window.show();
    if (!m_window.showPage(QStringLiteral("queue"))) {
        qWarning("the window has no review queue page");
        return false;
    }
    m_page = qobject_cast<ReviewQueuePage *>(m_window.currentPage());
    m_table = m_page ? m_page->findChild<QTableView *>(QStringLiteral("reviewTable")) : nullptr;
    if (!m_table) {
        qWarning("the queue page or its table is missing");
        return false;
    }
    m_loads = std::make_unique<QSignalSpy>(m_page, &Page::loadFinished);
    if (!m_loads->wait(15000)) {
        qWarning("the queue page did not load within 15 s");
        return false;
    }
    if (!m_loads->last().at(0).toBool()) {
        qWarning("the queue page failed to load: %s", qPrintable(m_loads->last().at(1).toString()));
        return false;
    }
    m_table->setFocus();
    return true;
}

std::optional<std::pair<bool, QString>> ReviewWindow::reload(int timeoutMs)
{
    m_loads->clear();
    m_page->refresh();
    if (m_loads->isEmpty() && !m_loads->wait(timeoutMs))
        return std::nullopt;
    return std::pair{m_loads->last().at(0).toBool(), m_loads->last().at(1).toString()};
}

}  // namespace atalaya::test
