#include "core/ingest/ReleaseCheckRecorder.h"

#include "core/ingest/DecisionRecorder.h"

namespace atalaya {

Result<qint64> recordReleaseCheck(std::shared_ptr<const Database> db, const ReleaseCheck &check, double elapsedMs,
                                  const QString &source)
{
    auto recorded = DecisionRecorder(std::move(db)).record(releaseCheckDecision(check, elapsedMs, source));
    if (!recorded)
        return recorded.error();
    return recorded->id;
}

}  // namespace atalaya
