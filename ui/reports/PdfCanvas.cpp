#include "ui/reports/PdfCanvas.h"

#include "ui/common/ChartKit.h"

#include <QAbstractItemModel>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QPdfWriter>
#include <QScatterSeries>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

namespace atalaya {
namespace {

struct Report {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

// Charts are laid out larger than their box and scaled down, so half-page charts keep
// screen-like proportions between fonts and plot area.
constexpr qreal kChartScale = 0.7;
constexpr qreal kCellPadding = 12;

QFont reportFont(qreal pointSize, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    return f;
}

}  // namespace

PdfCanvas::PdfCanvas(QPdfWriter &writer, Pass pass, QString header, int totalPages)
    : m_writer(writer), m_pass(pass), m_header(std::move(header)), m_totalPages(totalPages)
{
    if (painting())
        m_painter.begin(&writer);
    m_page = QRectF(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
    beginPage();
}

void PdfCanvas::ensure(qreal height)
{
    if (m_y + height > m_page.bottom() - kFooter)
        newPage();
}

void PdfCanvas::newPage()
{
    footer();
    if (painting())
        m_writer.newPage();
    beginPage();
}

void PdfCanvas::finish()
{
    footer();
    if (painting())
        m_painter.end();
}

void PdfCanvas::text(const QString &t, qreal pointSize, bool bold, const QColor &color)
{
    const QFont f = reportFont(pointSize, bold);
    const QRectF box = QFontMetricsF(f, &m_writer).boundingRect(QRectF(0, 0, width(), 1e6), Qt::TextWordWrap, t);
    ensure(box.height());
    if (painting()) {
        m_painter.setFont(f);
        m_painter.setPen(color);
        m_painter.drawText(QRectF(0, m_y, width(), box.height()), Qt::TextWordWrap, t);
    }
    m_y += box.height() + pointSize * 0.4;
}

void PdfCanvas::chart(QChart *chart, qreal height, qreal x, qreal w)
{
    std::unique_ptr<QChart> owned(chart);
    ensure(height);
    if (!painting())
        return;
    // Scatter markers are taken out and drawn afterwards as one vector path per series: the
    // scene paints one graphics item per point, each with its own state in the PDF, which
    // made the 2000-point scatter cost 60 ms to draw and 100 ms to flush with its page.
    struct Markers {
        QScatterSeries *series;
        QList<QPointF> points;
    };
    std::vector<Markers> markers;
    for (QAbstractSeries *s : owned->series()) {
        if (auto *scatter = qobject_cast<QScatterSeries *>(s)) {
            markers.push_back({scatter, scatter->points()});
            scatter->clear();
        }
    }
    // Lay the chart out at screen-like size so fonts keep their proportions, then scale.
    const QSizeF logical(w / kChartScale, height / kChartScale);
    QGraphicsScene scene;
    scene.addItem(owned.get());
    owned->setGeometry(QRectF(QPointF(0, 0), logical));
    scene.setSceneRect(QRectF(QPointF(0, 0), logical));
    const QRectF target(x, m_y, w, height);
    scene.render(&m_painter, target, scene.sceneRect(), Qt::KeepAspectRatio);
    if (!markers.empty()) {
        const qreal scale = std::min(w / logical.width(), height / logical.height());
        const QPointF origin = target.center() - QPointF(logical.width(), logical.height()) * scale / 2;
        auto toPage = [&](const QPointF &scenePoint) { return origin + scenePoint * scale; };
        m_painter.save();
        m_painter.setClipRect(QRectF(toPage(owned->plotArea().topLeft()), toPage(owned->plotArea().bottomRight())));
        for (const Markers &m : markers) {
            const qreal r = m.series->markerSize() * scale / 2;
            QPainterPath path;
            path.setFillRule(Qt::WindingFill);  // overlapping markers stay filled
            for (const QPointF &p : m.points)
                path.addEllipse(toPage(owned->mapToPosition(p, m.series)), r, r);
            const QColor border = m.series->borderColor();
            m_painter.setPen(border.alpha() == 0 ? QPen(Qt::NoPen) : QPen(border, m.series->pen().widthF() * scale));
            m_painter.setBrush(m.series->color());
            m_painter.drawPath(path);
        }
        m_painter.restore();
    }
    scene.removeItem(owned.get());
}

void PdfCanvas::emptyChart(const QString &title, qreal height, qreal x, qreal w)
{
    ensure(height);
    if (!painting())
        return;
    m_painter.setPen(QColor(0xaa, 0xaa, 0xaa));
    m_painter.drawRect(QRectF(x, m_y, w, height));
    m_painter.setFont(reportFont(9));
    m_painter.drawText(QRectF(x, m_y, w, height), Qt::AlignCenter, title + QStringLiteral("\n") + charts::emptyText());
}

QList<qreal> fitColumnWidths(const QList<qreal> &natural, const QList<qreal> &minimum, qreal available)
{
    QList<qreal> widths = natural;
    const qreal total = std::accumulate(natural.begin(), natural.end(), qreal(0));
    if (widths.isEmpty())
        return widths;
    if (total <= available) {
        for (qreal &w : widths)
            w += (available - total) / static_cast<qreal>(widths.size());
        return widths;
    }
    // Every column keeps its longest word; what is left goes to the columns in proportion to the
    // text they would wrap, so a long message column is not squeezed to a word a line while short
    // columns beside it keep their whole width.
    qreal floor = 0;
    qreal give = 0;
    for (qsizetype c = 0; c < widths.size(); ++c) {
        floor += minimum[c];
        give += natural[c] - minimum[c];
    }
    if (floor >= available || give <= 0)
        return minimum;
    const qreal share = (available - floor) / give;
    for (qsizetype c = 0; c < widths.size(); ++c)
        widths[c] = minimum[c] + (natural[c] - minimum[c]) * share;
    return widths;
}

QList<qreal> PdfCanvas::columnWidths(const QAbstractItemModel &model, qreal available) const
{
    const QFontMetricsF plain(reportFont(8), &m_writer);
    const QFontMetricsF bold(reportFont(8, true), &m_writer);
    QList<qreal> natural;
    QList<qreal> minimum;
    const auto longestWord = [](const QFontMetricsF &fm, const QString &text) {
        qreal w = 0;
        for (const QString &word : text.split(QLatin1Char(' ')))
            w = std::max(w, fm.horizontalAdvance(word));
        return w;
    };
    for (int c = 0; c < model.columnCount(); ++c) {
        // A header may wrap at spaces, so only its longest word has to fit.
        const QString header = model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        qreal whole = longestWord(bold, header);
        qreal word = whole;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QString text = model.index(r, c).data(Qt::DisplayRole).toString();
            const qreal line = plain.horizontalAdvance(text);
            whole = std::max(whole, line);
            // A number with its unit or sign ("1,535 ms", "< 0.0001") stays on one line.
            const bool value = text.count(QLatin1Char(' ')) <= 1
                && std::any_of(text.begin(), text.end(), [](QChar ch) { return ch.isDigit(); });
            word = std::max(word, value ? line : longestWord(plain, text));
        }
        // Rounded up with a pixel to spare, or the widest cell would wrap in its own column.
        natural.append(std::ceil(whole) + 1 + kCellPadding);
        minimum.append(std::ceil(word) + 1 + kCellPadding);
    }
    return fitColumnWidths(natural, minimum, available);
}

void PdfCanvas::table(const QAbstractItemModel &model, qreal x0, qreal w0)
{
    if (w0 < 0)
        w0 = width();
    const QList<qreal> widths = columnWidths(model, w0);
    const QFont plainFont = reportFont(8);
    const QFont boldFont = reportFont(8, true);
    const qreal lineH = QFontMetricsF(plainFont, &m_writer).height();
    const qreal vpad = lineH * 0.6;
    auto cellText = [&](int r, int c) {
        return r < 0 ? model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()
                     : model.index(r, c).data(Qt::DisplayRole).toString();
    };
    // Text that does not fit its column wraps at spaces; the row grows to its tallest cell.
    auto rowHeight = [&](int r) {
        const QFontMetricsF fm(r < 0 ? boldFont : plainFont, &m_writer);
        qreal h = lineH;
        for (int c = 0; c < model.columnCount(); ++c)
            h = std::max(h,
                         fm.boundingRect(QRectF(0, 0, widths[c] - kCellPadding, 1e6), Qt::TextWordWrap, cellText(r, c))
                             .height());
        return h + vpad;
    };
    auto paintRow = [&](int r) {
        const qreal h = rowHeight(r);
        if (painting()) {
            m_painter.setFont(r < 0 ? boldFont : plainFont);
            if (r < 0)
                m_painter.fillRect(QRectF(x0, m_y, w0, h), QColor(0xee, 0xf1, 0xf5));
            else if (r % 2 == 1)
                m_painter.fillRect(QRectF(x0, m_y, w0, h), QColor(0xf8, 0xf9, 0xfb));
            m_painter.setPen(QColor(0x22, 0x22, 0x22));
            qreal x = x0;
            for (int c = 0; c < model.columnCount(); ++c) {
                const QVariant align = r < 0 ? model.headerData(c, Qt::Horizontal, Qt::TextAlignmentRole)
                                             : model.index(r, c).data(Qt::TextAlignmentRole);
                const Qt::Alignment a =
                    align.isValid() ? Qt::Alignment(align.toInt()) : Qt::AlignLeft | Qt::AlignVCenter;
                m_painter.drawText(QRectF(x + kCellPadding / 2, m_y, widths[c] - kCellPadding, h), a | Qt::TextWordWrap,
                                   cellText(r, c));
                x += widths[c];
            }
        }
        m_y += h;
    };
    // Short tables stay on one page; long ones need at least the header and one row here.
    qreal tableH = 0;
    for (int r = -1; r < model.rowCount(); ++r)
        tableH += rowHeight(r);
    ensure(tableH < m_page.height() / 3 ? tableH : rowHeight(-1) + rowHeight(0));
    paintRow(-1);
    for (int r = 0; r < model.rowCount(); ++r) {
        if (m_y + rowHeight(r) > m_page.bottom() - kFooter) {
            newPage();
            paintRow(-1);
        }
        paintRow(r);
    }
    m_y += 10;
}

void PdfCanvas::beginPage()
{
    ++m_pageNumber;
    m_y = 0;
    if (m_pageNumber == 1)
        return;
    if (painting()) {
        m_painter.setFont(reportFont(7.5));
        m_painter.setPen(QColor(0x77, 0x77, 0x77));
        m_painter.drawText(QRectF(0, 0, width(), 20), Qt::AlignLeft | Qt::AlignTop, m_header);
        m_painter.setPen(QColor(0xdd, 0xdd, 0xdd));
        m_painter.drawLine(QPointF(0, 20), QPointF(width(), 20));
    }
    m_y = 30;
}

void PdfCanvas::footer()
{
    if (!painting())
        return;
    m_painter.setFont(reportFont(7.5));
    m_painter.setPen(QColor(0x77, 0x77, 0x77));
    m_painter.drawText(QRectF(0, m_page.bottom() - 20, width(), 20), Qt::AlignRight | Qt::AlignBottom,
                       Report::tr("Page %1 of %2").arg(m_pageNumber).arg(m_totalPages));
}

}  // namespace atalaya
