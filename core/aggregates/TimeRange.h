#pragma once

#include <QDateTime>

namespace atalaya {

// A half-open span of time: the unit in which windows are split between rollup rows and
// raw rows.
struct TimeRange {
    QDateTime from;  // inclusive
    QDateTime to;  // exclusive
};

}  // namespace atalaya
