#pragma once

#include "core/risk/RiskExplainer.h"

#include <QGroupBox>

class QLabel;

namespace atalaya {

class ContributionChart;
class RiskGauge;

// The risk page's "Prediction" box: the level, the gauge, the figures, each feature's exact
// contribution and the recommendations of one prediction, or the hint to train a model.
class RiskPredictionView : public QGroupBox {
    Q_OBJECT
public:
    explicit RiskPredictionView(QWidget *parent = nullptr);

    void showPrediction(const RiskPrediction &prediction, const QString &modelVersion);
    void showNoModel();

private:
    QLabel *m_level = nullptr;
    RiskGauge *m_gauge = nullptr;
    QLabel *m_numbers = nullptr;
    ContributionChart *m_contributions = nullptr;
    QLabel *m_recommendations = nullptr;
};

}  // namespace atalaya
