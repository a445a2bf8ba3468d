#include "ui/risk/ReleaseReasonsModel.h"

namespace atalaya {
namespace {

QColor statusColor(RuleStatus status)
{
    switch (status) {
    case RuleStatus::Go:
        return QColor(0x2e, 0x7d, 0x32);
    case RuleStatus::Condition:
        return QColor(0xb2, 0x6a, 0x00);
    case RuleStatus::NoGo:
        break;
    }
    return QColor(0xc6, 0x28, 0x28);
}

}  // namespace

void ReleaseReasonsModel::setReasons(std::vector<ReleaseReason> reasons)
{
    beginResetModel();
    m_reasons = std::move(reasons);
    endResetModel();
}

int ReleaseReasonsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_reasons.size());
}

int ReleaseReasonsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 3;
}

QVariant ReleaseReasonsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ReleaseReason &r = m_reasons[static_cast<size_t>(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case 0:
            return ruleTitle(r.rule);
        case 1:
            return statusText(r.status);
        default:
            return r.detail;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == 1)
        return statusColor(r.status);
    if (role == Qt::UserRole)
        return ruleStatusKey(r.status);
    return {};
}

QVariant ReleaseReasonsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case 0:
        return tr("Rule");
    case 1:
        return tr("Status");
    default:
        return tr("Detail");
    }
}

QString ReleaseReasonsModel::verdictText(const QString &verdict)
{
    if (verdict == QLatin1String("go"))
        return tr("Go");
    if (verdict == QLatin1String("go_with_conditions"))
        return tr("Go with conditions");
    return tr("No-go");
}

QColor ReleaseReasonsModel::verdictColor(const QString &verdict)
{
    return statusColor(verdict == QLatin1String("go")                   ? RuleStatus::Go
                           : verdict == QLatin1String("go_with_conditions") ? RuleStatus::Condition
                                                                            : RuleStatus::NoGo);
}

QString ReleaseReasonsModel::statusText(RuleStatus status)
{
    switch (status) {
    case RuleStatus::Go:
        return tr("go");
    case RuleStatus::Condition:
        return tr("condition");
    case RuleStatus::NoGo:
        break;
    }
    return tr("no-go");
}

QString ReleaseReasonsModel::ruleTitle(const QString &rule)
{
    if (rule == QLatin1String("risk_level"))
        return tr("Risk level");
    if (rule == QLatin1String("risk_factors"))
        return tr("Risk factors");
    if (rule == QLatin1String("reviews_overdue"))
        return tr("Overdue reviews");
    if (rule == QLatin1String("reviews_open"))
        return tr("Open reviews");
    if (rule == QLatin1String("alerts"))
        return tr("Alerts");
    if (rule == QLatin1String("calibration"))
        return tr("Calibration");
    if (rule == QLatin1String("model_staleness"))
        return tr("Model age");
    if (rule == QLatin1String("model_auc"))
        return tr("Model AUC");
    return rule;
}

}  // namespace atalaya
