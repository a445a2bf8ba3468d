#pragma once

#include "core/insights/Detectors.h"
#include "core/insights/Insight.h"

#include <QString>

#include <utility>
#include <vector>

namespace atalaya::insights {

// Which agent served which task type in the window: a task type's insight is left out when
// an agent that served it has the same insight (it is that agent's story), and so is the
// overall one when any agent has it.
using AgentTasks = std::vector<std::pair<QString, QString>>;

// Whether `task` was served by one agent only, and that agent served nothing else: the task
// scope then holds exactly the agent's decisions.
bool soleTaskOfSoleAgent(const AgentTasks &served, const QString &task);

// Benjamini–Hochberg over every candidate at `fdr`, the large significant ones kept,
// de-duplicated against their agents, messages set, most severe first.
InsightsReport selectInsights(std::vector<Candidate> candidates, const AgentTasks &served, double fdr);

// Most severe first, then smallest q-value; equal ones keep their order.
void sortBySeverity(std::vector<Insight> &insights);

}  // namespace atalaya::insights
