#pragma once

#include "core/aggregates/StatsQuery.h"

#include <QString>
#include <QVariantList>

namespace atalaya {

class Dialect;

// SQL fragments shared by every stats read, so all of them see the same rows.
struct WhereClause {
    QString sql;  // starts with " WHERE "
    QVariantList values;
};

// The window and the agent/task filters, as bound values; filters match byte for byte on
// both backends (Dialect::exactMatch).
WhereClause windowWhere(const Dialect &dialect, const StatsQuery &query);
// Rows inside the seed's ranges; the others are data-quality findings (docs/RELIABILITY.md §Other people's data).
QString validRowPredicate(const Dialect &dialect);

}  // namespace atalaya
