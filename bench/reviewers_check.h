#pragma once

#include "bench/reviewers_session.h"

#include <QStringList>

#include <memory>
#include <utility>
#include <vector>

// The checks after a bench/reviewers_bench run (docs/PERFORMANCE.md §Many reviewers).
namespace atalaya::bench {

// Lost: a verdict reported written without an audit row from a session with its value, or
// whose row does not hold it (the plain writer never touches the sessions' items; a conflict
// item holds the value of the one write that won). Duplicated: a second "written" for one
// item (a conflict not detected) or more audit rows for an item than verdicts written on it.
std::pair<int, int> lostAndDuplicated(const Database &db, const std::vector<Verdict> &written);

// The queue counts table against the rules over the rows, and the 30-day KPIs (rollups)
// against raw SQL; empty when all are equal, else what differs.
QStringList exactness(const std::shared_ptr<const Database> &db);

}  // namespace atalaya::bench
