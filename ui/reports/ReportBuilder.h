#pragma once

#include "core/common/Result.h"
#include "core/dashboard/DashboardData.h"

#include <QString>

#include <memory>

namespace atalaya {

// The PDF report of docs/DASHBOARD.md §Reports, shared by File → Export PDF and
// `atalaya-cli export pdf`: A4 pages with title, period, filters, data source, generated-at,
// the KPI block, active alerts, every chart of pages 1–5 as vectors (the same chart builders
// as the pages), the agent and task-type tables, and page numbers. Needs a QApplication
// (Qt Charts are graphics widgets); call it on the GUI thread.
Status writePdfReport(const ReportData &data, const QString &file);

// The same report, one block (a chart row, a table, a heading) per step(), so the GUI can
// return to its event loop between blocks and show progress: charts are graphics widgets and
// must be built and painted on the GUI thread. Every block is laid out twice (a measuring
// pass for "page N of M", then the painting pass), so there are two steps per block.
// The PDF is built in memory and replaces the file only in commit(): a cancelled or failed
// export leaves no half-written file behind.
class PdfReportWriter {
public:
    explicit PdfReportWriter(QString file);
    ~PdfReportWriter();
    PdfReportWriter(const PdfReportWriter &) = delete;
    PdfReportWriter &operator=(const PdfReportWriter &) = delete;

    // Checks, before any data is read, that the file can be created (folder exists, writable).
    Status open();
    // After a successful open(): the report's data; then step() until atEnd().
    void begin(ReportData data);
    int stepCount() const;
    int stepsDone() const;
    bool atEnd() const { return stepsDone() == stepCount(); }
    // Lays out or paints the next block; only after begin() and before atEnd().
    void step();
    // After the last step: writes the PDF to the file.
    Status commit();

private:
    struct State;
    std::unique_ptr<State> d;
};

}  // namespace atalaya
