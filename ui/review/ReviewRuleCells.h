#pragma once

#include "core/queue/ReviewRules.h"

#include <QJsonValue>
#include <QStringList>

#include <optional>

// How rule values are written in the rules editor's cells, and read back from them.
namespace atalaya::rulecells {

// Thresholds are shown with a point whatever the locale; a comma is accepted when typed.
std::optional<double> parseNumber(QString text);
QString numberText(double v);
QStringList splitTaskTypes(const QString &text);
// "true"/"false" → boolean, a number → number, anything else (or "quoted") → text.
QJsonValue equalsValue(const QString &text);
bool isJsonKind(ReviewRule::Kind k);
bool isConfidenceKind(ReviewRule::Kind k);

}  // namespace atalaya::rulecells
