#include "ui/review/CachedTextDelegate.h"

#include <QApplication>
#include <QPainter>

namespace atalaya {
namespace {

// Lines of texts that no longer show (ticking ages, other pages of the queue) are dropped
// all at once past this many.
constexpr qsizetype kMaxLines = 4000;

QPalette::ColorGroup colorGroup(const QStyleOptionViewItem &opt)
{
    if (!(opt.state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return (opt.state & QStyle::State_Active) ? QPalette::Normal : QPalette::Inactive;
}

}  // namespace

const QStaticText &CachedTextDelegate::line(const QString &text, const QFont &font, const QFontMetrics &metrics,
                                            Qt::TextElideMode mode, int width) const
{
    const QString key = font.key() + QLatin1Char('\x1f') + QString::number(width) + QLatin1Char('\x1f')
        + QString::number(mode) + QLatin1Char('\x1f') + text;
    if (const auto it = m_lines.constFind(key); it != m_lines.cend())
        return *it;
    if (m_lines.size() >= kMaxLines)
        m_lines.clear();
    QStaticText st(metrics.elidedText(text, mode, width));
    st.setTextFormat(Qt::PlainText);
    st.setPerformanceHint(QStaticText::AggressiveCaching);
    st.prepare(QTransform(), font);
    return *m_lines.insert(key, st);
}

void CachedTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return;
    // The style's own text margins (QCommonStyle's viewItemDrawText).
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect rect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(margin, 0, -margin, 0);
    if (rect.width() <= 0)
        return;
    const QStaticText &st = line(text, opt.font, opt.fontMetrics, opt.textElideMode, rect.width());
    const QSizeF size = st.size();
    const qreal x = (opt.displayAlignment & Qt::AlignRight) ? rect.right() + 1 - size.width()
        : (opt.displayAlignment & Qt::AlignHCenter)         ? rect.left() + (rect.width() - size.width()) / 2
                                                            : rect.left();
    const qreal y = rect.top() + (rect.height() - size.height()) / 2;
    const QPalette::ColorRole role = (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(colorGroup(opt), role));
    painter->setClipRect(rect);
    painter->drawStaticText(QPointF(x, y), st);
    painter->restore();
}

}  // namespace atalaya
