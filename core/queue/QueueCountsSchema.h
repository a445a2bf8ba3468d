#pragma once

#include "core/queue/ReviewRules.h"
#include "core/storage/Dialect.h"
#include "core/storage/Migrations.h"

#include <QStringList>

class QSqlDriver;

namespace atalaya::queuecounts {

// Pending decisions counted per rule set, per (UTC hour, agent, priority code) and per (agent,
// priority code), kept in step with ai_telemetry by triggers. Every rule set in use (reviewers
// or sessions with other rules in Settings) has its own rows, keyed by rulesId(), and its own
// three triggers, so building the counts for one set never touches another's. Priority code =
// priority, + 4 for a match outside its stable sample (ReviewRulesSql SampleMode::Coded);
// decisions no rule queues are not counted. Hour rows are only read after now − SLA, so the
// bulk ingest leaves out hours older than that by more than a day (QueueCountsBatch).
inline constexpr const char *kHourTable = "atalaya_queue_hour";
inline constexpr const char *kTotalTable = "atalaya_queue_total";
inline constexpr const char *kStateTable = "atalaya_queue_state";
// State rows of a set: "rules" holds the compact JSON of the rules its triggers evaluate
// (written when they are created), "ready" exists once its rows were built, its value the time
// of that build (the oldest set is dropped first past kMaxRuleSets).
inline constexpr const char *kRulesState = "rules";
inline constexpr const char *kReadyState = "ready";
// Every set's triggers run on every write to ai_telemetry: the sets kept are capped.
inline constexpr int kMaxRuleSets = 3;

// Migrations 31 and 32, the statements below.
std::vector<Migration> migrations();

QStringList migrationStatements(const Dialect &d);

// The tables before rule sets had their own rows (migration 31): dropped with their triggers.
QStringList perRuleSetMigrationStatements(const Dialect &d);

// The key of a rule set's rows and triggers: 16 hex digits of a hash of rulesKey().
QString rulesId(const ReviewRules &rules);
// The id the current triggers give the rules stored as `key` (a set whose id differs was built
// by an older generation of triggers).
QString rulesIdOfKey(const QString &key);
// The canonical text of a rule set as stored in the state table.
QString rulesKey(const ReviewRules &rules);

QStringList triggerNames(const QString &rulesId);
// CREATE TRIGGER statements evaluating `rules` into their rows; literals are written in
// through `driver`.
QStringList triggerStatements(const Dialect &d, const QSqlDriver &driver, const ReviewRules &rules);

}  // namespace atalaya::queuecounts
