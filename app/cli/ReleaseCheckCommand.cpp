#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"

#include "core/ingest/ReleaseCheckRecorder.h"
#include "core/release/ReleaseCheck.h"
#include "ui/reports/ReleaseCheckPdf.h"
#include "ui/shell/Language.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace atalaya::cli {
namespace {

QStringList agentsOption(const QString &value)
{
    QStringList agents;
    for (const QString &a : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString t = a.trimmed(); !t.isEmpty() && !agents.contains(t))
            agents << t;
    return agents;
}

int runReleaseCheckCommand(CliContext &ctx)
{
    auto &p = ctx.parser();
    p.addOption({QStringLiteral("cycle"), QStringLiteral("The delivery cycle to judge (dora_metrics cycle_id)."),
                 QStringLiteral("id")});
    p.addOption({QStringLiteral("agents"),
                 QStringLiteral("Judge these agents (comma-separated) instead of the ones whose decisions concern "
                                "the cycle or deployment_risk/rollback_decision."),
                 QStringLiteral("a,b")});
    p.addOption({QStringLiteral("days"),
                 QStringLiteral("Window for the agents, their alerts and calibration (default 30)."),
                 QStringLiteral("n")});
    p.addOption({QStringLiteral("pdf"), QStringLiteral("Also write a one-page A4 PDF of the check to FILE."),
                 QStringLiteral("file")});
    p.addOption({QStringLiteral("lang"), QStringLiteral("Language of the reasons and the PDF: es or en."),
                 QStringLiteral("es|en")});
    p.addOption(
        {QStringLiteral("no-record"), QStringLiteral("Do not record the check as a decision in ai_telemetry.")});
    if (!ctx.parse(QStringLiteral("Go / no-go for one delivery cycle (docs/RELEASE_CHECK.md).")))
        return ctx.exitCode();
    ReleaseRequest request;
    request.cycleId = p.value(QStringLiteral("cycle")).trimmed();
    if (request.cycleId.isEmpty())
        return ctx.usageError(QStringLiteral("--cycle ID is required"));
    if (p.isSet(QStringLiteral("agents"))) {
        request.agents = agentsOption(p.value(QStringLiteral("agents")));
        if (request.agents.isEmpty())
            return ctx.usageError(QStringLiteral("--agents lists no agent id; give A,B or leave it out"));
    }
    auto days = ctx.intOption(QStringLiteral("days"), 30, 1, 3650);
    if (!days)
        return ctx.fail(days.error());
    request.windowDays = *days;
    const QString lang = p.value(QStringLiteral("lang"));
    if (!lang.isEmpty() && lang != QLatin1String("es") && lang != QLatin1String("en"))
        return ctx.usageError(QStringLiteral("--lang is '%1'; allowed: es, en").arg(lang));
    request.language = riskLanguageFrom(lang.isEmpty() ? QStringLiteral("en") : lang);
    Language language;
    language.apply(lang.isEmpty() ? QStringLiteral("en") : lang);
    const QString pdf = p.value(QStringLiteral("pdf"));
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    QElapsedTimer timer;
    timer.start();
    auto check = runReleaseCheck(*db, request);
    if (!check)
        return ctx.fail(check.error());
    const double elapsedMs = timer.nsecsElapsed() / 1e6;
    QJsonObject out = releaseCheckJson(*check);
    if (!p.isSet(QStringLiteral("no-record"))) {
        auto recorded = recordReleaseCheck(*db, *check, elapsedMs, QStringLiteral("atalaya-cli"));
        if (!recorded) {
            Error e = recorded.error();
            e.message += QStringLiteral(" (recording the check; use --no-record to only read)");
            return ctx.fail(e);
        }
        out.insert(QStringLiteral("telemetry_id"), *recorded);
    }
    if (!pdf.isEmpty()) {
        if (auto written = writeReleaseCheckPdf(*check, pdf); !written)
            return ctx.fail(written.error());
        out.insert(QStringLiteral("pdf"), QFileInfo(pdf).absoluteFilePath());
    }
    const int printed = ctx.print(out);
    if (printed == 0 && check->verdict == QLatin1String("no_go")) {
        QStringList blockers;
        for (const ReleaseReason &r : check->reasons)
            if (r.status == RuleStatus::NoGo)
                blockers << r.rule;
        return ctx.fail(makeError(ErrorCode::GateFailed,
                                  QStringLiteral("release check of cycle %1 says no_go (%2); see reasons in the output")
                                      .arg(request.cycleId, blockers.join(QStringLiteral(", ")))));
    }
    return printed;
}

}  // namespace

ATALAYA_CLI_COMMAND(releaseCheck, "release-check", "Go / no-go for a delivery cycle", runReleaseCheckCommand);

}  // namespace atalaya::cli
