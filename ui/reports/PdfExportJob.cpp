#include "ui/reports/PdfExportJob.h"

#include "ui/common/DatabasePool.h"
#include "ui/reports/ReportBuilder.h"

#include <QFutureWatcher>
#include <QProgressDialog>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent>

namespace atalaya {

PdfExportJob::PdfExportJob(std::shared_ptr<const Database> db, StatsQuery query, QString file, QWidget *window)
    : QObject(window), m_db(std::move(db)), m_query(std::move(query)), m_window(window),
      m_writer(std::make_unique<PdfReportWriter>(std::move(file)))
{
}

PdfExportJob::~PdfExportJob()
{
    delete m_progress;
}

void PdfExportJob::start()
{
    // An unwritable file is reported before the data is read, not after.
    if (Status opened = m_writer->open(); !opened) {
        end(false, opened.error().message);
        return;
    }
    // Window-modal: the window keeps repainting, but filters and pages wait for the report.
    m_progress = new QProgressDialog(tr("Reading the data for the report…"), tr("Cancel"), 0, 0, m_window);
    m_progress->setWindowTitle(tr("Export PDF report"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, [this] { m_cancelled = true; });
    m_progress->show();
    auto *watcher = new QFutureWatcher<Result<ReportData>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        dataLoaded(watcher->result());
    });
    QThreadPool *pool = databasePool();
    watcher->setFuture(
        QtConcurrent::run(pool, [db = m_db, query = m_query, pool] { return loadReport(db, query, pool); }));
}

void PdfExportJob::dataLoaded(Result<ReportData> data)
{
    if (m_cancelled) {
        end(false, {});
        return;
    }
    if (!data) {
        end(false, tr("Cannot read the report's data: %1").arg(data.error().message));
        return;
    }
    m_writer->begin(std::move(*data));
    m_progress->setLabelText(tr("Drawing the report…"));
    m_progress->setRange(0, m_writer->stepCount());
    m_progress->setValue(0);
    QTimer::singleShot(0, this, &PdfExportJob::nextStep);
}

// One block per event-loop turn: between two blocks the window repaints and takes input.
void PdfExportJob::nextStep()
{
    if (m_cancelled) {
        end(false, {});
        return;
    }
    if (m_writer->atEnd()) {
        const Status written = m_writer->commit();
        end(written.ok(), written ? QString() : written.error().message);
        return;
    }
    m_writer->step();
    m_progress->setValue(m_writer->stepsDone());
    QTimer::singleShot(0, this, &PdfExportJob::nextStep);
}

void PdfExportJob::end(bool ok, const QString &message)
{
    if (m_progress)
        m_progress->hide();
    emit finished(ok, message);
    deleteLater();
}

}  // namespace atalaya
