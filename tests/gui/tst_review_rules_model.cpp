#include "ui/shell/Language.h"
#include "ui/review/ReviewRulesModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace atalaya;

// The rules table of Settings: what it shows is what it saves, and every way a row can be
// wrong is named in the message (with the row and priority) and refused.
class TestReviewRulesModel : public QObject {
    Q_OBJECT
private slots:
    void defaultsRoundTrip()
    {
        ReviewRulesModel model;
        QAbstractItemModelTester tester(&model);
        model.setRules(ReviewRules::defaults());
        QCOMPARE(model.rowCount(), 11);
        auto rules = model.rules();
        QVERIFY2(rules.ok(), qPrintable(rules.ok() ? QString() : rules.error().message));
        QVERIFY(*rules == ReviewRules::defaults());
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY2(model.problem(row).isEmpty(), qPrintable(model.problem(row)));
    }

    // The default rules' labels are stored in English and shown in the interface language;
    // a label left as shown is saved in English again, a custom one as typed.
    void labelsShownInTheInterfaceLanguage_data()
    {
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("spanish");
        QTest::newRow("deploy task") << "deployment/rollback task (%v)"
                                     << "tarea de despliegue/rollback (%v)";
        QTest::newRow("production") << "production deployment"
                                    << "despliegue en producción";
        QTest::newRow("rollback") << "rollback decision"
                                  << "decisión de rollback";
        QTest::newRow("critical") << "marked critical"
                                  << "marcada como crítica";
        QTest::newRow("teams") << "affects %v teams"
                               << "afecta a %v equipos";
        QTest::newRow("code review") << "critical code review"
                                     << "revisión de código crítica";
        QTest::newRow("routine") << "routine %v"
                                 << "%v rutinaria";
    }

    void labelsShownInTheInterfaceLanguage()
    {
        QFETCH(QString, english);
        QFETCH(QString, spanish);
        ReviewRulesModel model;
        model.setRules(ReviewRules::defaults());
        int row = -1;
        for (int r = 0; r < model.rowCount() && row < 0; ++r) {
            if (model.index(r, ReviewRulesModel::LabelColumn).data().toString() == english)
                row = r;
        }
        QVERIFY2(row >= 0, "no default rule has this label");
        const QModelIndex label = model.index(row, ReviewRulesModel::LabelColumn);
        Language language;
        QCOMPARE(language.apply(QStringLiteral("es")), QStringLiteral("es"));
        const QString shown = label.data().toString();
        const QString edited = label.data(Qt::EditRole).toString();
        QVERIFY(model.setData(label, edited));
        auto unchanged = model.rules();
        QVERIFY(model.setData(label, QStringLiteral("mi motivo")));
        auto custom = model.rules();
        const QString customShown = label.data().toString();
        language.apply(QStringLiteral("en"));
        QCOMPARE(shown, spanish);
        QCOMPARE(edited, spanish);
        QVERIFY(unchanged.ok() && *unchanged == ReviewRules::defaults());
        QCOMPARE(customShown, QStringLiteral("mi motivo"));
        QVERIFY(custom.ok() && !(*custom == ReviewRules::defaults()));
    }

    void editsBecomeRules()
    {
        ReviewRulesModel model;
        QAbstractItemModelTester tester(&model);
        model.priorityRules(Priority::P3).samplePercent = 25;
        model.priorityRules(Priority::P1).slaHours = 4;
        const int row = model.insertRule(Priority::P1);
        QCOMPARE(model.index(row, ReviewRulesModel::PriorityColumn).data().toString(), QStringLiteral("P1"));
        QVERIFY(model.setData(model.index(row, ReviewRulesModel::KindColumn),
                              static_cast<int>(ReviewRule::Kind::JsonEquals)));
        QVERIFY(model.setData(model.index(row, ReviewRulesModel::FieldColumn), 1));
        QVERIFY(model.setData(model.index(row, ReviewRulesModel::PathColumn), QStringLiteral("build.stage")));
        QVERIFY(model.setData(model.index(row, ReviewRulesModel::ValueColumn), QStringLiteral("\"7\"")));
        QVERIFY(model.setData(model.index(row, ReviewRulesModel::TaskTypesColumn), QStringLiteral("deploy, ci_run")));
        auto rules = model.rules();
        QVERIFY2(rules.ok(), qPrintable(rules.ok() ? QString() : rules.error().message));
        QCOMPARE(rules->priority(Priority::P3).samplePercent, 25);
        QCOMPARE(rules->priority(Priority::P1).slaHours, 4);
        const ReviewRule &added = rules->priority(Priority::P1).rules.back();
        QCOMPARE(added.field, QStringLiteral("decision"));
        QCOMPARE(added.path, QStringLiteral("build.stage"));
        QCOMPARE(added.equals, QJsonValue(QStringLiteral("7")));  // quoted: text, not a number
        QCOMPARE(added.taskTypes, QStringList({QStringLiteral("deploy"), QStringLiteral("ci_run")}));

        ReviewRulesModel reloaded;
        reloaded.setRules(*rules);
        QVERIFY(*reloaded.rules() == *rules);
    }

    void invalidRowsAreRefused_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        const int below = static_cast<int>(ReviewRule::Kind::ConfidenceBelow);
        const int range = static_cast<int>(ReviewRule::Kind::ConfidenceRange);
        const int tasks = static_cast<int>(ReviewRule::Kind::TaskTypeIn);
        const int equals = static_cast<int>(ReviewRule::Kind::JsonEquals);
        const int greater = static_cast<int>(ReviewRule::Kind::JsonGreater);
        QTest::newRow("confidence not a number") << below << int(ReviewRulesModel::ValueColumn) << "abc"
                                                 << "from 0 to 1";
        QTest::newRow("confidence above 1") << below << int(ReviewRulesModel::ValueColumn) << "1.01"
                                            << "from 0 to 1";
        QTest::newRow("confidence below 0") << below << int(ReviewRulesModel::ValueColumn) << "-0.1"
                                            << "from 0 to 1";
        QTest::newRow("range end missing") << range << int(ReviewRulesModel::UpToColumn) << ""
                                           << "upper confidence";
        QTest::newRow("range reversed") << range << int(ReviewRulesModel::UpToColumn) << "0.2"
                                        << "above its end";
        QTest::newRow("no task types") << tasks << int(ReviewRulesModel::TaskTypesColumn) << " , "
                                       << "at least one task type";
        QTest::newRow("task type too long")
            << tasks << int(ReviewRulesModel::TaskTypesColumn) << QString(51, QLatin1Char('x')) << "longer than 50";
        QTest::newRow("key with a space") << equals << int(ReviewRulesModel::PathColumn) << "env name"
                                          << "joined by dots";
        QTest::newRow("key empty") << greater << int(ReviewRulesModel::PathColumn) << ""
                                   << "joined by dots";
        QTest::newRow("equals nothing") << equals << int(ReviewRulesModel::ValueColumn) << " "
                                        << "which value";
        QTest::newRow("greater than text") << greater << int(ReviewRulesModel::ValueColumn) << "many"
                                           << "not a number";
    }

    void invalidRowsAreRefused()
    {
        QFETCH(int, kind);
        QFETCH(int, column);
        QFETCH(QString, text);
        QFETCH(QString, message);
        ReviewRulesModel model;
        const int row = model.insertRule(Priority::P2);
        QVERIFY(model.setData(model.index(row, ReviewRulesModel::KindColumn), kind));
        // A valid rule of that kind first, so only the cell under test is wrong.
        model.setData(model.index(row, ReviewRulesModel::ValueColumn), QStringLiteral("0.5"));
        model.setData(model.index(row, ReviewRulesModel::UpToColumn), QStringLiteral("0.6"));
        model.setData(model.index(row, ReviewRulesModel::TaskTypesColumn), QStringLiteral("code_review"));
        model.setData(model.index(row, ReviewRulesModel::PathColumn), QStringLiteral("environment"));
        QVERIFY2(model.problem(row).isEmpty(), qPrintable(model.problem(row)));
        QVERIFY(model.rules().ok());

        QVERIFY(model.setData(model.index(row, column), text));
        QVERIFY2(model.problem(row).contains(message), qPrintable(model.problem(row)));
        auto rules = model.rules();
        QVERIFY(!rules.ok());
        QVERIFY2(rules.error().message.startsWith(QStringLiteral("Row %1 (P2): ").arg(row + 1)),
                 qPrintable(rules.error().message));
        QVERIFY(model.index(row, 0).data(Qt::BackgroundRole).isValid());
    }

    void noRulesAtAllIsRefused()
    {
        ReviewRulesModel model;
        while (model.rowCount() > 0)
            model.removeRule(0);
        QVERIFY(!model.rules().ok());
    }
};

QTEST_MAIN(TestReviewRulesModel)
#include "tst_review_rules_model.moc"
