#include "tests/support/TestDatabases.h"
#include "tests/support/CliRunner.h"

#include "ui/shell/MainWindow.h"
#include "core/setup/DemoLoader.h"
#include "core/settings/Settings.h"
#include "ui/common/FilterBar.h"

#include <QAction>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;

namespace {

// "/Type /Page" objects of a PDF (not the "/Type /Pages" tree node): its page count.
int pageCount(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
    int n = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++n;
    return n;
}

}  // namespace

// File → Export PDF through the real menu action and file dialog (offscreen): the report is
// drawn while the event loop runs, lands in the chosen file with as many pages as the CLI's
// report of the same period, and a file that cannot be written is reported plainly.
class TestExportMenu : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    QAction *exportAction() const
    {
        const auto actions = m_window->findChildren<QAction *>();
        for (QAction *a : actions) {
            if (a->shortcut() == QKeySequence(QKeySequence::Print))
                return a;
        }
        return nullptr;
    }

    // Triggers File → Export PDF and types `file` into the save dialog once it is up.
    void exportTo(const QString &file)
    {
        bool answered = false;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
                poll.stop();
                // The name field, as a user types it (selectFile leaves a focused field alone).
                dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))->setText(file);
                static_cast<QDialog *>(dialog)->accept();  // QFileDialog's own accept() is protected
                answered = true;
            }
        });
        poll.start(20);
        exportAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        DemoOptions options;
        options.decisions = 2000;
        options.days = 20;
        QVERIFY(loadDemoData(m_fresh.db, options).ok());
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings->setAutoRefresh(false);
        m_window = std::make_unique<MainWindow>(AppContext{m_fresh.db, m_settings.get()});
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(exportAction());
    }

    void exportThroughTheMenu()
    {
        const QString file = m_dir.filePath(QStringLiteral("menu-report.pdf"));
        exportTo(file);
        // The PDF replaces the file only when complete, so its appearance means it is done.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(file), 60000);
        QTRY_VERIFY(exportAction()->isEnabled());
        QFile pdf(file);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        const int pages = pageCount(bytes);
        // Title and KPIs, then one page each for accuracy, confidence, and latency with feedback.
        QVERIFY2(pages >= 4, qPrintable(QString::number(pages)));

        // The CLI builds the same report for the same period: same page count.
        const QString cliFile = m_dir.filePath(QStringLiteral("cli-report.pdf"));
        const auto run = test::runCliOn(m_fresh,
                                        {QStringLiteral("export"), QStringLiteral("pdf"), QStringLiteral("--days"),
                                         QString::number(m_window->filter().days), QStringLiteral("--out"), cliFile});
        QCOMPARE(run.exitCode, 0);
        QFile cli(cliFile);
        QVERIFY(cli.open(QIODevice::ReadOnly));
        QCOMPARE(pages, pageCount(cli.readAll()));
    }

    void unwritableFileIsReported()
    {
        // A "folder" that is a regular file: nobody, root included, can create a file in it.
        QFile blocker(m_dir.filePath(QStringLiteral("not-a-folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString file = m_dir.filePath(QStringLiteral("not-a-folder/report.pdf"));
        QString shown;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shown = box->text();
                box->accept();
            }
        });
        poll.start(20);
        exportTo(file);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 20000);
        QVERIFY2(shown.contains(file) && shown.contains(QStringLiteral("Choose a folder")), qPrintable(shown));
        QVERIFY(!QFileInfo::exists(file));
        QVERIFY(exportAction()->isEnabled());
        // The failure is found before any data is read: no progress dialog was left behind.
        QVERIFY(m_window->findChildren<QProgressDialog *>().isEmpty());
    }
};

QTEST_MAIN(TestExportMenu)
#include "tst_export_menu.moc"
