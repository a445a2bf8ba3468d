#pragma once

#include "core/common/Result.h"
#include "core/risk/RiskMonitor.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QChartView;
class QLabel;
class QTableWidget;

namespace atalaya {

class Database;

// "Model monitoring" (docs/RISK_MODEL.md §Monitoring): the active model's age, the accuracy of
// its recorded predictions whose outcome arrived, the recorded scores per week and the PSI of
// each feature; read on a worker thread whenever the page loads.
class RiskMonitorPanel : public QWidget {
    Q_OBJECT
public:
    explicit RiskMonitorPanel(QWidget *parent = nullptr);
    ~RiskMonitorPanel() override;

    void setSource(std::shared_ptr<const Database> db);

signals:
    void loaded(bool ok);

private:
    void show(const Result<RiskMonitorReport> &report);

    QLabel *m_age = nullptr;
    QLabel *m_accuracy = nullptr;
    QChartView *m_chart = nullptr;
    QLabel *m_noScores = nullptr;  // instead of the chart while no prediction was recorded
    QTableWidget *m_drift = nullptr;
    QFutureWatcher<Result<RiskMonitorReport>> *m_run = nullptr;
};

}  // namespace atalaya
