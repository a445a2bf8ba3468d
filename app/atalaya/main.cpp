#include "ui/shell/Language.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/ScreenshotRunner.h"
#include "ui/shell/SessionPanel.h"
#include "ui/common/Theme.h"
#include "ui/common/Page.h"

#include "core/logging/JsonLogSink.h"
#include "core/session/ConnectionResolver.h"
#include "core/settings/Settings.h"
#include "core/stats/StatsJson.h"
#include "core/stats/StatsService.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QTextStream>

using namespace atalaya;

namespace {

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
        || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

QtMessageHandler g_defaultHandler = nullptr;

// Without a display (a root shell on a server, CI) the offscreen platform warns on every top-level
// resize that it cannot pass size hints to a window manager, and Qt that the session has no
// runtime directory: neither matters when nobody sees a window, and both drowned the lines that
// say what was rendered.
void offscreenHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg
        && (message == QLatin1String("This plugin does not support propagateSizeHints()")
            || message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set"))))
        return;
    g_defaultHandler(type, context, message);
}

}  // namespace

int main(int argc, char *argv[])
{
    const bool headless = !hasDisplay();
    if (headless) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        g_defaultHandler = qInstallMessageHandler(offscreenHandler);
    }
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("atalaya.*.info=false"));
    QApplication::setOrganizationName(QStringLiteral("Atalaya"));
    QApplication::setApplicationName(QStringLiteral("atalaya"));
    QApplication::setApplicationDisplayName(QStringLiteral("Atalaya"));
    QApplication::setApplicationVersion(QStringLiteral(ATALAYA_VERSION));
    // Ties the windows to the installed io.github.atalaya.atalaya.desktop (taskbar icon and name).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.atalaya.atalaya"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/atalaya.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Atalaya — observability for AI agents in production"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("Database URL (default: $ATALAYA_DB, then the embedded SQLite file)."),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("read-db"),
                      QStringLiteral("A replica of the database for reads (default: $ATALAYA_READ_DB, then the "
                                     "saved setting); writes go to --db."),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("lang"), QStringLiteral("Interface language: es or en."), QStringLiteral("lang")});
    parser.addOption({QStringLiteral("theme"),
                      QStringLiteral("Colours: system, light or dark (default: the View → Theme setting)."),
                      QStringLiteral("theme")});
    parser.addOption({QStringLiteral("screenshot"),
                      QStringLiteral("Render the page after its data loaded to FILE.png and exit."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("page"), QStringLiteral("Page to show or render."), QStringLiteral("page")});
    parser.addOption({QStringLiteral("size"), QStringLiteral("Window size WxH for --screenshot (default 1400x900)."),
                      QStringLiteral("WxH")});
    parser.addOption({QStringLiteral("out-dir"), QStringLiteral("Without a display: where the page PNGs go."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("log-json"), QStringLiteral("Append structured JSON log lines to FILE."),
                      QStringLiteral("file")});
    parser.process(app);

    QTextStream err(stderr);
    if (parser.isSet(QStringLiteral("log-json"))) {
        QString error;
        if (!JsonLogSink::install(parser.value(QStringLiteral("log-json")), &error)) {
            err << "error: " << error << '\n';
            return 2;
        }
    }
    Settings settings;
    const QString theme = parser.value(QStringLiteral("theme"));
    if (!theme.isEmpty() && theme != QLatin1String("system") && theme != QLatin1String("light")
        && theme != QLatin1String("dark")) {
        err << "error: --theme is '" << theme << "'; allowed: system, light, dark\n";
        return 2;
    }
    applyTheme(parser.isSet(QStringLiteral("theme")) ? theme : settings.theme());
    Language language;
    language.apply(parser.isSet(QStringLiteral("lang")) ? parser.value(QStringLiteral("lang")) : settings.language());

    ConnectionRequest request;
    request.urlFlag = parser.value(QStringLiteral("db"));
    request.savedUrl = settings.databaseUrl();
    request.readUrlFlag = parser.value(QStringLiteral("read-db"));
    request.savedReadUrl = settings.readDatabaseUrl();
    request.askPasswordEachStart = settings.askPasswordEachStart();
    auto connection = ConnectionResolver().resolve(request);
    if (!connection) {
        err << "error: " << connection.error().message << '\n';
        return 2;
    }
    for (const QString &warning : std::as_const(connection->warnings))
        err << "warning: " << warning << '\n';
    const bool rendering = parser.isSet(QStringLiteral("screenshot")) || headless;
    // Showing each page to render it would save it as the last page (and any other change the
    // run makes): the user's next real start must open as they left it.
    if (rendering)
        settings.keepChangesInMemory();
    // Nobody can answer a password prompt while rendering: a server that needs one says so.
    if (rendering && connection->source == PasswordSource::Ask)
        connection->source = PasswordSource::None;

    AppContext context{nullptr, &settings};
    MainWindow window(context, &language);
    // The window starts at once; the database opens behind it and the pages load when it is
    // ready, or say why it is not and offer Retry.
    QObject::connect(&window, &MainWindow::sessionLimited, &app, [&](const QString &refusedStep) {
        err << "warning: reading only, with the figures computed from the raw rows: " << refusedStep << '\n';
        err.flush();
    });
    QObject::connect(&window, &MainWindow::sessionSettled, &app, [&](bool ok) {
        if (!ok) {
            err << "error: " << window.sessionPanel()->failure() << '\n';
            err.flush();
        }
    });
    if (!rendering)
        window.restoreFromSettings();
    const QStringList size = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
    if (rendering || parser.isSet(QStringLiteral("size")))
        window.resize(size.size() == 2 ? size[0].toInt() : 1400, size.size() == 2 ? size[1].toInt() : 900);

    QList<ScreenshotRunner::Job> jobs;
    const QString page = parser.value(QStringLiteral("page"));
    if (parser.isSet(QStringLiteral("screenshot"))) {
        jobs.append({page.isEmpty() ? QStringLiteral("overview") : page, parser.value(QStringLiteral("screenshot"))});
    } else if (headless) {
        const QString dir = parser.isSet(QStringLiteral("out-dir"))
            ? parser.value(QStringLiteral("out-dir"))
            : QDir::current().filePath(QStringLiteral("atalaya-pages"));
        QDir().mkpath(dir);
        err << QCoreApplication::translate("main", "no display found: rendering every page to %1 and printing "
                                                   "the overview JSON")
                   .arg(dir)
            << '\n';
        err.flush();
        for (const QString &id : window.pageIds())
            jobs.append({id, QDir(dir).filePath(id + QStringLiteral(".png"))});
    }
    window.show();
    window.startSession(*connection);
    if (jobs.isEmpty()) {
        if (!page.isEmpty() && !window.showPage(page)) {
            err << "error: unknown page '" << page << "'\n";
            return 2;
        }
        if (page.isEmpty() && !window.showPage(settings.lastPage()))
            window.showPage(QStringLiteral("overview"));
        return app.exec();
    }
    ScreenshotRunner runner(&window, jobs);
    QObject::connect(&runner, &ScreenshotRunner::message, &app, [&err](const QString &text) {
        err << text << '\n';
        err.flush();
    });
    QObject::connect(&runner, &ScreenshotRunner::finished, &app, [&](int code) {
        if (headless && !parser.isSet(QStringLiteral("screenshot"))) {
            const auto database = window.database();
            auto snap = database ? StatsService(database).snapshot(*StatsQuery::lastDays(30))
                                 : Result<StatsSnapshot>(makeError(ErrorCode::Unavailable, QString()));
            if (snap)
                QTextStream(stdout) << QJsonDocument(statsJson(*snap)).toJson(QJsonDocument::Indented);
        }
        app.exit(code);
    });
    // Pages are rendered once the session settled: with their data, or with why there is none.
    QObject::connect(
        &window, &MainWindow::sessionSettled, &runner, [&runner] { runner.start(); }, Qt::SingleShotConnection);
    return app.exec();
}
