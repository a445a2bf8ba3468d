#include "core/risk/RiskCsvCycles.h"

#include "core/common/TimeUtil.h"

#include <QSet>

namespace atalaya {
namespace {

constexpr double kMaxDuration = 99999999.99;  // DECIMAL(10,2) of duration_seconds

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

Result<CyclesCsv> readCyclesCsv(const QByteArray &csv)
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

    CyclesCsv out;
    out.rejectedCsv = records.front().raw + '\n';
    QSet<QString> seen;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord &rec = records[r];
        QStringList problems;
        auto field = [&](const QString &name) { return rec.fields.value(col(name)).trimmed(); };
        CsvCycle c;
        c.line = rec.line;
        c.text = rec.raw;
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
            out.errors << QStringLiteral("line %1: %2").arg(rec.line).arg(problems.join(QStringLiteral("; ")));
            out.rejectedCsv += rec.raw + '\n';
            continue;
        }
        seen.insert(c.cycleId);
        out.valid.push_back(std::move(c));
    }
    return out;
}

}  // namespace atalaya
