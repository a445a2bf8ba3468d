#include "CliContext.h"
#include "CommandRegistry.h"

#include "common/TimeUtil.h"
#include "telemetry/DecisionValidator.h"
#include "telemetry/TelemetryRepository.h"

#include <QFile>
#include <QTextStream>

namespace atalaya::cli {
namespace {

struct ParsedLines {
    std::vector<DecisionInput> valid;
    std::vector<std::pair<qint64, QString>> errors;  // line number, message
    QList<QByteArray> rejectedLines;
};

ParsedLines parseJsonl(const QByteArray &content)
{
    ParsedLines out;
    qint64 lineNo = 0;
    for (const QByteArray &rawLine : content.split('\n')) {
        ++lineNo;
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        auto decision = validateDecisionJson(line);
        if (decision) {
            out.valid.push_back(std::move(decision).value());
        } else {
            out.errors.emplace_back(lineNo, decision.error().message);
            out.rejectedLines << rawLine;
        }
    }
    return out;
}

Result<QByteArray> readInput(const QString &path)
{
    if (path.isEmpty() || path == QLatin1String("-"))
        return readAllStdin();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Usage, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

int recordOne(CliContext &ctx, const QString &path)
{
    auto content = readInput(path);
    if (!content)
        return ctx.fail(content.error());
    auto decision = validateDecisionJson(*content);
    if (!decision)
        return ctx.fail(decision.error());
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto recorded = TelemetryRepository(*db).record(*decision);
    if (!recorded)
        return ctx.fail(recorded.error());
    return ctx.print({{QStringLiteral("id"), recorded->id},
                      {QStringLiteral("agent_id"), recorded->agentId},
                      {QStringLiteral("task_type"), recorded->taskType},
                      {QStringLiteral("confidence_score"), recorded->confidence},
                      {QStringLiteral("created_at"), toIsoUtc(recorded->createdAt)}});
}

int recordJsonl(CliContext &ctx, const QString &path)
{
    const bool skipInvalid = ctx.parser().isSet(QStringLiteral("skip-invalid"));
    auto content = readInput(path);
    if (!content)
        return ctx.fail(content.error());
    ParsedLines parsed = parseJsonl(*content);
    if (!parsed.errors.empty() && !skipInvalid) {
        QStringList lines;
        for (size_t i = 0; i < parsed.errors.size() && i < 20; ++i)
            lines << QString::number(parsed.errors[i].first);
        return ctx.fail(makeError(
            ErrorCode::Usage,
            QStringLiteral("%1 invalid line(s), nothing was written; lines %2%3 (line %4: %5); fix them "
                           "or pass --skip-invalid --rejects FILE")
                .arg(parsed.errors.size())
                .arg(lines.join(QLatin1String(", ")),
                     parsed.errors.size() > 20 ? QStringLiteral(", …") : QString())
                .arg(parsed.errors.front().first)
                .arg(parsed.errors.front().second)));
    }
    if (!parsed.errors.empty()) {
        QString rejectsPath = ctx.parser().value(QStringLiteral("rejects"));
        if (rejectsPath.isEmpty())
            rejectsPath = path + QStringLiteral(".rejects");
        QFile rejects(rejectsPath);
        if (!rejects.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return ctx.fail(makeError(ErrorCode::Usage, QStringLiteral("cannot write the rejects file %1: %2; nothing was written")
                                                            .arg(rejectsPath, rejects.errorString())));
        for (const QByteArray &line : std::as_const(parsed.rejectedLines))
            rejects.write(line + '\n');
        for (size_t i = 0; i < parsed.errors.size() && i < 20; ++i)
            ctx.warn(QStringLiteral("line %1 rejected: %2").arg(parsed.errors[i].first).arg(parsed.errors[i].second));
    }
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    const qint64 total = static_cast<qint64>(parsed.valid.size());
    auto report = TelemetryRepository(*db).recordBatch(parsed.valid, [total](qint64 done) {
        if (total >= 100000)
            QTextStream(stderr) << "recorded " << done << " of " << total << '\n';
    });
    if (!report)
        return ctx.fail(report.error());
    QJsonObject out{{QStringLiteral("inserted"), report->inserted},
                    {QStringLiteral("rejected"), static_cast<qint64>(parsed.errors.size())},
                    {QStringLiteral("first_id"), report->inserted ? QJsonValue(report->firstId) : QJsonValue()},
                    {QStringLiteral("last_id"), report->inserted ? QJsonValue(report->lastId) : QJsonValue()}};
    return ctx.print(out);
}

int runRecord(CliContext &ctx)
{
    ctx.parser().addOption({QStringLiteral("file"), QStringLiteral("Read one decision (JSON object) from FILE."), QStringLiteral("file")});
    ctx.parser().addOption({QStringLiteral("jsonl"), QStringLiteral("Read one decision per line from FILE (- for stdin)."), QStringLiteral("file")});
    ctx.parser().addOption({QStringLiteral("skip-invalid"), QStringLiteral("With --jsonl: write the valid lines, send invalid ones to --rejects.")});
    ctx.parser().addOption({QStringLiteral("rejects"), QStringLiteral("Where invalid lines go (default: the input path + .rejects)."), QStringLiteral("file")});
    if (!ctx.parse(QStringLiteral("Record a decision (seed 000 POST /record/ body) or a JSON-lines batch.")))
        return ctx.exitCode();
    if (ctx.parser().isSet(QStringLiteral("jsonl")))
        return recordJsonl(ctx, ctx.parser().value(QStringLiteral("jsonl")));
    if (ctx.parser().isSet(QStringLiteral("skip-invalid")))
        return ctx.usageError(QStringLiteral("--skip-invalid goes with --jsonl"));
    return recordOne(ctx, ctx.parser().value(QStringLiteral("file")));
}

} // namespace

ATALAYA_CLI_COMMAND(record, "record", "Record one decision or a JSON-lines batch", runRecord);

} // namespace atalaya::cli
