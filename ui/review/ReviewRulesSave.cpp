#include "ui/review/ReviewRulesSave.h"

#include "core/settings/Settings.h"

#include <QJsonDocument>

namespace atalaya {

void saveReviewRules(Settings &settings, const ReviewRules &rules)
{
    const QByteArray json =
        rules == ReviewRules::defaults() ? QByteArray() : QJsonDocument(rules.toJson()).toJson(QJsonDocument::Compact);
    if (json != settings.reviewRulesJson())
        settings.setReviewRulesJson(json);
}

ReviewRules savedReviewRules(const Settings *settings)
{
    return settings ? ReviewRules::fromSettingsJson(settings->reviewRulesJson()) : ReviewRules::defaults();
}

}  // namespace atalaya
