// Chat monitor figures (issue 5 "Targets"), printed as JSON:
//   chat_bench watch [--events N] [--rate R --seconds S]
//       `atalaya-cli chat watch` pinned to one core (taskset -c 0) against a loopback
//       server on another thread: events/s sustained (blast), and with --rate the lag
//       behind a paced feed.
//   chat_bench gui [--rate 2000] [--seconds 60]
//       the chat page fed at R events/s: the worst UI-thread stall seen by a 10 ms
//       event-loop probe, the most UI-thread CPU time between two probe ticks (a long gap
//       with little CPU in it is the machine's load, not the page's work), redraws, RSS at start and end, and every minute the RSS, the
//       worst stall of that minute and what the metrics hold (also on stderr as it runs).
#include "bench/thread_cpu.h"
#include "core/chat/ChatDemoServer.h"
#include "core/chat/ChatDemoStream.h"
#include "ui/chat/ChatPage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <cstdio>

using namespace atalaya;

namespace {

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void print(const QJsonObject &o)
{
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

// Sends pre-serialised frames to the first client: all at once (rate 0) or paced.
class FrameServer : public QObject {
public:
    FrameServer(QStringList frames, double rate) : m_frames(std::move(frames)), m_rate(rate)
    {
        m_server = new QWebSocketServer(QStringLiteral("bench"), QWebSocketServer::NonSecureMode, this);
        connect(m_server, &QWebSocketServer::newConnection, this, [this] {
            m_client = m_server->nextPendingConnection();
            m_started.start();
            m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
            QTimer::singleShot(0, this, [this] { pump(); });
        });
    }
    void listen() { m_server->listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server->serverPort(); }
    qint64 startedAtMs() const { return m_startedAtMs; }
    qint64 finishedAtMs() const { return m_finishedAtMs; }

private:
    void pump()
    {
        const qsizetype due = m_rate > 0
            ? std::min<qsizetype>(m_frames.size(), qsizetype(m_started.elapsed() * m_rate / 1000.0))
            : m_frames.size();
        // Chunks, so the socket gets written between them and memory stays modest.
        const qsizetype end = std::min(due, m_next + 2000);
        for (; m_next < end; ++m_next)
            m_client->sendTextMessage(m_frames[m_next]);
        if (m_next < m_frames.size()) {
            QTimer::singleShot(m_rate > 0 ? 5 : 0, this, [this] { pump(); });
            return;
        }
        m_client->flush();
        m_finishedAtMs = QDateTime::currentMSecsSinceEpoch();
    }

    QWebSocketServer *m_server;
    QWebSocket *m_client = nullptr;
    QStringList m_frames;
    double m_rate;
    qsizetype m_next = 0;
    QElapsedTimer m_started;
    qint64 m_startedAtMs = 0;
    std::atomic<qint64> m_finishedAtMs{0};
};

QJsonObject runWatch(const QString &cli, int events, double rate)
{
    ChatDemoStream stream(7);
    QStringList frames;
    frames.reserve(events);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < events; ++i)
        frames << QString::fromUtf8(QJsonDocument(stream.next(now)).toJson(QJsonDocument::Compact));
    QThread thread;
    auto *server = new FrameServer(frames, rate);
    server->moveToThread(&thread);
    thread.start();
    QMetaObject::invokeMethod(
        server, [server] { server->listen(); }, Qt::BlockingQueuedConnection);
    const double idle = 1.0;
    QStringList args{QStringLiteral("chat"),          QStringLiteral("watch"),
                     QStringLiteral("--url"),         QStringLiteral("ws://127.0.0.1:%1/bench").arg(server->port()),
                     QStringLiteral("--until-idle"),  QString::number(idle),
                     QStringLiteral("--max-seconds"), QStringLiteral("600")};
    QString program = cli;
    const bool pinned = !QStandardPaths::findExecutable(QStringLiteral("taskset")).isEmpty();
    if (pinned) {
        args.prepend(cli);
        args.prepend(QStringLiteral("0"));
        args.prepend(QStringLiteral("-c"));
        program = QStringLiteral("taskset");
    }
    QProcess p;
    p.start(program, args);
    p.waitForFinished(-1);
    const qint64 exitMs = QDateTime::currentMSecsSinceEpoch();
    const QJsonObject out = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const qint64 received = out[QStringLiteral("totals")].toObject()[QStringLiteral("events")].toInteger();
    // The client's last event arrived `idle` seconds before it exited.
    const double busySeconds = (exitMs - server->startedAtMs()) / 1000.0 - idle;
    QJsonObject r{{QStringLiteral("events_sent"), events},
                  {QStringLiteral("events_received"), received},
                  {QStringLiteral("client_pinned_to_one_core"), pinned},
                  {QStringLiteral("seconds"), busySeconds},
                  {QStringLiteral("events_per_second"), busySeconds > 0 ? received / busySeconds : 0.0}};
    if (rate > 0) {
        r.insert(QStringLiteral("paced_rate"), rate);
        r.insert(QStringLiteral("lag_behind_feed_seconds"), (exitMs - server->finishedAtMs()) / 1000.0 - idle);
    }
    thread.quit();
    thread.wait();
    delete server;
    return r;
}

QJsonObject runGui(double rate, int seconds)
{
    ChatDemoServerOptions options;
    options.eventsPerSecond = rate;
    QThread thread;
    auto *server = new ChatDemoServer(options);
    server->moveToThread(&thread);
    thread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
        server, [server, &listening] { listening = server->listen().ok(); }, Qt::BlockingQueuedConnection);
    if (!listening)
        return {{QStringLiteral("error"), QStringLiteral("cannot listen")}};
    qputenv("ATALAYA_CHAT_URL", server->url().toUtf8());

    AppContext context;
    ChatPage page(context);
    page.resize(1400, 900);
    page.show();
    page.refresh();
    qint64 rssStart = -1;
    qint64 maxStallMs = 0;
    qint64 minuteStallMs = 0;
    qint64 stallsOver50 = 0;
    qint64 maxBusyMs = 0;  // the most UI-thread CPU time between two probe ticks
    qint64 minuteBusyMs = 0;
    // A stall during which the UI thread barely ran was the machine's load, not work of the page.
    double lastCpuUs = bench::threadCpuUs();
    QElapsedTimer probeClock;
    probeClock.start();
    qint64 lastProbe = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = probeClock.elapsed();
        const qint64 stall = now - lastProbe - 10;
        lastProbe = now;
        const double cpuUs = bench::threadCpuUs();
        const auto busyMs = static_cast<qint64>((cpuUs - lastCpuUs) / 1000);
        lastCpuUs = cpuUs;
        if (now > 3000) {  // after start-up and the first connection
            if (rssStart < 0)
                rssStart = rssKb();
            maxStallMs = std::max(maxStallMs, stall);
            minuteStallMs = std::max(minuteStallMs, stall);
            maxBusyMs = std::max(maxBusyMs, busyMs);
            minuteBusyMs = std::max(minuteBusyMs, busyMs);
            stallsOver50 += stall > 50;
        }
    });
    probe.start();
    QJsonArray minutes;
    QTimer minute;
    minute.setInterval(60000);
    QObject::connect(&minute, &QTimer::timeout, [&] {
        const ChatPage::Footprint f = page.footprint();
        const QJsonObject m{{QStringLiteral("minute"), minutes.size() + 1},
                            {QStringLiteral("rss_kb"), rssKb()},
                            {QStringLiteral("max_ui_stall_ms"), minuteStallMs},
                            {QStringLiteral("max_ui_busy_ms"), minuteBusyMs},
                            {QStringLiteral("events_sent"), server->sentEvents()},
                            {QStringLiteral("conversations_tracked"), f.conversations},
                            {QStringLiteral("transcript_lines"), f.transcriptLines},
                            {QStringLiteral("table_rows"), f.tableRows}};
        minutes.append(m);
        minuteStallMs = 0;
        minuteBusyMs = 0;
        std::fprintf(stderr, "%s\n", QJsonDocument(m).toJson(QJsonDocument::Compact).constData());
    });
    QTimer::singleShot(3000, &minute, qOverload<>(&QTimer::start));
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000 + 3000, &loop, &QEventLoop::quit);
    loop.exec();
    const qint64 sent = server->sentEvents();
    const qint64 rssEnd = rssKb();
    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    return {{QStringLiteral("rate_events_per_second"), rate},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("events_sent"), sent},
            {QStringLiteral("redraws"), page.redrawCount()},
            {QStringLiteral("max_ui_stall_ms"), maxStallMs},
            {QStringLiteral("ui_stalls_over_50ms"), stallsOver50},
            {QStringLiteral("max_ui_busy_ms"), maxBusyMs},
            {QStringLiteral("rss_kb_start"), rssStart},
            {QStringLiteral("rss_kb_end"), rssEnd},
            {QStringLiteral("per_minute"), minutes}};
}

}  // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("ATALAYA_SECRET_STORE", "memory");
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("atalaya.*.info=false"));
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("watch | gui"));
    parser.addOption(
        {QStringLiteral("events"), QStringLiteral("watch: events to send (default 300000)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("rate"),
                      QStringLiteral("Events per second (watch: paced run; gui: default 2000)."), QStringLiteral("R")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("gui: run time (default 60)."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("cli"), QStringLiteral("Path of atalaya-cli."), QStringLiteral("path")});
    parser.addHelpOption();
    parser.process(app);
    const QString mode = parser.positionalArguments().value(0, QStringLiteral("watch"));
    const QString cli =
        parser.isSet(QStringLiteral("cli")) ? parser.value(QStringLiteral("cli")) : QStringLiteral(ATALAYA_CLI_PATH);
    if (mode == QLatin1String("watch")) {
        const int events = parser.value(QStringLiteral("events")).toInt() > 0
            ? parser.value(QStringLiteral("events")).toInt()
            : 300000;
        QJsonObject r{{QStringLiteral("bench"), QStringLiteral("chat watch")},
                      {QStringLiteral("blast"), runWatch(cli, events, 0)}};
        const double rate = parser.value(QStringLiteral("rate")).toDouble();
        if (rate > 0)
            r.insert(QStringLiteral("paced"), runWatch(cli, events, rate));
        print(r);
        return 0;
    }
    if (mode == QLatin1String("gui")) {
        const double rate = parser.value(QStringLiteral("rate")).toDouble() > 0
            ? parser.value(QStringLiteral("rate")).toDouble()
            : 2000;
        const int seconds =
            parser.value(QStringLiteral("seconds")).toInt() > 0 ? parser.value(QStringLiteral("seconds")).toInt() : 60;
        print({{QStringLiteral("bench"), QStringLiteral("chat page")}, {QStringLiteral("gui"), runGui(rate, seconds)}});
        return 0;
    }
    std::fprintf(stderr, "error: mode must be watch or gui\n");
    return 2;
}
