#pragma once

#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace atalaya {

// Paints a cell's text from a cache of laid-out lines (QStaticText, elided to the cell's
// width once), the rest (background, selection, focus) through the style. The review queue
// repaints every visible row when a verdict removes one; shaping each cell's text again on
// each paint was most of that frame.
class CachedTextDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    const QStaticText &line(const QString &text, const QFont &font, const QFontMetrics &metrics, Qt::TextElideMode mode,
                            int width) const;

    mutable QHash<QString, QStaticText> m_lines;
};

}  // namespace atalaya
