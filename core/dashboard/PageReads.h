#pragma once

#include "core/common/Result.h"
#include "core/dashboard/DashboardData.h"
#include "core/queue/ReviewRules.h"

#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace atalaya {

class Database;

// What a page's reads need: the database, the window and the reviewer's rules.
struct PageReadInput {
    std::shared_ptr<const Database> db;
    StatsQuery query;
    ReviewRules rules = ReviewRules::defaults();
};

// One read a dashboard page makes, filling its part of the page's snapshot.
template <typename Data> struct PageRead {
    QString name;
    std::function<Status(const PageReadInput &, Data &)> read;
};

// Each dashboard page's reads in the order its load makes them. The load functions of
// DashboardData run exactly these and nothing else, so a read added to a page is an entry
// here, and bench/bench_scale (scripts/bench-scale.sh), which times every entry of
// pageReadCatalogue(), times it.
const std::vector<PageRead<OverviewData>> &overviewReads();
const std::vector<PageRead<AccuracyData>> &accuracyReads();
const std::vector<PageRead<ConfidenceData>> &confidenceReads();
const std::vector<PageRead<LatencyData>> &latencyReads();
const std::vector<PageRead<FeedbackData>> &feedbackReads();

// The rows the chat page's history, the risk page's cycle list and a page of the audit log show.
inline constexpr int kChatHistoryRows = 200;
inline constexpr int kAuditPageRows = 200;
inline constexpr int kRiskRecentCycles = 200;
inline constexpr int kChatTopIntents = 5;

// One read of one page as the bench times it. `page` is the shell's page id ("overview" …
// "risk"; "shell" for the filter choices every start reads).
struct CatalogueRead {
    QString page;
    QString read;
    std::function<Status(const PageReadInput &)> run;
};

// Every read every page makes: the five dashboard pages' entries above, and the reads the
// queue, chat and risk pages and the shell's filter bar make with the same arguments.
std::vector<CatalogueRead> pageReadCatalogue();

// Runs a page's reads into one snapshot (the first failure is the result).
template <typename Data> Result<Data> runPageReads(const std::vector<PageRead<Data>> &reads, const PageReadInput &in)
{
    Data d;
    d.query = in.query;
    for (const PageRead<Data> &r : reads) {
        if (Status s = r.read(in, d); !s)
            return s.error();
    }
    return d;
}

}  // namespace atalaya
