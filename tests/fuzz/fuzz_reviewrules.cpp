// libFuzzer target for review-rule JSON (rules files and the saved setting, docs/REVIEW_QUEUE.md):
// any bytes are either a rule set or refused with a Usage error; an accepted set survives its
// own JSON; its SQL has exactly one bound value per placeholder and no text from the file; and
// C++ classify() and that SQL, run by a real SQLite on a fixed set of decisions, put every
// decision at the same priority (ReviewRules.h: "tests hold both to the same edge cases").
#include "tests/fuzz/FuzzCheck.h"
#include "core/queue/ReviewRulesSql.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <cstdint>

using namespace atalaya;

namespace {

struct Row {
    qint64 id;
    const char *taskType;
    double confidence;
    const char *decision;
    const char *metadata;
};

// Values the seed rules name, the range edges and rows a foreign writer may store; by id.
constexpr Row kRows[] = {
    {1, "classify", 0.5, R"({"action":"approve","amount":5000})", R"({"environment":"production"})"},
    {2, "route", 0.95, R"({"action":"reject"})", R"({"environment":"staging","risk":{"level":3}})"},
    {3, "classify", 0.96, R"({"action":"approve","flag":true})", R"({})"},
    {4, "payment", 0.7, R"({"amount":1e300})", R"({"environment":"production","retries":2})"},
    {5, "route", 0.85, R"({"flag":"true"})", R"({"risk":{"level":"3"}})"},
    {6, "classify", 0.0, R"({})", R"({"environment":null})"},
    {7, "payment", 1.0, R"({"amount":-1})", R"({"environment":"Production"})"},
    {8, "classify", 1.7, R"(not json)", R"([1,2])"},
    {9, "route", -0.1, R"({"action":"approve"})", R"({"environment":"production"})"},
    {43, "triage", 0.97, R"({"action":"approve"})", R"({"risk":{"level":3.5}})"},
    {44, "classify", 0.6999999999999999, R"({"a":{"b":{"c":1}}})", R"({"environment":"prod"})"},
    {2147483655, "classify", 0.99, R"({"amount":5000.0})", R"({"environment":"production"})"},
};

QSqlDatabase &sqlite()
{
    static QSqlDatabase db = [] {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fuzz"));
        d.setDatabaseName(QStringLiteral(":memory:"));
        FUZZ_CHECK(d.open());
        QSqlQuery q(d);
        FUZZ_CHECK(q.exec(QStringLiteral("CREATE TABLE ai_telemetry (id BIGINT PRIMARY KEY, task_type VARCHAR(50),"
                                         " confidence_score DECIMAL(5,4), decision_made TEXT, metadata TEXT)")));
        FUZZ_CHECK(q.prepare(QStringLiteral("INSERT INTO ai_telemetry VALUES (?,?,?,?,?)")));
        for (const Row &r : kRows) {
            q.addBindValue(r.id);
            q.addBindValue(QString::fromUtf8(r.taskType));
            q.addBindValue(r.confidence);
            q.addBindValue(QString::fromUtf8(r.decision));
            q.addBindValue(QString::fromUtf8(r.metadata));
            FUZZ_CHECK(q.exec());
        }
        return d;
    }();
    return db;
}

ReviewCandidate candidate(const Row &r)
{
    return {r.id, QString::fromUtf8(r.taskType), r.confidence, QJsonDocument::fromJson(QByteArray(r.decision)).object(),
            QJsonDocument::fromJson(QByteArray(r.metadata)).object()};
}

// Placeholders outside quoted SQL text, as inlineValues() counts them.
qsizetype placeholders(const QString &sql)
{
    qsizetype n = 0;
    bool quoted = false;
    for (const QChar c : sql) {
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        else if (c == QLatin1Char('?') && !quoted)
            ++n;
    }
    return n;
}

void checkSql(const SqlFragment &f)
{
    FUZZ_CHECK(placeholders(f.sql) == f.values.size());
    FUZZ_CHECK(!f.sql.contains(QLatin1Char(';')) && !f.sql.contains(QLatin1String("--"))
               && !f.sql.contains(QLatin1Char('"')));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    // The saved setting never fails: a broken one falls back to the defaults.
    ReviewRules::fromSettingsJson(bytes);

    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (!doc.isObject())
        return 0;
    const Result<ReviewRules> rules = ReviewRules::fromJson(doc.object());
    if (!rules) {
        FUZZ_CHECK(rules.error().code == ErrorCode::Usage && !rules.error().message.isEmpty());
        return 0;
    }
    const Result<ReviewRules> again = ReviewRules::fromJson(rules->toJson());
    FUZZ_CHECK(again.ok() && *again == *rules);

    for (Backend b : {Backend::SQLite, Backend::MySQL}) {
        for (SampleMode mode : {SampleMode::SampleOnly, SampleMode::All, SampleMode::Coded}) {
            checkSql(priorityExpression(*rules, Dialect(b), mode, QString()));
            checkSql(priorityExpression(*rules, Dialect(b), mode, QStringLiteral("NEW.")));
        }
    }

    // Each sample mode against classify(): Coded keeps a match outside its priority's sample as
    // priority + 4, SampleOnly leaves it out (9) and All keeps it at its priority.
    for (SampleMode mode : {SampleMode::Coded, SampleMode::SampleOnly, SampleMode::All}) {
        const SqlFragment expr = priorityExpression(*rules, Dialect(Backend::SQLite), mode, QString());
        QSqlQuery q(sqlite());
        FUZZ_CHECK(
            q.prepare(QStringLiteral("SELECT id, ") + expr.sql + QStringLiteral(" FROM ai_telemetry ORDER BY id")));
        for (const QVariant &v : expr.values)
            q.addBindValue(v);
        FUZZ_CHECK(q.exec());
        for (const Row &r : kRows) {
            FUZZ_CHECK(q.next() && q.value(0).toLongLong() == r.id);
            const std::optional<RuleMatch> m = rules->classify(candidate(r));
            int expected = 9;
            if (m && (m->sampled || mode == SampleMode::All))
                expected = static_cast<int>(m->priority);
            else if (m && mode == SampleMode::Coded)
                expected = static_cast<int>(m->priority) + kPriorityCount;
            FUZZ_CHECK(q.value(1).toInt() == expected);
            if (m)
                FUZZ_CHECK(!m->reason.isEmpty());
        }
    }
    return 0;
}
