#include "ui/review/ReviewRulesModel.h"

#include "ui/review/ReviewRuleCells.h"
#include "ui/review/ReviewColors.h"

#include <QBrush>
#include <QRegularExpression>

namespace atalaya {

using namespace rulecells;

ReviewRulesModel::ReviewRulesModel(QObject *parent) : QAbstractTableModel(parent)
{
    setRules(ReviewRules::defaults());
}

ReviewRulesModel::Row ReviewRulesModel::rowOf(Priority p, const ReviewRule &rule)
{
    Row row;
    row.priority = p;
    row.kind = rule.kind;
    row.taskTypes = rule.taskTypes.join(QStringLiteral(", "));
    row.label = rule.label;
    switch (rule.kind) {
    case ReviewRule::Kind::ConfidenceBelow:
    case ReviewRule::Kind::ConfidenceAbove:
    case ReviewRule::Kind::JsonGreater: row.value = numberText(rule.value); break;
    case ReviewRule::Kind::ConfidenceRange:
        row.value = numberText(rule.min);
        row.upTo = numberText(rule.max);
        row.upToInclusive = rule.maxInclusive;
        break;
    case ReviewRule::Kind::JsonEquals:
        // Text that would read back as a number or boolean is quoted to stay text.
        row.value = jsonValueText(rule.equals);
        if (rule.equals.isString() && !equalsValue(row.value).isString())
            row.value = QLatin1Char('"') + row.value + QLatin1Char('"');
        break;
    case ReviewRule::Kind::TaskTypeIn: break;
    }
    if (isJsonKind(rule.kind)) {
        row.field = rule.field;
        row.path = rule.path;
    }
    return row;
}

void ReviewRulesModel::setRules(const ReviewRules &rules)
{
    beginResetModel();
    m_base = rules;
    m_rows.clear();
    for (int i = 0; i < kPriorityCount; ++i) {
        for (const ReviewRule &rule : rules.priority(static_cast<Priority>(i)).rules)
            m_rows.push_back(rowOf(static_cast<Priority>(i), rule));
    }
    endResetModel();
    emit edited();
}

Result<ReviewRule> ReviewRulesModel::ruleOf(const Row &row) const
{
    auto fail = [](const QString &why) { return makeError(ErrorCode::Usage, why); };
    ReviewRule r;
    r.kind = row.kind;
    r.label = row.label.trimmed();
    r.taskTypes = splitTaskTypes(row.taskTypes);
    for (const QString &t : r.taskTypes) {
        if (t.size() > 50)
            return fail(tr("task type \"%1\" is longer than 50 characters").arg(t));
    }
    const auto value = parseNumber(row.value);
    if (isConfidenceKind(row.kind) && (!value || *value < 0.0 || *value > 1.0))
        return fail(tr("the confidence \"%1\" must be a number from 0 to 1").arg(row.value));
    switch (row.kind) {
    case ReviewRule::Kind::ConfidenceBelow:
    case ReviewRule::Kind::ConfidenceAbove: r.value = *value; break;
    case ReviewRule::Kind::ConfidenceRange: {
        const auto upTo = parseNumber(row.upTo);
        if (!upTo || *upTo < 0.0 || *upTo > 1.0)
            return fail(tr("the upper confidence \"%1\" must be a number from 0 to 1").arg(row.upTo));
        if (*upTo < *value)
            return fail(tr("the range starts at %1, above its end %2").arg(row.value, row.upTo));
        r.min = *value;
        r.max = *upTo;
        r.maxInclusive = row.upToInclusive;
        break;
    }
    case ReviewRule::Kind::TaskTypeIn:
        if (r.taskTypes.isEmpty())
            return fail(tr("list at least one task type, separated by commas"));
        break;
    case ReviewRule::Kind::JsonEquals:
    case ReviewRule::Kind::JsonGreater: {
        static const QRegularExpression pathRe(QStringLiteral("^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$"));
        r.field = row.field;
        r.path = row.path.trimmed();
        if (!pathRe.match(r.path).hasMatch())
            return fail(tr("the key \"%1\" must be names of letters, digits and _ joined by dots (e.g. environment)")
                            .arg(row.path));
        if (row.kind == ReviewRule::Kind::JsonGreater) {
            if (!value)
                return fail(tr("\"%1\" is not a number").arg(row.value));
            r.value = *value;
        } else {
            if (row.value.trimmed().isEmpty())
                return fail(tr("say which value the key must have"));
            r.equals = equalsValue(row.value);
        }
        break;
    }
    }
    return r;
}

QString ReviewRulesModel::problem(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    auto rule = ruleOf(m_rows[static_cast<size_t>(row)]);
    return rule ? QString() : rule.error().message;
}

Result<ReviewRules> ReviewRulesModel::rules() const
{
    ReviewRules out = m_base;
    for (int i = 0; i < kPriorityCount; ++i)
        out.priority(static_cast<Priority>(i)).rules.clear();
    for (size_t i = 0; i < m_rows.size(); ++i) {
        auto rule = ruleOf(m_rows[i]);
        if (!rule)
            return makeError(
                ErrorCode::Usage,
                tr("Row %1 (%2): %3").arg(i + 1).arg(priorityName(m_rows[i].priority), rule.error().message));
        out.priority(m_rows[i].priority).rules.push_back(*rule);
    }
    bool any = false;
    for (int i = 0; i < kPriorityCount; ++i)
        any |= !out.priority(static_cast<Priority>(i)).rules.empty();
    if (!any)
        return makeError(ErrorCode::Usage, tr("With no rules nothing would be queued: add at least one."));
    // The same checks as a rules file, so what is saved here always loads again.
    auto checked = ReviewRules::fromJson(out.toJson());
    if (!checked)
        return checked.error();
    return out;
}

int ReviewRulesModel::insertRule(Priority p)
{
    int at = 0;
    for (int i = 0; i < rowCount(); ++i) {
        if (m_rows[static_cast<size_t>(i)].priority <= p)
            at = i + 1;
    }
    Row row;
    row.priority = p;
    row.value = QStringLiteral("0.5");
    beginInsertRows({}, at, at);
    m_rows.insert(m_rows.begin() + at, row);
    endInsertRows();
    emit edited();
    return at;
}

void ReviewRulesModel::removeRule(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
    emit edited();
}

QStringList ReviewRulesModel::choices(int column)
{
    QStringList out;
    if (column == PriorityColumn) {
        for (int i = 0; i < kPriorityCount; ++i)
            out << priorityName(static_cast<Priority>(i));
    } else if (column == KindColumn) {
        for (int k = 0; k < ruleKindNames().size(); ++k)
            out << kindText(static_cast<ReviewRule::Kind>(k));
    } else if (column == FieldColumn) {
        out << tr("metadata") << tr("decision");
    }
    return out;
}

QString ReviewRulesModel::kindText(ReviewRule::Kind kind)
{
    switch (kind) {
    case ReviewRule::Kind::ConfidenceBelow: return tr("confidence below");
    case ReviewRule::Kind::ConfidenceRange: return tr("confidence from … to");
    case ReviewRule::Kind::ConfidenceAbove: return tr("confidence above");
    case ReviewRule::Kind::TaskTypeIn: return tr("task type is one of");
    case ReviewRule::Kind::JsonEquals: return tr("key equals");
    case ReviewRule::Kind::JsonGreater: return tr("key is a number above");
    }
    return {};
}

bool ReviewRulesModel::usesColumn(const Row &row, int column) const
{
    switch (column) {
    case ValueColumn: return row.kind != ReviewRule::Kind::TaskTypeIn;
    case UpToColumn: return row.kind == ReviewRule::Kind::ConfidenceRange;
    case FieldColumn:
    case PathColumn: return isJsonKind(row.kind);
    default: return true;
    }
}

QString ReviewRulesModel::cellText(const Row &row, int column) const
{
    switch (column) {
    case PriorityColumn: return priorityName(row.priority);
    case KindColumn: return kindText(row.kind);
    case ValueColumn: return usesColumn(row, column) ? row.value : QString();
    case UpToColumn: return usesColumn(row, column) ? row.upTo : QString();
    case TaskTypesColumn:
        return row.taskTypes.isEmpty() && row.kind != ReviewRule::Kind::TaskTypeIn ? tr("any") : row.taskTypes;
    case FieldColumn:
        return usesColumn(row, column) ? (row.field == QLatin1String("decision") ? tr("decision") : tr("metadata"))
                                       : QString();
    case PathColumn: return usesColumn(row, column) ? row.path : QString();
    case LabelColumn: return ReviewRules::displayLabel(row.label);
    }
    return {};
}

int ReviewRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ReviewRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewRulesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &row = m_rows[static_cast<size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return cellText(row, column);
    case Qt::EditRole:
        if (column == PriorityColumn)
            return static_cast<int>(row.priority);
        if (column == KindColumn)
            return static_cast<int>(row.kind);
        if (column == FieldColumn)
            return row.field == QLatin1String("decision") ? 1 : 0;
        return column == TaskTypesColumn ? row.taskTypes : cellText(row, column);
    case Qt::CheckStateRole:
        if (column == UpToColumn && usesColumn(row, column))
            return row.upToInclusive ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        if (column == PriorityColumn)
            return QBrush(ReviewColors::of().priority(row.priority));
        if (column == TaskTypesColumn && row.taskTypes.isEmpty())
            return QBrush(ReviewColors::of().muted);
        return {};
    case Qt::BackgroundRole:
        if (!problem(index.row()).isEmpty()) {
            QColor tint = ReviewColors::of().danger;
            tint.setAlpha(45);
            return QBrush(tint);
        }
        return {};
    case Qt::ToolTipRole: {
        const QString why = problem(index.row());
        if (!why.isEmpty())
            return why;
        if (column == UpToColumn && usesColumn(row, column))
            return tr("Checked: the end of the range is included (confidence ≤ end)");
        if (column == TaskTypesColumn)
            return row.kind == ReviewRule::Kind::TaskTypeIn ? tr("Task types that match, separated by commas")
                                                            : tr("Only for these task types (empty: any)");
        return headerData(column, Qt::Horizontal, Qt::ToolTipRole);
    }
    default: return {};
    }
}

bool ReviewRulesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= rowCount())
        return false;
    Row &row = m_rows[static_cast<size_t>(index.row())];
    const int column = index.column();
    if (role == Qt::CheckStateRole && column == UpToColumn) {
        row.upToInclusive = value.toInt() == Qt::Checked;
    } else if (role != Qt::EditRole) {
        return false;
    } else if (column == PriorityColumn || column == KindColumn || column == FieldColumn) {
        const int choice = value.toInt();
        if (choice < 0 || choice >= choices(column).size())
            return false;
        if (column == PriorityColumn)
            row.priority = static_cast<Priority>(choice);
        else if (column == KindColumn)
            row.kind = static_cast<ReviewRule::Kind>(choice);
        else
            row.field = choice == 1 ? QStringLiteral("decision") : QStringLiteral("metadata");
    } else {
        const QString text = value.toString();
        switch (column) {
        case ValueColumn: row.value = text; break;
        case UpToColumn: row.upTo = text; break;
        case TaskTypesColumn: row.taskTypes = text; break;
        case PathColumn: row.path = text; break;
        case LabelColumn:
            // A default label edited back to its translation stays the English original, so
            // the saved rules and the CLI keep reading it in English.
            if (text != ReviewRules::displayLabel(row.label))
                row.label = text;
            break;
        default: return false;
        }
    }
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    emit edited();
    return true;
}

Qt::ItemFlags ReviewRulesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Row &row = m_rows[static_cast<size_t>(index.row())];
    if (!usesColumn(row, index.column()))
        return Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
    if (index.column() == UpToColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant ReviewRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case PriorityColumn: return tr("Priority");
        case KindColumn: return tr("Condition");
        case ValueColumn: return tr("Value");
        case UpToColumn: return tr("Up to");
        case TaskTypesColumn: return tr("Task types");
        case FieldColumn: return tr("In");
        case PathColumn: return tr("Key");
        case LabelColumn: return tr("Reason shown");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case PriorityColumn: return tr("A decision gets the most urgent priority with a matching condition");
        case ValueColumn: return tr("Confidence threshold (0–1), range start, or the value the key must have");
        case FieldColumn: return tr("Look the key up in the decision's metadata or in the decision itself");
        case PathColumn: return tr("Key in the JSON, dotted for nested keys (environment, action, build.stage)");
        case LabelColumn: return tr("Reason shown to reviewers; %v is the matched value; empty: generated");
        default: return {};
        }
    }
    return {};
}

}  // namespace atalaya
