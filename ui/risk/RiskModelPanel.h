#pragma once

#include "core/risk/RiskModel.h"
#include "core/risk/RiskModelStore.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace atalaya {

class ImportanceChart;

// The model card (version, trained at, samples, metrics, checks, importance), the stored
// versions with "Activate", and retraining with progress and cancel. It only shows and asks;
// the page does the work off the UI thread.
class RiskModelPanel : public QWidget {
    Q_OBJECT
public:
    explicit RiskModelPanel(QWidget *parent = nullptr);

    void showModel(const RiskModel *model);  // null: no active model
    void showVersions(const std::vector<StoredModelInfo> &versions);
    void setTraining(bool running);
    void setProgress(int done, int total, const QString &stage);
    void setMessage(const QString &text);

signals:
    void retrainRequested(int days, bool activateAnyway);
    void cancelRequested();
    void activateRequested(const QString &version);

private:
    QLabel *m_card = nullptr;
    ImportanceChart *m_importance = nullptr;
    QTableWidget *m_versions = nullptr;
    QSpinBox *m_days = nullptr;
    QCheckBox *m_anyway = nullptr;
    QPushButton *m_retrain = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
};

}  // namespace atalaya
