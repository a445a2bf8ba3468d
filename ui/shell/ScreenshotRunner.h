#pragma once

#include <QObject>
#include <QStringList>

namespace atalaya {

class MainWindow;

// `atalaya --page P --screenshot F.png` and the no-display run: shows each page, waits until
// its data is on screen (Page::loadFinished), grabs the window to PNG. Emits finished(exit
// code): 0 when every page loaded and was written, 4 when a load failed, 2 on a write error.
class ScreenshotRunner : public QObject {
    Q_OBJECT
public:
    struct Job {
        QString pageId;
        QString file;
    };

    ScreenshotRunner(MainWindow *window, QList<Job> jobs, int timeoutMs = 60000, QObject *parent = nullptr);
    void start();

signals:
    void finished(int exitCode);
    void message(const QString &text);

private:
    void next();

    MainWindow *m_window;
    QList<Job> m_jobs;
    int m_timeoutMs;
    int m_exitCode = 0;
};

}  // namespace atalaya
