#include "ui/common/ErrorBanner.h"

#include "ui/common/ChartKit.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>

namespace atalaya {

ErrorBanner::ErrorBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    m_icon = new QLabel(this);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(this);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    connect(m_retry, &QPushButton::clicked, this, &ErrorBanner::retryRequested);
    retranslate();
    hide();
}

void ErrorBanner::showError(const QString &message)
{
    m_text->setText(message);
    show();
}

QString ErrorBanner::message() const
{
    return isHidden() ? QString() : m_text->text();
}

void ErrorBanner::paintEvent(QPaintEvent *)
{
    // A red tint of the page's own base colour, from the palette at paint time: legible in
    // both themes and right after View → Theme (a style sheet would pin the old palette).
    const QColor base = palette().color(QPalette::Base);
    const QColor red = charts::ChartStyle::bad();
    const auto mix = [&](double share) {
        return QColor::fromRgbF(base.redF() + (red.redF() - base.redF()) * share,
                                base.greenF() + (red.greenF() - base.greenF()) * share,
                                base.blueF() + (red.blueF() - base.blueF()) * share);
    };
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(mix(0.55), 1));
    p.setBrush(mix(0.14));
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
}

void ErrorBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void ErrorBanner::retranslate()
{
    m_retry->setText(tr("Retry"));
}

}  // namespace atalaya
