#pragma once

#include <QFrame>

#include <optional>
#include <vector>

class QLabel;

namespace atalaya {

class Sparkline;

// A big number with its 7-day sparkline and the change versus the previous period
// (docs/DASHBOARD.md §Pages, Overview).
class KpiCard : public QFrame {
    Q_OBJECT
public:
    explicit KpiCard(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    // change: already formatted ("+2.1 pts"); better: whether the change is good news
    // (colours it), nullopt when there is nothing to compare with.
    void setValue(const QString &value, const QString &change, std::optional<bool> better);
    void setSpark(const std::vector<std::optional<double>> &points);

    QString valueText() const;
    QString changeText() const;
    std::vector<std::optional<double>> sparkPoints() const;

private:
    QLabel *m_title = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_change = nullptr;
    Sparkline *m_spark = nullptr;
};

}  // namespace atalaya
