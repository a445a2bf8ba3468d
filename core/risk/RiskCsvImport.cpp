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
constexpr double kMaxDuration = 99999999.99;  // DECIMAL(10,2) of duration_seconds

struct CycleLine {
    QString cycleId;
    QDateTime createdAt;
    bool failed = false;
    FeatureVector raw{};
};

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

Status writeCycles(const Database &db, const std::vector<CycleLine> &lines)
{
    return inTransaction(db, [&]() -> Status {
        for (std::size_t at = 0; at < lines.size(); at += kRowsPerStatement) {
            const std::size_t n = std::min<std::size_t>(kRowsPerStatement, lines.size() - at);
            QStringList tuples(static_cast<qsizetype>(n), QStringLiteral("(?,?,?,?,?,?,?)"));
            QVariantList values;
            for (std::size_t i = at; i < at + n; ++i) {
                const CycleLine &c = lines[i];
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

std::vector<CsvRecord> parseCsv(const QByteArray &csv)
{
    std::vector<CsvRecord> out;
    const QString text = QString::fromUtf8(csv);
    CsvRecord current;
    QString field;
    bool quoted = false;
    bool any = false;
    int line = 1;
    qsizetype start = 0;
    current.line = 1;
    auto endRecord = [&](qsizetype end) {
        current.fields << field;
        current.raw = text.mid(start, end - start).toUtf8();
        if (any || current.fields.size() > 1 || !field.isEmpty())
            out.push_back(current);
        current = CsvRecord{};
        field.clear();
        any = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
            any = true;
        } else if (c == QLatin1Char(',')) {
            current.fields << field;
            field.clear();
            any = true;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            const qsizetype end = i;
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRecord(end);
            ++line;
            start = i + 1;
            current.line = line;
        } else {
            field += c;
        }
    }
    if (start < text.size())
        endRecord(text.size());
    return out;
}

Result<CsvImportReport> importCyclesCsv(const std::shared_ptr<const Database> &db, const QByteArray &csv,
                                        const CsvImportOptions &options)
{
    const std::vector<CsvRecord> records = parseCsv(csv);
    if (records.empty())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("the CSV is empty; expected a header row with cycle_id, created_at, "
                                        "deployment_failed and the 10 feature names"));
    QStringList header;
    for (const QString &h : records.front().fields)
        header << h.trimmed();
    QStringList required = {QStringLiteral("cycle_id"), QStringLiteral("created_at"),
                            QStringLiteral("deployment_failed")};
    required += riskFeatureNames();
    QStringList missing;
    for (const QString &r : required)
        if (!header.contains(r))
            missing << r;
    if (!missing.isEmpty())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("the CSV header lacks: %1").arg(missing.join(QStringLiteral(", "))));
    auto col = [&](const QString &name) { return header.indexOf(name); };

    CsvImportReport report;
    report.rejectedCsv = records.front().raw + '\n';
    std::vector<CycleLine> valid;
    std::vector<int> validRecord;
    QSet<QString> seen;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord &rec = records[r];
        QStringList problems;
        auto field = [&](const QString &name) { return rec.fields.value(col(name)).trimmed(); };
        CycleLine c;
        c.cycleId = field(QStringLiteral("cycle_id"));
        if (c.cycleId.isEmpty() || c.cycleId.size() > 50)
            problems << QStringLiteral("cycle_id is required, at most 50 characters");
        else if (seen.contains(c.cycleId))
            problems << QStringLiteral("cycle_id '%1' appears twice").arg(c.cycleId);
        c.createdAt = parseIsoUtc(field(QStringLiteral("created_at")));
        if (!c.createdAt.isValid())
            problems << QStringLiteral("created_at must be an ISO 8601 time such as 2026-11-01T12:00:00Z");
        const QString failed = field(QStringLiteral("deployment_failed")).toLower();
        if (failed == QLatin1String("1") || failed == QLatin1String("true"))
            c.failed = true;
        else if (failed != QLatin1String("0") && failed != QLatin1String("false"))
            problems << QStringLiteral("deployment_failed must be 0, 1, true or false");
        for (int i = 0; i < kRiskFeatureCount; ++i) {
            bool ok = false;
            c.raw[i] = field(riskFeatureName(i)).toDouble(&ok);
            if (!ok)
                problems << QStringLiteral("%1 must be %2").arg(riskFeatureName(i), riskFeatureRange(i));
            else if (QString p = validateFeature(i, c.raw[i]); !p.isEmpty())
                problems << p;
        }
        if (c.raw[int(RiskFeature::LeadTime)] > kMaxDuration)
            problems << QStringLiteral("lead_time must be at most %1 seconds").arg(kMaxDuration, 0, 'f', 2);
        if (!problems.isEmpty()) {
            report.errors << QStringLiteral("line %1: %2").arg(rec.line).arg(problems.join(QStringLiteral("; ")));
            report.rejectedCsv += rec.raw + '\n';
            continue;
        }
        seen.insert(c.cycleId);
        valid.push_back(c);
        validRecord.push_back(static_cast<int>(r));
    }
    QStringList ids;
    for (const CycleLine &c : valid)
        ids << c.cycleId;
    auto existing = existingCycles(*db, ids);
    if (!existing)
        return existing.error();
    std::vector<CycleLine> fresh;
    for (std::size_t i = 0; i < valid.size(); ++i) {
        if (existing->contains(valid[i].cycleId)) {
            const CsvRecord &rec = records[validRecord[i]];
            report.errors << QStringLiteral("line %1: cycle_id '%2' is already in dora_metrics")
                                 .arg(rec.line)
                                 .arg(valid[i].cycleId);
            report.rejectedCsv += rec.raw + '\n';
            continue;
        }
        fresh.push_back(valid[i]);
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
