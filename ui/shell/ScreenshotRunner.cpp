#include "ui/shell/ScreenshotRunner.h"

#include "ui/shell/MainWindow.h"
#include "ui/common/Page.h"

#include <QCoreApplication>
#include <QTimer>

namespace atalaya {

ScreenshotRunner::ScreenshotRunner(MainWindow *window, QList<Job> jobs, int timeoutMs, QObject *parent)
    : QObject(parent), m_window(window), m_jobs(std::move(jobs)), m_timeoutMs(timeoutMs)
{
    // A render on a busy machine outlasts the auto-refresh interval: its tick started a second
    // load of the page in the moments between the first load's end and the grab, which then
    // showed "Loading…" in the header. The saved setting stays as it is.
    m_window->refreshTimer()->stop();
}

void ScreenshotRunner::start()
{
    QTimer::singleShot(0, this, &ScreenshotRunner::next);
}

void ScreenshotRunner::next()
{
    if (m_jobs.isEmpty()) {
        emit finished(m_exitCode);
        return;
    }
    const Job job = m_jobs.takeFirst();
    Page *page = m_window->page(job.pageId);
    if (!page) {
        emit message(tr("error: unknown page '%1'").arg(job.pageId));
        m_exitCode = 2;
        next();
        return;
    }
    auto *timeout = new QTimer(this);
    timeout->setSingleShot(true);
    auto connection = std::make_shared<QMetaObject::Connection>();
    auto done = [this, job, timeout, connection](bool ok, const QString &error) {
        QObject::disconnect(*connection);
        timeout->stop();
        timeout->deleteLater();
        if (!ok) {
            emit message(tr("error: page %1 failed to load: %2").arg(job.pageId, error));
            m_exitCode = 4;
        }
        // Let the layout and charts settle before grabbing. A page built while hidden still has
        // layout requests pending when its load ends (the risk page in Spanish: its chart without
        // axes under a clipped line of numbers); running them here shows what a user sees.
        QTimer::singleShot(50, this, [this, job] {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::processEvents();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            if (!m_window->grab().save(job.file)) {
                emit message(tr("error: cannot write %1").arg(job.file));
                m_exitCode = 2;
            } else {
                emit message(tr("wrote %1").arg(job.file));
            }
            next();
        });
    };
    *connection = connect(page, &Page::loadFinished, this, done);
    connect(timeout, &QTimer::timeout, this,
            [done, this] { done(false, tr("timed out after %1 s").arg(m_timeoutMs / 1000)); });
    timeout->start(m_timeoutMs);
    m_window->showPage(job.pageId);
}

}  // namespace atalaya
