#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"

#include "core/common/TimeUtil.h"
#include "core/reports/AuditCsv.h"
#include "core/telemetry/AuditVerify.h"

#include <QFileInfo>
#include <QJsonArray>

namespace atalaya::cli {
namespace {

int runVerify(CliContext &ctx, const std::shared_ptr<Database> &db)
{
    auto report = auditchain::verify(*db);
    if (!report)
        return ctx.fail(report.error());
    QJsonArray unchained;
    for (qint64 id : report->firstUnchained)
        unchained << id;
    QJsonObject out{{QStringLiteral("intact"), report->intact()},
                    {QStringLiteral("chained"), report->chained},
                    {QStringLiteral("head_seq"), report->headSeq},
                    {QStringLiteral("head_hash"), report->headHash},
                    {QStringLiteral("unchained"), report->unchained},
                    {QStringLiteral("unchained_ids"), unchained}};
    if (report->firstBreak) {
        const auditchain::ChainBreak &b = *report->firstBreak;
        QJsonObject bad{{QStringLiteral("seq"), b.seq},
                        {QStringLiteral("problem"), auditchain::kindName(b.kind)},
                        {QStringLiteral("message"), b.message}};
        bad.insert(QStringLiteral("audit_id"), b.auditId ? QJsonValue(*b.auditId) : QJsonValue());
        out.insert(QStringLiteral("first_bad"), bad);
    }
    if (report->unchained > 0)
        ctx.warn(QStringLiteral("%1 audit rows are not chained yet (first id %2): another system wrote them directly; "
                                "no hash protects them until Atalaya chains them (docs/DATA.md)")
                     .arg(report->unchained)
                     .arg(report->firstUnchained.value(0)));
    if (const int printed = ctx.print(out); printed != 0)
        return printed;
    if (!report->firstBreak)
        return 0;
    return ctx.fail(makeError(ErrorCode::GateFailed,
                              QStringLiteral("the audit log was changed behind its triggers: %1; compare with a "
                                             "backup or an earlier `audit export`")
                                  .arg(report->firstBreak->message)));
}

// --from/--to: an ISO 8601 time, or a date (--from: its first instant, --to: the whole day).
Result<QDateTime> timeOption(CliContext &ctx, const QString &name, bool endOfDay)
{
    const QString text = ctx.parser().value(name).trimmed();
    if (text.isEmpty())
        return QDateTime();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), Qt::UTC);
    const QDateTime time = parseIsoUtc(text);
    if (!time.isValid())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("--%1 is '%2'; expected a date (2026-11-01) or an ISO 8601 time "
                                        "(2026-11-01T12:00:00Z)")
                             .arg(name, text));
    return time;
}

int runExport(CliContext &ctx, const std::shared_ptr<Database> &db, const AuditFilter &filter)
{
    const QString out = ctx.parser().value(QStringLiteral("out"));
    auto rows = writeAuditCsv(db, filter, out);
    if (!rows)
        return ctx.fail(rows.error());
    QJsonObject json{{QStringLiteral("format"), QStringLiteral("csv")},
                     {QStringLiteral("out"), QFileInfo(out).absoluteFilePath()},
                     {QStringLiteral("rows"), *rows}};
    json.insert(QStringLiteral("from"), filter.from.isValid() ? QJsonValue(toIsoUtc(filter.from)) : QJsonValue());
    json.insert(QStringLiteral("to"), filter.to.isValid() ? QJsonValue(toIsoUtc(filter.to)) : QJsonValue());
    return ctx.print(json);
}

int runAudit(CliContext &ctx)
{
    ctx.parser().addOption({QStringLiteral("from"), QStringLiteral("export: first day or time (UTC)."),
                            QStringLiteral("time")});
    ctx.parser().addOption({QStringLiteral("to"), QStringLiteral("export: last day (inclusive) or end time (UTC)."),
                            QStringLiteral("time")});
    ctx.parser().addOption({QStringLiteral("out"), QStringLiteral("export: the CSV file."), QStringLiteral("file")});
    ctx.parser().addOption({QStringLiteral("reviewer"), QStringLiteral("export: one reviewer's rows."),
                            QStringLiteral("name")});
    ctx.parser().addOption({QStringLiteral("agent"), QStringLiteral("export: one agent's decisions."),
                            QStringLiteral("id")});
    if (!ctx.parse(QStringLiteral("The feedback audit log: check its hash chain, or export it for a compliance "
                                  "review (DATA.md)."),
                   QStringLiteral("verify|export")))
        return ctx.exitCode();
    const QStringList args = ctx.positional();
    if (args.size() != 1 || (args[0] != QLatin1String("verify") && args[0] != QLatin1String("export")))
        return ctx.usageError(
            QStringLiteral("expected `audit verify` or `audit export --from DATE --to DATE --out FILE`"));
    const bool exporting = args[0] == QLatin1String("export");
    AuditFilter filter;
    if (exporting) {
        if (ctx.parser().value(QStringLiteral("out")).isEmpty())
            return ctx.usageError(QStringLiteral("--out FILE is required"));
        auto from = timeOption(ctx, QStringLiteral("from"), false);
        if (!from)
            return ctx.fail(from.error());
        auto to = timeOption(ctx, QStringLiteral("to"), true);
        if (!to)
            return ctx.fail(to.error());
        if (from->isValid() && to->isValid() && *to <= *from)
            return ctx.usageError(QStringLiteral("--to must be after --from"));
        filter.from = *from;
        filter.to = *to;
        filter.reviewer = ctx.parser().value(QStringLiteral("reviewer"));
        filter.agentId = ctx.parser().value(QStringLiteral("agent"));
    }
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    return exporting ? runExport(ctx, *db, filter) : runVerify(ctx, *db);
}

}  // namespace

ATALAYA_CLI_COMMAND(audit, "audit", "Check the audit log's hash chain, or export it as CSV", runAudit);

}  // namespace atalaya::cli
