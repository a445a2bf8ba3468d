#include "core/stats/ConfidenceBuckets.h"

namespace atalaya {

int confidenceBucketIndex(double confidence)
{
    for (int i = 0; i < 4; ++i) {
        if (confidence < kConfidenceBuckets[static_cast<size_t>(i)].hi)
            return i;
    }
    return 4;
}

QString confidenceBucketKey(int index)
{
    return QString::fromLatin1(kConfidenceBuckets[static_cast<size_t>(index)].key);
}

}  // namespace atalaya
