#pragma once

#include "queue/ReviewRules.h"
#include "storage/Dialect.h"

#include <QStringList>

class QSqlDriver;

namespace atalaya::queuecounts {

// Pending decisions counted per (UTC hour, agent, priority code) and per (agent, priority
// code), kept in step with ai_telemetry by triggers that evaluate one rule set, the one named
// in the state table. Priority code = priority, + 4 for a match outside its stable sample
// (ReviewRulesSql SampleMode::Coded); decisions no rule queues are not counted.
inline constexpr const char *kHourTable = "atalaya_queue_hour";
inline constexpr const char *kTotalTable = "atalaya_queue_total";
inline constexpr const char *kStateTable = "atalaya_queue_state";
// State rows: "rules" holds the compact JSON of the rules the triggers evaluate (written when
// they are created), "ready" exists once the tables were built with them.
inline constexpr const char *kRulesState = "rules";
inline constexpr const char *kReadyState = "ready";

QStringList migrationStatements(const Dialect &d);

QStringList triggerNames();
// CREATE TRIGGER statements evaluating `rules`; literals are written in through `driver`.
QStringList triggerStatements(const Dialect &d, const QSqlDriver &driver, const ReviewRules &rules);

// The canonical text of a rule set as stored in the state table.
QString rulesKey(const ReviewRules &rules);

} // namespace atalaya::queuecounts
