#include "rollup/RollupBatch.h"

#include "rollup/RollupMaintenance.h"
#include "rollup/RollupSchema.h"
#include "storage/Database.h"
#include "storage/MySqlStatement.h"
#include "storage/SqlUtil.h"
#include "telemetry/StoredDecision.h"

#include <algorithm>
#include <cmath>

namespace atalaya::rollup {
namespace {

// 24 values a row at most; a statement holds at most 65 535.
constexpr size_t kRowsPerUpsert = 1000;

// Column order of counterColumns().
enum Counter { N, Fb, AccSum, Correct, Incorrect, Partial, B0, B1, B2, B3, B4, ConfSum, ExecSum, DqConf, DqNeg,
               DqFb, DqJson, DqExcluded, LatBump, CalBump };

int bucketOf(qint64 confE4)
{
    return confE4 < 5000 ? 0 : confE4 < 7000 ? 1 : confE4 < 8500 ? 2 : confE4 < 9500 ? 3 : 4;
}

} // namespace

AppMaintainedRollups::AppMaintainedRollups(const Database &db) : m_db(db)
{
    if (!db.dialect().isMySql() || !status(db).triggers)
        return;
    m_active = execStatement(db, QStringLiteral("SET %1 = 1").arg(QLatin1String(kAppMaintainsVariable)), {},
                             QStringLiteral("taking over the rollup triggers"))
                   .ok();
}

AppMaintainedRollups::~AppMaintainedRollups()
{
    if (m_active)
        execStatement(m_db, QStringLiteral("SET %1 = NULL").arg(QLatin1String(kAppMaintainsVariable)), {},
                      QStringLiteral("handing back the rollup triggers"));
}

void AppMaintainedRollups::add(const StoredDecision &d)
{
    if (!m_active)
        return;
    const qint64 confE4 = d.confidenceE4;
    const qint64 ms = d.createdAtMs;
    const qint64 hour = ms >= 0 ? ms / 3600000 : -((-ms + 3599999) / 3600000);
    Contribution c{};
    const bool valid = confE4 >= 0 && confE4 <= 10000 && d.executionTimeMs >= 0;
    if (!valid) {
        c[DqConf] = confE4 < 0 || confE4 > 10000;
        c[DqNeg] = d.executionTimeMs < 0;
        c[DqExcluded] = 1;
    } else {
        c[N] = 1;
        c[ConfSum] = confE4;
        c[ExecSum] = d.executionTimeMs;
        c[B0 + bucketOf(confE4)] = 1;
        c[LatBump] = 1;  // new valid rows move the latency section
        if (d.feedback) {
            c[Fb] = 1;
            c[AccSum] = std::llround(accuracyFor(*d.feedback) * 10000);
            c[*d.feedback == Feedback::Correct ? Correct : *d.feedback == Feedback::Incorrect ? Incorrect : Partial] = 1;
            c[CalBump] = 1;  // and reviewed ones the calibration section
        }
    }
    for (auto [pending, key] : {std::pair{&m_hours, Key{hour, d.agentId, d.taskType}},
                                std::pair{&m_days, Key{dayOfHour(hour), d.agentId, d.taskType}}}) {
        Contribution &sum = (*pending)[key];
        for (size_t i = 0; i < sum.size(); ++i)
            sum[i] += c[i];
    }
}

Status AppMaintainedRollups::flush()
{
    if (!m_active)
        return {};
    const auto hours = std::move(m_hours);
    const auto days = std::move(m_days);
    m_hours.clear();
    m_days.clear();
    if (Status s = flush(Level::Hour, hours); !s)
        return s;
    return flush(Level::Day, days);
}

Status AppMaintainedRollups::flush(Level level, const Pending &pending)
{
    if (pending.empty())
        return {};
    QStringList key{level == Level::Hour ? QStringLiteral("hour_no") : QStringLiteral("day_no"),
                    QStringLiteral("agent_id"), QStringLiteral("task_type")};
    QStringList columns = key;
    if (level == Level::Hour)
        columns << QStringLiteral("day_no");
    QStringList add = counterColumns();
    add << QStringLiteral("lat_version") << QStringLiteral("cal_version");
    columns << add;
    const QString tuple = QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    const QString upsert = m_db.dialect().upsertAdd(key, add);
    // In key order, as every writer takes the rollup rows' locks: no deadlock between two runs.
    std::vector<std::pair<Key, Contribution>> rows(pending.begin(), pending.end());
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return executeRowBatches(
        m_db, rows.size(), kRowsPerUpsert,
        [&](size_t n) {
            return QStringLiteral("INSERT INTO %1 (%2) VALUES %3%4")
                .arg(tableOf(level), columns.join(QStringLiteral(", ")),
                     QStringList(static_cast<qsizetype>(n), tuple).join(QLatin1Char(',')), upsert)
                .toUtf8();
        },
        [&](MySqlStatement &statement, int p, size_t row) {
            const auto &[k, c] = rows[row];
            statement.bindInt(p++, k.slot);
            statement.bindText(p++, k.agentId);
            statement.bindText(p++, k.taskType);
            if (level == Level::Hour)
                statement.bindInt(p++, dayOfHour(k.slot));
            for (qint64 v : c)
                statement.bindInt(p++, v);
        },
        QStringLiteral("updating the rollups"));
}

} // namespace atalaya::rollup
