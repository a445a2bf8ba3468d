#include "core/telemetry/DecisionValidator.h"

#include <QJsonDocument>
#include <QtTest>

using namespace atalaya;

namespace {

QJsonObject validBody()
{
    return QJsonDocument::fromJson(R"({"agent_id":"code-review-agent","task_type":"code_review",
        "decision":{"action":"approve"},"confidence":0.92,"execution_time_ms":150,
        "metadata":{"pr":42}})")
        .object();
}

// The valid body with `field` replaced by the JSON text `value` ("<absent>" removes it).
QJsonObject with(const QString &field, const QByteArray &value)
{
    QJsonObject body = validBody();
    if (value == "<absent>") {
        body.remove(field);
        return body;
    }
    const QJsonDocument doc = QJsonDocument::fromJson("[" + value + "]");
    body.insert(field, doc.array().at(0));
    return body;
}

}  // namespace

class TestValidator : public QObject {
    Q_OBJECT
private slots:
    void rejectsEveryBadField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QByteArray>("value");
        const QByteArray long101 = '"' + QByteArray(101, 'a') + '"';
        const QByteArray long51 = '"' + QByteArray(51, 't') + '"';
        QTest::newRow("agent missing") << "agent_id" << QByteArray("<absent>");
        QTest::newRow("agent null") << "agent_id" << QByteArray("null");
        QTest::newRow("agent number") << "agent_id" << QByteArray("7");
        QTest::newRow("agent empty") << "agent_id" << QByteArray("\"\"");
        QTest::newRow("agent blank") << "agent_id" << QByteArray("\"   \"");
        QTest::newRow("agent 101 chars") << "agent_id" << long101;
        QTest::newRow("task missing") << "task_type" << QByteArray("<absent>");
        QTest::newRow("task object") << "task_type" << QByteArray("{}");
        QTest::newRow("task 51 chars") << "task_type" << long51;
        QTest::newRow("decision missing") << "decision" << QByteArray("<absent>");
        QTest::newRow("decision string") << "decision" << QByteArray("\"approve\"");
        QTest::newRow("decision array") << "decision" << QByteArray("[1]");
        QTest::newRow("decision null") << "decision" << QByteArray("null");
        QTest::newRow("confidence missing") << "confidence" << QByteArray("<absent>");
        QTest::newRow("confidence string") << "confidence" << QByteArray("\"0.5\"");
        QTest::newRow("confidence bool") << "confidence" << QByteArray("true");
        QTest::newRow("confidence below 0") << "confidence" << QByteArray("-0.0001");
        QTest::newRow("confidence above 1") << "confidence" << QByteArray("1.0001");
        QTest::newRow("confidence 1.7") << "confidence" << QByteArray("1.7");
        QTest::newRow("time missing") << "execution_time_ms" << QByteArray("<absent>");
        QTest::newRow("time negative") << "execution_time_ms" << QByteArray("-1");
        QTest::newRow("time fraction") << "execution_time_ms" << QByteArray("1.5");
        QTest::newRow("time string") << "execution_time_ms" << QByteArray("\"100\"");
        QTest::newRow("time above INT") << "execution_time_ms" << QByteArray("2147483648");
        QTest::newRow("metadata array") << "metadata" << QByteArray("[]");
        QTest::newRow("metadata string") << "metadata" << QByteArray("\"x\"");
        QTest::newRow("created_at words") << "created_at" << QByteArray("\"yesterday\"");
        QTest::newRow("created_at number") << "created_at" << QByteArray("1700000000");
    }
    void rejectsEveryBadField()
    {
        QFETCH(QString, field);
        QFETCH(QByteArray, value);
        auto r = validateDecision(with(field, value));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Usage);
        QVERIFY2(r.error().message.contains(QLatin1Char('\'') + field + QLatin1Char('\'')),
                 qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(QLatin1Char('\n')));
    }

    void acceptsEdges_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("agent 100 chars") << "agent_id" << '"' + QByteArray(100, 'a') + '"';
        QTest::newRow("agent unicode") << "agent_id" << QByteArray("\"agénte-😀\"");
        QTest::newRow("task 50 chars") << "task_type" << '"' + QByteArray(50, 't') + '"';
        QTest::newRow("confidence 0") << "confidence" << QByteArray("0");
        QTest::newRow("confidence 1") << "confidence" << QByteArray("1");
        QTest::newRow("time 0") << "execution_time_ms" << QByteArray("0");
        QTest::newRow("time INT max") << "execution_time_ms" << QByteArray("2147483647");
        QTest::newRow("metadata absent") << "metadata" << QByteArray("<absent>");
        QTest::newRow("metadata null") << "metadata" << QByteArray("null");
        QTest::newRow("decision empty object") << "decision" << QByteArray("{}");
        QTest::newRow("created_at Z") << "created_at" << QByteArray("\"2025-11-07T10:30:00Z\"");
        QTest::newRow("created_at offset") << "created_at" << QByteArray("\"2025-11-07T12:30:00+02:00\"");
    }
    void acceptsEdges()
    {
        QFETCH(QString, field);
        QFETCH(QByteArray, value);
        auto r = validateDecision(with(field, value));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    }

    void createdAtRange_data()
    {
        QTest::addColumn<QString>("createdAt");
        QTest::addColumn<bool>("accepted");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QTest::newRow("1900") << "1900-01-01T00:00:00Z" << false;
        QTest::newRow("1970") << "1970-01-01T00:00:00Z" << false;
        QTest::newRow("just before 2000") << "1999-12-31T23:59:59Z" << false;
        QTest::newRow("2000 in UTC, 1999 locally") << "2000-01-01T01:00:00+02:00" << false;
        QTest::newRow("2000") << "2000-01-01T00:00:00Z" << true;
        QTest::newRow("now") << now.toString(Qt::ISODate) << true;
        QTest::newRow("now + 23 h") << now.addSecs(23 * 3600).toString(Qt::ISODate) << true;
        QTest::newRow("now + 2 days") << now.addDays(2).toString(Qt::ISODate) << false;
        QTest::newRow("9999") << "9999-06-01T00:00:00Z" << false;
    }
    void createdAtRange()
    {
        QFETCH(QString, createdAt);
        QFETCH(bool, accepted);
        QJsonObject body = validBody();
        body.insert(QStringLiteral("created_at"), createdAt);
        auto r = validateDecision(body);
        QCOMPARE(r.ok(), accepted);
        if (!accepted) {
            QCOMPARE(r.error().code, ErrorCode::Usage);
            QVERIFY2(r.error().message.contains("outside the accepted range 2000-01-01T00:00:00Z to "),
                     qPrintable(r.error().message));
        }
    }

    void keepsTheValues()
    {
        QJsonObject body = validBody();
        body.insert(QStringLiteral("created_at"), QStringLiteral("2025-11-07T12:30:00+02:00"));
        auto r = validateDecision(body);
        QVERIFY(r.ok());
        QCOMPARE(r->agentId, QStringLiteral("code-review-agent"));
        QCOMPARE(r->taskType, QStringLiteral("code_review"));
        QCOMPARE(r->confidence, 0.92);
        QCOMPARE(r->executionTimeMs, qint64(150));
        QCOMPARE(r->metadata.value(QStringLiteral("pr")).toInt(), 42);
        QCOMPARE(r->createdAt, QDateTime(QDate(2025, 11, 7), QTime(10, 30), Qt::UTC));
        QVERIFY(!r->feedback);
    }

    // Lengths are counted in characters (code points), as VARCHAR(n) with utf8mb4 counts them;
    // text with a lone surrogate cannot be stored and is refused rather than turned into '?'.
    void countsCharactersNotUtf16Units_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        const QString emoji = QString::fromUtf8("😀");
        const QChar high(0xD800);
        const QChar low(0xDC00);
        QTest::newRow("agent 100 emoji") << "agent_id" << emoji.repeated(100) << true;
        QTest::newRow("agent 101 emoji") << "agent_id" << emoji.repeated(101) << false;
        QTest::newRow("agent 99 emoji + 1") << "agent_id" << emoji.repeated(99) + QLatin1Char('a') << true;
        QTest::newRow("task 50 emoji") << "task_type" << emoji.repeated(50) << true;
        QTest::newRow("task 51 emoji") << "task_type" << emoji.repeated(51) << false;
        QTest::newRow("agent lone high surrogate") << "agent_id" << QString(QStringLiteral("ab") + high) << false;
        QTest::newRow("agent lone low surrogate") << "agent_id" << QString(low + QStringLiteral("ab")) << false;
        QTest::newRow("task reversed pair") << "task_type" << QString(QString(low) + high) << false;
    }
    void countsCharactersNotUtf16Units()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(bool, valid);
        QJsonObject body = validBody();
        body.insert(field, value);
        auto r = validateDecision(body);
        QCOMPARE(r.ok(), valid);
        if (valid) {
            QCOMPARE(field == QLatin1String("agent_id") ? r->agentId : r->taskType, value);
            return;
        }
        QCOMPARE(r.error().code, ErrorCode::Usage);
        QVERIFY2(r.error().message.contains(QLatin1Char('\'') + field + QLatin1Char('\'')),
                 qPrintable(r.error().message));
        if (value.isValidUtf16())
            QVERIFY2(r.error().message.contains(QStringLiteral("has %1 characters").arg(value.size() / 2)),
                     qPrintable(r.error().message));
    }

    void rejectsBadDocuments_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("{agent_id: x}");
        QTest::newRow("truncated") << QByteArray(R"({"agent_id":"a")");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("empty") << QByteArray("");
    }
    void rejectsBadDocuments()
    {
        QFETCH(QByteArray, json);
        auto r = validateDecisionJson(json);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Usage);
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
