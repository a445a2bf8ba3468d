#pragma once

#include "core/forecast/CapacityForecast.h"

#include <QFrame>

#include <memory>
#include <optional>

class QLabel;
class QSpinBox;

namespace atalaya {

class ChartCard;
class Database;
class LatestLoader;

// The review queue's capacity forecast (docs/INSIGHTS.md §Capacity forecast): expected
// backlog per priority over the next week with the staffing used, and what keeping every
// deadline would take. The inputs are read off the UI thread; a change of the reviewers spin
// box only re-runs the simulation (microseconds) on the inputs already read.
class ForecastPanel : public QFrame {
    Q_OBJECT
public:
    explicit ForecastPanel(QWidget *parent = nullptr);

    // Reads the inputs for these rules (all agents: reviewers work one queue).
    void load(const std::shared_ptr<const Database> &db, const ReviewRules &rules);
    // The forecast on screen; nullopt before the first load or after a failure.
    const std::optional<forecast::Forecast> &shown() const { return m_forecast; }

signals:
    void loaded(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Loaded {
        std::optional<forecast::ForecastInputs> inputs;
        QString error;
    };
    void recompute();
    void draw();
    void showError(const QString &text);
    std::optional<int> staffing() const;

    LatestLoader *m_loader = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_reviewersLabel = nullptr;
    QSpinBox *m_reviewers = nullptr;
    QLabel *m_summary = nullptr;
    ChartCard *m_chart = nullptr;
    std::optional<forecast::ForecastInputs> m_inputs;
    std::optional<forecast::Forecast> m_forecast;
    QString m_error;
};

}  // namespace atalaya
