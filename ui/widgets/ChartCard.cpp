#include "widgets/ChartCard.h"

#include "charts/ChartKit.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace atalaya {

void applyCardStyle(QFrame *frame)
{
    frame->setObjectName(QStringLiteral("card"));
    frame->setStyleSheet(QStringLiteral("QFrame#card { background: palette(base); border: 1px solid palette(midlight);"
                                        " border-radius: 6px; }"));
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

} // namespace atalaya
