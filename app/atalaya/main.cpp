#include "MainWindow.h"
#include "ScreenshotRunner.h"
#include "pages/Page.h"

#include "logging/JsonLogSink.h"
#include "settings/Settings.h"
#include "stats/StatsJson.h"
#include "stats/StatsService.h"
#include "storage/Database.h"
#include "storage/DbUrl.h"
#include "storage/SchemaInstaller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QJsonDocument>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTranslator>

using namespace atalaya;

namespace {

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
        || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

void installTranslations(QApplication &app, const QString &language)
{
    const QString lang = language.isEmpty() ? QLocale::system().name().left(2) : language;
    auto *qtBase = new QTranslator(&app);
    if (qtBase->load(QStringLiteral("qtbase_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qtBase);
    auto *own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/atalaya_") + lang))
        app.installTranslator(own);
}

} // namespace

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

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Atalaya — observability for AI agents in production"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("db"), QStringLiteral("Database URL (default: $ATALAYA_DB, then the embedded SQLite file)."), QStringLiteral("url")});
    parser.addOption({QStringLiteral("lang"), QStringLiteral("Interface language: es or en."), QStringLiteral("lang")});
    parser.addOption({QStringLiteral("screenshot"), QStringLiteral("Render the page after its data loaded to FILE.png and exit."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("page"), QStringLiteral("Page to show or render."), QStringLiteral("page")});
    parser.addOption({QStringLiteral("size"), QStringLiteral("Window size WxH for --screenshot (default 1400x900)."), QStringLiteral("WxH")});
    parser.addOption({QStringLiteral("out-dir"), QStringLiteral("Without a display: where the page PNGs go."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("log-json"), QStringLiteral("Append structured JSON log lines to FILE."), QStringLiteral("file")});
    parser.process(app);

    QTextStream err(stderr);
    if (parser.isSet(QStringLiteral("log-json"))) {
        QString error;
        if (!JsonLogSink::install(parser.value(QStringLiteral("log-json")), &error)) {
            err << "error: " << error << '\n';
            return 2;
        }
    }
    installTranslations(app, parser.value(QStringLiteral("lang")));

    QString urlText = parser.value(QStringLiteral("db"));
    if (urlText.isEmpty())
        urlText = qEnvironmentVariable("ATALAYA_DB");
    DbUrl url = DbUrl::embeddedDefault();
    if (!urlText.isEmpty()) {
        auto parsed = DbUrl::parse(urlText);
        if (!parsed) {
            err << "error: " << parsed.error().message << '\n';
            return 2;
        }
        url = *parsed;
    }
    auto db = Database::open(url, qEnvironmentVariable("ATALAYA_DB_PASSWORD"));
    if (!db) {
        err << "error: " << db.error().message << '\n';
        return static_cast<int>(db.error().code);
    }
    if (auto init = initialize(**db); !init) {
        err << "error: " << init.error().message << '\n';
        return static_cast<int>(init.error().code);
    }

    Settings settings;
    AppContext context{*db, &settings};
    MainWindow window(context);
    const QStringList size = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
    window.resize(size.size() == 2 ? size[0].toInt() : 1400, size.size() == 2 ? size[1].toInt() : 900);

    QList<ScreenshotRunner::Job> jobs;
    const QString page = parser.value(QStringLiteral("page"));
    if (parser.isSet(QStringLiteral("screenshot"))) {
        jobs.append({page.isEmpty() ? QStringLiteral("overview") : page, parser.value(QStringLiteral("screenshot"))});
    } else if (headless) {
        const QString dir = parser.isSet(QStringLiteral("out-dir")) ? parser.value(QStringLiteral("out-dir"))
                                                                     : QDir::current().filePath(QStringLiteral("atalaya-pages"));
        QDir().mkpath(dir);
        err << "no display found: rendering every page to " << dir << " and printing the overview JSON\n";
        err.flush();
        for (const Page *p : window.pages())
            jobs.append({p->pageId(), QDir(dir).filePath(p->pageId() + QStringLiteral(".png"))});
    }
    window.show();
    if (jobs.isEmpty()) {
        if (!page.isEmpty() && !window.showPage(page)) {
            err << "error: unknown page '" << page << "'\n";
            return 2;
        }
        if (page.isEmpty())
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
            auto snap = StatsService(*db).snapshot(*StatsQuery::lastDays(30));
            if (snap)
                QTextStream(stdout) << QJsonDocument(statsJson(*snap)).toJson(QJsonDocument::Indented);
        }
        app.exit(code);
    });
    runner.start();
    return app.exec();
}
