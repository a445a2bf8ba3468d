#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"

#include "core/chat/ChatDemoServer.h"
#include "core/chat/ChatFeedClient.h"
#include "core/chat/ChatHistory.h"
#include "core/secrets/SecretStore.h"
#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QDateTime>
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
    const QString urlText = ctx.parser().isSet(QStringLiteral("url")) ? ctx.parser().value(QStringLiteral("url"))
                                                                      : qEnvironmentVariable("ATALAYA_CHAT_URL");
    if (urlText.isEmpty())
        return ctx.usageError(QStringLiteral("--url ws[s]://HOST/PATH is required (or set ATALAYA_CHAT_URL)"));
    ChatFeedOptions options;
    options.url = QUrl(urlText, QUrl::StrictMode);
    options.allowInsecureRemote = ctx.parser().isSet(QStringLiteral("allow-insecure"));
    auto window = ctx.intOption(QStringLiteral("window"), 300, 1, 86400);
    auto maxMessage = ctx.intOption(QStringLiteral("max-message-bytes"), static_cast<int>(kDefaultMaxMessageBytes),
                                    1024, 256 * 1024 * 1024);
    if (!maxMessage)
        return ctx.fail(maxMessage.error());
    options.maxMessageBytes = *maxMessage;
    auto idle = secondsOption(ctx, QStringLiteral("until-idle"));
    auto maxSeconds = secondsOption(ctx, QStringLiteral("max-seconds"));
    for (const auto *r : {&idle, &maxSeconds})
        if (!*r)
            return ctx.fail(r->error());
    if (!window)
        return ctx.fail(window.error());
    options.windowSeconds = *window;
    if (auto valid = validateChatFeedUrl(options.url, options.allowInsecureRemote); !valid)
        return ctx.fail(valid.error());
    if (ctx.parser().isSet(QStringLiteral("token-stdin"))) {
        options.token = trimmedSecret(QString::fromUtf8(readAllStdin()));
    } else if (auto stored = SecretStore::system()->read(SecretStore::chatTokenKey(options.url.toString())); stored) {
        options.token = *stored;
    }

    ChatFeedClient client;
    QEventLoop loop;
    int exitCode = 0;
    QString failure;
    const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
    auto finish = [&](int code, const QString &why) {
        exitCode = code;
        failure = why;
        loop.quit();
    };
    qint64 connectedMs = 0;
    QObject::connect(
        &client, &ChatFeedClient::stateChanged, &loop, [&](ChatFeedClient::State state, const QString &detail) {
            if (state == ChatFeedClient::State::Connected && connectedMs == 0)
                connectedMs = QDateTime::currentMSecsSinceEpoch();
            // The first attempt failing means the feed is not there: say so, don't wait forever.
            if (state == ChatFeedClient::State::WaitingToReconnect && !client.everConnected())
                finish(static_cast<int>(ErrorCode::Unavailable), detail.section(QStringLiteral("; retrying"), 0, 0));
            else if (state == ChatFeedClient::State::Refused)
                finish(static_cast<int>(client.refusalCode()), detail);
        });
    QTimer poll;
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (*maxSeconds > 0 && now - startedMs >= qint64(*maxSeconds * 1000))
            finish(0, {});
        // Idle counts from the connection, not from the start: a slow handshake is not silence.
        if (*idle > 0 && connectedMs > 0) {
            const qint64 last = client.withMetrics([](ChatMetrics &m) { return m.lastArrivalMs().value_or(0); });
            if (now - std::max(last, connectedMs) >= qint64(*idle * 1000))
                finish(0, {});
        }
    });
    poll.start();
    // Ctrl-C prints the metrics instead of losing them.
    static int sigPipe[2] = {-1, -1};
    QSocketNotifier *sigNotifier = nullptr;
    if (::pipe(sigPipe) == 0) {
        std::signal(SIGINT, [](int) { [[maybe_unused]] auto n = ::write(sigPipe[1], "x", 1); });
        std::signal(SIGTERM, [](int) { [[maybe_unused]] auto n = ::write(sigPipe[1], "x", 1); });
        sigNotifier = new QSocketNotifier(sigPipe[0], QSocketNotifier::Read, &loop);
        QObject::connect(sigNotifier, &QSocketNotifier::activated, &loop, [&] { finish(0, {}); });
    }
    QTimer::singleShot(0, &loop, [&] { client.start(options); });
    loop.exec();

    const bool connected = client.state() == ChatFeedClient::State::Connected;
    QJsonObject json = client.withMetrics([&](ChatMetrics &m) {
        return chatMetricsJson(connected, m.totals(), m.window(QDateTime::currentMSecsSinceEpoch()));
    });
    if (!connected) {
        if (failure.isEmpty())
            failure = client.lastFailure();
        if (failure.isEmpty())
            failure = client.stateDetail().section(QStringLiteral("; retrying"), 0, 0);
        json.insert(QStringLiteral("error"), failure);
        // Disconnected without a single event (refused token, server gone at once): that
        // is a failure to watch, not an empty success.
        if (exitCode == 0 && json[QStringLiteral("totals")][QStringLiteral("events")].toInteger() == 0)
            exitCode = static_cast<int>(ErrorCode::Unavailable);
    }
    client.stop();
    ctx.print(json);
    if (exitCode != 0)
        return ctx.fail(makeError(
            static_cast<ErrorCode>(exitCode),
            QStringLiteral("chat feed %1 unreachable: %2")
                .arg(options.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), failure)));
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
