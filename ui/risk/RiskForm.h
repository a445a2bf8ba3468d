#pragma once

#include "core/risk/RiskFeatures.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace atalaya {

// The 10 raw features of docs/RISK_MODEL.md §Features, each in a widget whose range is the validation range
// (docs/RISK_MODEL.md), plus a picker of recorded cycles. Emits changed() on every edit.
class RiskForm : public QWidget {
    Q_OBJECT
public:
    explicit RiskForm(QWidget *parent = nullptr);

    FeatureVector values() const;
    // Sets all fields at once and emits changed() once.
    void setValues(const FeatureVector &raw);
    void setCycles(const QStringList &cycleIds);
    // The cycle whose values are shown, or empty once the user edited a field.
    QString cycleId() const { return m_cycleId; }
    void setCycleId(const QString &id) { m_cycleId = id; }

signals:
    void changed();
    void cycleRequested(const QString &cycleId);

private:
    void edited();

    QComboBox *m_cycles = nullptr;
    QDoubleSpinBox *m_leadTime = nullptr;
    QDoubleSpinBox *m_tests = nullptr;
    QDoubleSpinBox *m_changes = nullptr;
    QSpinBox *m_hour = nullptr;
    QComboBox *m_weekday = nullptr;
    QSpinBox *m_failures = nullptr;
    QSpinBox *m_velocity = nullptr;
    QDoubleSpinBox *m_planning = nullptr;
    QComboBox *m_complexity = nullptr;
    QDoubleSpinBox *m_review = nullptr;
    QString m_cycleId;
    std::optional<FeatureVector> m_exact;
    bool m_setting = false;
};

}  // namespace atalaya
