#include "core/rollup/RollupLiveBuild.h"

#include "core/common/TimeUtil.h"
#include "core/rollup/RollupLiveRows.h"
#include "core/rollup/RollupSchema.h"
#include "core/rollup/RollupSections.h"
#include "core/storage/Database.h"
#include "core/storage/ScanKeys.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <vector>

namespace atalaya::rollup {
namespace {

// The columns of the scan (below) hold what the 18 counter expressions of the triggers
// (counterExpressions) test, each test made once in SQL, so the comparisons keep the column's
// collation and type, then the values summed and what the sections need. MySQL's scan reads
// created_at once (kMicrosSinceEpochOfCreatedAt), SQLite's as the hour, the day and the text.
struct Columns {
    int time = 0;  // MySQL: microseconds; SQLite: the hour
    int day = -1;  // SQLite only
    int agent, task, validity, feedback, bucket, confE4, ms, accE4, dqJson = -1, version, feedbackText, createdAt;
};

using namespace counter;
constexpr int kCorrect = 1, kIncorrect = 2, kPartial = 3, kOtherFeedback = 4;
constexpr int kOutOfRange = 9;
// The validity column: the row counts, or is excluded; neither when its test is NULL.
constexpr int kValid = 1, kExcluded = 2;

void addCounters(const ScanRow &r, const Columns &c, std::vector<qint64> &sums)
{
    const qint64 validity = r.integer(c.validity);
    const qint64 feedback = r.integer(c.feedback);
    const qint64 bucket = r.integer(c.bucket);
    const qint64 ms = r.integer(c.ms);
    if (validity == kValid) {
        ++sums[N];
        if (bucket >= 0 && bucket < 5)
            ++sums[B0 + bucket];
        sums[ConfSum] += r.integer(c.confE4);
        sums[ExecSum] += ms;
        if (feedback != 0) {
            ++sums[Fb];
            sums[AccSum] += r.integer(c.accE4);
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
    sums[DqJson] += c.dqJson >= 0 ? r.integer(c.dqJson) : 0;
    sums[DqExcluded] += validity == kExcluded ? 1 : 0;
}

// created_at in ms since the epoch as addRawParts reads it (fromDbDateTime: the fraction of a
// second rounded to ms, at most 999): MySQL's column holds microseconds, SQLite's the text.
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

// The index of the row's model version in `row.versions`: a byte, as an hour row of one agent
// and task type has a version or two (past 256, tooManyVersions).
quint8 versionOf(LiveHourRow &row, const ScanRow &r, int column)
{
    std::optional<QByteArrayView> key;
    if (!r.isNull(column))
        key = r.text(column);
    for (size_t i = 0; i < row.versions.size(); ++i) {
        const std::optional<QByteArray> &version = row.versions[i].first;
        if (version.has_value() == key.has_value() && (!key || QByteArrayView(*version) == *key))
            return quint8(i);
    }
    if (row.versions.size() == 256) {
        row.tooManyVersions = true;
        return 0;
    }
    row.versions.emplace_back(key ? std::optional(key->toByteArray()) : std::nullopt, VersionTotals());
    return quint8(row.versions.size() - 1);
}

using Key = RollupContributions::Key;

}  // namespace

struct LiveRollupPart::Gathered {
    ScanKeys keys;  // (agent, task type)
    std::unordered_map<quint64, LiveHourRow, SlotKeyHash> hours;  // by slotKey(hour, keys id)
    size_t counters = 0;
};

LiveRollupPart::LiveRollupPart(const Database &db, LiveScanPart part)
    : m_db(db), m_gathered(std::make_unique<Gathered>()), m_part(std::move(part))
{
    const Dialect &d = db.dialect();
    m_gathered->counters = static_cast<size_t>(counterColumns().size());
    Q_ASSERT(m_gathered->counters == counter::Count);
    const QString valid = validExpression(d, QString());
    const bool mysql = d.isMySql();
    QStringList &columns = m_part.columns;
    Columns c;
    auto column = [&columns](const QString &sql) {
        columns << sql;
        return int(columns.size() - 1);
    };
    if (mysql) {
        c.time = column(QLatin1String(kMicrosSinceEpochOfCreatedAt));
    } else {
        c.time = column(d.hourNumberOf(QStringLiteral("created_at")));
        c.day = column(d.dayNumberOf(QStringLiteral("created_at")));
    }
    c.agent = column(d.exactKey(QStringLiteral("agent_id")));
    c.task = column(d.exactKey(QStringLiteral("task_type")));
    c.validity = column(
        QStringLiteral("CASE WHEN %1 THEN %2 WHEN NOT %1 THEN %3 ELSE 0 END").arg(valid).arg(kValid).arg(kExcluded));
    c.feedback = column(QStringLiteral("CASE WHEN human_feedback IS NULL THEN 0 WHEN human_feedback = 'correct' THEN %1"
                                       " WHEN human_feedback = 'incorrect' THEN %2"
                                       " WHEN human_feedback = 'partially_correct' THEN %3 ELSE %4 END")
                            .arg(kCorrect)
                            .arg(kIncorrect)
                            .arg(kPartial)
                            .arg(kOtherFeedback));
    c.bucket = column(QStringLiteral("CASE WHEN confidence_score < 0 OR confidence_score > 1 THEN %1"
                                     " WHEN confidence_score < 0.5 THEN 0 WHEN confidence_score < 0.7 THEN 1"
                                     " WHEN confidence_score < 0.85 THEN 2 WHEN confidence_score < 0.95 THEN 3"
                                     " ELSE 4 END")
                          .arg(kOutOfRange));
    c.confE4 = column(QStringLiteral("ROUND(confidence_score * 10000)"));
    c.ms = column(QStringLiteral("execution_time_ms"));
    c.accE4 = column(QStringLiteral("ROUND(accuracy * 10000)"));
    // MySQL's JSON columns hold valid JSON only.
    if (!mysql)
        c.dqJson = column(
            QStringLiteral("CASE WHEN NOT (json_valid(decision_made) AND json_valid(metadata)) THEN 1 ELSE 0 END"));
    c.version = column(modelVersionExpression(d));
    c.feedbackText = column(QStringLiteral("human_feedback"));
    c.createdAt = mysql ? c.time : column(d.utcTimeOf(QStringLiteral("created_at")));
    Gathered &g = *m_gathered;
    m_part.add = [&g, c, mysql](const ScanRow &r) {
        const qint64 hour = mysql ? slotOfMicros(r, c.time, kMicrosPerHour) : r.integer(c.time);
        LiveHourRow &row = g.hours[slotKey(hour, g.keys.idOf(r.text(c.agent), r.text(c.task)))];
        if (row.sums.empty()) {
            row.day = mysql ? slotOfMicros(r, c.time, kMicrosPerDay) : r.integer(c.day);
            row.sums.assign(g.counters, 0);
        }
        addCounters(r, c, row.sums);
        // The sections of rows with a readable time only, as RollupSections reads them.
        if (r.integer(c.validity) != kValid || hour == kNoTimeSlot)
            return;
        const quint8 index = versionOf(row, r, c.version);
        row.latencies.push_back(static_cast<qint32>(r.integer(c.ms)));
        row.latencyVersions.push_back(index);
        if (r.integer(c.feedback) != 0 && !r.isNull(c.accE4)) {
            row.reviewed.emplace_back(static_cast<qint32>(r.integer(c.confE4)), r.integer(c.accE4));
            row.reviewedVersions.push_back(index);
        }
        VersionTotals &v = row.versions[index].second;
        ++v.n;
        v.confidenceSumE4 += r.integer(c.confE4);
        // As addRawParts compares it: byte for byte, not by the column's collation.
        const QByteArrayView feedback = r.text(c.feedbackText);
        if (feedback == "correct")
            ++v.correct;
        else if (feedback == "partially_correct")
            ++v.partial;
        else if (feedback == "incorrect")
            ++v.incorrect;
        const qint64 at = createdMs(r, c.createdAt);
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
    LiveHourRows hours;
    hours.reserve(m_gathered->hours.size());
    for (auto &[key, row] : m_gathered->hours) {
        const quint32 id = idOfKey(key);
        hours.emplace(Key{slotOfKey(key), m_gathered->keys.first(id), m_gathered->keys.second(id)}, std::move(row));
    }
    m_gathered->hours = {};
    const Status written = writeLiveHourRows(m_db, hours, progress);
    return written;
}

}  // namespace atalaya::rollup
