#include "core/rollup/RollupBatch.h"

#include "core/rollup/RollupMaintenance.h"
#include "core/rollup/RollupSchema.h"
#include "core/storage/Database.h"
#include "core/storage/MySqlStatement.h"
#include "core/storage/SqlUtil.h"
#include "core/storage/TelemetryTriggers.h"

#include <algorithm>

namespace atalaya::rollup {
namespace {

// 24 values a row at most; a statement holds at most 65 535.
constexpr size_t kRowsPerUpsert = 1000;

class ContributionPreparer final : public RowPreparer {
public:
    void prepare(const DecisionInput &, StoredDecision &row) override { contributions.add(row); }
    RollupContributions contributions;
};

}  // namespace

AppMaintainedRollups::AppMaintainedRollups(const Database &db) : m_db(db) { }

AppMaintainedRollups::~AppMaintainedRollups()
{
    end();
}

void AppMaintainedRollups::begin()
{
    end();
    if (!m_db.dialect().isMySql() || !status(m_db).triggers)
        return;
    m_active = execStatement(m_db, QStringLiteral("SET %1 = 1").arg(QLatin1String(kAppMaintainsVariable)), {},
                             QStringLiteral("taking over the rollup triggers"))
                   .ok();
}

void AppMaintainedRollups::end()
{
    m_pending = {};
    if (!m_active)
        return;
    m_active = false;
    execStatement(m_db, QStringLiteral("SET %1 = NULL").arg(QLatin1String(kAppMaintainsVariable)), {},
                  QStringLiteral("handing back the rollup triggers"));
}

std::unique_ptr<RowPreparer> AppMaintainedRollups::preparer() const
{
    if (!m_active)
        return nullptr;
    return std::make_unique<ContributionPreparer>();
}

void AppMaintainedRollups::prepared(std::unique_ptr<RowPreparer> preparer)
{
    if (auto *p = dynamic_cast<ContributionPreparer *>(preparer.get()); p && m_active)
        m_pending.merge(std::move(p->contributions));
}

void AppMaintainedRollups::queued(const StoredDecision &row)
{
    if (m_active)
        m_pending.add(row);
}

Status AppMaintainedRollups::commit()
{
    if (!m_active)
        return {};
    const RollupContributions pending = std::move(m_pending);
    m_pending = {};
    if (Status s = flush(Level::Hour, pending.hours()); !s)
        return s;
    return flush(Level::Day, pending.days());
}

Status AppMaintainedRollups::flush(Level level, const RollupContributions::Map &pending)
{
    if (pending.empty())
        return {};
    QStringList key{level == Level::Hour ? QStringLiteral("hour_no") : QStringLiteral("day_no"),
                    QStringLiteral("agent_id"), QStringLiteral("task_type")};
    QStringList columns = key;
    if (level == Level::Hour)
        columns << QStringLiteral("day_no");
    QStringList add = counterColumns();
    add << QStringLiteral("lat_version") << QStringLiteral("cal_version") << QStringLiteral("ver_version");
    columns << add;
    const QString tuple =
        QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    const QString upsert = m_db.dialect().upsertAdd(key, add);
    // In key order, as every writer takes the rollup rows' locks: no deadlock between two runs.
    std::vector<std::pair<RollupContributions::Key, RollupContributions::Sums>> rows(pending.begin(), pending.end());
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

}  // namespace atalaya::rollup
