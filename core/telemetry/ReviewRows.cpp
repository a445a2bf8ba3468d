#include "core/telemetry/ReviewRows.h"

#include "core/common/TimeUtil.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

namespace atalaya::reviews {

Result<std::vector<ReviewRow>> readAll(const Database &db, qint64 telemetryId, const QString &current)
{
    auto q = execQuery(db,
                       QStringLiteral("SELECT id, reviewer, verdict, note, role, created_at FROM atalaya_reviews"
                                      " WHERE telemetry_id = ? ORDER BY id"),
                       {telemetryId}, QStringLiteral("reading the reviews of %1").arg(telemetryId));
    if (!q)
        return q.error();
    std::vector<ReviewRow> rows;
    bool hasFirst = false;
    while (q->next()) {
        ReviewRow r;
        r.id = q->value(0).toLongLong();
        r.telemetryId = telemetryId;
        r.reviewer = q->value(1).toString();
        r.verdict = q->value(2).toString();
        r.note = q->value(3).toString();
        r.role = reviewRoleFromString(q->value(4).toString()).value_or(ReviewRole::First);
        r.createdAt = fromDbDateTime(q->value(5));
        hasFirst = hasFirst || r.role == ReviewRole::First;
        rows.push_back(std::move(r));
    }
    if (!hasFirst && !current.isEmpty()) {
        ReviewRow external;
        external.telemetryId = telemetryId;
        external.reviewer = QLatin1String(kExternalReviewer);
        external.verdict = current;
        rows.insert(rows.begin(), std::move(external));
    }
    return rows;
}

Result<ReviewState> readState(const Database &db, qint64 telemetryId, const QString &current)
{
    auto rows = readAll(db, telemetryId, current);
    if (!rows)
        return rows.error();
    ReviewState state;
    for (ReviewRow &r : *rows) {
        switch (r.role) {
        case ReviewRole::First: state.first = r; break;
        case ReviewRole::Second: state.second = r; break;
        case ReviewRole::Adjudication: state.adjudication = r; break;
        }
    }
    return state;
}

Status checkRole(const ReviewState &state, ReviewRole role, const QString &reviewer, qint64 id)
{
    switch (role) {
    case ReviewRole::First: return {};
    case ReviewRole::Second:
        if (!state.first)
            return makeError(
                ErrorCode::Usage,
                QStringLiteral("decision %1 has no first review yet; record one with --role first").arg(id));
        if (state.second)
            return makeError(
                ErrorCode::Conflict,
                QStringLiteral("decision %1 has a second review already, by %2").arg(id).arg(state.second->reviewer));
        if (state.first->reviewer == reviewer)
            return makeError(ErrorCode::Usage,
                             QStringLiteral("%1 made the first review of decision %2; the second review must come "
                                            "from another reviewer")
                                 .arg(reviewer)
                                 .arg(id));
        return {};
    case ReviewRole::Adjudication:
        if (state.adjudication)
            return makeError(
                ErrorCode::Conflict,
                QStringLiteral("decision %1 was adjudicated already, by %2").arg(id).arg(state.adjudication->reviewer));
        if (!state.awaitingAdjudication())
            return makeError(ErrorCode::Usage,
                             QStringLiteral("decision %1 has no disagreement to adjudicate (it needs a first and a "
                                            "second review with different verdicts)")
                                 .arg(id));
        // An adjudicator who gave one of the two verdicts would decide in their own favour.
        for (const ReviewRow *own : {&*state.first, &*state.second}) {
            if (own->reviewer == reviewer)
                return makeError(
                    ErrorCode::Usage,
                    QStringLiteral("%1 made the %2 review of decision %3; the adjudication must come from "
                                   "a third reviewer: leave it to someone who reviewed neither side")
                        .arg(reviewer,
                             own->role == ReviewRole::First ? QStringLiteral("first") : QStringLiteral("second"))
                        .arg(id));
        }
        return {};
    }
    return {};
}

Status insert(const Database &db, const ReviewRow &row)
{
    QVariant note(QMetaType::fromType<QString>());
    if (!row.note.isEmpty())
        note = row.note;
    return execStatement(
        db,
        QStringLiteral("INSERT INTO atalaya_reviews (telemetry_id, reviewer, verdict, note, role,"
                       " created_at) VALUES (?, ?, ?, ?, ?, ?)"),
        {row.telemetryId, row.reviewer, row.verdict, note, reviewRoleToString(row.role), toDbDateTime(row.createdAt)},
        QStringLiteral("writing the review of %1").arg(row.telemetryId));
}

Status removeLatest(const Database &db, qint64 telemetryId, ReviewRole role, const QString &reviewer)
{
    auto q = execQuery(db,
                       QStringLiteral("SELECT MAX(id) FROM atalaya_reviews WHERE telemetry_id = ? AND role = ?"
                                      " AND reviewer = ?"),
                       {telemetryId, reviewRoleToString(role), reviewer},
                       QStringLiteral("finding the review to undo on %1").arg(telemetryId));
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return {};
    const qint64 id = q->value(0).toLongLong();
    q->finish();
    return execStatement(db, QStringLiteral("DELETE FROM atalaya_reviews WHERE id = ?"), {id},
                         QStringLiteral("undoing the review of %1").arg(telemetryId));
}

}  // namespace atalaya::reviews
