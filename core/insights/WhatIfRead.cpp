#include "core/insights/WhatIf.h"

#include "core/stats/StatsSamples.h"
#include "core/stats/StatsService.h"

namespace atalaya {

Result<WhatIfInputs> readWhatIfInputs(std::shared_ptr<const Database> db, const StatsQuery &query)
{
    // Per task type, so the task-type rules of a rule set place each task's decisions.
    auto groups = StatsService(db).grouped(query, GroupBy::TaskType);
    if (!groups)
        return groups.error();
    const StatsSamples samples(db);
    std::vector<WhatIfTaskInput> tasks;
    for (const GroupSummary &g : *groups) {
        WhatIfTaskInput task;
        task.taskType = g.key;
        task.arrivals = g.summary.confidence.counts;
        auto cells = samples.reviewedCells(query.withTask(g.key));
        if (!cells)
            return cells.error();
        task.reviewed = std::move(*cells);
        tasks.push_back(std::move(task));
    }
    return WhatIfInputs::build(query, tasks);
}

}  // namespace atalaya
