#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"

#include "core/common/TimeUtil.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/ingest/JsonlIngest.h"
#include "core/telemetry/DecisionValidator.h"

#include <QFile>
#include <QTextStream>

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace atalaya::cli {
namespace {

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
    auto recorded = DecisionRecorder(*db).record(*decision);
    if (!recorded)
        return ctx.fail(recorded.error());
    return ctx.print({{QStringLiteral("id"), recorded->id},
                      {QStringLiteral("agent_id"), recorded->agentId},
                      {QStringLiteral("task_type"), recorded->taskType},
                      {QStringLiteral("confidence_score"), recorded->confidence},
                      {QStringLiteral("created_at"), toIsoUtc(recorded->createdAt)}});
}

// A pipe given by name (a FIFO, `<(command)`) is opened through stdio like stdin: Qt then
// returns what has arrived, where reading it by descriptor waits for a whole block or EOF,
// and a slow producer's rows would only be parsed at its end.
Status openJsonlInput(QFile &input, const QString &path)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        if (!input.open(stdin, QIODevice::ReadOnly))
            return makeError(ErrorCode::Usage,
                             QStringLiteral("cannot read standard input: %1").arg(input.errorString()));
        return {};
    }
    const QByteArray name = QFile::encodeName(path);
    struct stat info { };
    if (::stat(name.constData(), &info) == 0
        && (S_ISFIFO(info.st_mode) || S_ISCHR(info.st_mode) || S_ISSOCK(info.st_mode))) {
        FILE *stream = std::fopen(name.constData(), "rb");
        if (!stream)
            return makeError(
                ErrorCode::Usage,
                QStringLiteral("cannot read %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
        if (!input.open(stream, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
            std::fclose(stream);
            return makeError(ErrorCode::Usage, QStringLiteral("cannot read %1: %2").arg(path, input.errorString()));
        }
        return {};
    }
    input.setFileName(path);
    if (!input.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Usage, QStringLiteral("cannot read %1: %2").arg(path, input.errorString()));
    return {};
}

int recordJsonl(CliContext &ctx, const QString &path)
{
    const bool skipInvalid = ctx.parser().isSet(QStringLiteral("skip-invalid"));
    QFile input;
    if (Status opened = openJsonlInput(input, path); !opened)
        return ctx.fail(opened.error());
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());

    QString rejectsPath = ctx.parser().value(QStringLiteral("rejects"));
    if (rejectsPath.isEmpty())
        rejectsPath = path + QStringLiteral(".rejects");
    QFile rejects(rejectsPath);
    JsonlIngestOptions options;
    options.skipInvalid = skipInvalid;
    // Opened at the first rejected line, so a clean input leaves no file behind; unbuffered, so
    // a failed write is seen here, before the commit.
    options.onRejected = [&](const JsonlRejection &r) -> Status {
        if (!rejects.isOpen() && !rejects.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
            return makeError(ErrorCode::Usage,
                             QStringLiteral("cannot write the rejects file %1: %2; nothing was written")
                                 .arg(rejectsPath, rejects.errorString()));
        if (rejects.write(r.text + '\n') < 0)
            return makeError(ErrorCode::Usage,
                             QStringLiteral("cannot write the rejects file %1: %2; nothing was written")
                                 .arg(rejectsPath, rejects.errorString()));
        return {};
    };
    qint64 reported = 0;
    options.progress = [&reported](qint64 sent) {
        if (sent - reported >= 100000) {
            reported = sent;
            QTextStream(stderr) << "sent " << sent << " decisions (committed together at the end)\n";
        }
    };
    auto report = ingestJsonl(**db, input, options);
    if (!report)
        return ctx.fail(report.error());
    const std::vector<JsonlRejection> &listed = report->firstRejections;
    if (report->rejected > 0 && !skipInvalid) {
        QStringList lines;
        for (const JsonlRejection &r : listed)
            lines << QString::number(r.line);
        return ctx.fail(
            makeError(ErrorCode::Usage,
                      QStringLiteral("%1 invalid line(s), nothing was written; lines %2%3 (line %4: %5); fix them "
                                     "or pass --skip-invalid --rejects FILE")
                          .arg(report->rejected)
                          .arg(lines.join(QLatin1String(", ")),
                               report->rejected > qint64(listed.size()) ? QStringLiteral(", …") : QString())
                          .arg(listed.front().line)
                          .arg(listed.front().message)));
    }
    for (const JsonlRejection &r : listed)
        ctx.warn(QStringLiteral("line %1 rejected: %2").arg(r.line).arg(r.message));
    const BatchReport &written = report->written;
    QJsonObject out{{QStringLiteral("inserted"), written.inserted},
                    {QStringLiteral("rejected"), report->rejected},
                    {QStringLiteral("first_id"), written.inserted ? QJsonValue(written.firstId) : QJsonValue()},
                    {QStringLiteral("last_id"), written.inserted ? QJsonValue(written.lastId) : QJsonValue()}};
    return ctx.print(out);
}

int runRecord(CliContext &ctx)
{
    ctx.parser().addOption(
        {QStringLiteral("file"), QStringLiteral("Read one decision (JSON object) from FILE."), QStringLiteral("file")});
    ctx.parser().addOption({QStringLiteral("jsonl"),
                            QStringLiteral("Read one decision per line from FILE (- for stdin)."),
                            QStringLiteral("file")});
    ctx.parser().addOption({QStringLiteral("skip-invalid"),
                            QStringLiteral("With --jsonl: write the valid lines, send invalid ones to --rejects.")});
    ctx.parser().addOption({QStringLiteral("rejects"),
                            QStringLiteral("Where invalid lines go (default: the input path + .rejects)."),
                            QStringLiteral("file")});
    if (!ctx.parse(QStringLiteral("Record a decision (seed 000 POST /record/ body) or a JSON-lines batch.")))
        return ctx.exitCode();
    if (ctx.parser().isSet(QStringLiteral("jsonl")))
        return recordJsonl(ctx, ctx.parser().value(QStringLiteral("jsonl")));
    if (ctx.parser().isSet(QStringLiteral("skip-invalid")))
        return ctx.usageError(QStringLiteral("--skip-invalid goes with --jsonl"));
    return recordOne(ctx, ctx.parser().value(QStringLiteral("file")));
}

}  // namespace

ATALAYA_CLI_COMMAND(record, "record", "Record one decision or a JSON-lines batch", runRecord);

}  // namespace atalaya::cli
