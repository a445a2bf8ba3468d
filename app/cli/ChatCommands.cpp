#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"

#include "core/chat/ChatDemoServer.h"
#include "core/chat/ChatHistory.h"
#include "core/chat/ChatWatch.h"
#include "core/session/ConnectionResolver.h"
#include "core/storage/Database.h"

#include <QEventLoop>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>

namespace atalaya::cli {
namespace {

QString trimmedSecret(QString s)
{
    while (s.endsWith(QLatin1Char('\n')) || s.endsWith(QLatin1Char('\r')))
        s.chop(1);
    return s;
}

Result<double> secondsOption(CliContext &ctx, const QString &name)
{
    return ctx.doubleOption(name, -1.0, 0.1, 31 * 86400.0);
}

int runWatch(CliContext &ctx)
{
    const QStringList args = ctx.positional();
    if (args.size() != 1)
        return ctx.usageError(QStringLiteral("`chat watch` takes no further arguments"));
    const QString urlText = ConnectionResolver::chatFeedUrl(ctx.parser().value(QStringLiteral("url")), QString());
    if (urlText.isEmpty())
        return ctx.usageError(QStringLiteral("--url ws[s]://HOST/PATH is required (or set ATALAYA_CHAT_URL)"));
    ChatWatchOptions options;
    options.feed.url = QUrl(urlText, QUrl::StrictMode);
    options.feed.allowInsecureRemote = ctx.parser().isSet(QStringLiteral("allow-insecure"));
    auto window = ctx.intOption(QStringLiteral("window"), 300, 1, 86400);
    auto maxMessage = ctx.intOption(QStringLiteral("max-message-bytes"), static_cast<int>(kDefaultMaxMessageBytes),
                                    1024, 256 * 1024 * 1024);
    if (!maxMessage)
        return ctx.fail(maxMessage.error());
    options.feed.maxMessageBytes = *maxMessage;
    auto idle = secondsOption(ctx, QStringLiteral("until-idle"));
    auto maxSeconds = secondsOption(ctx, QStringLiteral("max-seconds"));
    for (const auto *r : {&idle, &maxSeconds})
        if (!*r)
            return ctx.fail(r->error());
    if (!window)
        return ctx.fail(window.error());
    options.feed.windowSeconds = *window;
    options.untilIdleSeconds = *idle;
    options.maxSeconds = *maxSeconds;
    if (auto valid = validateChatFeedUrl(options.feed.url, options.feed.allowInsecureRemote); !valid)
        return ctx.fail(valid.error());
    std::optional<QString> stdinToken;
    if (ctx.parser().isSet(QStringLiteral("token-stdin")))
        stdinToken = trimmedSecret(QString::fromUtf8(readAllStdin()));
    options.feed.token = ConnectionResolver().chatToken(options.feed.url, stdinToken);

    ChatWatch watch(options);
    // Ctrl-C prints the metrics instead of losing them.
    static int sigPipe[2] = {-1, -1};
    if (::pipe(sigPipe) == 0) {
        std::signal(SIGINT, [](int) { [[maybe_unused]] auto n = ::write(sigPipe[1], "x", 1); });
        std::signal(SIGTERM, [](int) { [[maybe_unused]] auto n = ::write(sigPipe[1], "x", 1); });
        auto *sigNotifier = new QSocketNotifier(sigPipe[0], QSocketNotifier::Read, &watch);
        QObject::connect(sigNotifier, &QSocketNotifier::activated, &watch, &ChatWatch::stop);
    }
    const ChatWatchResult result = watch.run();
    ctx.print(result.metrics);
    if (const int code = result.exitCode(); code != 0)
        return ctx.fail(makeError(static_cast<ErrorCode>(code),
                                  QStringLiteral("chat feed %1 unreachable: %2")
                                      .arg(options.feed.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), result.reason)));
    return 0;
}

int runServeDemo(CliContext &ctx)
{
    auto port = ctx.intOption(QStringLiteral("port"), 0, 0, 65535);
    auto rate = ctx.doubleOption(QStringLiteral("rate"), 4.0, 0.01, 1e6);
    auto batch = ctx.intOption(QStringLiteral("batch"), 1, 1, 10000);
    auto maxEvents = ctx.intOption(QStringLiteral("max-events"), -1, -1, 2000000000);
    auto seed = ctx.intOption(QStringLiteral("seed"), 42, 0, 2147483647);
    if (!port)
        return ctx.fail(port.error());
    if (!rate)
        return ctx.fail(rate.error());
    if (!batch)
        return ctx.fail(batch.error());
    if (!maxEvents)
        return ctx.fail(maxEvents.error());
    if (!seed)
        return ctx.fail(seed.error());
    ChatDemoServerOptions options;
    options.port = static_cast<quint16>(*port);
    options.eventsPerSecond = *rate;
    options.batch = *batch;
    options.maxEvents = *maxEvents;
    options.seed = static_cast<quint32>(*seed);
    if (ctx.parser().isSet(QStringLiteral("token-stdin")))
        options.token = trimmedSecret(QString::fromUtf8(readAllStdin()));
    if (!ctx.parser().isSet(QStringLiteral("no-db"))) {
        // Answers point at real decisions of the demo database when there is one, so the
        // "open decision" jump has somewhere to go. Optional: no database, no links.
        if (auto db = ctx.database(); db) {
            if (auto ids = chatTelemetryIds(**db, 500); ids)
                options.telemetryIds = *ids;
        }
    }
    ChatDemoServer server(options);
    if (auto listening = server.listen(); !listening)
        return ctx.fail(listening.error());
    ctx.print({{QStringLiteral("url"), server.url()},
               {QStringLiteral("port"), server.port()},
               {QStringLiteral("events_per_second"), options.eventsPerSecond},
               {QStringLiteral("telemetry_ids"), static_cast<qint64>(options.telemetryIds.size())}});
    QEventLoop loop;
    QObject::connect(&server, &ChatDemoServer::finished, &loop,
                     [&loop] { QTimer::singleShot(200, &loop, &QEventLoop::quit); });
    loop.exec();
    return 0;
}

int runChat(CliContext &ctx)
{
    auto &p = ctx.parser();
    p.addOption({QStringLiteral("url"),
                 QStringLiteral("watch: the chat monitoring WebSocket, ws[s]://HOST/PATH (default $ATALAYA_CHAT_URL)."),
                 QStringLiteral("url")});
    p.addOption(
        {QStringLiteral("token-stdin"),
         QStringLiteral("Read the bearer token from standard input (default: the keychain entry of the URL).")});
    p.addOption({QStringLiteral("window"), QStringLiteral("watch: rolling window in seconds (default 300)."),
                 QStringLiteral("S")});
    p.addOption({QStringLiteral("max-message-bytes"),
                 QStringLiteral("watch: larger messages are dropped and counted as malformed (default 1048576)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("until-idle"), QStringLiteral("watch: exit after S seconds without an event."),
                 QStringLiteral("S")});
    p.addOption(
        {QStringLiteral("max-seconds"), QStringLiteral("watch: exit after S seconds at most."), QStringLiteral("S")});
    p.addOption({QStringLiteral("allow-insecure"),
                 QStringLiteral("watch: allow ws:// (unencrypted) to a host that is not loopback.")});
    p.addOption({QStringLiteral("port"), QStringLiteral("serve-demo: loopback port (default 0 = a free one, printed)."),
                 QStringLiteral("P")});
    p.addOption(
        {QStringLiteral("rate"), QStringLiteral("serve-demo: events per second (default 4)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("batch"), QStringLiteral("serve-demo: events per frame; above 1 sends JSON arrays."),
                 QStringLiteral("N")});
    p.addOption(
        {QStringLiteral("max-events"), QStringLiteral("serve-demo: stop after N events."), QStringLiteral("N")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("serve-demo: random seed (default 42)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("no-db"), QStringLiteral("serve-demo: do not read telemetry ids from the database.")});
    if (!ctx.parse(QStringLiteral("Watch the live chat monitoring feed, or play a demo feed on loopback."),
                   QStringLiteral("watch|serve-demo")))
        return ctx.exitCode();
    const QStringList args = ctx.positional();
    if (args.value(0) == QLatin1String("watch"))
        return runWatch(ctx);
    if (args.value(0) == QLatin1String("serve-demo"))
        return runServeDemo(ctx);
    return ctx.usageError(QStringLiteral("expected `chat watch` or `chat serve-demo`, got '%1'").arg(args.value(0)));
}

}  // namespace

ATALAYA_CLI_COMMAND(chat, "chat", "Watch the live chat feed (watch) or play a demo feed (serve-demo)", runChat);

}  // namespace atalaya::cli
