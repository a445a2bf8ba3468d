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
    m_view = new QChartView(this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setStyleSheet(QStringLiteral("background: transparent;"));
    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(QStringLiteral("color: %1; font-size: 11pt;").arg(palette().color(QPalette::PlaceholderText).name()));
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack);
    setMinimumHeight(220);
}

void ChartCard::setChart(QChart *chart, bool empty)
{
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
    m_empty->setText(chart->title() + QStringLiteral("\n\n") + charts::emptyText());
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_view);
}

QChart *ChartCard::chart() const
{
    return m_view->chart();
}

bool ChartCard::isEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

} // namespace atalaya
