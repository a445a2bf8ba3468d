#pragma once

#include "ui/common/Page.h"

#include <QDateTime>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace atalaya {

class AuditLogModel;
struct AuditFilter;

// The feedback audit log (docs/DATA.md §Audit chain): who changed which verdict, when and from
// where, newest first, filtered by reviewer, agent, decision id and period, loaded as the table
// scrolls; exported as CSV for a compliance review.
class AuditLogPage : public Page {
    Q_OBJECT
public:
    explicit AuditLogPage(const AppContext &context, QWidget *parent = nullptr);

    QString pageId() const override { return QStringLiteral("audit"); }
    void refresh() override;
    // A decision id: shows that decision's history.
    void openItem(const QVariant &argument) override;

    // Writes the rows the filters select to `path` off the UI thread; exportFinished follows.
    void exportCsv(const QString &path);
    AuditFilter currentFilter(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    AuditLogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

signals:
    void exportFinished(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void chooseExportFile();

    QLabel *m_reviewerLabel = nullptr;
    QLineEdit *m_reviewer = nullptr;
    QLabel *m_agentLabel = nullptr;
    QLineEdit *m_agent = nullptr;
    QLabel *m_decisionLabel = nullptr;
    QLineEdit *m_decision = nullptr;
    QLabel *m_periodLabel = nullptr;
    QComboBox *m_period = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_export = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_status = nullptr;
    AuditLogModel *m_model = nullptr;
};

}  // namespace atalaya
