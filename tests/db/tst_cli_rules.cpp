#include "tests/support/CliRunner.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/ingest/DecisionRecorder.h"
#include "core/insights/WhatIf.h"
#include "core/queue/ReviewRules.h"
#include "core/settings/Settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::test;

// Every command that ranks decisions reads the rule set saved in the settings when no --rules
// is given (docs/CLI.md, "Review rules"): one pending decision at confidence 0.75 is P1 under
// the built-in rules and P0 under the saved set, whose P0 cut is 0.80; the saved set also asks a
// second review of every reviewed decision (the built-in rules: a 5 % sample).
class TestCliRules : public QObject {
    Q_OBJECT
private:
    FreshDatabase m_fresh;
    QTemporaryDir m_saved;  // XDG_CONFIG_HOME holding the saved rule set
    QTemporaryDir m_empty;  // XDG_CONFIG_HOME with nothing saved

    CliRun run(const QStringList &args, const QTemporaryDir &home)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        return runCliOn(m_fresh, args, {}, env);
    }
    QString queuedPriority(const QTemporaryDir &home)
    {
        const CliRun queue = run({QStringLiteral("queue")}, home);
        if (queue.exitCode != 0)
            return QString::fromUtf8(queue.err);
        const QJsonArray items = queue.json().object().value(QStringLiteral("items")).toArray();
        return items.size() == 1 ? items.first().toObject().value(QStringLiteral("priority")).toString()
                                 : QStringLiteral("%1 items").arg(items.size());
    }

private slots:
    void initTestCase()
    {
        m_fresh = freshDatabase();
        QVERIFY(m_fresh.db);
        const DecisionInput d = makeDecision(QStringLiteral("agent-a"), QStringLiteral("classification"), 0.75, 100,
                                             std::nullopt, QDateTime::currentDateTimeUtc().addSecs(-600));
        QVERIFY(DecisionRecorder(m_fresh.db).recordBatch({d}).ok());

        ReviewRules saved = withCutPoints(ReviewRules::defaults(), {0.80, 0.90, 0.95});
        saved.secondReview().samplePercent = 100;
        Settings settings(m_saved.filePath(QStringLiteral("Atalaya/atalaya.conf")));
        settings.setReviewRulesJson(QJsonDocument(saved.toJson()).toJson(QJsonDocument::Compact));
    }

    void queue()
    {
        QCOMPARE(queuedPriority(m_empty), QStringLiteral("P1"));
        QCOMPARE(queuedPriority(m_saved), QStringLiteral("P0"));
        const QString file = m_empty.filePath(QStringLiteral("defaults.json"));
        QVERIFY(ReviewRules::defaults().saveFile(file).ok());
        const CliRun given = run({QStringLiteral("queue"), QStringLiteral("--rules"), file}, m_saved);
        QCOMPARE(given.exitCode, 0);
        QCOMPARE(given.json().object().value(QStringLiteral("items")).toArray().first().toObject().value(
                     QStringLiteral("priority")),
                 QJsonValue(QStringLiteral("P1")));
    }

    void whatif()
    {
        auto currentP0 = [&](const QTemporaryDir &home) {
            const CliRun r = run({QStringLiteral("whatif")}, home);
            return r.json()
                .object()
                .value(QStringLiteral("current"))
                .toObject()
                .value(QStringLiteral("cut_points"))
                .toObject()
                .value(QStringLiteral("p0_below"))
                .toDouble();
        };
        QCOMPARE(currentP0(m_empty), 0.70);
        QCOMPARE(currentP0(m_saved), 0.80);
    }

    void metrics()
    {
        auto pendingP0 = [&](const QTemporaryDir &home) {
            const CliRun r = run({QStringLiteral("metrics")}, home);
            for (const QByteArray &line : r.out.split('\n'))
                if (line.startsWith("atalaya_review_queue_pending{") && line.contains("priority=\"P0\""))
                    return line.mid(line.lastIndexOf(' ') + 1).trimmed();
            return QByteArray("missing");
        };
        QCOMPARE(pendingP0(m_empty), QByteArray("0"));
        QCOMPARE(pendingP0(m_saved), QByteArray("1"));
    }

    void exportQueue()
    {
        auto csv = [&](const QTemporaryDir &home) {
            const QString out = home.filePath(QStringLiteral("queue.csv"));
            const CliRun r = run({QStringLiteral("export"), QStringLiteral("csv"), QStringLiteral("--what"),
                                  QStringLiteral("queue"), QStringLiteral("--out"), out},
                                 home);
            QFile f(out);
            return r.exitCode == 0 && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray(r.err);
        };
        QVERIFY2(csv(m_empty).contains(",P1,"), csv(m_empty).constData());
        QVERIFY2(csv(m_saved).contains(",P0,"), csv(m_saved).constData());
    }

    // A decision outside the built-in 5 % sample, first-reviewed by alice: bob's review is a
    // correction ("first") under the built-in rules and a second review under the saved set.
    void feedbackRole()
    {
        auto reviewedByAlice = [&]() -> qint64 {
            for (;;) {
                auto recorded = DecisionRecorder(m_fresh.db)
                                    .record(makeDecision(QStringLiteral("agent-b"), QStringLiteral("classification"),
                                                         0.99, 100, std::nullopt, {}));
                if (!recorded)
                    return 0;
                if (ReviewRules::secondReviewBucket(recorded->id) < 5)
                    continue;
                const QString id = QString::number(recorded->id);
                const CliRun first = run({QStringLiteral("feedback"), id, QStringLiteral("correct"),
                                          QStringLiteral("--reviewer"), QStringLiteral("alice"),
                                          QStringLiteral("--role"), QStringLiteral("first")},
                                         m_empty);
                return first.exitCode == 0 ? recorded->id : 0;
            }
        };
        auto bobsRole = [&](const QTemporaryDir &home) {
            const qint64 id = reviewedByAlice();
            const CliRun r = run({QStringLiteral("feedback"), QString::number(id), QStringLiteral("correct"),
                                  QStringLiteral("--reviewer"), QStringLiteral("bob")},
                                 home);
            return r.exitCode == 0 ? r.json().object().value(QStringLiteral("role")).toString()
                                   : QString::fromUtf8(r.err);
        };
        QCOMPARE(bobsRole(m_empty), QStringLiteral("first"));
        QCOMPARE(bobsRole(m_saved), QStringLiteral("second"));
    }
};

QTEST_GUILESS_MAIN(TestCliRules)
#include "tst_cli_rules.moc"
