#pragma once

#include "core/common/Result.h"
#include "core/dashboard/DashboardData.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QProgressDialog;
class QWidget;

namespace atalaya {

class Database;
class PdfReportWriter;

// File → Export PDF without freezing the window: the data is read on a worker
// (QtConcurrent), then the report is drawn one block per event-loop turn on the GUI thread
// (charts are graphics widgets), with a progress dialog that can cancel. Deletes itself
// after finished().
class PdfExportJob : public QObject {
    Q_OBJECT
public:
    PdfExportJob(std::shared_ptr<const Database> db, StatsQuery query, QString file, QWidget *window);
    ~PdfExportJob() override;

    void start();

signals:
    // ok false: failed (message says what and what to do) or cancelled (message empty).
    void finished(bool ok, const QString &message);

private:
    void dataLoaded(Result<ReportData> data);
    void nextStep();
    void end(bool ok, const QString &message);

    std::shared_ptr<const Database> m_db;
    StatsQuery m_query;
    QWidget *m_window;
    QPointer<QProgressDialog> m_progress;
    std::unique_ptr<PdfReportWriter> m_writer;
    bool m_cancelled = false;
};

}  // namespace atalaya
