#include "core/risk/RiskCsvImport.h"

#include "core/common/TimeUtil.h"
#include "core/risk/RiskFeatures.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace atalaya {
namespace {

constexpr int kRowsPerStatement = 200;

Result<QSet<QString>> existingCycles(const Database &db, const QStringList &ids)
{
    QSet<QString> found;
    for (qsizetype at = 0; at < ids.size(); at += 500) {
        const QStringList chunk = ids.mid(at, 500);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        QVariantList values(chunk.begin(), chunk.end());
        auto q = execQuery(db,
                           QStringLiteral("SELECT DISTINCT cycle_id FROM dora_metrics WHERE cycle_id IN (%1)")
                               .arg(marks.join(QLatin1Char(','))),
                           values, QStringLiteral("looking up existing cycles"));
        if (!q)
            return q.error();
        while (q->next())
            found.insert(q->value(0).toString());
    }
    return found;
}

Status writeCycles(const Database &db, const std::vector<CsvCycle> &lines)
{
    return inTransaction(db, [&]() -> Status {
        for (std::size_t at = 0; at < lines.size(); at += kRowsPerStatement) {
            const std::size_t n = std::min<std::size_t>(kRowsPerStatement, lines.size() - at);
            QStringList tuples(static_cast<qsizetype>(n), QStringLiteral("(?,?,?,?,?,?,?)"));
            QVariantList values;
            for (std::size_t i = at; i < at + n; ++i) {
                const CsvCycle &c = lines[i];
                QJsonObject meta = rawFeaturesToJson(c.raw);
                meta.insert(QStringLiteral("deployment_failed"), c.failed);
                meta.insert(QStringLiteral("source"), QStringLiteral("csv import"));
                values << c.cycleId << QStringLiteral("import") << QStringLiteral("deployment") << QStringLiteral("go")
                       << QString::number(c.raw[int(RiskFeature::LeadTime)], 'f', 2)
                       << QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Compact))
                       << toDbDateTime(c.createdAt);
            }
            if (Status s =
                    execStatement(db,
                                  QStringLiteral("INSERT INTO dora_metrics (cycle_id, feature_id, phase_name, decision,"
                                                 " duration_seconds, metadata, created_at) VALUES ")
                                      + tuples.join(QLatin1Char(',')),
                                  values, QStringLiteral("importing delivery cycles"));
                !s)
                return s;
        }
        return {};
    });
}

}  // namespace

Result<CsvImportReport> importCyclesCsv(const std::shared_ptr<const Database> &db, const QByteArray &csv,
                                        const CsvImportOptions &options)
{
    auto read = readCyclesCsv(csv);
    if (!read)
        return read.error();
    CsvImportReport report;
    report.errors = std::move(read->errors);
    report.rejectedCsv = std::move(read->rejectedCsv);
    QStringList ids;
    for (const CsvCycle &c : read->valid)
        ids << c.cycleId;
    auto existing = existingCycles(*db, ids);
    if (!existing)
        return existing.error();
    std::vector<CsvCycle> fresh;
    for (CsvCycle &c : read->valid) {
        if (existing->contains(c.cycleId)) {
            report.errors
                << QStringLiteral("line %1: cycle_id '%2' is already in dora_metrics").arg(c.line).arg(c.cycleId);
            report.rejectedCsv += c.text + '\n';
            continue;
        }
        fresh.push_back(std::move(c));
    }
    report.rejected = static_cast<int>(report.errors.size());
    if (report.rejected > 0 && !options.skipInvalid) {
        std::sort(report.errors.begin(), report.errors.end(), [](const QString &a, const QString &b) {
            return a.section(QLatin1Char(' '), 1, 1).chopped(1).toInt()
                < b.section(QLatin1Char(' '), 1, 1).chopped(1).toInt();
        });
        return makeError(ErrorCode::Usage,
                         QStringLiteral("%1 invalid line%2, nothing imported (use --skip-invalid --rejects FILE "
                                        "to import the rest): %3")
                             .arg(report.rejected)
                             .arg(report.rejected == 1 ? QString() : QStringLiteral("s"))
                             .arg(report.errors.mid(0, 20).join(QStringLiteral(" | "))));
    }
    if (Status s = writeCycles(*db, fresh); !s)
        return s.error();
    report.imported = static_cast<int>(fresh.size());
    return report;
}

}  // namespace atalaya
