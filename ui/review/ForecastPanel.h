#pragma once

#include "core/forecast/CapacityForecast.h"

#include <QDateTime>
#include <QFrame>

#include <array>
#include <memory>
#include <optional>

class QLabel;
class QSpinBox;

namespace atalaya {

class ChartCard;
class Database;
class LatestLoader;

// The review queue's capacity forecast (docs/INSIGHTS.md §Capacity forecast): the reviewer-hours
// that keep every deadline, a table per priority (now, 24 h, 7 days), and one chart per priority
// with a deadline, each on its own scale. The inputs are read off the UI thread; a change of the
// reviewers spin box only re-runs the simulation (microseconds) on the inputs already read.
class ForecastPanel : public QFrame {
    Q_OBJECT
public:
    explicit ForecastPanel(QWidget *parent = nullptr);

    // Reads the inputs for these rules; a non-empty agentId forecasts that agent's queue (its
    // arrivals and pending decisions, with the whole team's pace).
    void load(const std::shared_ptr<const Database> &db, const ReviewRules &rules, const QString &agentId = {});
    // The instant every later load forecasts from; invalid (the default): the clock at each
    // load. Tests pin it so that decisions placed in "the current hour" stay in it.
    void setNow(const QDateTime &now) { m_fixedNow = now; }
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

    void drawTitle();

    LatestLoader *m_loader = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_reviewersLabel = nullptr;
    QSpinBox *m_reviewers = nullptr;
    QLabel *m_needed = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_legend = nullptr;
    QLabel *m_pace = nullptr;
    std::array<ChartCard *, kPriorityCount> m_charts{};  // hidden for a priority without deadline
    QString m_agentId;
    QDateTime m_fixedNow;
    std::optional<forecast::ForecastInputs> m_inputs;
    std::optional<forecast::Forecast> m_forecast;
    QString m_error;
};

}  // namespace atalaya
