#include "tests/support/OutboxTestKit.h"
#include "tests/support/TestDatabases.h"

#include "ui/review/ReviewRulesEditor.h"
#include "ui/shell/SettingsDialog.h"
#include "ui/review/ReviewQueueModel.h"
#include "ui/review/ReviewRulesModel.h"
#include "ui/review/ReviewQueuePage.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/queue/QueueCountsStore.h"
#include "ui/review/PriorityCountChips.h"
#include "core/settings/Settings.h"
#include "core/storage/SqlUtil.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;
using test::auditRowsOf;
using test::feedbackOf;

namespace {

// Counts how often a widget was shown and hidden (the rebuild's progress bar).
class VisibilityLog : public QObject {
public:
    explicit VisibilityLog(QWidget *widget) { widget->installEventFilter(this); }
    int shown = 0;
    int hidden = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        shown += event->type() == QEvent::Show ? 1 : 0;
        hidden += event->type() == QEvent::Hide ? 1 : 0;
        return false;
    }
};

}  // namespace

// Drives the review page with the keyboard as a reviewer does and checks the database.
class TestReviewQueuePage : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    QString m_url;
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::vector<qint64> m_ids;  // in queue order

    // The page as the reviewer sees it: its table, and the rows that table shows.
    static QTableView *table(ReviewQueuePage &page)
    {
        return page.findChild<QTableView *>(QStringLiteral("reviewTable"));
    }
    static ReviewQueueModel *rows(ReviewQueuePage &page)
    {
        return qobject_cast<ReviewQueueModel *>(table(page)->model());
    }

    qint64 currentId(ReviewQueuePage &page)
    {
        const QModelIndex i = table(page)->currentIndex();
        return i.isValid() ? rows(page)->item(i.row()).id : 0;
    }

    static ReviewRules savedRules(const Settings &settings)
    {
        return ReviewRules::fromSettingsJson(settings.reviewRulesJson());
    }

    static QString statusText(ReviewQueuePage &page)
    {
        QStringList texts;
        for (QLabel *l : page.findChildren<QLabel *>())
            texts << l->text();
        return texts.join(QLatin1Char('|'));
    }

    void select(ReviewQueuePage &page, qint64 id)
    {
        table(page)->selectRow(rows(page)->rowOf(id));
        QCOMPARE(currentId(page), id);
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("tst_review_queue_page-") + test::backendName());
        auto fresh = test::freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        m_db = fresh.db;
        m_url = fresh.url;
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings->setReviewer(QStringLiteral("ana"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Queue order: P0 by age, then P1, then P2.
        const std::vector<std::pair<double, int>> rows = {{0.40, 7200}, {0.55, 600}, {0.60, 300},
                                                          {0.75, 3600}, {0.80, 60},  {0.90, 100}};
        for (const auto &[confidence, age] : rows) {
            DecisionInput d;
            d.agentId = QStringLiteral("gui-agent");
            d.taskType = QStringLiteral("chat_response");
            d.confidence = confidence;
            d.decision = {{QStringLiteral("action"), QStringLiteral("reply")},
                          {QStringLiteral("text"), QStringLiteral("100% %1 sure")}};
            d.metadata = {{QStringLiteral("model_version"), QStringLiteral("v1")}};
            d.executionTimeMs = 42;
            d.createdAt = now.addSecs(-age);
            auto r = DecisionRecorder(m_db).record(d);
            QVERIFY(r.ok());
            m_ids.push_back(r->id);
        }
    }

    // The items paint before the counts: the chips say they are counting until the counts
    // arrive, and only then is the load finished.
    void itemsBeforeCounts()
    {
        ReviewQueuePage page({m_db, m_settings.get()});
        QSignalSpy loaded(&page, &Page::loadFinished);
        QString chipAtFirstPaint;
        int rowsAtFirstPaint = -1;
        connect(&page, &ReviewQueuePage::itemsShown, this, [&] {
            chipAtFirstPaint = page.findChild<QLabel *>(QStringLiteral("countP0"))->text();
            rowsAtFirstPaint = rows(page)->rowCount();
            QCOMPARE(loaded.count(), 0);
        });
        page.refresh();
        QVERIFY(loaded.wait(15000));
        QCOMPARE(rowsAtFirstPaint, 6);
        QVERIFY2(chipAtFirstPaint.contains(QString::fromUtf8("—")), qPrintable(chipAtFirstPaint));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("countP0"))->text().contains(QLatin1String(">3<")));
    }

    void keyboardSession()
    {
        ReviewQueuePage page({m_db, m_settings.get()});
        QAbstractItemModelTester tester(rows(page));
        page.resize(1200, 800);
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(15000));
        QCOMPARE(loaded.first().at(0).toBool(), true);
        QCOMPARE(rows(page)->rowCount(), 6);
        QCOMPARE(currentId(page), m_ids[0]);
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("countP0"))->text().contains(QLatin1String(">3<")), true);

        // 1 on the first item: it leaves at once and the next one is selected.
        QElapsedTimer timer;
        timer.start();
        QTest::keyClick(table(page), Qt::Key_1);
        const qint64 ms = timer.elapsed();
        QVERIFY2(ms < 100, qPrintable(QString::number(ms)));
        QCOMPARE(rows(page)->rowCount(), 5);
        QCOMPARE(currentId(page), m_ids[1]);
        QTRY_COMPARE(feedbackOf(*m_db, m_ids[0]), QStringLiteral("correct"));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("countP0"))->text().contains(QLatin1String(">2<")));

        // Down, then 2: the item below is the one judged.
        QTest::keyClick(table(page), Qt::Key_Down);
        QCOMPARE(currentId(page), m_ids[2]);
        QTest::keyClick(table(page), Qt::Key_2);
        QCOMPARE(currentId(page), m_ids[3]);
        QTest::keyClick(table(page), Qt::Key_3);
        QCOMPARE(currentId(page), m_ids[4]);
        QTRY_COMPARE(feedbackOf(*m_db, m_ids[2]), QStringLiteral("incorrect"));
        QTRY_COMPARE(feedbackOf(*m_db, m_ids[3]), QStringLiteral("partially_correct"));
        QCOMPARE(feedbackOf(*m_db, m_ids[1]), QStringLiteral("<pending>"));

        // Ctrl+Z: the last verdict is undone (audited) and the item comes back selected.
        QTest::keyClick(table(page), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(currentId(page), m_ids[3]);
        QCOMPARE(rows(page)->rowCount(), 4);
        QTRY_COMPARE(feedbackOf(*m_db, m_ids[3]), QStringLiteral("<pending>"));
        QTRY_COMPARE(auditRowsOf(*m_db, m_ids[3]), qint64(2));
        QCOMPARE(auditRowsOf(*m_db, m_ids[2]), qint64(1));

        // A note goes with the next verdict into the audit log.
        QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("reviewNote")), QStringLiteral("looks fine"));
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("verdict1")), Qt::LeftButton);
        QTRY_COMPARE(feedbackOf(*m_db, m_ids[3]), QStringLiteral("correct"));
        auto note = execQuery(
            *m_db,
            QStringLiteral("SELECT note, reviewer FROM atalaya_feedback_audit WHERE telemetry_id = ? ORDER BY id DESC"),
            {m_ids[3]}, QStringLiteral("test read"));
        QVERIFY(note && note->next());
        QCOMPARE(note->value(0).toString(), QStringLiteral("looks fine"));
        QCOMPARE(note->value(1).toString(), QStringLiteral("ana"));
        // The writer has settled that verdict (the status line says so): nothing waits.
        auto *status = page.findChild<QLabel *>(QStringLiteral("reviewStatus"));
        QTRY_COMPARE(status->text(), QStringLiteral("Saved #%1: correct").arg(m_ids[3]));
        QCOMPARE(page.outboxSize(), 0);
    }

    void conflictAsksAndNothingIsSilentlyLost()
    {
        ReviewQueuePage page({m_db, m_settings.get()});
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(15000));
        QStringList asked;
        bool overwrite = false;
        page.setConflictResolver([&](const QString &message) {
            asked << message;
            return overwrite;
        });
        // Another reviewer (a second session) judges both while this page shows them pending.
        for (qint64 id : {m_ids[4], m_ids[5]}) {
            FeedbackRequest theirs;
            theirs.telemetryId = id;
            theirs.value = Feedback::Incorrect;
            theirs.reviewer = QStringLiteral("bruno");
            QVERIFY(FeedbackRepository(m_db).record(theirs).ok());
        }
        select(page, m_ids[4]);
        QSignalSpy settled(&page, &ReviewQueuePage::feedbackSettled);
        QTest::keyClick(table(page), Qt::Key_1);
        QTRY_VERIFY2(asked.size() == 1, qPrintable(statusText(page)));
        QVERIFY2(asked.front().contains(QLatin1String("bruno")) && asked.front().contains(QLatin1String("incorrect")),
                 qPrintable(asked.front()));
        QTRY_COMPARE(settled.size(), 1);
        QCOMPARE(feedbackOf(*m_db, m_ids[4]), QStringLiteral("incorrect"));
        QCOMPARE(auditRowsOf(*m_db, m_ids[4]), qint64(1));

        overwrite = true;
        select(page, m_ids[5]);
        QTest::keyClick(table(page), Qt::Key_1);
        QTRY_COMPARE(feedbackOf(*m_db, m_ids[5]), QStringLiteral("correct"));
        QCOMPARE(asked.size(), 2);
        QCOMPARE(auditRowsOf(*m_db, m_ids[5]), qint64(2));
    }

    // A rule edited in Settings re-prioritises the open page at once, and the counts table is
    // rebuilt for the new rules in the background, with counts exact before and after.
    void rulesEditedInSettingsApplyAtOnce()
    {
        // Pending from here on: m_ids[1] (0.55, P0) and these: 0.72 and 0.78 (P1), 0.90 (P2).
        const QDateTime now = QDateTime::currentDateTimeUtc();
        std::vector<qint64> added;
        for (double confidence : {0.72, 0.78, 0.90}) {
            DecisionInput d;
            d.agentId = QStringLiteral("rules-agent");
            d.taskType = QStringLiteral("chat_response");
            d.confidence = confidence;
            d.decision = {{QStringLiteral("action"), QStringLiteral("reply")}};
            d.executionTimeMs = 7;
            d.createdAt = now.addSecs(-120);
            auto r = DecisionRecorder(m_db).record(d);
            QVERIFY(r.ok());
            added.push_back(r->id);
        }
        ReviewQueuePage page({m_db, m_settings.get()});
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(15000));
        auto *chips = page.findChild<PriorityCountChips *>();
        QCOMPARE(chips->counts().total[0], qint64(1));
        QCOMPARE(chips->counts().total[1], qint64(2));

        SettingsDialog dialog(m_settings.get());
        ReviewRulesModel *rules = dialog.rulesEditor()->model();
        QAbstractItemModelTester tester(rules);
        int below = -1;
        for (int row = 0; row < rules->rowCount(); ++row) {
            if (rules->index(row, ReviewRulesModel::PriorityColumn).data(Qt::EditRole).toInt() == 0
                && rules->index(row, ReviewRulesModel::KindColumn).data(Qt::EditRole).toInt()
                    == static_cast<int>(ReviewRule::Kind::ConfidenceBelow))
                below = row;
        }
        QVERIFY(below >= 0);
        QPushButton *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        const QModelIndex value = rules->index(below, ReviewRulesModel::ValueColumn);
        QVERIFY(rules->setData(value, QStringLiteral("0,8x")));
        QVERIFY(!save->isEnabled());
        const QString problem = dialog.findChild<QLabel *>(QStringLiteral("rulesProblem"))->text();
        QVERIFY2(problem.contains(QLatin1String("0,8x")) && problem.contains(QLatin1String("P0")), qPrintable(problem));
        QVERIFY(rules->setData(value, QStringLiteral("0,80")));  // a decimal comma is fine
        QVERIFY(save->isEnabled());

        QSignalSpy reloaded(&page, &Page::loadFinished);
        VisibilityLog rebuilding(page.findChild<QProgressBar *>(QStringLiteral("rebuildProgress")));
        dialog.accept();
        QVERIFY(reloaded.wait(15000));
        QCOMPARE(chips->counts().total[0], qint64(3));
        QCOMPARE(chips->counts().total[1], qint64(0));
        QCOMPARE(rows(page)->rowCount(), 4);
        for (int row = 0; row < 3; ++row)
            QCOMPARE(rows(page)->item(row).priority, Priority::P0);
        QCOMPARE(rows(page)->item(1).id, added[0]);
        QVERIFY2(rows(page)->item(1).reason.contains(QLatin1String("< 0.80")), qPrintable(rows(page)->item(1).reason));

        // The rebuild ran (its progress bar came and went) and kept the counts table.
        QTRY_COMPARE_WITH_TIMEOUT(rebuilding.hidden, 1, 60000);
        QCOMPARE(rebuilding.shown, 1);
        const ReviewRules edited = savedRules(*m_settings);
        auto installed = queuecounts::installedFor(*m_db, edited);
        QVERIFY(installed && *installed);
        const ReviewQueue queue(m_db, edited);
        auto kept = queue.counts({}, now);
        auto raw = queue.countsFromRows({}, now);
        QVERIFY(kept && raw);
        QVERIFY(kept->total == raw->total);
        QVERIFY(kept->overdue == raw->overdue);
        QTRY_COMPARE(chips->counts().total[0], qint64(3));

        SettingsDialog again(m_settings.get());
        again.rulesEditor()->resetToDefaults();
        QSignalSpy back(&page, &Page::loadFinished);
        again.accept();
        QVERIFY(back.wait(15000));
        QVERIFY(m_settings->reviewRulesJson().isEmpty());
        QCOMPARE(chips->counts().total[0], qint64(1));
        QCOMPARE(rows(page)->item(0).id, m_ids[1]);
        // The rebuild for the default rules: the page waits for it when it closes.
        QTRY_COMPARE_WITH_TIMEOUT(rebuilding.hidden, 2, 60000);
    }

    // Switching the connection (File → Connect): the queue, the counts and the writer follow
    // the new database; a verdict given after the switch lands there, not in the old one.
    void connectionSwitchFollowsTheNewDatabase()
    {
        auto other = test::freshDatabase();
        QVERIFY2(other.db, "no second test database");
        DecisionInput d;
        d.agentId = QStringLiteral("other-agent");
        d.taskType = QStringLiteral("chat_response");
        d.confidence = 0.30;
        d.decision = {{QStringLiteral("action"), QStringLiteral("reply")}};
        d.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        auto recorded = DecisionRecorder(other.db).record(d);
        QVERIFY(recorded.ok());
        const qint64 id = recorded->id;
        const QString oldBefore = feedbackOf(*m_db, id);

        ReviewQueuePage page({m_db, m_settings.get()});
        // A write that went to the old database would meet its review there: no dialog.
        page.setConflictResolver([](const QString &) { return false; });
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(15000));
        QVERIFY(rows(page)->rowCount() > 1);

        loaded.clear();
        page.setContext({other.db, m_settings.get()});
        QVERIFY(loaded.wait(15000));
        QCOMPARE(loaded.last().at(0).toBool(), true);
        QCOMPARE(rows(page)->rowCount(), 1);
        QCOMPARE(currentId(page), id);
        QCOMPARE(page.findChild<PriorityCountChips *>()->counts().total[0], qint64(1));

        QSignalSpy settled(&page, &ReviewQueuePage::feedbackSettled);
        QTest::keyClick(table(page), Qt::Key_2);
        QVERIFY(settled.count() > 0 || settled.wait(10000));
        QCOMPARE(feedbackOf(*other.db, id), QStringLiteral("incorrect"));
        QCOMPARE(auditRowsOf(*other.db, id), qint64(1));
        QCOMPARE(feedbackOf(*m_db, id), oldBefore);
        QCOMPARE(page.outboxSize(), 0);
    }

    // Settings → Database → "Wait for locked data": a verdict on a row another program keeps
    // locked goes to the outbox after that many seconds, and the page says it was a lock.
    void verdictOnALockedRowSaysLockAfterTheSetWait()
    {
        if (test::currentBackend() != test::TestBackend::MariaDB)
            return;  // row locks of another session are a server's
        SettingsDialog dialog(m_settings.get());
        dialog.lockWaitEdit()->setValue(2);
        dialog.accept();
        QCOMPARE(m_settings->lockWaitSeconds(), 2);
        auto url = DbUrl::parse(m_url);
        QVERIFY(url.ok());
        DatabaseOptions options;
        options.lockWaitTimeoutSeconds = m_settings->lockWaitSeconds();
        auto db = Database::open(*url, test::mariadbInfo().value(QStringLiteral("PASSWORD")), options);
        QVERIFY(db.ok());
        ReviewQueuePage page({*db, m_settings.get()});
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(15000));
        table(page)->setFocus();
        const qint64 id = currentId(page);
        QVERIFY(id > 0);
        QSqlDatabase other = m_db->connection();
        QVERIFY(other.transaction());
        QSqlQuery lock(other);
        QVERIFY(lock.exec(QStringLiteral("SELECT id FROM ai_telemetry WHERE id = %1 FOR UPDATE").arg(id)));
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(table(page), Qt::Key_3);
        QTRY_VERIFY_WITH_TIMEOUT(statusText(page).contains(QLatin1String("held a lock")), 20000);
        const qint64 waited = clock.elapsed();
        other.rollback();
        QVERIFY2(waited >= 2000 && waited < 15000, qPrintable(QString::number(waited)));
        QVERIFY2(!statusText(page).contains(QLatin1String("server is running")), qPrintable(statusText(page)));
        QCOMPARE(page.outboxSize(), 1);
        m_settings->setLockWaitSeconds(20);
    }

    // Another program holds a write transaction on the SQLite file: feedback stays on and the
    // banner says why, a key press goes to the outbox with a message that names the lock and
    // the file (not a server), and the verdict is written once after the lock is released.
    void verdictOnALockedSqliteFileWaitsInTheOutboxAndIsWrittenOnce()
    {
        if (test::currentBackend() != test::TestBackend::SQLite)
            return;  // a lock on the file by another program is SQLite's
        auto url = DbUrl::parse(m_url);
        QVERIFY(url.ok());
        DatabaseOptions options;
        options.lockWaitTimeoutSeconds = 1;
        auto db = Database::open(*url, {}, options);
        QVERIFY(db.ok());
        QSqlQuery holder(m_db->connection());
        QVERIFY2(holder.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(holder.lastError().text()));
        ReviewQueuePage page({*db, m_settings.get()});
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(15000));
        QCOMPARE(loaded.last().at(0).toBool(), true);
        for (const char *verdict : {"verdict1", "verdict2", "verdict3"})
            QVERIFY(page.findChild<QPushButton *>(QLatin1String(verdict))->isEnabled());
        bool bannerSaysLock = false;
        for (QLabel *l : page.findChildren<QLabel *>())
            bannerSaysLock |= l->isVisible() && l->text().contains(QLatin1String("locked by another program"));
        QVERIFY2(bannerSaysLock, qPrintable(statusText(page)));
        QCOMPARE(page.outboxSize(), 0);

        table(page)->setFocus();
        const qint64 id = currentId(page);
        QVERIFY(id > 0);
        const QString before = feedbackOf(*m_db, id);
        QCOMPARE(before, QStringLiteral("<pending>"));
        QSignalSpy settled(&page, &ReviewQueuePage::feedbackSettled);
        QTest::keyClick(table(page), Qt::Key_2);
        QVERIFY(settled.count() > 0 || settled.wait(10000));
        QCOMPARE(page.outboxSize(), 1);
        const QString said = statusText(page);
        QVERIFY2(said.contains(QLatin1String("kept in the outbox")) && said.contains(QLatin1String("locked by another program"))
                     && said.contains(QDir::toNativeSeparators(url->path)),
                 qPrintable(said));
        QVERIFY2(!said.contains(QLatin1String("server")), qPrintable(said));

        QVERIFY(holder.exec(QStringLiteral("COMMIT")));
        QTRY_COMPARE_WITH_TIMEOUT(page.outboxSize(), 0, 10000);
        QCOMPARE(feedbackOf(*m_db, id), QStringLiteral("incorrect"));
        QCOMPARE(auditRowsOf(*m_db, id), qint64(1));
    }

    void readOnlyAccountSeesTheQueueWithFeedbackDisabled()
    {
        if (test::currentBackend() != test::TestBackend::MariaDB)
            return;  // the read-only account is a MariaDB fixture user
        auto url = DbUrl::parse(test::readOnlyUrl(m_url));
        QVERIFY(url.ok());
        auto ro = Database::open(*url, test::mariadbInfo().value(QStringLiteral("READONLY_PASSWORD")));
        QVERIFY(ro.ok());
        ReviewQueuePage page({*ro, m_settings.get()});
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(15000));
        QVERIFY(rows(page)->rowCount() > 0);
        const int before = rows(page)->rowCount();
        for (const char *verdict : {"verdict1", "verdict2", "verdict3"})
            QVERIFY(!page.findChild<QPushButton *>(QLatin1String(verdict))->isEnabled());
        bool bannerSaysWhy = false;
        for (QLabel *l : page.findChildren<QLabel *>())
            bannerSaysWhy |= l->isVisible() && l->text().contains(QLatin1String("privilege"));
        QVERIFY(bannerSaysWhy);
        QTest::keyClick(table(page), Qt::Key_1);
        QCOMPARE(rows(page)->rowCount(), before);
    }
};

QTEST_MAIN(TestReviewQueuePage)
#include "tst_review_queue_page.moc"
