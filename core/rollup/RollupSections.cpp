#include "core/rollup/RollupSections.h"

#include "core/common/TimeUtil.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <algorithm>
#include <cmath>

namespace atalaya::rollup {
namespace {

constexpr int kRowsPerStore = 200;

QString hourStart(qint64 hour)
{
    return toDbDateTime(QDateTime::fromSecsSinceEpoch(hour * 3600, Qt::UTC));
}

QString keyText(const QVariant &v)
{
    return v.typeId() == QMetaType::QByteArray ? QString::fromUtf8(v.toByteArray()) : v.toString();
}

// Each section's columns are set only while its version is the one it was built from
// (built columns last: MySQL evaluates the assignments left to right).
QString storeSql(const Dialect &d, Level level, int rows)
{
    QStringList columns{level == Level::Hour ? QStringLiteral("hour_no") : QStringLiteral("day_no"),
                        QStringLiteral("agent_id"), QStringLiteral("task_type")};
    if (level == Level::Hour)
        columns << QStringLiteral("day_no");
    columns << QStringLiteral("exec_min") << QStringLiteral("exec_max") << QStringLiteral("lat")
            << QStringLiteral("cal") << QStringLiteral("calp") << QStringLiteral("ver") << QStringLiteral("lat_built")
            << QStringLiteral("cal_built") << QStringLiteral("ver_built");
    const QString tuple =
        QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    QString sql =
        QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
            .arg(tableOf(level), columns.join(QStringLiteral(", ")), QStringList(rows, tuple).join(QLatin1Char(',')));
    const QString fresh = d.isMySql() ? QStringLiteral("VALUES(%1)") : QStringLiteral("excluded.%1");
    QStringList assignments;
    for (const auto &[section, version, built] :
         {std::tuple{QStringList{QStringLiteral("exec_min"), QStringLiteral("exec_max"), QStringLiteral("lat"),
                                 QStringLiteral("lat_built")},
                     QStringLiteral("lat_version"), QStringLiteral("lat_built")},
          std::tuple{QStringList{QStringLiteral("cal"), QStringLiteral("calp"), QStringLiteral("cal_built")},
                     QStringLiteral("cal_version"), QStringLiteral("cal_built")},
          std::tuple{QStringList{QStringLiteral("ver"), QStringLiteral("ver_built")}, QStringLiteral("ver_version"),
                     QStringLiteral("ver_built")}}) {
        for (const QString &c : section)
            assignments << QStringLiteral("%1 = CASE WHEN %2 = %3 THEN %4 ELSE %1 END")
                               .arg(c, version, fresh.arg(built), fresh.arg(c));
    }
    // The built columns after every payload column.
    std::stable_partition(assignments.begin(), assignments.end(), [](const QString &a) {
        return !a.startsWith(QLatin1String("lat_built")) && !a.startsWith(QLatin1String("cal_built"))
            && !a.startsWith(QLatin1String("ver_built"));
    });
    if (d.isMySql())
        return sql + QStringLiteral(" ON DUPLICATE KEY UPDATE ") + assignments.join(QStringLiteral(", "));
    return sql
        + QStringLiteral(" ON CONFLICT(%1) DO UPDATE SET %2")
              .arg(columns.mid(0, 3).join(QStringLiteral(", ")), assignments.join(QStringLiteral(", ")));
}

QVariant optionalInt(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qlonglong>());
}

}  // namespace

qint64 dayOfHour(qint64 hour)
{
    return hour >= 0 ? hour / 24 : -((-hour + 23) / 24);
}

void SectionPart::merge(const SectionPart &o)
{
    sketch.merge(o.sketch);
    if (o.min && (!min || *o.min < *min))
        min = o.min;
    if (o.max && (!max || *o.max > *max))
        max = o.max;
    calibration.merge(o.calibration);
    versions.merge(o.versions);
}

bool SectionPart::mergeStored(const std::optional<qint64> &storedMin, const std::optional<qint64> &storedMax,
                              const QByteArray &latency, const QByteArray &cells, const QByteArray &byVersion)
{
    if (!sketch.mergeSerialized(latency) || !calibration.mergeSerialized(cells) || !versions.mergeSerialized(byVersion))
        return false;
    SectionPart extremes;
    extremes.min = storedMin;
    extremes.max = storedMax;
    merge(extremes);
    return true;
}

QString modelVersionExpression(const Dialect &d, const QString &row)
{
    return d.isMySql() ? QStringLiteral("CAST(JSON_VALUE(%1metadata, '$.model_version') AS BINARY)").arg(row)
                       : QStringLiteral("json_extract(%1metadata, '$.model_version')").arg(row);
}

VersionCells::Key modelVersionKey(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return keyText(v);
}

std::vector<std::pair<qint64, qint64>> slotRuns(const std::vector<StaleRow> &stale, qint64 slotsPerRow)
{
    std::vector<qint64> numbers;
    for (const StaleRow &s : stale)
        numbers.push_back(s.key.slot);
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    std::vector<std::pair<qint64, qint64>> runs;
    for (qint64 slot : numbers) {
        const qint64 from = slot * slotsPerRow;
        if (!runs.empty() && runs.back().second == from)
            runs.back().second = from + slotsPerRow;
        else
            runs.emplace_back(from, from + slotsPerRow);
    }
    return runs;
}

Status addRawParts(const Database &db, qint64 fromHour, qint64 toHour, std::map<RollupKey, SectionPart> &parts)
{
    const Dialect &d = db.dialect();
    const QString sql =
        QStringLiteral("SELECT %1, agent_id, task_type, execution_time_ms,"
                       " CASE WHEN human_feedback IS NOT NULL AND accuracy IS NOT NULL THEN 1 ELSE 0 END,"
                       " ROUND(confidence_score * 10000), ROUND(accuracy * 10000), %4, human_feedback, %3"
                       " FROM ai_telemetry WHERE %3 >= ? AND %3 < ? AND %2")
            .arg(d.hourNumberOf(QStringLiteral("created_at")), validExpression(d, QString()),
                 d.utcTimeOf(QStringLiteral("created_at")), modelVersionExpression(d));
    auto q = execQuery(db, sql, {hourStart(fromHour), hourStart(toHour)},
                       QStringLiteral("reading raw rows for the rollups"));
    if (!q)
        return q.error();
    q->setForwardOnly(true);
    RollupKey key;
    SectionPart *part = nullptr;
    while (q->next()) {
        RollupKey k{q->value(0).toLongLong(), keyText(q->value(1)), keyText(q->value(2))};
        if (!part || k.slot != key.slot || k.agentId != key.agentId || k.taskType != key.taskType) {
            key = std::move(k);
            part = &parts[key];
        }
        const qint64 ms = q->value(3).toLongLong();
        part->sketch.add(ms);
        if (!part->min || ms < *part->min)
            part->min = ms;
        if (!part->max || ms > *part->max)
            part->max = ms;
        const qint64 confidenceE4 = std::llround(q->value(5).toDouble());
        if (q->value(4).toInt() == 1)
            part->calibration.add(static_cast<int>(confidenceE4), std::llround(q->value(6).toDouble()));
        VersionTotals &v = part->versions.at(modelVersionKey(q->value(7)));
        ++v.n;
        v.confidenceSumE4 += confidenceE4;
        v.latency.add(ms);
        const QString feedback = q->value(8).toString();
        if (feedback == QLatin1String("correct"))
            ++v.correct;
        else if (feedback == QLatin1String("partially_correct"))
            ++v.partial;
        else if (feedback == QLatin1String("incorrect"))
            ++v.incorrect;
        if (q->value(4).toInt() == 1)
            v.reviewed.add(static_cast<int>(confidenceE4), std::llround(q->value(6).toDouble()));
        const qint64 at = fromDbDateTime(q->value(9)).toMSecsSinceEpoch();
        if (!v.firstMs || at < *v.firstMs)
            v.firstMs = at;
        if (!v.lastMs || at > *v.lastMs)
            v.lastMs = at;
    }
    return {};
}

Status storeParts(const Database &db, Level level, const std::vector<StaleRow> &stale,
                  const std::map<RollupKey, SectionPart> &parts)
{
    const SectionPart empty;
    for (size_t start = 0; start < stale.size(); start += kRowsPerStore) {
        const size_t end = std::min(stale.size(), start + kRowsPerStore);
        QVariantList values;
        for (size_t i = start; i < end; ++i) {
            const StaleRow &s = stale[i];
            auto it = parts.find(s.key);
            const SectionPart &p = it == parts.end() ? empty : it->second;
            values << s.key.slot << s.key.agentId << s.key.taskType;
            if (level == Level::Hour)
                values << dayOfHour(s.key.slot);
            values << optionalInt(p.min) << optionalInt(p.max) << p.sketch.serialize() << p.calibration.serialize()
                   << p.calibration.serializePercents() << p.versions.serialize() << s.latVersion << s.calVersion
                   << s.verVersion;
        }
        if (Status s = execStatement(db, storeSql(db.dialect(), level, static_cast<int>(end - start)), values,
                                     QStringLiteral("storing rollup sections"));
            !s)
            return s;
    }
    return {};
}

}  // namespace atalaya::rollup
