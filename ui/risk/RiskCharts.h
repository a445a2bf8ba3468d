#pragma once

#include "core/risk/RiskExplainer.h"

#include <QWidget>

#include <optional>
#include <utility>

class QChartView;
class QLabel;
class QLocale;
class QPainter;

namespace atalaya {

// A horizontal 0..1 bar with the four level zones and a marker at the risk score.
class RiskGauge : public QWidget {
    Q_OBJECT
public:
    explicit RiskGauge(QWidget *parent = nullptr);
    void setScore(std::optional<double> score);
    QSize sizeHint() const override { return {360, 56}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::optional<double> m_score;
};

// The gauge's bar in `bar` (zones, frame, tick labels below it, a marker at the score), for the
// widget and the release-check PDF.
void paintRiskGauge(QPainter &painter, const QRectF &bar, std::optional<double> score, const QColor &ink,
                    const QLocale &locale);

// Signed per-feature bars (Qt Charts): red raises the risk, green lowers it.
class ContributionChart : public QWidget {
    Q_OBJECT
public:
    explicit ContributionChart(QWidget *parent = nullptr);
    void setContributions(const Contributions &contributions, double baseValue);
    void clear();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QChartView *m_view = nullptr;
    QLabel *m_hint = nullptr;
    std::optional<std::pair<Contributions, double>> m_last;  // redrawn in a new theme
};

// Global permutation importance of the model (Qt Charts).
class ImportanceChart : public QWidget {
    Q_OBJECT
public:
    explicit ImportanceChart(QWidget *parent = nullptr);
    void setImportance(const Contributions &importance);
    void clear();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QChartView *m_view = nullptr;
    QLabel *m_hint = nullptr;
    std::optional<Contributions> m_last;  // redrawn in a new theme
};

// Translated name of a risk level ("very_low" → "Very low").
QString riskLevelText(const QString &level);
// The prediction's headline, "Very low risk": one sentence per level, as "%1 risk" made the
// Spanish "Riesgo Muy bajo" (the level's own capital in the middle of the sentence).
QString riskHeadline(const QString &level);

}  // namespace atalaya
