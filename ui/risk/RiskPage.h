#pragma once

#include "ui/common/Page.h"
#include "core/risk/RiskExplainer.h"
#include "core/risk/RiskService.h"
#include "ui/risk/ReleaseCheckDialog.h"

#include <QFutureWatcher>

#include <memory>

class QLabel;
class QPushButton;
class QTimer;

namespace atalaya {

class RiskBatchPanel;
class RiskMonitorPanel;
class LatestLoader;
class RiskForm;
class RiskModelPanel;
class RiskPredictionView;

// The deployment-risk panel (docs/RISK_MODEL.md §The page): a what-if form (or a recorded
// cycle), the prediction with its exact explanation, the model card, versions and retraining;
// several cycles predicted at once (RiskBatchPanel) and the release check of a picked cycle.
// Everything that touches the database or the forest runs on the thread pool; the page's
// data, the prediction and a picked cycle each show only their latest request (LatestLoader).
class RiskPage : public Page {
    Q_OBJECT
public:
    explicit RiskPage(const AppContext &context, QWidget *parent = nullptr);
    ~RiskPage() override;

    QString pageId() const override { return QStringLiteral("risk"); }
    void refresh() override;

signals:
    // A release check's verdict is on screen (the dialog deletes itself when closed).
    void releaseCheckShown(ReleaseCheckDialog *dialog);

private:
    void schedulePrediction();
    void predict();
    void showPrediction(const RiskPrediction &prediction);
    void loadCycle(const QString &cycleId);
    void recordCheck();
    void releaseCheck();
    void updateReleaseCheck();
    void retrain(int days, bool activateAnyway);
    void activate(const QString &version);
    void setStatus(const QString &text);
    void finishLoad(bool ok, const QString &error);

    RiskForm *m_form = nullptr;
    RiskPredictionView *m_result = nullptr;
    QPushButton *m_record = nullptr;
    QPushButton *m_releaseCheck = nullptr;
    RiskBatchPanel *m_batch = nullptr;
    RiskMonitorPanel *m_monitor = nullptr;
    QLabel *m_status = nullptr;
    RiskModelPanel *m_panel = nullptr;
    QTimer *m_debounce = nullptr;
    LatestLoader *m_pageLoader = nullptr;
    LatestLoader *m_predictLoader = nullptr;
    LatestLoader *m_cycleLoader = nullptr;
    QFutureWatcher<Result<TrainOutcome>> *m_training = nullptr;

    std::shared_ptr<const RiskModel> m_model;
    std::optional<RiskPrediction> m_prediction;
    bool m_loadPending = false;
    bool m_checking = false;
};

}  // namespace atalaya
