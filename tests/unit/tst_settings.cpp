#include "core/settings/Settings.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;

// A run that only renders pages keeps its changes in memory: the run sees them, the file
// (the user's next start) does not.
class TestSettings : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static QByteArray bytesOf(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void changesReachTheFile()
    {
        const QString file = m_dir.filePath(QStringLiteral("saved.ini"));
        {
            Settings s(file);
            s.setLastPage(QStringLiteral("queue"));
        }
        {
            Settings s(file);
            QSignalSpy changed(&s, &Settings::changed);
            s.setLastPage(QStringLiteral("audit"));
            QCOMPARE(changed.size(), 1);
        }
        QCOMPARE(Settings(file).lastPage(), QStringLiteral("audit"));
    }

    void changesKeptInMemoryNeverReachTheFile()
    {
        const QString file = m_dir.filePath(QStringLiteral("kept.ini"));
        {
            Settings s(file);
            s.setLastPage(QStringLiteral("queue"));
            s.setFilterDays(7);
        }
        const QByteArray saved = bytesOf(file);
        QVERIFY(!saved.isEmpty());
        {
            Settings s(file);
            s.keepChangesInMemory();
            QSignalSpy changed(&s, &Settings::changed);
            s.setLastPage(QStringLiteral("audit"));
            s.setLastPage(QStringLiteral("audit"));  // no change, no signal
            s.setFilterDays(90);
            s.setChatFeedUrl(QStringLiteral("wss://chat.example/ws"));
            QCOMPARE(changed.size(), 3);
            QCOMPARE(s.lastPage(), QStringLiteral("audit"));
            QCOMPARE(s.filterDays(), 90);
            QCOMPARE(s.chatFeedUrl(), QStringLiteral("wss://chat.example/ws"));
            QCOMPARE(s.autoRefresh(), true);  // what was not changed still reads from the file
        }
        QCOMPARE(bytesOf(file), saved);
        Settings next(file);
        QCOMPARE(next.lastPage(), QStringLiteral("queue"));
        QCOMPARE(next.filterDays(), 7);
        QVERIFY(next.chatFeedUrl().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
