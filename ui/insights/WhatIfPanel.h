#pragma once

#include "core/insights/WhatIf.h"

#include <QWidget>

#include <array>
#include <functional>
#include <optional>

class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSlider;
class QTimer;

namespace atalaya {

class ChartCard;
class Settings;

// The threshold what-if (docs/INSIGHTS.md §What-if): three confidence cut-points on sliders
// bound to spin boxes, the review load per day per priority and the wrong decisions left
// unreviewed against the current rules, the load-vs-missed curve, and "Apply as rule set",
// which stores the proposal as the reviewers' rules the way Settings → Review queue does.
class WhatIfPanel : public QWidget {
    Q_OBJECT
public:
    // Figure rows and columns of the table beside the sliders.
    enum Row { P0Row, P1Row, P2Row, P3Row, LoadRow, MissedRow, RowCount };
    enum Column { CurrentColumn, ProposedColumn, ChangeColumn, ColumnCount };

    explicit WhatIfPanel(Settings *settings, QWidget *parent = nullptr);

    void setInputs(const WhatIfInputs &inputs);
    CutPoints cutPoints() const;
    void setCutPoints(const CutPoints &cuts);
    QSlider *slider(int index) const { return m_sliders[static_cast<size_t>(index)]; }
    QPushButton *applyButton() const { return m_apply; }
    ChartCard *chartCard() const { return m_chart; }
    QString figureText(Row row, Column column) const;
    const std::optional<WhatIfReport> &report() const { return m_report; }
    // Asks before rules are replaced; the default asks in a dialog (tests answer themselves).
    void setConfirmer(std::function<bool(const QString &question)> confirmer);

signals:
    void rulesApplied();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void sliderMoved(int index, int percent);
    void recompute();
    void redrawChart();
    void showFigures();
    void apply();

    Settings *m_settings = nullptr;
    ReviewRules m_rules;
    std::optional<WhatIfInputs> m_inputs;
    std::optional<WhatIfReport> m_report;
    std::vector<WhatIfCurvePoint> m_curve;
    bool m_curveStale = true;
    std::array<QSlider *, 3> m_sliders{};
    std::array<QDoubleSpinBox *, 3> m_spins{};
    std::array<QLabel *, 3> m_sliderLabels{};
    std::array<std::array<QLabel *, ColumnCount>, RowCount> m_figures{};
    std::array<QLabel *, RowCount> m_rowNames{};
    std::array<QLabel *, ColumnCount> m_columnNames{};
    QLabel *m_basis = nullptr;
    QPushButton *m_apply = nullptr;
    ChartCard *m_chart = nullptr;
    QTimer *m_chartLater = nullptr;
    bool m_syncing = false;
    std::function<bool(const QString &)> m_confirmer;
};

}  // namespace atalaya
