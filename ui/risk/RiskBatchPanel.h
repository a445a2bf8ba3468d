#pragma once

#include "core/risk/RiskModel.h"
#include "ui/risk/RiskBatchModel.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QDoubleSpinBox;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QStringListModel;
class QTableView;

namespace atalaya {

class Database;

// Several recorded cycles predicted in one go (docs/RISK_MODEL.md §Batch checks): a list with
// extended selection (Shift, Ctrl, Ctrl+A), the CLI's --fail-above limit, a worker-thread run
// with progress and cancel, and a results table whose "Gate" column applies the limit.
class RiskBatchPanel : public QWidget {
    Q_OBJECT
public:
    explicit RiskBatchPanel(QWidget *parent = nullptr);
    ~RiskBatchPanel() override;

    void setSource(std::shared_ptr<const Database> db, std::shared_ptr<const RiskModel> model);
    void setCycles(const QStringList &cycleIds);
    QStringList selectedCycles() const;

signals:
    void finished(int predicted, int gated);

private:
    void start();
    void done();
    void updateActions();
    void updateSummary();

    QListView *m_list = nullptr;
    QStringListModel *m_cycles = nullptr;
    QDoubleSpinBox *m_limit = nullptr;
    QPushButton *m_predict = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableView *m_table = nullptr;
    RiskBatchModel *m_results = nullptr;
    QLabel *m_summary = nullptr;
    QFutureWatcher<std::vector<RiskBatchRow>> *m_run = nullptr;
    std::shared_ptr<const Database> m_db;
    std::shared_ptr<const RiskModel> m_model;
};

}  // namespace atalaya
