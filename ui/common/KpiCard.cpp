#include "ui/common/KpiCard.h"

#include "ui/common/ChartCard.h"

#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace atalaya {

// Days without data leave a gap; the line is scaled to its own min/max.
class Sparkline : public QWidget {
public:
    explicit Sparkline(QWidget *parent) : QWidget(parent) { setMinimumHeight(34); }
    void setPoints(std::vector<std::optional<double>> points)
    {
        m_points = std::move(points);
        update();
    }
    const std::vector<std::optional<double>> &points() const { return m_points; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        double lo = 0, hi = 0;
        bool any = false;
        for (const auto &p : m_points) {
            if (!p)
                continue;
            lo = any ? std::min(lo, *p) : *p;
            hi = any ? std::max(hi, *p) : *p;
            any = true;
        }
        if (!any || m_points.size() < 2)
            return;
        if (hi - lo < 1e-9) {
            lo -= 1;
            hi += 1;
        }
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QRectF r = QRectF(rect()).adjusted(3, 4, -3, -4);
        const double step = r.width() / static_cast<double>(m_points.size() - 1);
        QPainterPath path;
        bool drawing = false;
        QPointF last;
        for (size_t i = 0; i < m_points.size(); ++i) {
            if (!m_points[i]) {
                drawing = false;
                continue;
            }
            const QPointF pt(r.left() + step * static_cast<double>(i),
                             r.bottom() - (*m_points[i] - lo) / (hi - lo) * r.height());
            drawing ? path.lineTo(pt) : path.moveTo(pt);
            drawing = true;
            last = pt;
        }
        const QColor color = palette().color(QPalette::Highlight);
        painter.setPen(QPen(color, 1.8));
        painter.drawPath(path);
        painter.setBrush(color);
        painter.drawEllipse(last, 2.5, 2.5);
    }

private:
    std::vector<std::optional<double>> m_points;
};

KpiCard::KpiCard(QWidget *parent) : QFrame(parent)
{
    applyCardStyle(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(2);
    m_title = new QLabel(this);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    QFont titleFont = m_title->font();
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_value = new QLabel(QStringLiteral("…"), this);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    m_value->setFont(big);
    m_change = new QLabel(this);
    m_change->setWordWrap(true);  // "vs previous 30 days" on a second line in a narrow window, not cut
    m_spark = new Sparkline(this);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_change);
    layout->addWidget(m_spark);
    setMinimumWidth(180);
}

void KpiCard::setTitle(const QString &title)
{
    m_title->setText(title.toUpper());
}

void KpiCard::setValue(const QString &value, const QString &change, std::optional<bool> better)
{
    m_value->setText(value);
    m_change->setText(change);
    const QString color = !better ? palette().color(QPalette::PlaceholderText).name()
        : *better                 ? QStringLiteral("#2e9e5b")
                                  : QStringLiteral("#d6453d");
    m_change->setStyleSheet(QStringLiteral("color: %1;").arg(color));
}

void KpiCard::setSpark(const std::vector<std::optional<double>> &points)
{
    m_spark->setPoints(points);
}

std::vector<std::optional<double>> KpiCard::sparkPoints() const
{
    return m_spark->points();
}

QString KpiCard::valueText() const
{
    return m_value->text();
}

QString KpiCard::changeText() const
{
    return m_change->text();
}

}  // namespace atalaya
