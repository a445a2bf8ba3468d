#pragma once

#include "core/queue/ReviewQueue.h"
#include "ui/review/ReviewColors.h"

#include <QWidget>

#include <array>

class QLabel;

namespace atalaya {

// The four P0–P3 cards above the queue: the shown view's decisions per priority, how many are
// past their deadline (in red; pending view only), and the priority's deadline from the rules. Colours come
// from the palette, so the cards follow the light and dark themes.
class PriorityCountChips : public QWidget {
    Q_OBJECT
public:
    enum class State { Counting, Known, Unavailable };

    explicit PriorityCountChips(QWidget *parent = nullptr);

    void setRules(const ReviewRules &rules);
    void setCounts(const QueueCounts &counts);
    void setState(State state);
    // Off for the double-review views, which have no deadline: no overdue figure.
    void setDeadlinesShown(bool shown);
    const QueueCounts &counts() const { return m_counts; }
    State state() const { return m_state; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyStyle();
    void render();
    QString deadlineText(Priority p) const;

    std::array<QLabel *, kPriorityCount> m_labels{};
    ReviewRules m_rules = ReviewRules::defaults();
    ReviewColors m_colors;
    QueueCounts m_counts;
    State m_state = State::Unavailable;
    bool m_deadlinesShown = true;
};

}  // namespace atalaya
