#include "rollup/RollupBatch.h"

#include "rollup/RollupMaintenance.h"
#include "rollup/RollupSchema.h"
#include "storage/Database.h"
#include "storage/MySqlStatement.h"
#include "storage/SqlUtil.h"
#include "telemetry/StoredDecision.h"

#include <cmath>

namespace atalaya::rollup {
namespace {

// 23 values a row; a statement holds at most 65 535.
constexpr size_t kRowsPerUpsert = 1000;

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

void AppMaintainedRollups::add(const StoredDecision &d)
{
    if (!m_active)
        return;
    const qint64 confE4 = d.confidenceE4;
    const qint64 ms = d.createdAtMs;
    const Key key{ms >= 0 ? ms / 3600000 : -((-ms + 3599999) / 3600000), d.agentId, d.taskType};
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

Status AppMaintainedRollups::upsert(std::vector<std::pair<Key, std::array<qint64, 18>>>::const_iterator first,
                                    size_t count, MySqlStatement &statement)
{
    int p = 0;
    for (auto it = first; it != first + static_cast<std::ptrdiff_t>(count); ++it) {
        const auto &[key, c] = *it;
        statement.bindInt(p++, key.hour);
        statement.bindText(p++, key.agentId);
        statement.bindText(p++, key.taskType);
        statement.bindInt(p++, key.hour >= 0 ? key.hour / 24 : -((-key.hour + 23) / 24));
        for (qint64 v : c)
            statement.bindInt(p++, v);
        statement.bindInt(p++, c[N] > 0 ? 1 : 0);  // new valid rows move the latency section
    }
    auto done = statement.execute(QStringLiteral("updating the rollups"));
    if (!done)
        return done.error();
    return {};
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
    auto sqlFor = [&](size_t rows) {
        return QStringLiteral("INSERT INTO %1 (%2) VALUES %3%4")
            .arg(QLatin1String(kHourTable), columns.join(QStringLiteral(", ")),
                 QStringList(static_cast<qsizetype>(rows), tuple).join(QLatin1Char(',')),
                 m_db.dialect().upsertAdd({QStringLiteral("hour_no"), QStringLiteral("agent_id"), QStringLiteral("task_type")},
                                          add))
            .toUtf8();
    };
    const std::vector<std::pair<Key, std::array<qint64, 18>>> rows(m_pending.begin(), m_pending.end());
    m_pending.clear();
    size_t start = 0;
    for (; rows.size() - start >= kRowsPerUpsert; start += kRowsPerUpsert) {
        if (!m_full) {
            auto prepared = MySqlStatement::prepare(m_db, sqlFor(kRowsPerUpsert), QStringLiteral("updating the rollups"));
            if (!prepared)
                return prepared.error();
            m_full = std::move(*prepared);
        }
        if (Status s = upsert(rows.begin() + static_cast<std::ptrdiff_t>(start), kRowsPerUpsert, *m_full); !s)
            return s;
    }
    if (start == rows.size())
        return {};
    auto rest = MySqlStatement::prepare(m_db, sqlFor(rows.size() - start), QStringLiteral("updating the rollups"));
    if (!rest)
        return rest.error();
    return upsert(rows.begin() + static_cast<std::ptrdiff_t>(start), rows.size() - start, **rest);
}

} // namespace atalaya::rollup
