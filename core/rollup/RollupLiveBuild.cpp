#include "core/rollup/RollupLiveBuild.h"

#include "core/common/TimeUtil.h"
#include "core/rollup/RollupLiveRows.h"
#include "core/rollup/RollupSchema.h"
#include "core/rollup/RollupSections.h"
#include "core/storage/Database.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace atalaya::rollup {
namespace {

// The scan's columns 4–11 (below) hold what the 18 counter expressions of the triggers
// (counterExpressions) test, each test made once in SQL, so the comparisons keep the column's
// collation and type: valid, not valid, the feedback kind, the confidence bucket, then the
// values summed. Column order of counterColumns():
enum Counter {
    N,
    Fb,
    AccSum,
    Correct,
    Incorrect,
    Partial,
    B0,
    ConfSum = B0 + 5,
    ExecSum,
    DqConf,
    DqNeg,
    DqFb,
    DqJson,
    DqExcluded,
    CounterCount
};
constexpr int kCorrect = 1, kIncorrect = 2, kPartial = 3, kOtherFeedback = 4;
constexpr int kOutOfRange = 9;

void addCounters(const ScanRow &r, std::vector<qint64> &sums)
{
    const bool valid = r.integer(4) == 1;
    const qint64 feedback = r.integer(6);
    const qint64 bucket = r.integer(7);
    const qint64 ms = r.integer(9);
    if (valid) {
        ++sums[N];
        if (bucket >= 0 && bucket < 5)
            ++sums[B0 + bucket];
        sums[ConfSum] += r.integer(8);
        sums[ExecSum] += ms;
        if (feedback != 0) {
            ++sums[Fb];
            sums[AccSum] += r.integer(10);
        }
        if (feedback == kCorrect)
            ++sums[Correct];
        else if (feedback == kIncorrect)
            ++sums[Incorrect];
        else if (feedback == kPartial)
            ++sums[Partial];
    }
    sums[DqConf] += bucket == kOutOfRange ? 1 : 0;
    sums[DqNeg] += ms < 0 ? 1 : 0;
    sums[DqFb] += feedback == kOtherFeedback ? 1 : 0;
    sums[DqJson] += r.integer(11);
    sums[DqExcluded] += r.integer(5);
}

// created_at in ms since the epoch as addRawParts reads it (fromDbDateTime: the fraction of a
// second rounded to ms, at most 999): MySQL's column 14 holds microseconds, SQLite's the text.
qint64 createdMs(const ScanRow &r, int column)
{
    const QByteArrayView text = r.text(column);
    if (text.size() < 19 || text[4] != '-') {
        const qint64 us = r.integer(column);
        const qint64 seconds = us >= 0 ? us / 1000000 : -((-us + 999999) / 1000000);
        return seconds * 1000 + std::min<qint64>(999, (us - seconds * 1000000 + 500) / 1000);
    }
    const QString iso = QString::fromLatin1(text);
    return fromDbDateTime(QVariant(iso)).toMSecsSinceEpoch();
}

VersionTotals &versionOf(LiveHourRow &row, const ScanRow &r, int column)
{
    std::optional<QByteArray> key;
    if (!r.isNull(column))
        key = r.bytes(column);
    for (auto &[version, totals] : row.versions) {
        if (version == key)
            return totals;
    }
    return row.versions.emplace_back(std::move(key), VersionTotals()).second;
}

using Key = RollupContributions::Key;

}  // namespace

struct LiveRollupPart::Gathered {
    LiveHourRows hours;
    size_t counters = 0;
};

LiveRollupPart::LiveRollupPart(const Database &db, LiveScanPart part)
    : m_db(db), m_gathered(std::make_unique<Gathered>()), m_part(std::move(part))
{
    const Dialect &d = db.dialect();
    m_gathered->counters = static_cast<size_t>(counterColumns().size());
    Q_ASSERT(m_gathered->counters == CounterCount);
    const QString valid = validExpression(d, QString());
    m_part.columns << d.hourNumberOf(QStringLiteral("created_at")) << d.dayNumberOf(QStringLiteral("created_at"))
                   << d.exactKey(QStringLiteral("agent_id")) << d.exactKey(QStringLiteral("task_type"))
                   << QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END").arg(valid)
                   << QStringLiteral("CASE WHEN NOT %1 THEN 1 ELSE 0 END").arg(valid)
                   << QStringLiteral("CASE WHEN human_feedback IS NULL THEN 0 WHEN human_feedback = 'correct' THEN %1"
                                     " WHEN human_feedback = 'incorrect' THEN %2"
                                     " WHEN human_feedback = 'partially_correct' THEN %3 ELSE %4 END")
                          .arg(kCorrect)
                          .arg(kIncorrect)
                          .arg(kPartial)
                          .arg(kOtherFeedback)
                   << QStringLiteral("CASE WHEN confidence_score < 0 OR confidence_score > 1 THEN %1"
                                     " WHEN confidence_score < 0.5 THEN 0 WHEN confidence_score < 0.7 THEN 1"
                                     " WHEN confidence_score < 0.85 THEN 2 WHEN confidence_score < 0.95 THEN 3"
                                     " ELSE 4 END")
                          .arg(kOutOfRange)
                   << QStringLiteral("ROUND(confidence_score * 10000)") << QStringLiteral("execution_time_ms")
                   << QStringLiteral("ROUND(accuracy * 10000)")
                   << (d.isMySql() ? QStringLiteral("0")
                                   : QStringLiteral("CASE WHEN NOT (json_valid(decision_made) AND json_valid(metadata))"
                                                    " THEN 1 ELSE 0 END"))
                   << modelVersionExpression(d) << QStringLiteral("human_feedback")
                   << (d.isMySql() ? QStringLiteral("TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', created_at)")
                                   : d.utcTimeOf(QStringLiteral("created_at")));
    Gathered &g = *m_gathered;
    m_part.add = [&g](const ScanRow &r) {
        const qint64 hour = r.integer(0);
        auto it = g.hours.find(LiveKeyView{hour, r.text(2), r.text(3)});
        if (it == g.hours.end())
            it = g.hours.emplace(Key{hour, r.bytes(2), r.bytes(3)}, LiveHourRow()).first;
        LiveHourRow &row = it->second;
        if (row.sums.empty()) {
            row.day = r.integer(1);
            row.sums.assign(g.counters, 0);
        }
        addCounters(r, row.sums);
        // The sections of rows with a readable time only, as RollupSections reads them.
        if (r.integer(4) != 1 || hour == kNoTimeSlot)
            return;
        row.latencies.push_back(static_cast<qint32>(r.integer(9)));
        const bool reviewed = r.integer(6) != 0 && !r.isNull(10);
        if (reviewed)
            row.reviewed.emplace_back(static_cast<qint32>(r.integer(8)), r.integer(10));
        VersionTotals &v = versionOf(row, r, 12);
        ++v.n;
        v.confidenceSumE4 += r.integer(8);
        v.latency.add(r.integer(9));
        // As addRawParts compares it: byte for byte, not by the column's collation.
        const QByteArrayView feedback = r.text(13);
        if (feedback == "correct")
            ++v.correct;
        else if (feedback == "partially_correct")
            ++v.partial;
        else if (feedback == "incorrect")
            ++v.incorrect;
        if (reviewed)
            v.reviewed.add(static_cast<int>(r.integer(8)), r.integer(10));
        const qint64 at = createdMs(r, 14);
        if (!v.firstMs || at < *v.firstMs)
            v.firstMs = at;
        if (!v.lastMs || at > *v.lastMs)
            v.lastMs = at;
    };
    m_part.write = [this](const ProgressFn &progress) { return write(progress); };
}

LiveRollupPart::~LiveRollupPart() = default;

Status LiveRollupPart::write(const ProgressFn &progress)
{
    const Status written = writeLiveHourRows(m_db, m_gathered->hours, progress);
    m_gathered->hours = {};
    return written;
}

}  // namespace atalaya::rollup
