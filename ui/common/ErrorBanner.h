#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace atalaya {

// "What failed" + Retry, shown above a page's content when its load failed (docs/DASHBOARD.md).
class ErrorBanner : public QFrame {
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const QString &message);
    QString message() const;
    QPushButton *retryButton() const { return m_retry; }

signals:
    void retryRequested();

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void retranslate();

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_retry = nullptr;
};

}  // namespace atalaya
