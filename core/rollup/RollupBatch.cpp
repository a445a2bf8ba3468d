#include "rollup/RollupBatch.h"

#include "rollup/RollupMaintenance.h"
#include "rollup/RollupSchema.h"
#include "storage/Database.h"
#include "storage/SqlUtil.h"
#include "telemetry/Decision.h"

#include <cmath>

namespace atalaya::rollup {
namespace {

constexpr int kRowsPerUpsert = 200;

// Column order of counterColumns().
enum Counter { N, Fb, AccSum, Correct, Incorrect, Partial, B0, B1, B2, B3, B4, ConfSum, ExecSum };

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

void AppMaintainedRollups::add(const DecisionInput &d, const QDateTime &createdAt)
{
    if (!m_active)
        return;
    // The stored values: DECIMAL(5,4) text and millisecond DATETIME (TelemetryRepository).
    const qint64 confE4 = std::llround(QString::number(d.confidence, 'f', 4).toDouble() * 10000);
    const qint64 ms = createdAt.toMSecsSinceEpoch();
    const HourKey key{ms >= 0 ? ms / 3600000 : -((-ms + 3599999) / 3600000), d.agentId, d.taskType};
    auto &c = m_pending[key];
    const bool valid = confE4 >= 0 && confE4 <= 10000 && d.executionTimeMs >= 0;
    if (!valid) {
        c[13] += confE4 < 0 || confE4 > 10000;
        c[14] += d.executionTimeMs < 0;
        c[17] += 1;
        return;
    }
    c[N] += 1;
    c[ConfSum] += confE4;
    c[ExecSum] += d.executionTimeMs;
    c[B0 + bucketOf(confE4)] += 1;
    if (d.feedback) {
        c[Fb] += 1;
        c[AccSum] += std::llround(accuracyFor(*d.feedback) * 10000);
        c[*d.feedback == Feedback::Correct ? Correct : *d.feedback == Feedback::Incorrect ? Incorrect : Partial] += 1;
    }
}

Status AppMaintainedRollups::flush()
{
    if (!m_active || m_pending.empty())
        return {};
    QStringList columns{QStringLiteral("hour_no"), QStringLiteral("agent_id"), QStringLiteral("task_type"),
                        QStringLiteral("day_no")};
    columns << counterColumns() << QStringLiteral("lat_version");
    QStringList add = counterColumns();
    add << QStringLiteral("lat_version");
    const QString tuple = QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    std::vector<std::pair<HourKey, std::array<qint64, 18>>> rows(m_pending.begin(), m_pending.end());
    m_pending.clear();
    for (size_t start = 0; start < rows.size(); start += kRowsPerUpsert) {
        const size_t end = std::min(rows.size(), start + kRowsPerUpsert);
        QStringList tuples;
        QVariantList values;
        for (size_t i = start; i < end; ++i) {
            const auto &[key, c] = rows[i];
            tuples << tuple;
            values << key.hour << key.agentId << key.taskType << (key.hour >= 0 ? key.hour / 24 : -((-key.hour + 23) / 24));
            for (qint64 v : c)
                values << v;
            values << (c[N] > 0 ? 1 : 0);  // new valid rows move the latency section
        }
        const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES %3%4")
                                .arg(QLatin1String(kHourTable), columns.join(QStringLiteral(", ")), tuples.join(QLatin1Char(',')),
                                     m_db.dialect().upsertAdd({QStringLiteral("hour_no"), QStringLiteral("agent_id"),
                                                               QStringLiteral("task_type")},
                                                              add));
        if (Status s = execStatement(m_db, sql, values, QStringLiteral("updating the rollups")); !s)
            return s;
    }
    return {};
}

} // namespace atalaya::rollup
