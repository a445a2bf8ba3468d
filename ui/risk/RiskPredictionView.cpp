#include "ui/risk/RiskPredictionView.h"

#include "ui/risk/RiskCharts.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace atalaya {

RiskPredictionView::RiskPredictionView(QWidget *parent) : QGroupBox(tr("Prediction"), parent)
{
    auto *layout = new QVBoxLayout(this);
    m_level = new QLabel(this);
    m_level->setObjectName(QStringLiteral("riskLevel"));
    QFont big = m_level->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_level->setFont(big);
    layout->addWidget(m_level);
    m_gauge = new RiskGauge(this);
    layout->addWidget(m_gauge);
    m_numbers = new QLabel(this);
    m_numbers->setWordWrap(true);
    layout->addWidget(m_numbers);
    m_contributions = new ContributionChart(this);
    layout->addWidget(m_contributions, 1);
    m_recommendations = new QLabel(this);
    m_recommendations->setObjectName(QStringLiteral("riskRecommendations"));
    m_recommendations->setTextFormat(Qt::RichText);
    m_recommendations->setWordWrap(true);
    layout->addWidget(m_recommendations);
}

void RiskPredictionView::showPrediction(const RiskPrediction &p, const QString &modelVersion)
{
    const QLocale locale;
    m_level->setText(QStringLiteral("%1 — %2").arg(riskHeadline(p.level), locale.toString(p.riskScore, 'f', 2)));
    m_gauge->setScore(p.riskScore);
    m_numbers->setText(tr("risk score %1 · confidence %2 · calibrated failure probability %3 % · base %4 · model %5")
                           .arg(locale.toString(p.riskScore, 'f', 3), locale.toString(p.confidence, 'f', 2),
                                locale.toString(p.failureProbability * 100, 'f', 1),
                                locale.toString(p.baseValue, 'f', 3), modelVersion));
    m_contributions->setContributions(p.contributions, p.baseValue);
    QString list = QStringLiteral("<b>%1</b><ul>").arg(tr("Recommendations").toHtmlEscaped());
    for (const QString &r : p.recommendations)
        list += QStringLiteral("<li>%1</li>").arg(r.toHtmlEscaped());
    m_recommendations->setText(list + QStringLiteral("</ul>"));
}

void RiskPredictionView::showNoModel()
{
    m_level->setText(tr("No model yet"));
    m_gauge->setScore(std::nullopt);
    m_contributions->clear();
    m_recommendations->clear();
    m_numbers->setText(tr("Train a model with Retrain to predict deployment risk."));
}

}  // namespace atalaya
