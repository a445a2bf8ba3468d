#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"
#include "app/cli/RulesOption.h"
#include "app/cli/WindowOptions.h"

#include "ui/shell/Language.h"
#include "core/dashboard/DashboardData.h"
#include "core/reports/CsvExports.h"
#include "ui/reports/ReportBuilder.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace atalaya::cli {
namespace {

Status writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit())
        return makeError(ErrorCode::Usage, QStringLiteral("cannot write --out %1: %2").arg(path, out.errorString()));
    return {};
}

int runCsv(CliContext &ctx, const StatsQuery &query, const QString &out)
{
    const QString what = ctx.parser().value(QStringLiteral("what"));
    static const QStringList kinds = {QStringLiteral("decisions"), QStringLiteral("agents"), QStringLiteral("trends"),
                                      QStringLiteral("queue")};
    if (!kinds.contains(what))
        return ctx.usageError(QStringLiteral("--what is '%1'; allowed: decisions, agents, trends, queue").arg(what));
    auto limit = ctx.intOption(QStringLiteral("limit"), 10000, 1, 10000000);
    if (!limit)
        return ctx.fail(limit.error());
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto rules = activeRules(ctx);
    if (!rules)
        return ctx.fail(rules.error());
    QueueFilter queue;
    queue.agentId = query.agentId;
    queue.limit = *limit;
    const Result<CsvExport> csv = what == kinds[0] ? exportDecisionsCsv(*db, query)
        : what == kinds[1]                         ? exportAgentsCsv(*db, query)
        : what == kinds[2]                         ? exportTrendsCsv(*db, query)
                                                   : exportQueueCsv(*db, *rules, queue);
    if (!csv)
        return ctx.fail(csv.error());
    if (auto w = writeFile(out, csv->data); !w)
        return ctx.fail(w.error());
    return ctx.print(QJsonObject{{QStringLiteral("format"), QStringLiteral("csv")},
                                 {QStringLiteral("what"), what},
                                 {QStringLiteral("rows"), csv->rows},
                                 {QStringLiteral("out"), QFileInfo(out).absoluteFilePath()}});
}

int runPdf(CliContext &ctx, const StatsQuery &query, const QString &out)
{
    const QString lang = ctx.parser().value(QStringLiteral("lang"));
    if (!lang.isEmpty() && lang != QLatin1String("es") && lang != QLatin1String("en"))
        return ctx.usageError(QStringLiteral("--lang is '%1'; allowed: es, en").arg(lang));
    Language language;
    language.apply(lang.isEmpty() ? QStringLiteral("en") : lang);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto data = loadReport(*db, query);
    if (!data)
        return ctx.fail(data.error());
    if (auto written = writePdfReport(*data, out); !written)
        return ctx.fail(written.error());
    return ctx.print(QJsonObject{{QStringLiteral("format"), QStringLiteral("pdf")},
                                 {QStringLiteral("out"), QFileInfo(out).absoluteFilePath()},
                                 {QStringLiteral("bytes"), QFileInfo(out).size()},
                                 {QStringLiteral("period_days"), query.periodDays}});
}

int runExport(CliContext &ctx)
{
    addWindowOptions(ctx, true);
    ctx.parser().addOption({QStringLiteral("out"), QStringLiteral("Output file."), QStringLiteral("file")});
    ctx.parser().addOption(
        {QStringLiteral("what"), QStringLiteral("csv: decisions, agents, trends or queue."), QStringLiteral("table")});
    ctx.parser().addOption(
        {QStringLiteral("lang"), QStringLiteral("pdf: report language, es or en."), QStringLiteral("lang")});
    ctx.parser().addOption({QStringLiteral("limit"),
                            QStringLiteral("csv queue: at most N items, most urgent first (default 10000)."),
                            QStringLiteral("n")});
    if (!ctx.parse(QStringLiteral("CSV tables and the PDF report (docs/DASHBOARD.md)."), QStringLiteral("csv|pdf")))
        return ctx.exitCode();
    const QStringList args = ctx.positional();
    if (args.size() != 1 || (args[0] != QLatin1String("csv") && args[0] != QLatin1String("pdf")))
        return ctx.usageError(QStringLiteral("expected `export csv --what T --out F` or `export pdf --out F`"));
    const QString out = ctx.parser().value(QStringLiteral("out"));
    if (out.isEmpty())
        return ctx.usageError(QStringLiteral("--out FILE is required"));
    auto query = windowFrom(ctx, true);
    if (!query)
        return ctx.fail(query.error());
    return args[0] == QLatin1String("csv") ? runCsv(ctx, *query, out) : runPdf(ctx, *query, out);
}

}  // namespace

ATALAYA_CLI_COMMAND(exportCommand, "export", "CSV tables and the PDF report", runExport);

}  // namespace atalaya::cli
