#pragma once

#include <QList>
#include <QPainter>
#include <QRectF>
#include <QString>

#include <algorithm>

class QAbstractItemModel;
class QChart;
class QPdfWriter;

namespace atalaya {

// Column widths for a table band of `available` points: natural (the widest cell on one line)
// when they all fit, with the space left shared equally; otherwise each column keeps minimum
// (its longest word) and the rest is shared in proportion to natural − minimum, so the column
// with the most text to wrap gets the most room. When even the minimums overflow, the minimums.
QList<qreal> fitColumnWidths(const QList<qreal> &natural, const QList<qreal> &minimum, qreal available);

// Lays out report blocks top to bottom on A4 pages and starts a new page when a block does
// not fit. "Page N of M" needs M before page 1 is written, so the report is laid out twice
// through the same code: a Measure pass that paints nothing and only counts pages, then the
// Paint pass with the total. Both passes measure text with the writer's font metrics, so
// they break pages at the same places.
class PdfCanvas {
public:
    enum class Pass { Measure, Paint };
    // Paint needs the page total of the Measure pass; header is repeated on pages 2..M.
    PdfCanvas(QPdfWriter &writer, Pass pass, QString header, int totalPages = 0);

    // False when the Paint pass could not open the file.
    bool ok() const { return m_pass == Pass::Measure || m_painter.isActive(); }
    bool painting() const { return m_pass == Pass::Paint; }
    qreal width() const { return m_page.width(); }
    qreal y() const { return m_y; }
    int pageCount() const { return m_pageNumber; }
    // Only while painting().
    QPainter &painter() { return m_painter; }

    void ensure(qreal height);
    void newPage();
    void finish();
    void space(qreal h) { m_y += h; }

    void text(const QString &t, qreal pointSize, bool bold = false, const QColor &color = QColor(0x22, 0x22, 0x22));
    // Renders the chart as vectors into the box (x, cursor, w, height); ownership is taken.
    // Charts and empty charts leave the cursor where it is: several can share a row.
    void chart(QChart *chart, qreal height, qreal x, qreal w);
    // A framed box with the chart's title and "no decisions in this period".
    void emptyChart(const QString &title, qreal height, qreal x, qreal w);
    void skipChartRow(qreal height) { m_y += height + 12; }
    // Header row and every row of the model, in its order and alignment, in the band from x
    // of width w (the page width by default). Columns get their natural width plus an equal
    // share of the space left; when they do not fit, fitColumnWidths shares the page. Text that
    // does not fit its column wraps and the row grows.
    // A short table is kept on one page; a long one repeats its header on each new page.
    void table(const QAbstractItemModel &model, qreal x = 0, qreal w = -1);
    // Moves down to y if the cursor is above it (after blocks laid out side by side).
    void moveDownTo(qreal y) { m_y = std::max(m_y, y); }

private:
    static constexpr qreal kFooter = 40;

    QList<qreal> columnWidths(const QAbstractItemModel &model, qreal available) const;
    void beginPage();
    void footer();

    QPdfWriter &m_writer;
    const Pass m_pass;
    QPainter m_painter;
    QString m_header;
    const int m_totalPages;
    QRectF m_page;
    qreal m_y = 0;
    int m_pageNumber = 0;
};

}  // namespace atalaya
