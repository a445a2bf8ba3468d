#include "tests/support/CliRunner.h"
#include "tests/support/OutboxTestKit.h"
#include "tests/support/TestDatabases.h"

#include "core/queue/DoubleReview.h"
#include "core/queue/FeedbackSender.h"
#include "core/queue/ReviewRulesSql.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/FeedbackRepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::test;

// Double review and adjudication (docs/REVIEW_QUEUE.md §Double review) on a real database:
// which decisions get a second review, by whom, which verdict ai_telemetry keeps, another
// system's writes as first reviews, and exactly one review row through the outbox.
class TestDoubleReview : public QObject {
    Q_OBJECT
private:
    FreshDatabase m_fresh;
    std::vector<qint64> m_ids;  // 600 decisions, all reviewed first by ana
    QTemporaryDir m_dir;

    std::shared_ptr<Database> db() const { return m_fresh.db; }

    static ReviewRules rules() { return ReviewRules::defaults(); }

    Result<FeedbackResult> review(qint64 id, Feedback value, const QString &who, ReviewRole role,
                                  const QString &note = {}) const
    {
        FeedbackRequest r;
        r.telemetryId = id;
        r.value = value;
        r.reviewer = who;
        r.note = note;
        r.role = role;
        return FeedbackRepository(db()).record(r);
    }

    QString verdictOf(qint64 id) const
    {
        auto q = execQuery(*db(), QStringLiteral("SELECT human_feedback FROM ai_telemetry WHERE id = ?"), {id},
                           QStringLiteral("test"));
        return q && q->next() ? q->value(0).toString() : QStringLiteral("?");
    }

    QSet<qint64> ids(const std::vector<QueueItem> &items) const
    {
        QSet<qint64> out;
        for (const QueueItem &i : items)
            out.insert(i.id);
        return out;
    }

    // The ids of m_ids the rules pick, by the C++ bucket.
    QSet<qint64> expectedSample() const
    {
        QSet<qint64> out;
        for (qint64 id : m_ids) {
            if (ReviewRules::secondReviewBucket(id) < 5)
                out.insert(id);
        }
        return out;
    }

    std::vector<QueueItem> secondItems(const QString &reviewer, const ReviewRules &r = rules()) const
    {
        QueueFilter all;
        all.limit = 10000;
        auto items = DoubleReview(db(), r).secondReviewItems(reviewer, all);
        if (!items)
            qWarning() << items.error().message;
        return items ? *items : std::vector<QueueItem>();
    }

    // As a reviewer who gave none of the verdicts, unless `reviewer` says otherwise.
    std::vector<QueueItem> adjudicationItems(const QString &reviewer = QStringLiteral("zoe")) const
    {
        QueueFilter all;
        all.limit = 10000;
        auto items = DoubleReview(db(), rules()).adjudicationItems(reviewer, all);
        return items ? *items : std::vector<QueueItem>();
    }

    DoubleReviewCounts counts(bool adjudication, const QString &reviewer) const
    {
        const DoubleReview views(db(), rules());
        auto c = adjudication ? views.adjudicationCounts(reviewer, {}) : views.secondReviewCounts(reviewer, {});
        if (!c)
            qWarning() << c.error().message;
        return c ? *c : DoubleReviewCounts{};
    }

    // The counts a view's own list gives, per priority.
    static std::array<qint64, kPriorityCount> perPriority(const std::vector<QueueItem> &items)
    {
        std::array<qint64, kPriorityCount> out{};
        for (const QueueItem &i : items)
            ++out[static_cast<size_t>(i.priority)];
        return out;
    }

    // A sampled decision not used by an earlier test.
    qint64 takeSampled()
    {
        static int next = 0;
        QList<qint64> sampled = expectedSample().values();
        std::sort(sampled.begin(), sampled.end());
        return sampled.value(next++, -1);
    }

private slots:
    void initTestCase()
    {
        m_fresh = freshDatabase();
        QVERIFY(m_fresh.db);
        m_ids = seedPending(m_fresh.db, 500, QStringLiteral("a"), QStringLiteral("chat_response"), 0.5);
        const auto p3 = seedPending(m_fresh.db, 100, QStringLiteral("b"), QStringLiteral("chat_response"), 0.97);
        m_ids.insert(m_ids.end(), p3.begin(), p3.end());
        QCOMPARE(m_ids.size(), size_t(600));
        for (qint64 id : m_ids)
            QVERIFY(review(id, Feedback::Correct, QStringLiteral("ana"), ReviewRole::First).ok());
        QCOMPARE(scalar(*db(), QStringLiteral("SELECT COUNT(*) FROM atalaya_reviews WHERE role = 'first'")),
                 qint64(600));
    }

    void sampleIsAboutFivePercentAndIndependentOfTheP3Sample()
    {
        int picked = 0;
        int p3Sampled = 0;
        int both = 0;
        for (qint64 id = 1; id <= 200000; ++id) {
            const bool second = ReviewRules::secondReviewBucket(id) < 5;
            const bool p3 = ReviewRules::sampleBucket(id) < 10;
            picked += second;
            p3Sampled += p3;
            both += second && p3;
        }
        QVERIFY2(picked > 9000 && picked < 11000, qPrintable(QString::number(picked)));
        // Independent: about 5 % of the P3 sample, not all or none of it.
        const double share = double(both) / p3Sampled;
        QVERIFY2(share > 0.04 && share < 0.06, qPrintable(QString::number(share)));
    }

    void sqlBucketIsTheCppBucket()
    {
        auto q = execQuery(*db(),
                           QStringLiteral("SELECT id, %1 FROM ai_telemetry ORDER BY id")
                               .arg(secondReviewBucketSql(QStringLiteral("id"))),
                           {}, QStringLiteral("test"));
        QVERIFY(q.ok());
        int rows = 0;
        while (q->next()) {
            QCOMPARE(q->value(1).toInt(), ReviewRules::secondReviewBucket(q->value(0).toLongLong()));
            ++rows;
        }
        QCOMPARE(rows, 600);
        for (qint64 big : {qint64(2147483647), qint64(2147483648LL), qint64(9000000000LL)}) {
            auto b = execQuery(*db(), QStringLiteral("SELECT %1").arg(secondReviewBucketSql(QString::number(big))), {},
                               QStringLiteral("test"));
            QVERIFY(b && b->next());
            QCOMPARE(b->value(0).toInt(), ReviewRules::secondReviewBucket(big));
        }
    }

    void secondReviewListIsTheStableSampleForAnotherReviewer()
    {
        const QSet<qint64> expected = expectedSample();
        QVERIFY2(expected.size() > 10 && expected.size() < 60, qPrintable(QString::number(expected.size())));
        const auto first = secondItems(QStringLiteral("bruno"));
        QCOMPARE(ids(first), expected);
        QCOMPARE(ids(secondItems(QStringLiteral("bruno"))), expected);
        // Blind: nothing of the first review travels with the item.
        for (const QueueItem &i : first)
            QVERIFY(i.reviews.empty());
        // The first reviewer never sees their own decisions here.
        QVERIFY(secondItems(QStringLiteral("ana")).empty());
    }

    // A page is the oldest of the list, oldest first (the ids are ordered here, not by SQL).
    void aPageIsTheOldestFirst()
    {
        const auto all = secondItems(QStringLiteral("bruno"));
        QVERIFY(all.size() > 5);
        QueueFilter page;
        page.limit = 5;
        auto first = DoubleReview(db(), rules()).secondReviewItems(QStringLiteral("bruno"), page);
        QVERIFY(first.ok());
        QCOMPARE(first->size(), size_t(5));
        auto older = [](const QueueItem &a, const QueueItem &b) {
            return std::pair(a.createdAt, a.id) < std::pair(b.createdAt, b.id);
        };
        QVERIFY(std::is_sorted(all.begin(), all.end(), older));
        for (size_t i = 0; i < 5; ++i)
            QCOMPARE((*first)[i].id, all[i].id);
    }

    void everyP0IsOptional()
    {
        ReviewRules r = rules();
        r.secondReview().samplePercent = 0;
        QVERIFY(secondItems(QStringLiteral("bruno"), r).empty());
        r.secondReview().allP0 = true;
        const auto items = secondItems(QStringLiteral("bruno"), r);
        QCOMPARE(items.size(), size_t(500));
        for (const QueueItem &i : items)
            QCOMPARE(i.priority, Priority::P0);
    }

    void rulesJsonKeepsOldFilesAndRoundTrips()
    {
        QJsonObject old = ReviewRules::defaults().toJson();
        old.remove(QStringLiteral("second_review"));
        auto loaded = ReviewRules::fromJson(old);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->secondReview().samplePercent, 5);
        QCOMPARE(loaded->secondReview().allP0, false);
        ReviewRules r = rules();
        r.secondReview().samplePercent = 12;
        r.secondReview().allP0 = true;
        auto back = ReviewRules::fromJson(r.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->secondReview().samplePercent, 12);
        QVERIFY(back->secondReview().allP0);
        QJsonObject bad = r.toJson();
        bad.insert(QStringLiteral("second_review"), QJsonObject{{QStringLiteral("sample_percent"), 101}});
        QVERIFY(!ReviewRules::fromJson(bad).ok());
    }

    void theSecondReviewMustComeFromAnotherReviewer()
    {
        const qint64 id = takeSampled();
        auto own = review(id, Feedback::Incorrect, QStringLiteral("ana"), ReviewRole::Second);
        QVERIFY(!own.ok());
        QCOMPARE(own.error().code, ErrorCode::Usage);
        QVERIFY2(own.error().message.contains(QLatin1String("another reviewer")), qPrintable(own.error().message));
        QCOMPARE(scalar(*db(), QStringLiteral("SELECT COUNT(*) FROM atalaya_reviews WHERE telemetry_id = ?"), {id}),
                 qint64(1));
    }

    void anAgreementKeepsTheVerdict()
    {
        const qint64 id = takeSampled();
        auto second = review(id, Feedback::Correct, QStringLiteral("bruno"), ReviewRole::Second);
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
        QCOMPARE(second->humanFeedback, QStringLiteral("correct"));
        QCOMPARE(verdictOf(id), QStringLiteral("correct"));
        QVERIFY(!ids(secondItems(QStringLiteral("carla"))).contains(id));
        QVERIFY(!ids(adjudicationItems()).contains(id));
        auto again = review(id, Feedback::Incorrect, QStringLiteral("carla"), ReviewRole::Second);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        auto adjudicate = review(id, Feedback::Incorrect, QStringLiteral("carla"), ReviewRole::Adjudication);
        QVERIFY(!adjudicate.ok());
        QCOMPARE(adjudicate.error().code, ErrorCode::Usage);
    }

    void aDisagreementKeepsTheFirstVerdictUntilTheAdjudicatorDecides()
    {
        const qint64 id = takeSampled();
        QVERIFY(
            review(id, Feedback::Incorrect, QStringLiteral("bruno"), ReviewRole::Second, QStringLiteral("wrong tool"))
                .ok());
        QCOMPARE(verdictOf(id), QStringLiteral("correct"));
        QCOMPARE(scalar(*db(), QStringLiteral("SELECT COUNT(*) FROM ai_telemetry WHERE id = ? AND accuracy = 1"), {id}),
                 qint64(1));
        const auto waiting = adjudicationItems();
        auto it = std::find_if(waiting.begin(), waiting.end(), [id](const QueueItem &i) { return i.id == id; });
        QVERIFY(it != waiting.end());
        QCOMPARE(it->reviews.size(), size_t(2));
        QCOMPARE(it->reviews[0].role, ReviewRole::First);
        QCOMPARE(it->reviews[0].reviewer, QStringLiteral("ana"));
        QCOMPARE(it->reviews[0].verdict, QStringLiteral("correct"));
        QCOMPARE(it->reviews[1].role, ReviewRole::Second);
        QCOMPARE(it->reviews[1].verdict, QStringLiteral("incorrect"));
        QCOMPARE(it->reviews[1].note, QStringLiteral("wrong tool"));
        auto role = DoubleReview(db(), rules()).inferRole(id, QStringLiteral("carla"));
        QVERIFY(role.ok());
        QCOMPARE(*role, ReviewRole::Adjudication);

        auto decided = review(id, Feedback::PartiallyCorrect, QStringLiteral("carla"), ReviewRole::Adjudication);
        QVERIFY(decided.ok());
        QCOMPARE(verdictOf(id), QStringLiteral("partially_correct"));
        QCOMPARE(
            scalar(*db(), QStringLiteral("SELECT COUNT(*) FROM ai_telemetry WHERE id = ? AND accuracy = 0.5"), {id}),
            qint64(1));
        QVERIFY(!ids(adjudicationItems()).contains(id));
        QCOMPARE(scalar(*db(), QStringLiteral("SELECT COUNT(*) FROM atalaya_reviews WHERE telemetry_id = ?"), {id}),
                 qint64(3));
        // Every review is in the audit log too, in the same transactions.
        QCOMPARE(
            scalar(*db(), QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_audit WHERE telemetry_id = ?"), {id}),
            qint64(3));
    }

    void anotherSystemsWriteCountsAsAFirstReview()
    {
        auto fresh = seedPending(m_fresh.db, 400, QStringLiteral("ext"), QStringLiteral("chat_response"), 0.5);
        qint64 id = -1;
        for (qint64 candidate : fresh) {
            if (ReviewRules::secondReviewBucket(candidate) < 5) {
                id = candidate;
                break;
            }
        }
        QVERIFY(id > 0);
        // Another application writes the verdict directly, no Atalaya row, no trigger.
        QVERIFY(execStatement(*db(),
                              QStringLiteral("UPDATE ai_telemetry SET human_feedback = 'incorrect', accuracy = 0"
                                             " WHERE id = ?"),
                              {id}, QStringLiteral("test"))
                    .ok());
        QVERIFY(ids(secondItems(QStringLiteral("bruno"))).contains(id));
        auto role = DoubleReview(db(), rules()).inferRole(id, QStringLiteral("bruno"));
        QVERIFY(role.ok());
        QCOMPARE(*role, ReviewRole::Second);
        QVERIFY(review(id, Feedback::Correct, QStringLiteral("bruno"), ReviewRole::Second).ok());
        QCOMPARE(verdictOf(id), QStringLiteral("incorrect"));
        const auto waiting = adjudicationItems();
        auto it = std::find_if(waiting.begin(), waiting.end(), [id](const QueueItem &i) { return i.id == id; });
        QVERIFY(it != waiting.end());
        QCOMPARE(it->reviews.front().reviewer, QStringLiteral("(external)"));
        QCOMPARE(it->reviews.front().verdict, QStringLiteral("incorrect"));
        QVERIFY(review(id, Feedback::Correct, QStringLiteral("carla"), ReviewRole::Adjudication).ok());
        QCOMPARE(verdictOf(id), QStringLiteral("correct"));
        // The external first review is kept although human_feedback changed.
        QCOMPARE(scalar(*db(),
                        QStringLiteral("SELECT COUNT(*) FROM atalaya_reviews WHERE telemetry_id = ? AND role = 'first'"
                                       " AND reviewer = '(external)' AND verdict = 'incorrect'"),
                        {id}),
                 qint64(1));
    }

    void aReviewLandsExactlyOnceThroughTheOutbox()
    {
        const qint64 id = takeSampled();
        auto outbox = openOutbox(m_dir.filePath(QStringLiteral("outbox.db")));
        QVERIFY(outbox);
        OutboxEntry e = verdict(id, Feedback::Incorrect, QStringLiteral("bruno"), std::nullopt);
        e.role = ReviewRole::Second;
        e.key = FeedbackOutbox::newKey();
        // The write committed but the answer was lost: the page queued it again.
        FeedbackRequest first{id, Feedback::Incorrect, e.reviewer, {}, std::nullopt, e.key, ReviewRole::Second};
        QVERIFY(FeedbackRepository(db()).record(first).ok());
        QVERIFY(outbox->enqueue(e).ok());
        auto stored = outbox->entries();
        QVERIFY(stored.ok());
        QCOMPARE(stored->front().role, ReviewRole::Second);
        FeedbackRepository repo(db());
        const OutboxFlush flushed = outbox->flush(*db(), repo);
        QCOMPARE(flushed.duplicates, 1);
        QCOMPARE(flushed.delivered, 0);
        QCOMPARE(
            scalar(*db(),
                   QStringLiteral("SELECT COUNT(*) FROM atalaya_reviews WHERE telemetry_id = ? AND role = 'second'"),
                   {id}),
            qint64(1));

        // Through the sender while the outbox is empty: written once with its role.
        const qint64 other = takeSampled();
        FeedbackSender sender(db(), outbox);
        OutboxEntry direct = verdict(other, Feedback::Correct, QStringLiteral("bruno"), std::nullopt);
        direct.role = ReviewRole::Second;
        QCOMPARE(sender.send(direct).kind, SendOutcome::Kind::Written);
        QCOMPARE(scalar(*db(),
                        QStringLiteral("SELECT COUNT(*) FROM atalaya_reviews WHERE telemetry_id = ? AND role = 'second'"
                                       " AND reviewer = 'bruno'"),
                        {other}),
                 qint64(1));
    }

    void anUndoRemovesTheReview()
    {
        const qint64 id = takeSampled();
        QVERIFY(review(id, Feedback::Incorrect, QStringLiteral("bruno"), ReviewRole::Second).ok());
        FeedbackRestore undo;
        undo.telemetryId = id;
        undo.value = Feedback::Correct;
        undo.reviewer = QStringLiteral("bruno");
        undo.role = ReviewRole::Second;
        QVERIFY(FeedbackRepository(db()).restore(undo).ok());
        QCOMPARE(verdictOf(id), QStringLiteral("correct"));
        QVERIFY(ids(secondItems(QStringLiteral("bruno"))).contains(id));
        QVERIFY(!ids(adjudicationItems()).contains(id));
    }

    // An adjudication comes from a third reviewer: neither the first nor the second may
    // decide their own disagreement, in the list or in the write.
    void anAdjudicationComesFromAThirdReviewer_data()
    {
        QTest::addColumn<QString>("adjudicator");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("because");
        QTest::newRow("first reviewer") << QStringLiteral("ana") << false << QStringLiteral("first review");
        QTest::newRow("second reviewer") << QStringLiteral("bruno") << false << QStringLiteral("second review");
        QTest::newRow("third reviewer") << QStringLiteral("carla") << true << QString();
    }

    void anAdjudicationComesFromAThirdReviewer()
    {
        QFETCH(QString, adjudicator);
        QFETCH(bool, allowed);
        QFETCH(QString, because);
        const qint64 id = takeSampled();
        const DoubleReviewCounts before = counts(true, adjudicator);
        QVERIFY(review(id, Feedback::Incorrect, QStringLiteral("bruno"), ReviewRole::Second).ok());
        QCOMPARE(ids(adjudicationItems(adjudicator)).contains(id), allowed);
        const DoubleReviewCounts after = counts(true, adjudicator);
        QCOMPARE(after.all() - before.all(), qint64(allowed ? 1 : 0));
        QCOMPARE(after.forOthers - before.forOthers, qint64(allowed ? 0 : 1));

        auto decided = review(id, Feedback::Correct, adjudicator, ReviewRole::Adjudication);
        QCOMPARE(decided.ok(), allowed);
        if (!allowed) {
            QCOMPARE(decided.error().code, ErrorCode::Usage);
            QVERIFY2(decided.error().message.contains(because)
                         && decided.error().message.contains(QLatin1String("third reviewer")),
                     qPrintable(decided.error().message));
            // Nothing written: the disagreement still waits, for someone else.
            QCOMPARE(verdictOf(id), QStringLiteral("correct"));
            QCOMPARE(scalar(*db(),
                            QStringLiteral("SELECT COUNT(*) FROM atalaya_reviews WHERE telemetry_id = ?"
                                           " AND role = 'adjudication'"),
                            {id}),
                     qint64(0));
            QVERIFY(ids(adjudicationItems()).contains(id));
            // Their inferred role is still the adjudication, and it is refused the same way.
            CliRun cli = runCliOn(m_fresh, {"feedback", QString::number(id), "incorrect", "--reviewer", adjudicator});
            QCOMPARE(cli.exitCode, 2);
            QVERIFY2(cli.err.startsWith("error: ") && cli.err.contains("third reviewer") && cli.err.count('\n') == 1,
                     cli.err.constData());
            CliRun listed =
                runCliOn(m_fresh, {"queue", "--view", "adjudication", "--reviewer", adjudicator, "--limit", "10000"});
            QVERIFY2(listed.exitCode == 0, listed.err.constData());
            QCOMPARE(listed.json().object().value("for_others").toInteger(), after.forOthers);
            for (const QJsonValue &v : listed.json().object().value("items").toArray())
                QVERIFY(v.toObject().value("id").toInteger() != id);
        } else {
            QCOMPARE(verdictOf(id), QStringLiteral("correct"));
            QVERIFY(!ids(adjudicationItems()).contains(id));
        }
    }

    // The views' counts are their lists, per priority, for every reviewer; what a reviewer is
    // not shown is counted as waiting for others.
    void countsAreTheViewsLists_data()
    {
        QTest::addColumn<bool>("adjudication");
        QTest::addColumn<QString>("reviewer");
        QTest::newRow("second, first reviewer") << false << QStringLiteral("ana");
        QTest::newRow("second, another reviewer") << false << QStringLiteral("bruno");
        QTest::newRow("adjudication, second reviewer") << true << QStringLiteral("bruno");
        QTest::newRow("adjudication, third reviewer") << true << QStringLiteral("zoe");
    }

    void countsAreTheViewsLists()
    {
        QFETCH(bool, adjudication);
        QFETCH(QString, reviewer);
        const DoubleReviewCounts c = counts(adjudication, reviewer);
        const auto listed = adjudication ? adjudicationItems(reviewer) : secondItems(reviewer);
        QCOMPARE(c.total, perPriority(listed));
        // Everyone's list: as a reviewer who reviewed none of them.
        const auto everyone =
            adjudication ? adjudicationItems(QStringLiteral("nobody")) : secondItems(QStringLiteral("nobody"));
        QCOMPARE(c.all() + c.forOthers, qint64(everyone.size()));
        QVERIFY(!everyone.empty());
        if (!adjudication && reviewer == QLatin1String("ana"))
            QVERIFY(c.forOthers > 0);
    }

    void cliViewsAndRoleInference()
    {
        const qint64 id = takeSampled();
        CliRun second = runCliOn(m_fresh, {"queue", "--view", "second", "--reviewer", "dora", "--limit", "10000"});
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QCOMPARE(second.json().object().value("view").toString(), QStringLiteral("second"));
        bool listed = false;
        for (const QJsonValue &v : second.json().object().value("items").toArray()) {
            listed = listed || v.toObject().value("id").toInteger() == id;
            QVERIFY(!v.toObject().contains("reviews"));
        }
        QVERIFY(listed);
        CliRun own = runCliOn(m_fresh, {"queue", "--view", "second", "--reviewer", "ana"});
        QVERIFY2(own.exitCode == 0, own.err.constData());
        QVERIFY(own.json().object().value("items").toArray().isEmpty());

        CliRun inferred = runCliOn(m_fresh, {"feedback", QString::number(id), "incorrect", "--reviewer", "dora"});
        QVERIFY2(inferred.exitCode == 0, inferred.err.constData());
        QCOMPARE(inferred.json().object().value("role").toString(), QStringLiteral("second"));
        QCOMPARE(inferred.json().object().value("human_feedback").toString(), QStringLiteral("correct"));

        CliRun adjudication = runCliOn(m_fresh, {"queue", "--view", "adjudication", "--limit", "10000"});
        QVERIFY2(adjudication.exitCode == 0, adjudication.err.constData());
        QJsonObject item;
        for (const QJsonValue &v : adjudication.json().object().value("items").toArray()) {
            if (v.toObject().value("id").toInteger() == id)
                item = v.toObject();
        }
        const QJsonArray reviews = item.value("reviews").toArray();
        QCOMPARE(reviews.size(), 2);
        QCOMPARE(reviews[0].toObject().value("verdict").toString(), QStringLiteral("correct"));
        QCOMPARE(reviews[1].toObject().value("reviewer").toString(), QStringLiteral("dora"));

        CliRun notAdjudicable = runCliOn(
            m_fresh,
            {"feedback", QString::number(m_ids.front()), "correct", "--reviewer", "x", "--role", "adjudication"});
        QCOMPARE(notAdjudicable.exitCode, 2);
        QVERIFY(notAdjudicable.err.startsWith("error: "));
        CliRun badView = runCliOn(m_fresh, {"queue", "--view", "later"});
        QCOMPARE(badView.exitCode, 2);

        CliRun decided = runCliOn(m_fresh, {"feedback", QString::number(id), "incorrect", "--reviewer", "eva"});
        QVERIFY2(decided.exitCode == 0, decided.err.constData());
        QCOMPARE(decided.json().object().value("role").toString(), QStringLiteral("adjudication"));
        QCOMPARE(decided.json().object().value("human_feedback").toString(), QStringLiteral("incorrect"));
    }
};

QTEST_GUILESS_MAIN(TestDoubleReview)
#include "tst_double_review.moc"
