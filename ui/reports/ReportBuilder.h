#pragma once

#include "common/Result.h"
#include "dashboard/DashboardData.h"

#include <QString>

namespace atalaya {

// The PDF report of DASHBOARD.md "Reports", shared by File → Export PDF and
// `atalaya-cli export pdf`: A4 pages with title, period, filters, data source, generated-at,
// the KPI block, active alerts, every chart of pages 1–5 as vectors (the same chart builders
// as the pages), the agent and task-type tables, and page numbers. Needs a QApplication
// (Qt Charts are graphics widgets); call it on the GUI thread.
Status writePdfReport(const ReportData &data, const QString &file);

} // namespace atalaya
