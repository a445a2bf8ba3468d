#pragma once

#include "queue/ReviewRules.h"
#include "storage/Dialect.h"

#include <QVariantList>

namespace atalaya {

// SQL text with its positional values, in text order.
struct SqlFragment {
    QString sql;
    QVariantList values;
};

// The rules as one SQL expression over a row of ai_telemetry: 0..3 for P0..P3, 9 for "not
// queued" (no rule, or a P3 match outside the stable sample unless includeAllP3). A CASE, so
// each row stops at its first matching priority and NULLs from absent JSON keys fall through.
SqlFragment priorityExpression(const ReviewRules &rules, const Dialect &dialect, bool includeAllP3);

// The SQL twin of ReviewRules::sampleBucket(id).
QString sampleBucketSql(const QString &idColumn);

} // namespace atalaya
