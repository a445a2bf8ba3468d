#include "tests/support/TestDatabases.h"

#include "core/rollup/ModelVersionText.h"
#include "core/rollup/RollupSections.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QtTest>

using namespace atalaya;

// rollup::modelVersionOf on a metadata text equals what the server's own expression
// (rollup::modelVersionExpression, read through rollup::modelVersionKey as the section build
// and the raw version read do) gives for the same text in a metadata column: JSON_VALUE on
// MariaDB, json_extract on SQLite.
class TestModelVersionText : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    test::FreshDatabase m_fresh;
    int m_nextId = 0;

    bool onMariaDb() const { return m_db->dialect().isMySql(); }
    rollup::JsonReader reader() const { return onMariaDb() ? rollup::JsonReader::MariaDb : rollup::JsonReader::Sqlite; }

    // The server's reading of `metadata` stored in `table`, or an error text.
    Result<VersionCells::Key> serverReading(const QString &table, const QByteArray &metadata)
    {
        const int id = ++m_nextId;
        if (Status s = execStatement(*m_db, QStringLiteral("INSERT INTO %1 (id, metadata) VALUES (?, ?)").arg(table),
                                     {id, QString::fromUtf8(metadata)}, QStringLiteral("storing the metadata"));
            !s)
            return s.error();
        auto q = execQuery(*m_db,
                           QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                               .arg(rollup::modelVersionExpression(m_db->dialect()), table),
                           {id}, QStringLiteral("reading the model version"));
        if (!q)
            return q.error();
        if (!q->next())
            return makeError(ErrorCode::Internal, QStringLiteral("the stored row is missing"));
        return rollup::modelVersionKey(q->value(0));
    }

    static QString describe(const VersionCells::Key &key)
    {
        if (!key)
            return QStringLiteral("(none)");
        QStringList codes;
        for (QChar c : *key)
            codes << QString::number(c.unicode(), 16);
        return QStringLiteral("\"%1\" [%2]").arg(*key, codes.join(' '));
    }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase(false);
        QVERIFY2(m_fresh.db, "no test database");
        m_db = m_fresh.db;
        // As the seed schema declares it (MariaDB's JSON checks JSON_VALID), and a text column
        // without that check, where text that is not JSON can be stored.
        const QString json = onMariaDb() ? QStringLiteral("JSON") : QStringLiteral("TEXT");
        const QString text = onMariaDb() ? QStringLiteral("LONGTEXT") : QStringLiteral("TEXT");
        for (const auto &[table, type] :
             {std::pair{QStringLiteral("json_meta"), json}, {QStringLiteral("text_meta"), text}})
            QVERIFY(execStatement(
                *m_db,
                QStringLiteral("CREATE TABLE %1 (id INT NOT NULL PRIMARY KEY, metadata %2 NULL)").arg(table, type), {},
                QStringLiteral("creating the metadata table")));
    }

    void matchesServer_data()
    {
        QTest::addColumn<QByteArray>("metadata");
        auto row = [](const char *name, const char *text) { QTest::newRow(name) << QByteArray(text); };
        row("string", "{\"model_version\":\"v1.2\"}");
        row("among others", "{\"source\":\"bench\",\"model_version\":\"v2.1.0\",\"region\":\"eu\"}");
        row("last member", "{\"a\":1,\"b\":[1,{\"c\":\"}\"}],\"model_version\":\"v9\"}");
        row("whitespace", " \t\r\n{ \n\"model_version\"\t:\r \"v1\" \n}\n ");
        row("value with spaces", "{\"model_version\":\" padded \"}");
        row("empty string", "{\"model_version\":\"\"}");
        row("nested only", "{\"a\":{\"model_version\":\"inner\"}}");
        row("nested before top level", "{\"a\":{\"model_version\":\"inner\"},\"model_version\":\"outer\"}");
        row("key text inside a string", "{\"x\":\"\\\"model_version\\\":\\\"fake\\\"\"}");
        row("key as a value", "{\"a\":\"model_version\",\"model_version\":\"b\"}");
        row("duplicate keys", "{\"model_version\":\"first\",\"model_version\":\"second\"}");
        row("null then string", "{\"model_version\":null,\"model_version\":\"v1\"}");
        row("missing", "{\"source\":\"bench\"}");
        row("empty object", "{}");
        row("array at top", "[\"model_version\"]");
        row("string at top", "\"model_version\"");
        row("other case", "{\"Model_Version\":\"case\"}");
        row("key with a space", "{\"model_version \":\"space\"}");
        row("escaped key", "{\"model\\u005fversion\":\"esc-key\"}");
        row("null", "{\"model_version\":null}");
        row("true", "{\"model_version\":true}");
        row("false", "{\"model_version\":false}");
        row("integer", "{\"model_version\":2}");
        row("negative zero", "{\"model_version\":-0}");
        row("decimal", "{\"model_version\":2.10}");
        row("exponent", "{\"model_version\":1e3}");
        row("signed exponent", "{\"model_version\":-1.5E+3 }");
        row("huge integer", "{\"model_version\":12345678901234567890}");
        row("smallest integer", "{\"model_version\":-9223372036854775808}");
        row("object", "{\"model_version\":{\"a\": 1, \"b\" : [true, \"x y\"]}}");
        row("array", "{\"model_version\":[1, 2]}");
        row("simple escapes", "{\"model_version\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"}");
        row("unicode escapes", "{\"model_version\":\"\\u00e9\\u4E2D\\u0041\"}");
        row("surrogate pair", "{\"model_version\":\"\\ud83d\\ude00\"}");
        row("upper-case surrogate pair", "{\"model_version\":\"\\uD83D\\uDE00\"}");
        row("escaped NUL", "{\"model_version\":\"\\u0000x\"}");
        row("noncharacter escape", "{\"model_version\":\"v\\uffff\"}");
        row("raw UTF-8", "{\"model_version\":\"v\xc3\xa9\xe7\x9b\xb4-\xf0\x9f\x98\x80\"}");
        row("escapes before the key", "{\"a\":\"\\\"\\\\\\u0041\",\"model_version\":\"q\"}");
        // Text JSON_VALID refuses (json_valid accepts the lone surrogate): only a column
        // without the JSON check can hold it.
        row("cut after the value", "{\"model_version\":\"ok\", broken");
        row("unterminated object", "{\"model_version\":\"ok\"");
        row("garbage after", "{\"model_version\":\"ok\"} trailing");
        row("trailing comma", "{\"model_version\":\"ok\",}");
        row("broken before the key", "{\"x\": broken, \"model_version\":\"ok\"}");
        row("missing colon", "{\"model_version\" \"ok\"}");
        row("unquoted key", "{model_version:\"ok\"}");
        row("no value", "{\"model_version\":");
        row("bad escape in the value", "{\"model_version\":\"x\\u00\"}");
        row("lone surrogate", "{\"model_version\":\"\\ud83d\"}");
        row("raw tab in the value", "{\"model_version\":\"raw\ttab\"}");
        row("raw tab before the key", "{\"a\":\"t\tb\",\"model_version\":\"q\"}");
        row("bad member before the key", "{\"a\":{\"x\" 1},\"model_version\":\"q\"}");
        row("bad array before the key", "{\"a\":[1,2,}],\"model_version\":\"q\"}");
        row("bad literal before the key", "{\"a\":tru,\"model_version\":\"q\"}");
        row("bad literal", "{\"model_version\":tru}");
        row("empty text", "");
    }

    void matchesServer()
    {
        QFETCH(QByteArray, metadata);
        const VersionCells::Key ours = rollup::modelVersionOf(metadata, reader());
        const QString validSql =
            onMariaDb() ? QStringLiteral("SELECT JSON_VALID(?)") : QStringLiteral("SELECT json_valid(?)");
        const bool validJson = test::scalar(*m_db, validSql, {QString::fromUtf8(metadata)}) == 1;
        // SQLite's valid-row test (json_valid) keeps such a row out of every figure, and
        // json_extract would fail the whole statement on it.
        if (!validJson && !onMariaDb())
            return;
        const auto server =
            serverReading(validJson ? QStringLiteral("json_meta") : QStringLiteral("text_meta"), metadata);
        QVERIFY2(server.ok(), qPrintable(server.ok() ? QString() : server.error().message));
        if (ours != *server)
            qWarning().noquote() << "server" << describe(*server) << "ours" << describe(ours);
        QCOMPARE(ours, *server);
    }

    // Both readings occur in the table above, so a function that always answers one way fails.
    void casesCoverBothAnswers()
    {
        int versions = 0, none = 0;
        for (const char *text : {"{\"model_version\":\"v1\"}", "{\"source\":\"bench\"}"}) {
            const auto server = serverReading(QStringLiteral("json_meta"), text);
            QVERIFY(server.ok());
            (*server ? versions : none) += 1;
        }
        QCOMPARE(versions, 1);
        QCOMPARE(none, 1);
    }
};

QTEST_GUILESS_MAIN(TestModelVersionText)
#include "tst_model_version_text.moc"
