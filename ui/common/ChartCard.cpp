#include "ui/common/ChartCard.h"

#include "ui/common/ChartKit.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace atalaya {

namespace {

// Paints a card (rounded, Base background, Midlight border) from the palette at paint time,
// so that View → Theme applies at once. A style sheet would not: it fixes the palette it was
// polished with on the card and its children, and captions turn unreadable in the new theme.
class CardPainter : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            auto *widget = static_cast<QWidget *>(watched);
            QPainter p(widget);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QPen(widget->palette().color(QPalette::Midlight), 1));
            p.setBrush(widget->palette().color(QPalette::Base));
            p.drawRoundedRect(QRectF(widget->rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        }
        return false;
    }
};

}  // namespace

void applyCardStyle(QFrame *frame)
{
    frame->setFrameShape(QFrame::NoFrame);
    frame->installEventFilter(new CardPainter(frame));
}

ChartCard::ChartCard(QWidget *parent) : QFrame(parent)
{
    applyCardStyle(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_stack = new QStackedWidget(this);
    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    QFont emptyFont = m_empty->font();
    emptyFont.setPointSizeF(11);
    m_empty->setFont(emptyFont);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack);
    setMinimumHeight(220);
}

void ChartCard::setChart(QChart *chart, bool empty)
{
    if (!m_view) {
        m_view = new QChartView(chart, this);
        m_view->setRenderHint(QPainter::Antialiasing);
        m_view->setFrameShape(QFrame::NoFrame);
        m_view->setStyleSheet(QStringLiteral("background: transparent;"));
        m_stack->addWidget(m_view);
    } else {
        QChart *old = m_view->chart();
        m_view->setChart(chart);
        delete old;
    }
    m_empty->setText(chart->title() + QStringLiteral("\n\n") + charts::emptyText());
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_view);
}

QChart *ChartCard::chart() const
{
    return m_view ? m_view->chart() : nullptr;
}

bool ChartCard::isEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

}  // namespace atalaya
