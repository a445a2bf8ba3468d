#include "tests/support/PageWait.h"
#include "tests/support/TestDatabases.h"

#include "core/chat/ChatHistory.h"
#include "core/common/TimeUtil.h"
#include "core/setup/DemoLoader.h"
#include "core/settings/Settings.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"
#include "ui/chat/ChatHistoryPanel.h"
#include "ui/chat/ChatPage.h"
#include "ui/chat/LiveKpiCard.h"
#include "ui/common/ChartCard.h"
#include "ui/common/Format.h"
#include "ui/common/StatusPanel.h"
#include "ui/review/ReviewQueueModel.h"
#include "ui/review/ReviewQueuePage.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QChart>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QSet>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <pwd.h>
#include <unistd.h>

using namespace atalaya;

// What a new user sees on the first start: a window large enough for the review queue, the
// database named in the title, the reviewer's real name, and a chat page with the period's
// figures before any live event.
class TestFirstStart : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    test::FreshDatabase m_fresh;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    template <typename P> P *showAndWait(const QString &id)
    {
        auto *page = qobject_cast<P *>(m_window->page(id));
        return page && test::showPageLoadsOk(*m_window, id, 30000) ? page : nullptr;
    }

    QString card(ChatPage *page, const char *name) const
    {
        auto *c = page->findChild<LiveKpiCard *>(QLatin1String(name));
        return c ? c->value() : QStringLiteral("<no card %1>").arg(QLatin1String(name));
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        QCoreApplication::setApplicationName(QStringLiteral("tst_first_start-") + test::backendName());
        qunsetenv("ATALAYA_CHAT_URL");
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        DemoOptions demo;
        demo.decisions = 3000;
        demo.days = 20;
        QVERIFY(loadDemoData(m_fresh.db, demo).ok());
        QVERIFY(loadChatDemoHistory(*m_fresh.db, 120, 14, 3).ok());
        // A conversation started at 23:50 the day before the first message, with no message yet.
        auto firstMessage = execQuery(*m_fresh.db, "SELECT MIN(created_at) FROM chat_messages", {}, "read");
        QVERIFY(firstMessage.ok() && firstMessage->next());
        const QDate firstDay = fromDbDateTime(firstMessage->value(0)).date();
        QVERIFY(execStatement(*m_fresh.db,
                              "INSERT INTO chat_conversations (conversation_id, channel, started_at) VALUES (?, ?, ?)",
                              {QStringLiteral("late-night"), QStringLiteral("web"),
                               toDbDateTime(QDateTime(firstDay.addDays(-1), QTime(23, 50), Qt::UTC))},
                              "a conversation without messages"));
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings->setAutoRefresh(false);
        m_window = std::make_unique<MainWindow>(AppContext{m_fresh.db, m_settings.get()});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    // No saved geometry: the window takes its default size on a laptop screen (1366 × 768,
    // see main()), and there the queue's Due column is in view, whole, beside a readable reason.
    void queueIsReadableAtTheDefaultSize()
    {
        QCOMPARE(m_window->size(), MainWindow::defaultSize(m_window->screen()));
        QVERIFY2(m_window->width() >= 1300, qPrintable(QString::number(m_window->width())));
        auto *page = showAndWait<ReviewQueuePage>(QStringLiteral("queue"));
        QVERIFY(page);
        QTableView *table = page->findChild<QTableView *>(QStringLiteral("reviewTable"));
        QVERIFY(table);
        QAbstractItemModel *model = table->model();
        QTRY_VERIFY(model->rowCount() > 0);
        QHeaderView *header = table->horizontalHeader();
        const int due = ReviewQueueModel::DueColumn;
        const int right = header->sectionViewportPosition(due) + header->sectionSize(due);
        QVERIFY2(header->sectionViewportPosition(due) >= 0 && right <= table->viewport()->width(),
                 qPrintable(QStringLiteral("Due ends at %1 of %2").arg(right).arg(table->viewport()->width())));
        const QFontMetrics metrics(table->font());
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString text = model->index(row, due).data().toString();
            QVERIFY2(metrics.horizontalAdvance(text) < header->sectionSize(due), qPrintable(text));
        }
        const int reasonWidth = header->sectionSize(ReviewQueueModel::ReasonColumn);
        QVERIFY2(reasonWidth >= 200, qPrintable(QString::number(reasonWidth)));
        // A reason cut at the column's edge is whole in its tooltip.
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex reason = model->index(row, ReviewQueueModel::ReasonColumn);
            QVERIFY(reason.data(Qt::ToolTipRole).toString().contains(reason.data().toString()));
        }
    }

    // The queue's status line (a refused write with the server's message, a conflict) and the
    // status bar take the width they are given; the full text is in their tooltip.
    void longStatusNeverWidensTheWindow()
    {
        const QSize before = m_window->size();
        QVERIFY(m_window->showPage(QStringLiteral("queue")));
        Page *queue = m_window->page(QStringLiteral("queue"));
        // The page's own load ends by writing its status line: let it end first, or it replaces the
        // message under test.
        QSignalSpy loaded(queue, &Page::loadFinished);
        queue->refresh();
        QVERIFY(loaded.wait(30000));
        auto *status = queue->findChild<QLabel *>(QStringLiteral("reviewStatus"));
        QVERIFY(status);
        const QString message = QStringLiteral("Could not record: ") + QString(3000, QLatin1Char('x'));
        status->setText(message);
        m_window->statusPanel()->setConnection(QString(3000, QLatin1Char('x')), true);
        m_window->statusPanel()->setFeedState(QString(500, QLatin1Char('y')));
        QCoreApplication::processEvents();
        m_window->grab();  // paints the status line at its final width
        QCOMPARE(status->toolTip(), message);
        QCOMPARE(m_window->size(), before);
        QVERIFY2(m_window->minimumSizeHint().width() <= before.width(),
                 qPrintable(QString::number(m_window->minimumSizeHint().width())));
        m_window->setDatabase(m_fresh.db);
    }

    void titleNamesTheDatabaseAndTheTimeZoneIsSaidOnce()
    {
        const DbUrl &url = m_fresh.db->url();
        const QString expected = url.backend == Backend::SQLite
            ? QFileInfo(url.path).fileName()
            : QStringLiteral("%1/%2").arg(url.socket.isEmpty() ? url.host : QStringLiteral("localhost"), url.database);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Atalaya — %1").arg(expected));
        QCOMPARE(m_window->statusPanel()->timeZoneText(), QStringLiteral("Times in UTC"));

        QCOMPARE(fmt::dateTime(QDateTime(QDate(2026, 3, 1), QTime(23, 30), Qt::OffsetFromUTC, -3600)),
                 QStringLiteral("2026-03-02 00:30"));
    }

    void reviewerDefaultsToTheLoginName()
    {
        const QByteArray user = qgetenv("USER");
        for (const char *variable : {"USER", "LOGNAME", "USERNAME"})
            qunsetenv(variable);
        Settings settings(m_dir.filePath(QStringLiteral("reviewer.ini")));
        const passwd *account = getpwuid(geteuid());
        QVERIFY(account);
        QCOMPARE(settings.reviewer(), QString::fromLocal8Bit(account->pw_name));
        QVERIFY(settings.reviewerSetting().isEmpty());
        settings.setReviewer(QStringLiteral("  ana  "));
        QCOMPARE(settings.reviewer(), QStringLiteral("ana"));
        qputenv("USER", "desk-user");
        settings.setReviewer(QString());
        QCOMPARE(settings.reviewer(), QStringLiteral("desk-user"));
        if (user.isEmpty())
            qunsetenv("USER");
        else
            qputenv("USER", user);
    }

    // No live feed configured: the chat page still shows the period from the chat tables.
    void chatPageShowsThePeriodBeforeTheFeed()
    {
        auto *page = showAndWait<ChatPage>(QStringLiteral("chat"));
        QVERIFY(page);
        const Database &db = *m_fresh.db;
        // The demo history lies within the last 14 days: all of it is in the 30-day period.
        QCOMPARE(card(page, "histConversations"),
                 fmt::count(test::scalar(db, "SELECT COUNT(*) FROM chat_conversations")));
        QCOMPARE(card(page, "histMessages"), fmt::count(test::scalar(db, "SELECT COUNT(*) FROM chat_messages")));
        std::vector<qint64> latencies;
        QSet<QDate> days;
        qint64 successes = 0, answers = 0;
        QMap<QString, qint64> intents;
        auto q = execQuery(db, "SELECT role, latency_ms, success, intent, created_at FROM chat_messages", {}, "read");
        QVERIFY(q.ok());
        while (q->next()) {
            days.insert(fromDbDateTime(q->value(4)).date());
            if (q->value(0).toString() != QLatin1String("assistant"))
                continue;
            if (!q->value(1).isNull())
                latencies.push_back(q->value(1).toLongLong());
            if (!q->value(2).isNull()) {
                ++answers;
                successes += q->value(2).toInt() != 0 ? 1 : 0;
            }
            if (!q->value(3).isNull())
                ++intents[q->value(3).toString()];
        }
        QVERIFY(latencies.size() > 20);
        std::sort(latencies.begin(), latencies.end());
        double sum = 0;
        for (qint64 l : latencies)
            sum += double(l);
        QCOMPARE(card(page, "histLatencyAvg"), fmt::ms(std::optional<double>(sum / double(latencies.size()))));
        const size_t rank = (latencies.size() * 95 + 99) / 100;
        QCOMPARE(card(page, "histLatencyP95"), fmt::ms(std::optional<qint64>(latencies[rank - 1])));
        QCOMPARE(card(page, "histSuccess"),
                 fmt::ratioPercent(std::optional<double>(double(successes) / double(answers))));
        QVERIFY(card(page, "histSatisfaction").endsWith(QStringLiteral("★")));

        auto *panel = page->findChild<ChatHistoryPanel *>();
        QVERIFY(panel);
        QVERIFY(!panel->messagesCard()->isEmptyState());
        auto *series = qobject_cast<QLineSeries *>(panel->messagesCard()->chart()->series().value(0));
        QVERIFY(series);
        // One point per day from the first to the last day with a message, each the day's count:
        // no 0 for a day that only had a conversation starting or a rating before or after them,
        // and no point for today, whose count so far would read as a fall.
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const QDate firstDay = *std::min_element(days.cbegin(), days.cend());
        QDate last;
        for (const QDate &d : days) {
            if (d != today && (!last.isValid() || d > last))
                last = d;
        }
        QCOMPARE(series->count(), int(firstDay.daysTo(last) + 1));
        QMap<QDate, qint64> perDay;
        auto counts = execQuery(db, "SELECT created_at FROM chat_messages", {}, "read");
        QVERIFY(counts.ok());
        while (counts->next())
            ++perDay[fromDbDateTime(counts->value(0)).date()];
        for (int i = 0; i < series->count(); ++i) {
            const QDate day = firstDay.addDays(i);
            QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(series->at(i).x()), Qt::UTC).date(), day);
            QCOMPARE(qint64(series->at(i).y()), perDay.value(day));
        }

        qint64 top = 0;
        for (auto it = intents.cbegin(); it != intents.cend(); ++it)
            top = std::max(top, it.value());
        auto *first = page->findChild<QLabel *>(QStringLiteral("intentName0"));
        QVERIFY(first);
        QCOMPARE(intents.value(first->text()), top);
        QCOMPARE(page->findChild<QLabel *>(QStringLiteral("intentCount0"))->text(), QString::number(top));
    }

    void cleanupTestCase() { m_window.reset(); }
};

// A laptop screen instead of the offscreen platform's default 800 × 600, so the default window
// size is tested where it matters.
int main(int argc, char *argv[])
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screen.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(R"({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
    QApplication app(argc, argv);
    TestFirstStart test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_first_start.moc"
