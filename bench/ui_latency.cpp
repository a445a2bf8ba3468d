// Event-loop latency probe for the dashboard (issue targets: cold start to a painted
// Overview ≤ 1.5 s on the 20 k demo DB, page switch ≤ 100 ms, no UI stall > 50 ms, PDF ≤ 3 s).
// Usage: bench_ui_latency [--db URL]  (default: a fresh SQLite file with the 20 k demo)
#include "ui/shell/MainWindow.h"
#include "core/dashboard/DashboardData.h"
#include "core/setup/DemoLoader.h"
#include "ui/common/Page.h"
#include "ui/reports/PdfExportJob.h"
#include "ui/reports/ReportBuilder.h"
#include "core/settings/Settings.h"
#include "core/storage/Database.h"
#include "core/storage/DbUrl.h"
#include "core/setup/SchemaInstaller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <ctime>

using namespace atalaya;

namespace {

// CPU time of this process (all threads) or of the calling thread.
double cpuMs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
double processCpuMs()
{
    return cpuMs(CLOCK_PROCESS_CPUTIME_ID);
}
double threadCpuMs()
{
    return cpuMs(CLOCK_THREAD_CPUTIME_ID);
}

// Ticks every 2 ms; the largest gap beyond that is the longest time the UI thread was busy.
// On a loaded machine a gap also holds time the thread waited for a core, so the probe
// also reports the UI thread's own CPU time in its longest gaps (load-independent).
class StallProbe : public QObject {
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(2);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double cpu = threadCpuMs();
            if (m_last > 0) {
                m_max = std::max(m_max, (now - m_last) / 1e6 - 2.0);
                m_maxCpu = std::max(m_maxCpu, cpu - m_lastCpu);
            }
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_max = 0;
        m_maxCpu = 0;
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        return m_max;
    }
    // CPU time of the UI thread in its busiest gap between two ticks, after stop().
    double maxCpu() const { return m_maxCpu; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_lastCpu = 0;
    double m_max = 0;
    double m_maxCpu = 0;
};

// Lets the event loop run for a while: the repaint of freshly shown data happens after
// loadFinished, and the probe must see it.
void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool waitLoaded(Page *page, int timeoutMs = 30000)
{
    QEventLoop loop;
    bool ok = false;
    auto c = QObject::connect(page, &Page::loadFinished, &loop, [&](bool success, const QString &) {
        ok = success;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(c);
    return ok;
}

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

}  // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer processClock;
    processClock.start();
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream err(stderr);
    QString urlText;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--db")); i >= 0 && i + 1 < args.size())
        urlText = args[i + 1];
    QTemporaryDir dir;
    if (urlText.isEmpty()) {
        urlText = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("demo.db"));
        auto url = DbUrl::parse(urlText);
        auto db = Database::open(*url, QString());
        if (!db || !initialize(**db) || !loadDemoData(*db, DemoOptions{})) {
            err << "error: cannot create the demo database\n";
            return 1;
        }
    }
    auto url = DbUrl::parse(urlText);
    if (!url) {
        err << "error: " << url.error().message << '\n';
        return 2;
    }

    // Cold start: open, build the window, show the Overview with its data painted.
    QElapsedTimer cold;
    cold.start();
    const double coldCpuStart = processCpuMs();
    StallProbe probe;
    probe.start();
    auto db = Database::open(*url, qEnvironmentVariable("ATALAYA_DB_PASSWORD"));
    if (!db) {
        err << "error: " << db.error().message << '\n';
        return 4;
    }
    Settings settings(dir.filePath(QStringLiteral("bench.ini")));
    settings.setAutoRefresh(false);
    MainWindow window(AppContext{*db, &settings});
    window.resize(1400, 900);
    window.show();
    Page *overview = window.page(QStringLiteral("overview"));
    window.showPage(QStringLiteral("overview"));
    const bool overviewOk = waitLoaded(overview);
    window.grab();  // forces a full paint of the loaded page
    const double coldMs = cold.nsecsElapsed() / 1e6;
    // All threads' CPU time for the cold start: with a core each, the wall time cannot drop
    // below (this / cores); on a loaded machine the wall time says more about the load.
    const double coldCpuMs = processCpuMs() - coldCpuStart;
    const double coldStall = probe.stop();
    const double coldStallCpu = probe.maxCpu();
    const double sinceProcessStart = processClock.nsecsElapsed() / 1e6;

    // Page switches: the synchronous cost on the UI thread, then until the data is on screen.
    // Round 0 is the first visit (views and charts created), round 1 a revisit (reload).
    QJsonObject perPage;
    double worstSwitch = 0;
    double worstStall = coldStall;
    double worstStallCpu = coldStallCpu;
    for (int round = 0; round < 2; ++round) {
        for (const QString &id : window.pageIds()) {
            probe.start();
            QElapsedTimer t;
            t.start();
            Page *p = window.page(id);
            window.showPage(id);
            const double switchMs = t.nsecsElapsed() / 1e6;
            const bool ok = waitLoaded(p);
            const double loadedMs = t.nsecsElapsed() / 1e6;
            settle(300);
            const double stall = probe.stop();
            worstSwitch = std::max(worstSwitch, switchMs);
            worstStall = std::max(worstStall, stall);
            worstStallCpu = std::max(worstStallCpu, probe.maxCpu());
            QJsonObject entry = perPage.value(id).toObject();
            const QString visit = round == 0 ? QStringLiteral("first_") : QStringLiteral("revisit_");
            entry[QStringLiteral("ok")] = ok && entry.value(QStringLiteral("ok")).toBool(true);
            entry[visit + QStringLiteral("switch_ms")] = round1(switchMs);
            entry[visit + QStringLiteral("data_on_screen_ms")] = round1(loadedMs);
            entry[visit + QStringLiteral("max_ui_stall_ms")] = round1(stall);
            entry[visit + QStringLiteral("max_ui_stall_cpu_ms")] = round1(probe.maxCpu());
            perPage[id] = entry;
        }
    }

    // The PDF as the CLI builds it (one synchronous call), then through File → Export PDF's
    // job: data on a worker, one report block per event-loop turn, with the probe running.
    QElapsedTimer pdfClock;
    pdfClock.start();
    const double pdfCpuStart = processCpuMs();
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    auto data = loadReport(*db, *StatsQuery::lastDays(30));
    const bool pdfOk = data && writePdfReport(*data, pdf).ok();
    const double pdfMs = pdfClock.nsecsElapsed() / 1e6;
    const double pdfCpuMs = processCpuMs() - pdfCpuStart;

    probe.start();
    pdfClock.restart();
    bool guiPdfOk = false;
    {
        QEventLoop loop;
        auto *job = new PdfExportJob(*db, *StatsQuery::lastDays(30), dir.filePath(QStringLiteral("gui.pdf")), &window);
        QObject::connect(job, &PdfExportJob::finished, &loop, [&](bool ok, const QString &) {
            guiPdfOk = ok;
            loop.quit();
        });
        job->start();
        loop.exec();
    }
    const double guiPdfMs = pdfClock.nsecsElapsed() / 1e6;
    const double guiPdfStall = probe.stop();
    const double guiPdfStallCpu = probe.maxCpu();

    const QJsonObject out{
        {QStringLiteral("database"), url->describe()},
        {QStringLiteral("overview_loaded"), overviewOk},
        {QStringLiteral("cold_start_to_painted_overview_ms"), round1(coldMs)},
        {QStringLiteral("cold_start_cpu_ms_all_threads"), round1(coldCpuMs)},
        {QStringLiteral("process_start_to_painted_overview_ms"), round1(sinceProcessStart)},
        {QStringLiteral("cold_start_max_ui_stall_ms"), round1(coldStall)},
        {QStringLiteral("cold_start_max_ui_stall_cpu_ms"), round1(coldStallCpu)},
        {QStringLiteral("max_page_switch_ms"), round1(worstSwitch)},
        {QStringLiteral("max_ui_stall_ms"), round1(worstStall)},
        {QStringLiteral("max_ui_stall_cpu_ms"), round1(worstStallCpu)},
        {QStringLiteral("pages"), perPage},
        {QStringLiteral("pdf_ok"), pdfOk},
        {QStringLiteral("pdf_build_ms"), round1(pdfMs)},
        {QStringLiteral("pdf_build_cpu_ms_all_threads"), round1(pdfCpuMs)},
        {QStringLiteral("pdf_bytes"), QFileInfo(pdf).size()},
        {QStringLiteral("gui_pdf_ok"), guiPdfOk},
        {QStringLiteral("gui_pdf_export_ms"), round1(guiPdfMs)},
        {QStringLiteral("gui_pdf_max_ui_stall_ms"), round1(guiPdfStall)},
        {QStringLiteral("gui_pdf_max_ui_stall_cpu_ms"), round1(guiPdfStallCpu)},
        {QStringLiteral("targets"),
         QJsonObject{{QStringLiteral("cold_start_ms"), 1500},
                     {QStringLiteral("page_switch_ms"), 100},
                     {QStringLiteral("ui_stall_ms"), 50},
                     {QStringLiteral("pdf_ms"), 3000}}},
    };
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
    return 0;
}
