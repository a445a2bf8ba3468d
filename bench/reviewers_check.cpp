#include "bench/reviewers_check.h"

#include "core/aggregates/StatsQuery.h"
#include "core/aggregates/WindowTotals.h"
#include "core/queue/ReviewQueue.h"
#include "core/stats/RawAggregates.h"
#include "core/stats/StatsService.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace atalaya::bench {

namespace {

QString countsText(const QueueCounts &c)
{
    QStringList parts;
    for (int i = 0; i < kPriorityCount; ++i)
        parts << QStringLiteral("%1/%2").arg(c.total[size_t(i)]).arg(c.overdue[size_t(i)]);
    return parts.join(QLatin1Char(' '));
}

}  // namespace

std::pair<int, int> lostAndDuplicated(const Database &db, const std::vector<Verdict> &written)
{
    QHash<qint64, QString> stored;
    QHash<QString, int> audit;  // "id/value" → rows
    QSqlQuery a(db.connection());
    a.exec(QStringLiteral("SELECT telemetry_id, new_value FROM atalaya_feedback_audit"
                          " WHERE reviewer LIKE 'bench-reviewer-%'"));
    QHash<qint64, int> perItem;
    while (a.next()) {
        ++audit[a.value(0).toString() + QLatin1Char('/') + a.value(1).toString()];
        ++perItem[a.value(0).toLongLong()];
    }
    QSqlQuery t(db.connection());
    t.exec(QStringLiteral("SELECT id, human_feedback FROM ai_telemetry WHERE human_feedback IS NOT NULL"));
    while (t.next())
        stored.insert(t.value(0).toLongLong(), t.value(1).toString());
    int lost = 0, duplicated = 0;
    QSet<qint64> seen;
    for (const Verdict &v : written) {
        const int rows = audit.value(QString::number(v.id) + QLatin1Char('/') + v.value);
        if (rows == 0 || stored.value(v.id) != v.value)
            ++lost;
        if (seen.contains(v.id))
            ++duplicated;  // two writes reported for one item: a conflict not detected
        seen.insert(v.id);
    }
    // An item with more audit rows than verdicts reported written for it: a write applied twice.
    QHash<qint64, int> reported;
    for (const Verdict &v : written)
        ++reported[v.id];
    for (auto it = perItem.cbegin(); it != perItem.cend(); ++it)
        duplicated += std::max(0, it.value() - reported.value(it.key()));
    return {lost, duplicated};
}

QStringList exactness(const std::shared_ptr<const Database> &db)
{
    QStringList wrong;
    const ReviewQueue queue(db, ReviewRules::defaults());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (bool all : {false, true}) {
        QueueFilter f;
        f.includeAllP3 = all;
        auto table = queue.counts(f, now);
        auto rows = queue.countsFromRows(f, now);
        if (!table || !rows || countsText(*table) != countsText(*rows))
            wrong << QStringLiteral("queue counts (all P3 %1): table %2, rows %3")
                         .arg(all)
                         .arg(table ? countsText(*table) : table.error().message,
                              rows ? countsText(*rows) : rows.error().message);
    }
    auto q = StatsQuery::lastDays(30);
    auto snap = StatsService(db).snapshot(*q);
    auto raw = rawTotals(*db, {{q->from, q->to}}, {}, {}, std::nullopt, true);
    if (!snap || !raw) {
        wrong << QStringLiteral("KPI read failed");
        return wrong;
    }
    WindowTotals naive;
    for (const auto &[k, t] : *raw)
        naive.merge(t);
    const WindowSummary want = naive.summary();
    const AccuracySummary &g = snap->summary.accuracy, &w = want.accuracy;
    if (g.totalDecisions != w.totalDecisions || g.totalWithFeedback != w.totalWithFeedback || g.correct != w.correct
        || g.incorrect != w.incorrect || g.partiallyCorrect != w.partiallyCorrect || g.accuracyAvg != w.accuracyAvg
        || snap->summary.avgConfidence != want.avgConfidence)
        wrong << QStringLiteral("rollups: %1 decisions, %2 reviewed (%3/%4/%5); raw %6, %7 (%8/%9/%10)")
                     .arg(g.totalDecisions)
                     .arg(g.totalWithFeedback)
                     .arg(g.correct)
                     .arg(g.incorrect)
                     .arg(g.partiallyCorrect)
                     .arg(w.totalDecisions)
                     .arg(w.totalWithFeedback)
                     .arg(w.correct)
                     .arg(w.incorrect)
                     .arg(w.partiallyCorrect);
    return wrong;
}

}  // namespace atalaya::bench
