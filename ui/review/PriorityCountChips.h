#pragma once

#include "core/queue/ReviewQueue.h"
#include "ui/review/ReviewColors.h"

#include <QWidget>

#include <array>

class QLabel;

namespace atalaya {

// The four P0–P3 cards above the queue: pending decisions per priority, how many are past
// their deadline (in red), and the priority's deadline from the rules in force. Colours come
// from the palette, so the cards follow the light and dark themes.
class PriorityCountChips : public QWidget {
    Q_OBJECT
public:
    enum class State { Counting, Known, Unavailable };

    explicit PriorityCountChips(QWidget *parent = nullptr);

    void setRules(const ReviewRules &rules);
    void setCounts(const QueueCounts &counts);
    void setState(State state);
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
};

}  // namespace atalaya
