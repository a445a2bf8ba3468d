#include "tests/support/PageWait.h"

#include "ui/common/Page.h"

#include <QSignalSpy>

#include <functional>

namespace atalaya::test {
namespace {

bool loadsOk(Page &page, const std::function<void()> &start)
{
    QSignalSpy finished(&page, &Page::loadFinished);
    start();
    if (finished.isEmpty() && !finished.wait(20000)) {
        qWarning("%s: no loadFinished within 20 s", qPrintable(page.pageId()));
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

bool filterLoadsOk(Page &page, int days)
{
    DashboardFilter filter;
    filter.days = days;
    return loadsOk(page, [&] { page.setFilter(filter); });
}

}  // namespace atalaya::test
