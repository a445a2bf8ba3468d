#include "core/queue/QueueCountsBatch.h"

#include "core/queue/QueueCountsSchema.h"
#include "core/queue/QueueCountsStore.h"
#include "core/queue/ReviewRulesSql.h"
#include "core/storage/Database.h"
#include "core/storage/MySqlStatement.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/StoredDecision.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

namespace atalaya::queuecounts {
namespace {

// 5 values a row at most; a statement holds at most 65 535.
constexpr size_t kRowsPerUpsert = 1000;
// Read back as a range from this many consecutive ids; fewer go into IN lists.
constexpr qint64 kMinRange = 64;
constexpr size_t kIdsPerQuery = 1000;
constexpr qint64 kMsPerHour = 3600000;
constexpr qint64 kReaderClockSlackHours = 24;

struct CountRow {
    QByteArray rulesId;
    qint64 hour = 0;  // unused for the totals
    QByteArray agentId;
    qint64 prio = 0;
    qint64 n = 0;
};

Status upsert(const Database &db, const char *table, const QStringList &key, const std::vector<CountRow> &rows)
{
    const bool hours = key.contains(QStringLiteral("hour_no"));
    const QStringList columns = key + QStringList{QStringLiteral("n")};
    const QString tuple =
        QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    const QString add = db.dialect().upsertAdd(key, {QStringLiteral("n")});
    return executeRowBatches(
        db, rows.size(), kRowsPerUpsert,
        [&](size_t n) {
            return QStringLiteral("INSERT INTO %1 (%2) VALUES %3%4")
                .arg(QLatin1String(table), columns.join(QStringLiteral(", ")),
                     QStringList(static_cast<qsizetype>(n), tuple).join(QLatin1Char(',')), add)
                .toUtf8();
        },
        [&](MySqlStatement &statement, int p, size_t i) {
            const CountRow &r = rows[i];
            statement.bindText(p++, r.rulesId);
            if (hours)
                statement.bindInt(p++, r.hour);
            statement.bindText(p++, r.agentId);
            statement.bindInt(p++, r.prio);
            statement.bindInt(p++, r.n);
        },
        QStringLiteral("updating the queue counts"));
}

void addIds(std::vector<std::pair<qint64, qint64>> &ranges, qint64 first, qint64 last)
{
    if (!ranges.empty() && ranges.back().second + 1 == first)
        ranges.back().second = last;
    else
        ranges.emplace_back(first, last);
}

static_assert(kMaxRuleSets <= std::tuple_size_v<decltype(StoredDecision::observerNotes)>);

// Its own copies of the rule sets' guesses: the thread that makes the rows may still be at
// work when the run ends.
class PriorityPreparer final : public RowPreparer {
public:
    explicit PriorityPreparer(std::vector<std::optional<QueuePriorityGuess>> guesses)
        : m_guesses(std::move(guesses)) { }
    void prepare(const DecisionInput &decision, StoredDecision &row) override
    {
        for (size_t i = 0; i < m_guesses.size() && i < row.observerNotes.size(); ++i) {
            if (m_guesses[i])
                row.observerNotes[i] = static_cast<qint8>(m_guesses[i]->priorityOf(decision, row.confidenceE4));
        }
    }

private:
    const std::vector<std::optional<QueuePriorityGuess>> m_guesses;
};

}  // namespace

QueueCountsBatch::QueueCountsBatch(const Database &db, std::function<bool()> triggersStandAside)
    : m_db(db), m_triggersStandAside(std::move(triggersStandAside))
{
}

void QueueCountsBatch::begin()
{
    m_sets.clear();
    if (!m_triggersStandAside())
        return;
    auto sets = triggerRuleSets(m_db);
    if (!sets)
        return;
    for (ReviewRules &rules : *sets) {
        const QByteArray id = rulesId(rules).toLatin1();
        QueuePriorityGuess guess(rules);
        m_sets.push_back({std::move(rules), std::move(guess), id, {}, {}});
    }
}

void QueueCountsBatch::end()
{
    m_sets.clear();
}

std::unique_ptr<RowPreparer> QueueCountsBatch::preparer() const
{
    std::vector<std::optional<QueuePriorityGuess>> guesses;
    bool any = false;
    for (const RuleSet &set : m_sets) {
        guesses.push_back(set.guess.active() ? std::optional(set.guess) : std::nullopt);
        any = any || set.guess.active();
    }
    if (!any)
        return nullptr;
    return std::make_unique<PriorityPreparer>(std::move(guesses));
}

void QueueCountsBatch::written(qint64 firstId, qint64 step, std::span<const StoredDecision> rows)
{
    for (size_t i = 0; i < rows.size(); ++i)
        add(firstId + static_cast<qint64>(i) * step, rows[i]);
}

void QueueCountsBatch::add(qint64 id, const StoredDecision &row)
{
    if (row.feedback)
        return;  // reviewed rows are not pending
    for (size_t i = 0; i < m_sets.size(); ++i) {
        RuleSet &set = m_sets[i];
        const int priority = i < row.observerNotes.size() ? row.observerNotes[i] : QueuePriorityGuess::kUnknown;
        if (priority == QueuePriorityGuess::kUnknown || row.createdAtMs < 0 || !set.guess.active())
            addIds(set.ranges, id, id);
        else if (priority != QueuePriorityGuess::kNone)
            ++set.counted[{row.createdAtMs / 3600000, row.agentId, set.guess.codeOf(priority, id)}];
    }
}

Status QueueCountsBatch::commit()
{
    for (RuleSet &set : m_sets) {
        if (Status s = flush(set); !s)
            return s;
    }
    return {};
}

Status QueueCountsBatch::flush(RuleSet &set)
{
    if (Status s = readBack(set); !s)
        return s;
    const Counts added = std::move(set.counted);
    set.counted.clear();
    if (added.empty())
        return {};
    // Hour rows are read only after the hour of now − SLA (QueueCountsStore::read), and "now"
    // only moves forward: older hours of a backfill would be written never to be read. The
    // slack covers a reader whose clock is behind this one's.
    const qint64 nowHour = QDateTime::currentMSecsSinceEpoch() / kMsPerHour;
    std::array<qint64, 2 * kPriorityCount> firstReadHour{};
    for (int code = 0; code < 2 * kPriorityCount; ++code) {
        const int sla = set.rules.priority(static_cast<Priority>(code % kPriorityCount)).slaHours;
        firstReadHour[static_cast<size_t>(code)] =
            sla > 0 ? nowHour - sla - kReaderClockSlackHours : std::numeric_limits<qint64>::max();
    }
    std::vector<CountRow> hours;
    std::map<std::pair<QByteArray, qint64>, qint64> totals;
    for (const auto &[key, n] : added) {
        const auto &[hour, agent, prio] = key;
        if (prio >= 0 && prio < qint64(firstReadHour.size()) && hour >= firstReadHour[static_cast<size_t>(prio)])
            hours.push_back({set.id, hour, agent, prio, n});
        totals[{agent, prio}] += n;
    }
    std::vector<CountRow> totalRows;
    for (const auto &[key, n] : totals)
        totalRows.push_back({set.id, 0, key.first, key.second, n});
    if (Status s = upsert(
            m_db, kHourTable,
            {QStringLiteral("rules_id"), QStringLiteral("hour_no"), QStringLiteral("agent_id"), QStringLiteral("prio")},
            hours);
        !s)
        return s;
    return upsert(m_db, kTotalTable, {QStringLiteral("rules_id"), QStringLiteral("agent_id"), QStringLiteral("prio")},
                  totalRows);
}

Status QueueCountsBatch::readBack(RuleSet &set)
{
    // Long runs of ids (rows not worked out on the client) one range a query: an OR of many
    // ranges is checked row by row against every range. Scattered ids as IN lists.
    std::vector<std::pair<qint64, qint64>> ranges;
    std::vector<qint64> ids;
    for (const auto &[first, last] : set.ranges) {
        if (last - first + 1 >= kMinRange)
            ranges.emplace_back(first, last);
        else
            for (qint64 id = first; id <= last; ++id)
                ids.push_back(id);
    }
    set.ranges.clear();
    if (!ranges.empty()) {
        if (Status s = readBack(set, QStringLiteral("id BETWEEN ? AND ?"), ranges.size(),
                                [&](QSqlQuery &q, int p, size_t i) {
                                    q.bindValue(p, ranges[i].first);
                                    q.bindValue(p + 1, ranges[i].second);
                                });
            !s)
            return s;
    }
    for (size_t start = 0; start < ids.size(); start += kIdsPerQuery) {
        const size_t n = std::min(kIdsPerQuery, ids.size() - start);
        const QString in = QStringLiteral("id IN (")
            + QStringList(static_cast<qsizetype>(n), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
        if (Status s = readBack(set, in, 1,
                                [&](QSqlQuery &q, int p, size_t) {
                                    for (size_t k = 0; k < n; ++k)
                                        q.bindValue(p++, ids[start + k]);
                                });
            !s)
            return s;
    }
    return {};
}

Status QueueCountsBatch::readBack(RuleSet &set, const QString &idCondition, size_t runs,
                                  const std::function<void(QSqlQuery &, int, size_t)> &bindIds)
{
    const Dialect &d = m_db.dialect();
    const SqlFragment code = priorityExpression(set.rules, d, SampleMode::Coded, {});
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    const QString what = QStringLiteral("counting the new pending decisions");
    // Counted here, not by GROUP BY: with rows spread over months nearly every row has its own
    // hour, and the server's temporary table for the groups cost more than sending the rows.
    if (!q.prepare(QStringLiteral("SELECT h, a, c FROM (SELECT %1 AS h, %2 AS a, %3 AS c FROM ai_telemetry"
                                  " WHERE %4 AND human_feedback IS NULL) added WHERE c < 9")
                       .arg(d.hourNumberOf(QStringLiteral("created_at")), d.exactKey(QStringLiteral("agent_id")),
                            code.sql, idCondition)))
        return sqlError(m_db, q.lastError(), what);
    for (size_t run = 0; run < runs; ++run) {
        int p = 0;
        for (const QVariant &v : code.values)
            q.bindValue(p++, v);
        bindIds(q, p, run);
        if (!q.exec())
            return sqlError(m_db, q.lastError(), what);
        while (q.next())
            ++set.counted[{q.value(0).toLongLong(), q.value(1).toByteArray(), q.value(2).toLongLong()}];
    }
    return {};
}

}  // namespace atalaya::queuecounts
