#include "ui/dashboard/ModelVersionsModel.h"

#include "ui/common/Format.h"

#include <QColor>

#include <algorithm>

namespace atalaya {
namespace {

QString metricName(const QString &metric)
{
    if (metric == QLatin1String("accuracy_avg"))
        return ModelVersionsModel::tr("Accuracy");
    if (metric == QLatin1String("p95_execution_time_ms"))
        return ModelVersionsModel::tr("P95");
    return ModelVersionsModel::tr("ECE");
}

QString pText(double p)
{
    return p < 0.0001 ? QStringLiteral("< 0.0001") : QLocale().toString(p, 'g', 2);
}

}  // namespace

void ModelVersionsModel::setReports(std::vector<VersionReport> reports)
{
    beginResetModel();
    m_rows.clear();
    for (VersionReport &r : reports) {
        for (VersionStats &v : r.versions) {
            Row row{r.agentId, std::move(v), {}};
            for (const VersionComparison &c : r.comparisons) {
                if (c.newer == row.stats.version)
                    row.versusPrevious.push_back(c);
            }
            m_rows.push_back(std::move(row));
        }
    }
    endResetModel();
}

int ModelVersionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ModelVersionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ModelVersionsModel::worse(const Row &row) const
{
    return std::any_of(row.versusPrevious.begin(), row.versusPrevious.end(),
                       [](const VersionComparison &c) { return c.better == QLatin1String("older"); });
}

QString ModelVersionsModel::comparisonSummary(const Row &row) const
{
    if (row.versusPrevious.empty())
        return fmt::dash();
    QStringList better;
    QStringList worseOn;
    bool tested = false;
    for (const VersionComparison &c : row.versusPrevious) {
        tested = tested || c.pValue.has_value();
        if (c.better == QLatin1String("newer"))
            better << metricName(c.metric);
        else if (c.better == QLatin1String("older"))
            worseOn << metricName(c.metric);
    }
    if (!tested)
        return tr("Too few decisions to test");
    QStringList parts;
    if (!worseOn.isEmpty())
        parts << tr("Worse: %1").arg(worseOn.join(QStringLiteral(", ")));
    if (!better.isEmpty())
        parts << tr("Better: %1").arg(better.join(QStringLiteral(", ")));
    return parts.isEmpty() ? tr("No significant difference") : parts.join(QStringLiteral("; "));
}

QString ModelVersionsModel::comparisonDetails(const Row &row) const
{
    if (row.versusPrevious.empty())
        return tr("The agent's first version in this window");
    QStringList lines;
    lines << tr("Against %1 (two-sided tests, significant below p = 0.05):").arg(row.versusPrevious.front().older);
    for (const VersionComparison &c : row.versusPrevious) {
        if (!c.pValue || !c.difference) {
            lines << tr("%1: fewer than 30 decisions on a side, not tested").arg(metricName(c.metric));
            continue;
        }
        const QString difference = c.metric == QLatin1String("p95_execution_time_ms")
            ? tr("%1 ms").arg(QLocale().toString(*c.difference, 'f', 0))
            : QLocale().toString(*c.difference, 'f', 3);
        lines << tr("%1: difference %2, p = %3").arg(metricName(c.metric), difference, pText(*c.pValue));
    }
    return lines.join(QLatin1Char('\n'));
}

QString ModelVersionsModel::display(const Row &row, int column) const
{
    const VersionStats &v = row.stats;
    switch (column) {
    case Agent: return row.agentId;
    case Version: return v.version;
    case Decisions: return fmt::count(v.n);
    case Reviewed: return fmt::count(v.scores.n());
    case Accuracy: return fmt::ratioPercent(v.accuracy());
    case Interval: {
        const auto ci = v.accuracyInterval();
        return ci ? tr("%1 – %2").arg(fmt::ratioPercent(ci->first), fmt::ratioPercent(ci->second)) : fmt::dash();
    }
    case P95: return fmt::ms(v.p95Ms());
    case MeanConfidence: return fmt::ratio(v.meanConfidence());
    case Ece: {
        const auto ece = v.ece();
        return fmt::ratio(ece ? std::optional<double>(ece->ece) : std::nullopt);
    }
    // The day is enough beside the other columns; the minute is in the tooltip.
    case FirstSeen: return fmt::date(v.firstSeen);
    case LastSeen: return fmt::date(v.lastSeen);
    case VersusPrevious: return comparisonSummary(row);
    }
    return {};
}

QVariant ModelVersionsModel::sortValue(const Row &row, int column) const
{
    const VersionStats &v = row.stats;
    auto number = [](const auto &o) { return o ? QVariant(static_cast<double>(*o)) : QVariant(-1.0); };
    switch (column) {
    case Agent: return row.agentId + QLatin1Char('\n') + v.firstSeen.toString(Qt::ISODateWithMs);
    case Version: return v.version;
    case Decisions: return v.n;
    case Reviewed: return v.scores.n();
    case Accuracy:
    case Interval: return number(v.accuracy());
    case P95: return number(v.p95Ms());
    case MeanConfidence: return number(v.meanConfidence());
    case Ece: {
        const auto ece = v.ece();
        return ece ? QVariant(ece->ece) : QVariant(-1.0);
    }
    case FirstSeen: return v.firstSeen;
    case LastSeen: return v.lastSeen;
    case VersusPrevious: return comparisonSummary(row);
    }
    return {};
}

QVariant ModelVersionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole: return display(row, index.column());
    case SortRole: return sortValue(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == VersusPrevious)
            return comparisonDetails(row);
        if (index.column() == FirstSeen)
            return fmt::dateTime(row.stats.firstSeen);
        if (index.column() == LastSeen)
            return fmt::dateTime(row.stats.lastSeen);
        if (index.column() == Accuracy || index.column() == Interval) {
            const auto ci = row.stats.accuracyInterval();
            if (!ci)
                return tr("No reviewed decisions of this version");
            return tr("95 % Wilson interval %1 – %2 of %n reviewed decision(s) (partially correct counts 0.5)", "",
                      static_cast<int>(row.stats.scores.n()))
                .arg(fmt::ratioPercent(ci->first, 2), fmt::ratioPercent(ci->second, 2));
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == VersusPrevious && worse(row))
            return QColor(0xd6, 0x45, 0x3d);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= Decisions && index.column() <= Ece)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    return {};
}

QVariant ModelVersionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Agent: return tr("Agent");
        case Version: return tr("Version");
        case Decisions: return tr("Decisions");
        case Reviewed: return tr("Reviewed");
        case Accuracy: return tr("Accuracy");
        case Interval: return tr("95 % interval");
        case P95: return tr("P95");
        case MeanConfidence: return tr("Mean confidence");
        case Ece: return tr("ECE");
        case FirstSeen: return tr("First seen");
        case LastSeen: return tr("Last seen");
        case VersusPrevious: return tr("Versus previous version");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Version: return tr("metadata.model_version of the agent's decisions");
        case Accuracy: return tr("Mean score of reviewed decisions: correct 1, partially correct 0.5, incorrect 0");
        case Interval: return tr("95 % Wilson score interval of the accuracy");
        case P95: return tr("95th percentile of the execution time (nearest rank)");
        case Ece: return tr("Expected calibration error over 10 confidence bins of reviewed decisions");
        case VersusPrevious:
            return tr("Each version against the one first seen before it: accuracy by a two-proportion test, P95 by "
                      "a quantile test, ECE by a z-test; significant when p < 0.05");
        }
    }
    return {};
}

}  // namespace atalaya
