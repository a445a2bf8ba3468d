#pragma once

#include "core/queue/ReviewRules.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace atalaya {

class ReviewRulesModel;

// Settings → Review queue: the P0–P3 conditions in an editable table, each priority's
// deadline and the P3 sample, which reviewed decisions get a second review, checked as they are typed, with Reset to defaults.
class ReviewRulesEditor : public QWidget {
    Q_OBJECT
public:
    explicit ReviewRulesEditor(QWidget *parent = nullptr);

    void setRules(const ReviewRules &rules);
    // The edited rules, or why they cannot be saved.
    Result<ReviewRules> rules() const;
    ReviewRulesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QSpinBox *slaHours(Priority p) const { return m_sla[static_cast<size_t>(p)]; }
    QSpinBox *samplePercent(Priority p) const { return m_sample[static_cast<size_t>(p)]; }
    QSpinBox *secondReviewPercent() const { return m_secondSample; }
    QCheckBox *secondReviewAllP0() const { return m_secondAllP0; }

public slots:
    void resetToDefaults();

signals:
    // Whether the rules as edited can be saved.
    void validityChanged(bool valid);

private:
    void check();
    void showPriorities();

    ReviewRulesModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_remove = nullptr;
    std::array<QSpinBox *, kPriorityCount> m_sla{};
    std::array<QSpinBox *, kPriorityCount> m_sample{};
    QSpinBox *m_secondSample = nullptr;
    QCheckBox *m_secondAllP0 = nullptr;
    bool m_loading = false;
};

}  // namespace atalaya
