#include "core/queue/ReviewRulesSql.h"

#include <QLocale>
#include <QSqlDriver>
#include <QSqlField>

#include <algorithm>

namespace atalaya {
namespace {

QString jsonColumn(const ReviewRule &r, const QString &row)
{
    return row + (r.field == QLatin1String("decision") ? QStringLiteral("decision_made") : QStringLiteral("metadata"));
}

QString jsonPath(const ReviewRule &r)
{
    return QStringLiteral("$.") + r.path;
}

// MariaDB stores JSON as checked LONGTEXT; SQLite's json_* raise on malformed text, so every
// SQLite JSON test is guarded by json_valid (rows from other writers may hold anything).
SqlFragment jsonEqualsSql(const ReviewRule &r, const Dialect &d, const QString &row)
{
    const QString col = jsonColumn(r, row);
    const QString path = jsonPath(r);
    if (d.isMySql()) {
        if (r.equals.isBool())
            // MariaDB compares a JSON string "true" equal to 'true' too: check the type.
            return {QStringLiteral("JSON_TYPE(JSON_EXTRACT(%1, ?)) = 'BOOLEAN' AND JSON_EXTRACT(%1, ?) = ?").arg(col),
                    {path, path, r.equals.toBool() ? QStringLiteral("true") : QStringLiteral("false")}};
        if (r.equals.isDouble())
            return {
                QStringLiteral("JSON_TYPE(JSON_EXTRACT(%1, ?)) IN ('INTEGER', 'DOUBLE') AND JSON_EXTRACT(%1, ?) = ?")
                    .arg(col),
                {path, path, r.equals.toDouble()}};
        return {QStringLiteral("JSON_VALUE(%1, ?) = ?").arg(col), {path, r.equals.toString()}};
    }
    if (r.equals.isBool())
        return {QStringLiteral("json_valid(%1) AND json_type(%1, ?) = ?").arg(col),
                {path, r.equals.toBool() ? QStringLiteral("true") : QStringLiteral("false")}};
    if (r.equals.isDouble())
        return {QStringLiteral("json_valid(%1) AND json_type(%1, ?) IN ('integer', 'real') AND json_extract(%1, ?) = ?")
                    .arg(col),
                {path, path, r.equals.toDouble()}};
    return {QStringLiteral("json_valid(%1) AND json_type(%1, ?) = 'text' AND json_extract(%1, ?) = ?").arg(col),
            {path, path, r.equals.toString()}};
}

SqlFragment jsonGreaterSql(const ReviewRule &r, const Dialect &d, const QString &row)
{
    const QString col = jsonColumn(r, row);
    const QString path = jsonPath(r);
    if (d.isMySql())
        return {QStringLiteral("JSON_TYPE(JSON_EXTRACT(%1, ?)) IN ('INTEGER', 'DOUBLE') AND JSON_EXTRACT(%1, ?) > ?")
                    .arg(col),
                {path, path, r.value}};
    return {QStringLiteral("json_valid(%1) AND json_type(%1, ?) IN ('integer', 'real') AND json_extract(%1, ?) > ?")
                .arg(col),
            {path, path, r.value}};
}

SqlFragment inList(const QString &column, const QStringList &values)
{
    SqlFragment f;
    QStringList marks;
    for (const QString &v : values) {
        marks << QStringLiteral("?");
        f.values << v;
    }
    f.sql = QStringLiteral("%1 IN (%2)").arg(column, marks.join(QStringLiteral(", ")));
    return f;
}

// ReviewRules.h: confidence rules skip an out-of-range confidence, which has its own reason.
QString validConfidenceSql(const QString &confidence)
{
    return QStringLiteral("%1 >= 0 AND %1 <= 1 AND ").arg(confidence);
}

SqlFragment ruleSql(const ReviewRule &r, const Dialect &d, const QString &row)
{
    const QString confidence = row + QStringLiteral("confidence_score");
    const QString taskType = row + QStringLiteral("task_type");
    SqlFragment f;
    switch (r.kind) {
    case ReviewRule::Kind::ConfidenceBelow:
        f = {validConfidenceSql(confidence) + confidence + QStringLiteral(" < ?"), {r.value}};
        break;
    case ReviewRule::Kind::ConfidenceRange:
        f = {validConfidenceSql(confidence)
                 + QStringLiteral("%1 >= ? AND %1 %2 ?")
                       .arg(confidence, r.maxInclusive ? QStringLiteral("<=") : QStringLiteral("<")),
             {r.min, r.max}};
        break;
    case ReviewRule::Kind::ConfidenceAbove:
        f = {validConfidenceSql(confidence) + confidence + QStringLiteral(" > ?"), {r.value}};
        break;
    case ReviewRule::Kind::TaskTypeIn: return inList(taskType, r.taskTypes);
    case ReviewRule::Kind::JsonEquals:
    case ReviewRule::Kind::JsonGreater: {
        f = r.kind == ReviewRule::Kind::JsonEquals ? jsonEqualsSql(r, d, row) : jsonGreaterSql(r, d, row);
        // A text match on the quoted key is a necessary condition and ~10× cheaper than
        // parsing the JSON, so most rows never reach the JSON functions.
        f.sql = QStringLiteral("%1 LIKE ? AND ").arg(jsonColumn(r, row)) + f.sql;
        f.values.prepend(QStringLiteral("%\"") + r.path.section(QLatin1Char('.'), -1) + QStringLiteral("\"%"));
        break;
    }
    }
    if (!r.taskTypes.isEmpty()) {
        SqlFragment only = inList(taskType, r.taskTypes);
        f.sql = only.sql + QStringLiteral(" AND ") + f.sql;
        f.values = only.values + f.values;
    }
    return f;
}

}  // namespace

QString sampleBucketSql(const QString &idColumn)
{
    return QStringLiteral("((((") + idColumn
        + QStringLiteral(" % 2147483648) * 2654435761 + 40503) % 4294967311) % 100)");
}

QString secondReviewBucketSql(const QString &idColumn)
{
    return QStringLiteral("((((") + idColumn
        + QStringLiteral(" % 2147483648) * 2246822519 + 374761393) % 4294967291) % 100)");
}

SqlFragment priorityExpression(const ReviewRules &rules, const Dialect &dialect, SampleMode mode, const QString &row)
{
    SqlFragment out;
    out.sql = QStringLiteral("CASE");
    for (int i = 0; i < kPriorityCount; ++i) {
        const PriorityRules &p = rules.priority(static_cast<Priority>(i));
        const bool invalidHere = i == static_cast<int>(kInvalidConfidencePriority);
        if (p.rules.empty() && !invalidHere)
            continue;
        QStringList ors;
        QVariantList values;
        if (invalidHere)
            ors << QStringLiteral("(%1confidence_score < 0 OR %1confidence_score > 1)").arg(row);
        // Cheap column tests first: OR stops at the first true one.
        std::vector<ReviewRule> ordered = p.rules;
        std::stable_partition(ordered.begin(), ordered.end(), [](const ReviewRule &r) {
            return r.kind != ReviewRule::Kind::JsonEquals && r.kind != ReviewRule::Kind::JsonGreater;
        });
        for (const ReviewRule &r : ordered) {
            SqlFragment f = ruleSql(r, dialect, row);
            ors << QStringLiteral("(") + f.sql + QStringLiteral(")");
            values << f.values;
        }
        const QString when = QStringLiteral("(") + ors.join(QStringLiteral(" OR ")) + QStringLiteral(")");
        QString then = QString::number(i);
        // A match outside the sample stays at its priority, unqueued (ReviewRules::classify()):
        // it does not fall through to a lower priority that also matches.
        if (p.samplePercent < 100 && mode != SampleMode::All) {
            const QString inSample = sampleBucketSql(row + QStringLiteral("id")) + QStringLiteral(" < ?");
            then = QStringLiteral("CASE WHEN %1 THEN %2 ELSE %3 END")
                       .arg(inSample)
                       .arg(i)
                       .arg(mode == SampleMode::Coded ? i + kPriorityCount : 9);
            values << p.samplePercent;
        }
        out.sql += QStringLiteral(" WHEN %1 THEN %2").arg(when, then);
        out.values << values;
    }
    out.sql += QStringLiteral(" ELSE 9 END");
    return out;
}

SqlFragment priorityExpression(const ReviewRules &rules, const Dialect &dialect, bool includeAllP3)
{
    return priorityExpression(rules, dialect, includeAllP3 ? SampleMode::All : SampleMode::SampleOnly, {});
}

QString inlineValues(const SqlFragment &fragment, const QSqlDriver &driver)
{
    QString out;
    qsizetype next = 0;
    bool quoted = false;
    for (const QChar c : fragment.sql) {
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        if (c != QLatin1Char('?') || quoted) {
            out += c;
            continue;
        }
        const QVariant v = fragment.values.value(next++);
        if (v.typeId() == QMetaType::Double) {
            // A DOUBLE literal, as the bound value is: with "1" MariaDB compares a JSON number
            // such as 1e300 as DECIMAL and the overflow fails the trigger, so another
            // system's INSERT of that row would be refused.
            QString number = QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
            if (!number.contains(QLatin1Char('e')))
                number += QStringLiteral("E0");
            out += number;
        } else if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong)
            out += QString::number(v.toLongLong());
        else {
            // Braces: clang reads the parenthesised form as a function declaration.
            QSqlField field{QString(), QMetaType(QMetaType::QString)};
            field.setValue(v.toString());
            out += driver.formatValue(field);
        }
    }
    return out;
}

}  // namespace atalaya
