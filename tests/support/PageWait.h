#pragma once

#include <QObject>
#include <QString>
#include <QtGlobal>

namespace atalaya {
class MainWindow;
class Page;
}

namespace atalaya::test {

// What the page tests share: a page's load waited for, and its widgets found by object name.

// refresh(), then whether the load finished within 20 s and said ok (a failed load's error is
// printed).
bool refreshLoadsOk(Page &page);

// The window's page `pageId` shown, then whether the load that starts finished within
// `timeoutMs` and said ok.
bool showPageLoadsOk(MainWindow &window, const QString &pageId, int timeoutMs = 20000);

// A filter of the last `days` days, then whether the load it starts finished within 20 s and
// said ok.
bool filterLoadsOk(Page &page, int days);

// The child of `parent` named `name`; null, with a warning naming it, when there is none.
template <typename T> T *namedChild(const QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QLatin1String(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

}  // namespace atalaya::test
