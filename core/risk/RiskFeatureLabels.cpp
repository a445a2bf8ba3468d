#include "core/risk/RiskFeatureLabels.h"

#include "core/risk/RiskFeatures.h"

#include <QCoreApplication>

namespace atalaya {

QString riskFeatureLabel(int feature)
{
    // RiskFeature order (docs/RISK_MODEL.md §Features).
    static const char *const labels[kRiskFeatureCount] = {
        QT_TRANSLATE_NOOP("atalaya::RiskFeatures", "Lead time"),
        QT_TRANSLATE_NOOP("atalaya::RiskFeatures", "Tests passed"),
        QT_TRANSLATE_NOOP("atalaya::RiskFeatures", "Lines changed"),
        QT_TRANSLATE_NOOP("atalaya::RiskFeatures", "Hour (UTC)"),
        QT_TRANSLATE_NOOP("atalaya::RiskFeatures", "Weekday"),
        QT_TRANSLATE_NOOP("atalaya::RiskFeatures", "Failed tests (7 days)"),
        QT_TRANSLATE_NOOP("atalaya::RiskFeatures", "Deployments (7 days)"),
        QT_TRANSLATE_NOOP("atalaya::RiskFeatures", "Planning time"),
        QT_TRANSLATE_NOOP("atalaya::RiskFeatures", "Complexity"),
        QT_TRANSLATE_NOOP("atalaya::RiskFeatures", "Code review score"),
    };
    if (feature < 0 || feature >= kRiskFeatureCount)
        return {};
    return QCoreApplication::translate("atalaya::RiskFeatures", labels[feature]);
}

}  // namespace atalaya
