#pragma once

#include <QString>

#include <array>

namespace atalaya {

// The 5 seed buckets, half-open [lo, hi), with 1.0 in the last one.
struct ConfidenceBucket {
    const char *key;  // "low_0_50", …
    double lo;
    double hi;
};

inline constexpr std::array<ConfidenceBucket, 5> kConfidenceBuckets = {{
    {"low_0_50", 0.0, 0.5},
    {"medium_50_70", 0.5, 0.7},
    {"good_70_85", 0.7, 0.85},
    {"high_85_95", 0.85, 0.95},
    {"very_high_95_100", 0.95, 1.0},
}};

int confidenceBucketIndex(double confidence);
QString confidenceBucketKey(int index);

}  // namespace atalaya
