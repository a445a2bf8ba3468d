#include "tests/support/PageWait.h"
#include "tests/support/TestDatabases.h"

#include "core/ingest/DecisionRecorder.h"
#include "core/reports/AuditCsv.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/FeedbackRepository.h"
#include "ui/review/AuditLogModel.h"
#include "ui/review/AuditLogPage.h"

#include <QComboBox>
#include <QFile>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::test;

// The audit log page driven from the keyboard: filters typed and applied with Return, the
// period chosen with the arrow keys, Ctrl+End in the table loading the next pages, CSV export.
class TestAuditPage : public QObject {
    Q_OBJECT
private:
    FreshDatabase m_fresh;
    qint64 m_total = 0;
    QTemporaryDir m_dir;

    static const QStringList &reviewers()
    {
        static const QStringList names = {QStringLiteral("ana"), QStringLiteral("luis"), QStringLiteral("marta")};
        return names;
    }

    bool waitLoaded(AuditLogPage &page, QSignalSpy &spy)
    {
        if (!spy.wait(20000))
            return false;
        return spy.last().at(0).toBool();
    }

private slots:
    void initTestCase()
    {
        m_fresh = freshDatabase();
        QVERIFY(m_fresh.db);
        std::vector<DecisionInput> decisions;
        for (int i = 0; i < 300; ++i) {
            DecisionInput d;
            d.agentId = i % 4 == 0 ? QStringLiteral("deploy-bot") : QStringLiteral("review-bot");
            d.taskType = QStringLiteral("triage");
            d.decision = {{"n", i}};
            d.confidence = 0.7;
            d.executionTimeMs = 40;
            decisions.push_back(d);
        }
        auto batch = DecisionRecorder(m_fresh.db).recordBatch(decisions);
        QVERIFY(batch.ok());
        const FeedbackRepository repository(m_fresh.db);
        // 300 first reviews and 150 re-reviews: 450 audit rows, more than two pages.
        for (int i = 0; i < 450; ++i) {
            FeedbackRequest r;
            r.telemetryId = batch->firstId + i % 300;
            r.value = i % 3 == 0 ? Feedback::Incorrect : i % 5 == 1 ? Feedback::PartiallyCorrect : Feedback::Correct;
            r.reviewer = reviewers()[i % 3];
            r.note = i % 50 == 0 ? QStringLiteral("=HYPERLINK(\"x\"), checked") : QString();
            QVERIFY(repository.record(r).ok());
        }
        // A row from two years ago, written by another system straight into the table.
        QVERIFY(execStatement(*m_fresh.db,
                              "INSERT INTO atalaya_feedback_audit (telemetry_id, previous_value, new_value, reviewer,"
                              " note, client_host, created_at) VALUES (?, NULL, 'correct', 'old-tool', NULL, 'legacy',"
                              " '2024-06-01 10:00:00.000')",
                              {batch->firstId}, "old row"));
        m_total = scalar(*m_fresh.db, "SELECT COUNT(*) FROM atalaya_feedback_audit");
        QCOMPARE(m_total, qint64(451));
    }

    void newestFirstAndLoadedAsTheTableScrolls()
    {
        AuditLogPage page(AppContext{m_fresh.db, nullptr});
        page.resize(1200, 700);
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(waitLoaded(page, loaded));
        AuditLogModel *model = page.model();
        QCOMPARE(model->rowCount(), AuditLogModel::kPageSize);
        QCOMPARE(model->row(0).id, m_total);  // the newest row first
        for (int i = 1; i < model->rowCount(); ++i)
            QVERIFY(model->row(i - 1).id > model->row(i).id);
        QVERIFY(test::namedChild<QLabel>(&page, "auditStatus")->text().contains(QLatin1String("scroll")));
        page.view()->setFocus();
        // Ctrl+End jumps to the last loaded row; the view then asks the model for the next page.
        for (int presses = 0; presses < 10 && !model->complete(); ++presses) {
            QTest::keyClick(page.view(), Qt::Key_End, Qt::ControlModifier);
            QTRY_VERIFY_WITH_TIMEOUT(!model->loading(), 20000);
        }
        QVERIFY(model->complete());
        QCOMPARE(model->rowCount(), int(m_total));
        QCOMPARE(model->row(model->rowCount() - 1).id, qint64(1));
    }

    // The verdict columns are never elided ("partially correct" was cut to "partially corr…" while
    // the mostly empty note column took half the table).
    void verdictsAreWhole()
    {
        AuditLogPage page(AppContext{m_fresh.db, nullptr});
        page.resize(1000, 600);
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(waitLoaded(page, loaded));
        QTableView *table = page.view();
        QHeaderView *header = table->horizontalHeader();
        const QFontMetrics metrics(table->font());
        // The delegate keeps a focus-frame margin and a pixel on each side of the text.
        const int margins = 2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
        bool sawPartial = false;
        const auto firstElided = [&]() -> QString {
            for (const int column : {AuditLogModel::Previous, AuditLogModel::New}) {
                for (int row = 0; row < page.model()->rowCount(); ++row) {
                    const QString text = page.model()->index(row, column).data().toString();
                    sawPartial = sawPartial || text.contains(QLatin1String("partially"));
                    if (metrics.horizontalAdvance(text) + margins > header->sectionSize(column))
                        return QStringLiteral("%1 in %2 px").arg(text).arg(header->sectionSize(column));
                }
            }
            return QString();
        };
        // The header fits its sections to the loaded rows on its next layout pass.
        QTRY_COMPARE(firstElided(), QString());
        QVERIFY(sawPartial);
    }

    void filtersTypedAndAppliedWithReturn()
    {
        AuditLogPage page(AppContext{m_fresh.db, nullptr});
        page.show();
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(waitLoaded(page, loaded));

        auto *reviewer = test::namedChild<QLineEdit>(&page, "auditReviewer");
        reviewer->setFocus();
        QTest::keyClicks(reviewer, QStringLiteral("marta"));
        QTest::keyClick(reviewer, Qt::Key_Return);
        QVERIFY(waitLoaded(page, loaded));
        QCOMPARE(page.model()->rowCount(), 150);
        for (int i = 0; i < page.model()->rowCount(); ++i)
            QCOMPARE(page.model()->row(i).reviewer, QStringLiteral("marta"));

        auto *agent = test::namedChild<QLineEdit>(&page, "auditAgent");
        QTest::keyClicks(agent, QStringLiteral("deploy-bot"));
        QTest::keyClick(agent, Qt::Key_Return);
        QVERIFY(waitLoaded(page, loaded));
        const qint64 expected = scalar(*m_fresh.db,
                                       "SELECT COUNT(*) FROM atalaya_feedback_audit a JOIN ai_telemetry t"
                                       " ON t.id = a.telemetry_id WHERE a.reviewer = 'marta' AND t.agent_id = 'deploy-bot'");
        QVERIFY(expected > 0);
        QCOMPARE(page.model()->rowCount(), int(expected));

        QTest::keyClick(reviewer, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(reviewer, Qt::Key_Delete);
        QTest::keyClick(agent, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(agent, Qt::Key_Delete);
        auto *decision = test::namedChild<QLineEdit>(&page, "auditDecision");
        QTest::keyClicks(decision, QStringLiteral("1"));
        QTest::keyClick(decision, Qt::Key_Return);
        QVERIFY(waitLoaded(page, loaded));
        // Decision 1: the old tool's row (written last, whatever time it carries), the re-review
        // (i = 300) and the first review: newest written first.
        QCOMPARE(page.model()->rowCount(), 3);
        QCOMPARE(page.model()->row(0).reviewer, QStringLiteral("old-tool"));
        QVERIFY(!page.model()->row(0).chainSeq.has_value());
        QCOMPARE(page.model()->row(1).chainSeq, std::optional<qint64>(301));
        QCOMPARE(page.model()->row(2).chainSeq, std::optional<qint64>(1));

        // Period with the keyboard: Down moves from "All time" to "Last 24 hours".
        auto *period = test::namedChild<QComboBox>(&page, "auditPeriod");
        period->setFocus();
        QTest::keyClick(period, Qt::Key_Down);
        QVERIFY(waitLoaded(page, loaded));
        QCOMPARE(page.model()->rowCount(), 2);
    }

    void exportsTheFilteredRowsAsCsv()
    {
        AuditLogPage page(AppContext{m_fresh.db, nullptr});
        QSignalSpy loaded(&page, &Page::loadFinished);
        page.refresh();
        QVERIFY(waitLoaded(page, loaded));
        auto *reviewer = test::namedChild<QLineEdit>(&page, "auditReviewer");
        QTest::keyClicks(reviewer, QStringLiteral("ana"));
        QTest::keyClick(reviewer, Qt::Key_Return);
        QVERIFY(waitLoaded(page, loaded));
        QSignalSpy exported(&page, &AuditLogPage::exportFinished);
        const QString path = m_dir.filePath(QStringLiteral("ana.csv"));
        page.exportCsv(path);
        QVERIFY(exported.wait(20000));
        QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(1).toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith(auditCsvHeader().join(QLatin1Char(',')).toUtf8() + "\r\n"));
        QCOMPARE(csv.count("\r\n"), 1 + 150);
        QVERIFY(csv.contains(",\"'=HYPERLINK(\"\"x\"\"), checked\","));
        QVERIFY(!csv.contains(",luis,"));
    }
};

QTEST_MAIN(TestAuditPage)
#include "tst_audit_page.moc"
