#include "ui/shell/Language.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/ScreenshotRunner.h"
#include "ui/common/Theme.h"
#include "ui/common/Page.h"

#include "core/logging/JsonLogSink.h"
#include "core/secrets/SecretStore.h"
#include "core/settings/Settings.h"
#include "core/stats/StatsJson.h"
#include "core/stats/StatsService.h"
#include "core/storage/Database.h"
#include "core/storage/DbUrl.h"
#include "core/setup/SchemaInstaller.h"

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

// Password order of CLI.md: $ATALAYA_DB_PASSWORD, then the keychain entry the connection
// dialog saved. Without either, a server that needs one reports it in the page banner.
QString databasePassword(const DbUrl &url)
{
    if (qEnvironmentVariableIsSet("ATALAYA_DB_PASSWORD") || url.backend == Backend::SQLite)
        return qEnvironmentVariable("ATALAYA_DB_PASSWORD");
    if (!url.passwordInUrl.isEmpty())
        return url.passwordInUrl;
    auto saved = SecretStore::system()->read(SecretStore::databaseKey(url.toString()));
    return saved ? *saved : QString();
}

}  // namespace

int main(int argc, char *argv[])
{
    const bool headless = !hasDisplay();
    if (headless)
        qputenv("QT_QPA_PLATFORM", "offscreen");
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

    QString urlText = parser.value(QStringLiteral("db"));
    if (urlText.isEmpty())
        urlText = qEnvironmentVariable("ATALAYA_DB");
    if (urlText.isEmpty())
        urlText = settings.databaseUrl();
    DbUrl url = DbUrl::embeddedDefault();
    if (!urlText.isEmpty()) {
        auto parsed = DbUrl::parse(urlText);
        if (!parsed) {
            err << "error: " << parsed.error().message << '\n';
            return 2;
        }
        url = *parsed;
    }
    // The window starts even when the database is down: the pages say why and offer Retry.
    std::shared_ptr<Database> database;
    auto db = Database::open(url, databasePassword(url));
    if (!db) {
        err << "error: " << db.error().message << '\n';
    } else if (auto init = initialize(**db); !init) {
        err << "error: " << init.error().message << '\n';
    } else {
        database = *db;
    }

    AppContext context{database, &settings};
    MainWindow window(context, &language);
    const bool rendering = parser.isSet(QStringLiteral("screenshot")) || headless;
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
        err << "no display found: rendering every page to " << dir << " and printing the overview JSON\n";
        err.flush();
        for (const QString &id : window.pageIds())
            jobs.append({id, QDir(dir).filePath(id + QStringLiteral(".png"))});
    }
    window.show();
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
            auto snap = database ? StatsService(database).snapshot(*StatsQuery::lastDays(30))
                                 : Result<StatsSnapshot>(makeError(ErrorCode::Unavailable, QString()));
            if (snap)
                QTextStream(stdout) << QJsonDocument(statsJson(*snap)).toJson(QJsonDocument::Indented);
        }
        app.exit(code);
    });
    runner.start();
    return app.exec();
}
