#include "tests/support/OutboxTestKit.h"
#include "tests/support/TestDatabases.h"

#include "core/queue/ReviewRules.h"
#include "core/settings/Settings.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/FeedbackRepository.h"
#include "ui/review/ReviewDetailPane.h"
#include "ui/review/ReviewQueueModel.h"
#include "ui/review/ReviewQueuePage.h"

#include <QLabel>
#include <QLineEdit>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;
using test::feedbackOf;

namespace {

qint64 reviewsOf(const Database &db, qint64 id, const QString &role, const QString &reviewer)
{
    return test::scalar(db,
                        QStringLiteral("SELECT COUNT(*) FROM atalaya_reviews WHERE telemetry_id = ? AND role = ?"
                                       " AND reviewer = ?"),
                        {id, role, reviewer});
}

const QString kFirstNote = QStringLiteral("first-note-4711");

}  // namespace

// The Second-review and Adjudication views driven with the keyboard: blind second review by
// another reviewer, then the disagreement adjudicated with both reviews side by side.
class TestDoubleReviewPage : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::vector<qint64> m_sampled;  // reviewed first by bruno, picked for a second review

    static QTableView *table(ReviewQueuePage &page)
    {
        return page.findChild<QTableView *>(QStringLiteral("reviewTable"));
    }
    static ReviewQueueModel *rows(ReviewQueuePage &page)
    {
        return qobject_cast<ReviewQueueModel *>(table(page)->model());
    }
    static QString detail(ReviewQueuePage &page)
    {
        return page.findChild<ReviewDetailPane *>(QStringLiteral("reviewDetail"))->toPlainText();
    }
    static qint64 currentId(ReviewQueuePage &page)
    {
        const QModelIndex i = table(page)->currentIndex();
        return i.isValid() ? rows(page)->item(i.row()).id : 0;
    }

    // Alt+digit on the page, then the view's load.
    static bool switchTo(ReviewQueuePage &page, Qt::Key key)
    {
        QSignalSpy loaded(&page, &Page::loadFinished);
        QTest::keyClick(table(page), key, Qt::AltModifier);
        return loaded.wait(15000);
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("tst_double_review_page-") + test::backendName());
        auto fresh = test::freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        m_db = fresh.db;
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        const auto ids =
            test::seedPending(m_db, 120, QStringLiteral("gui-agent"), QStringLiteral("chat_response"), 0.5);
        for (qint64 id : ids) {
            if (ReviewRules::secondReviewBucket(id) < 5 && m_sampled.size() < 3)
                m_sampled.push_back(id);
        }
        QCOMPARE(m_sampled.size(), size_t(3));
        for (qint64 id : m_sampled) {
            FeedbackRequest r;
            r.telemetryId = id;
            r.value = Feedback::Correct;
            r.reviewer = QStringLiteral("bruno");
            r.note = kFirstNote;
            QVERIFY(FeedbackRepository(m_db).record(r).ok());
        }
    }

    void secondReviewThenAdjudication()
    {
        m_settings->setReviewer(QStringLiteral("ana"));
        ReviewQueuePage page({m_db, m_settings.get()});
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(15000));
        auto *views = page.findChild<QTabBar *>(QStringLiteral("reviewViews"));
        QVERIFY(views);
        QCOMPARE(views->currentIndex(), 0);

        // Alt+2: the decisions bruno reviewed first, blind.
        QVERIFY(switchTo(page, Qt::Key_2));
        QCOMPARE(views->currentIndex(), 1);
        QCOMPARE(rows(page)->rowCount(), 3);
        QCOMPARE(currentId(page), m_sampled[0]);
        QTest::qWait(400);  // past the history's delay: it must not show up either
        QVERIFY2(!detail(page).contains(QLatin1String("bruno")) && !detail(page).contains(kFirstNote),
                 qPrintable(detail(page)));

        // 2 (incorrect) disagrees, 1 (correct) agrees; the first verdict stays in ai_telemetry.
        QTest::keyClick(table(page), Qt::Key_2);
        QCOMPARE(rows(page)->rowCount(), 2);
        QCOMPARE(currentId(page), m_sampled[1]);
        QTest::keyClick(table(page), Qt::Key_1);
        QTRY_COMPARE(reviewsOf(*m_db, m_sampled[0], QStringLiteral("second"), QStringLiteral("ana")), qint64(1));
        QTRY_COMPARE(reviewsOf(*m_db, m_sampled[1], QStringLiteral("second"), QStringLiteral("ana")), qint64(1));
        QCOMPARE(feedbackOf(*m_db, m_sampled[0]), QStringLiteral("correct"));
        QVERIFY(!detail(page).contains(kFirstNote));

        // Alt+3: ana gave the second verdict, so the disagreement is not hers to decide; the
        // view says it waits for a third reviewer.
        QVERIFY(switchTo(page, Qt::Key_3));
        QCOMPARE(views->currentIndex(), 2);
        QCOMPARE(rows(page)->rowCount(), 0);
        auto *viewNote = page.findChild<QLabel *>(QStringLiteral("reviewViewNote"));
        QTRY_VERIFY(viewNote->isVisible());
        QVERIFY2(viewNote->text().contains(QLatin1String("third reviewer")), qPrintable(viewNote->text()));

        // Carla, a third reviewer: the disagreement, both reviews side by side.
        m_settings->setReviewer(QStringLiteral("carla"));
        QVERIFY(switchTo(page, Qt::Key_1));
        QVERIFY(switchTo(page, Qt::Key_3));
        QCOMPARE(rows(page)->rowCount(), 1);
        QVERIFY(!viewNote->isVisible());
        QCOMPARE(currentId(page), m_sampled[0]);
        const QString shown = detail(page);
        for (const QString &part : {QStringLiteral("bruno"), kFirstNote, QStringLiteral("ana"),
                                    QStringLiteral("correct"), QStringLiteral("incorrect")})
            QVERIFY2(shown.contains(part), qPrintable(part + QStringLiteral(" not in ") + shown));

        // She adjudicates with 3: partially correct becomes the final verdict.
        QTest::keyClick(table(page), Qt::Key_3);
        QCOMPARE(rows(page)->rowCount(), 0);
        QTRY_COMPARE(feedbackOf(*m_db, m_sampled[0]), QStringLiteral("partially_correct"));
        QCOMPARE(reviewsOf(*m_db, m_sampled[0], QStringLiteral("adjudication"), QStringLiteral("carla")), qint64(1));

        // Ctrl+Z takes the adjudication back: the first verdict again, waiting in this view.
        QTest::keyClick(table(page), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(rows(page)->rowCount(), 1);
        QTRY_COMPARE(feedbackOf(*m_db, m_sampled[0]), QStringLiteral("correct"));
        QTRY_COMPARE(reviewsOf(*m_db, m_sampled[0], QStringLiteral("adjudication"), QStringLiteral("carla")),
                     qint64(0));
    }

    void theFirstReviewerNeverSeesTheirOwn()
    {
        m_settings->setReviewer(QStringLiteral("bruno"));
        ReviewQueuePage page({m_db, m_settings.get()});
        page.resize(1200, 800);
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(15000));
        QVERIFY(switchTo(page, Qt::Key_2));
        QCOMPARE(rows(page)->rowCount(), 0);
        m_settings->setReviewer(QStringLiteral("dora"));
        QVERIFY(switchTo(page, Qt::Key_1));
        QVERIFY(switchTo(page, Qt::Key_2));
        QCOMPARE(rows(page)->rowCount(), 1);
        QCOMPARE(currentId(page), m_sampled[2]);
    }

    // The view switcher counts each view; a disagreement is not listed to its own reviewers,
    // and a verdict from a view that went stale (the reviewer gave the second review elsewhere
    // meanwhile) is refused with the reason, the note kept, nothing written.
    void anAdjudicationMustComeFromAThirdReviewer()
    {
        const qint64 id = m_sampled[0];  // first bruno (correct), second ana (incorrect)
        m_settings->setReviewer(QStringLiteral("carla"));
        ReviewQueuePage page({m_db, m_settings.get()});
        page.resize(1200, 800);
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(loaded.wait(15000));
        auto *views = page.findChild<QTabBar *>(QStringLiteral("reviewViews"));
        QTRY_COMPARE(views->tabText(1), QStringLiteral("Second review (1)"));
        QTRY_COMPARE(views->tabText(2), QStringLiteral("Adjudication (1)"));
        QVERIFY(switchTo(page, Qt::Key_3));
        QCOMPARE(rows(page)->rowCount(), 1);
        QCOMPARE(currentId(page), id);

        // Elsewhere, ana's second review is taken back and carla gives it instead.
        FeedbackRestore undo;
        undo.telemetryId = id;
        undo.value = Feedback::Correct;
        undo.reviewer = QStringLiteral("ana");
        undo.role = ReviewRole::Second;
        QVERIFY(FeedbackRepository(m_db).restore(undo).ok());
        FeedbackRequest second;
        second.telemetryId = id;
        second.value = Feedback::Incorrect;
        second.reviewer = QStringLiteral("carla");
        second.role = ReviewRole::Second;
        QVERIFY(FeedbackRepository(m_db).record(second).ok());

        const QString note = QStringLiteral("adjudication-note-0815");
        page.findChild<QLineEdit *>(QStringLiteral("reviewNote"))->setText(note);
        QTest::keyClick(table(page), Qt::Key_1);
        auto *banner = page.findChild<QLabel *>(QStringLiteral("reviewBanner"));
        QTRY_VERIFY(banner->isVisible() && banner->text().contains(QLatin1String("third reviewer")));
        QVERIFY2(banner->text().contains(QStringLiteral("#%1").arg(id)), qPrintable(banner->text()));
        QCOMPARE(page.findChild<QLineEdit *>(QStringLiteral("reviewNote"))->text(), note);
        QCOMPARE(reviewsOf(*m_db, id, QStringLiteral("adjudication"), QStringLiteral("carla")), qint64(0));
        QCOMPARE(feedbackOf(*m_db, id), QStringLiteral("correct"));

        // Read again: not carla's to decide; the view says it waits for a third reviewer.
        QVERIFY(switchTo(page, Qt::Key_1));
        QVERIFY(switchTo(page, Qt::Key_3));
        QCOMPARE(rows(page)->rowCount(), 0);
        QTRY_COMPARE(views->tabText(2), QStringLiteral("Adjudication (0)"));
        auto *note3 = page.findChild<QLabel *>(QStringLiteral("reviewViewNote"));
        QTRY_VERIFY(note3->isVisible());
        QVERIFY2(note3->text().contains(QLatin1String("1 disagreement")), qPrintable(note3->text()));

        // A third reviewer still sees it.
        m_settings->setReviewer(QStringLiteral("dora"));
        QVERIFY(switchTo(page, Qt::Key_1));
        QVERIFY(switchTo(page, Qt::Key_3));
        QCOMPARE(rows(page)->rowCount(), 1);
        QCOMPARE(currentId(page), id);
        QTRY_COMPARE(views->tabText(2), QStringLiteral("Adjudication (1)"));
    }
};

QTEST_MAIN(TestDoubleReviewPage)
#include "tst_double_review_page.moc"
