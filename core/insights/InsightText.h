#pragma once

#include "core/insights/Insight.h"

#include <QJsonObject>
#include <QLocale>

namespace atalaya {

// The insight's sentence with its numbers in `locale`: QLocale::c() for the CLI's JSON, the
// UI's locale for display.
QString insightMessage(const Insight &insight, const QLocale &locale);
// The scope as a reader says it: "agent X", "task type T", "agent X, task type T", "all agents".
QString insightScope(const Insight &insight);
QString insightKindText(InsightKind kind);
QString insightSeverityText(InsightSeverity severity);

// docs/CLI.md §insights.
QJsonObject insightsJson(const InsightsReport &report);

}  // namespace atalaya
