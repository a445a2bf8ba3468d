#include "tests/support/PageWait.h"

#include "ui/common/Page.h"
#include "ui/shell/MainWindow.h"

#include <QSignalSpy>

#include <functional>

namespace atalaya::test {
namespace {

bool loadsOk(Page &page, const std::function<void()> &start, int timeoutMs = 20000)
{
    QSignalSpy finished(&page, &Page::loadFinished);
    start();
    if (finished.isEmpty() && !finished.wait(timeoutMs)) {
        qWarning("%s: no loadFinished within %d ms", qPrintable(page.pageId()), timeoutMs);
        return false;
    }
    const QList<QVariant> last = finished.last();
    if (!last.at(0).toBool())
        qWarning("%s: the load failed: %s", qPrintable(page.pageId()), qPrintable(last.at(1).toString()));
    return last.at(0).toBool();
}

}  // namespace

bool refreshLoadsOk(Page &page)
{
    return loadsOk(page, [&] { page.refresh(); });
}

bool showPageLoadsOk(MainWindow &window, const QString &pageId, int timeoutMs)
{
    Page *page = window.page(pageId);
    if (!page) {
        qWarning("no page %s", qPrintable(pageId));
        return false;
    }
    return loadsOk(*page, [&] { window.showPage(pageId); }, timeoutMs);
}

bool filterLoadsOk(Page &page, int days)
{
    DashboardFilter filter;
    filter.days = days;
    return loadsOk(page, [&] { page.setFilter(filter); });
}

}  // namespace atalaya::test
