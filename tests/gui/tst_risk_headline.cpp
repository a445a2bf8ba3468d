#include "ui/risk/RiskCharts.h"
#include "ui/shell/Language.h"

#include <QtTest>

using namespace atalaya;

// The Deployment risk page's headline is one sentence per level in both languages: "%1 risk"
// with the level's name made the Spanish "Riesgo Muy bajo".
class TestRiskHeadline : public QObject {
    Q_OBJECT
private slots:
    void headline_data()
    {
        QTest::addColumn<QString>("level");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("spanish");
        QTest::newRow("very_low") << "very_low" << "Very low risk" << "Riesgo muy bajo";
        QTest::newRow("low") << "low" << "Low risk" << "Riesgo bajo";
        QTest::newRow("medium") << "medium" << "Medium risk" << "Riesgo medio";
        QTest::newRow("high") << "high" << "High risk" << "Riesgo alto";
    }
    void headline()
    {
        QFETCH(QString, level);
        QFETCH(QString, english);
        QFETCH(QString, spanish);
        Language language;
        QCOMPARE(language.apply(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(riskHeadline(level), english);
        QCOMPARE(language.apply(QStringLiteral("es")), QStringLiteral("es"));
        const QString inSpanish = riskHeadline(level);
        language.apply(QStringLiteral("en"));
        QCOMPARE(inSpanish, spanish);
    }
};

QTEST_MAIN(TestRiskHeadline)
#include "tst_risk_headline.moc"
