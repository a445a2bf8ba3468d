#include "ui/common/DatabasePool.h"

#include <QCoreApplication>
#include <QThreadPool>

namespace atalaya {

QThreadPool *databasePool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool(QCoreApplication::instance());
        p->setMaxThreadCount(4);
        return p;
    }();
    return pool;
}

}  // namespace atalaya
