#pragma once

#include "core/risk/RiskExplainer.h"

#include <QWidget>

#include <functional>
#include <optional>

class QChart;
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

// The risk page's per-feature bar charts (Qt Charts): a hint in place of an empty chart, the
// title in the current language, and what was drawn drawn again in a new theme.
class FeatureChart : public QWidget {
    Q_OBJECT
public:
    void clear();

protected:
    FeatureChart(int minimumHeight, QWidget *parent);
    void changeEvent(QEvent *event) override;
    // The title and the hint; subclasses call it from their constructor too.
    virtual void retranslate() = 0;
    // An empty chart in the widget's style with the hint hidden, to draw on; `redraw` draws the
    // same figures again after a theme change.
    QChart *beginChart(std::function<void()> redraw);

    QChartView *m_view = nullptr;
    QLabel *m_hint = nullptr;

private:
    std::function<void()> m_redraw;
};

// Signed per-feature bars: red raises the risk, green lowers it.
class ContributionChart : public FeatureChart {
    Q_OBJECT
public:
    explicit ContributionChart(QWidget *parent = nullptr);
    void setContributions(const Contributions &contributions, double baseValue);

private:
    void retranslate() override;
};

// Global permutation importance of the model.
class ImportanceChart : public FeatureChart {
    Q_OBJECT
public:
    explicit ImportanceChart(QWidget *parent = nullptr);
    void setImportance(const Contributions &importance);

private:
    void retranslate() override;
};

// Translated name of a risk level ("very_low" → "Very low").
QString riskLevelText(const QString &level);
// The prediction's headline, "Very low risk": one sentence per level, as "%1 risk" made the
// Spanish "Riesgo Muy bajo" (the level's own capital in the middle of the sentence).
QString riskHeadline(const QString &level);

}  // namespace atalaya
