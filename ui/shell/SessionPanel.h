#pragma once

#include "core/session/SessionOpener.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace atalaya {

// Stands in for the pages while a database opens (docs/DASHBOARD.md §The frame): what is
// happening ("Connecting to …", "Preparing tables (rollups 40 %)…") with Cancel, or, when
// the attempt failed or was cancelled, what failed with Retry and Connect….
class SessionPanel : public QWidget {
    Q_OBJECT
public:
    explicit SessionPanel(QWidget *parent = nullptr);

    void showProgress(const QString &database, const SessionProgress &progress);
    void showFailure(const QString &message);
    QString text() const;
    // What failed; empty while an attempt runs.
    QString failure() const { return m_failed ? m_failure : QString(); }
    bool isFailure() const { return m_failed; }

signals:
    void cancelRequested();
    void retryRequested();
    void connectRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void render();

    QLabel *m_text = nullptr;
    QLabel *m_hint = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_connect = nullptr;
    QString m_database;
    SessionProgress m_progress;
    QString m_failure;
    bool m_failed = false;
};

}  // namespace atalaya
