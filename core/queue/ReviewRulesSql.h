#pragma once

#include "core/queue/ReviewRules.h"
#include "core/storage/Dialect.h"

#include <QVariantList>

class QSqlDriver;

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

// Which P3 (sampled priority) matches the expression keeps: only the stable sample (9 for the
// rest), all of them, or all coded: priority + 4 for a match outside the sample (the queue
// counts table keeps both, so either view is a sum).
enum class SampleMode { SampleOnly, All, Coded };
// The same over the row `row` ("NEW.", "OLD." in triggers, "" for the table itself).
SqlFragment priorityExpression(const ReviewRules &rules, const Dialect &dialect, SampleMode mode, const QString &row);

// The fragment with its values written in as SQL literals (strings escaped by the driver), for
// trigger bodies, which cannot take bound values.
QString inlineValues(const SqlFragment &fragment, const QSqlDriver &driver);

// The SQL twin of ReviewRules::sampleBucket(id).
QString sampleBucketSql(const QString &idColumn);
// The SQL twin of ReviewRules::secondReviewBucket(id).
QString secondReviewBucketSql(const QString &idColumn);

}  // namespace atalaya
