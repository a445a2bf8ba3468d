#include "ui/common/LatestLoader.h"

#include "ui/common/DatabasePool.h"

namespace atalaya {

LatestLoader::LatestLoader(QObject *owner, QThreadPool *pool) : QObject(owner), m_pool(pool ? pool : databasePool()) { }

void LatestLoader::drop()
{
    ++m_latest;
    m_pending = false;
}

}  // namespace atalaya
