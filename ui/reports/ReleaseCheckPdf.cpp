#include "ui/reports/ReleaseCheckPdf.h"

#include "core/risk/RiskFeatureLabels.h"
#include "ui/reports/PdfCanvas.h"
#include "ui/risk/ReleaseReasonsModel.h"
#include "ui/risk/RiskCharts.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QPageLayout>
#include <QPdfWriter>
#include <QSaveFile>
#include <QStandardItemModel>

#include <algorithm>

namespace atalaya {
namespace {

struct ReleaseReport {
    Q_DECLARE_TR_FUNCTIONS(ReleaseReport)
};

QString when(const QDateTime &utc)
{
    return QLocale().toString(utc.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

void verdictBlock(PdfCanvas &c, const ReleaseCheck &check)
{
    const qreal h = 46;
    c.ensure(h);
    if (c.painting()) {
        QPainter &p = c.painter();
        const QColor color = ReleaseReasonsModel::verdictColor(check.verdict);
        const QRectF box(0, c.y(), c.width(), h - 6);
        p.setPen(QPen(color, 2));
        p.setBrush(QColor(color.red(), color.green(), color.blue(), 24));
        p.drawRoundedRect(box, 4, 4);
        p.setBrush(Qt::NoBrush);
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(18);
        f.setBold(true);
        p.setFont(f);
        p.setPen(color);
        p.drawText(box.adjusted(12, 0, -12, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   ReleaseReport::tr("Verdict: %1").arg(ReleaseReasonsModel::verdictText(check.verdict)));
    }
    c.space(h);
}

void gaugeBlock(PdfCanvas &c, const ReleaseCheck &check)
{
    const qreal h = 40;
    c.ensure(h);
    if (c.painting()) {
        QPainter &p = c.painter();
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(7);
        p.setFont(f);
        p.setRenderHint(QPainter::Antialiasing);
        paintRiskGauge(p, QRectF(8, c.y() + 6, c.width() - 16, 14), check.inputs.prediction.riskScore,
                       QColor(0x22, 0x22, 0x22), QLocale());
    }
    c.space(h);
}

void factorsTable(PdfCanvas &c, const RiskPrediction &p)
{
    const QLocale l;
    QStandardItemModel model(0, 3);
    model.setHorizontalHeaderLabels(
        {ReleaseReport::tr("Factor"), ReleaseReport::tr("Value"), ReleaseReport::tr("Adds to the risk score")});
    for (const RiskFactor &f : p.topFactors)
        model.appendRow({new QStandardItem(riskFeatureLabel(f.feature)),
                         new QStandardItem(l.toString(p.raw[f.feature], 'g', 6)),
                         new QStandardItem(l.toString(f.contribution, 'f', 3))});
    if (model.rowCount() == 0) {
        c.text(ReleaseReport::tr("No feature raises the risk above the base value."), 8);
        return;
    }
    c.table(model);
}

void reviewsBlock(PdfCanvas &c, const ReleaseCheck &check, int itemsShown)
{
    const ReleaseInputs &in = check.inputs;
    qint64 open0 = 0, open1 = 0, over0 = 0, over1 = 0;
    for (const AgentReviews &r : in.reviews) {
        open0 += r.openP0;
        open1 += r.openP1;
        over0 += r.overdueP0;
        over1 += r.overdueP1;
    }
    c.text(ReleaseReport::tr("Open reviews of the agents involved"), 11, true);
    c.text(ReleaseReport::tr("Agents: %1").arg(in.agents.isEmpty() ? ReleaseReport::tr("none found")
                                                                    : in.agents.join(QStringLiteral(", "))),
           8);
    c.text(ReleaseReport::tr("P0: %1 open, %2 overdue · P1: %3 open, %4 overdue").arg(open0).arg(over0).arg(open1).arg(over1),
           8);
    const int shown = std::min<int>(itemsShown, static_cast<int>(in.openItems.size()));
    if (shown == 0)
        return;
    QStandardItemModel model(0, 5);
    model.setHorizontalHeaderLabels({ReleaseReport::tr("Decision"), ReleaseReport::tr("Agent"),
                                     ReleaseReport::tr("Task type"), ReleaseReport::tr("Priority"),
                                     ReleaseReport::tr("Due")});
    for (int i = 0; i < shown; ++i) {
        const QueueItem &item = in.openItems[static_cast<size_t>(i)];
        QString due = item.dueAt.isValid() ? when(item.dueAt) : QStringLiteral("—");
        if (item.overdueAt(in.now))
            due += QLatin1Char(' ') + ReleaseReport::tr("(overdue)");
        model.appendRow({new QStandardItem(QStringLiteral("#%1").arg(item.id)), new QStandardItem(item.agentId),
                         new QStandardItem(item.taskType), new QStandardItem(priorityName(item.priority)),
                         new QStandardItem(due)});
    }
    c.table(model);
    if (shown < static_cast<int>(in.openItems.size()) || open0 + open1 > shown)
        c.text(ReleaseReport::tr("%1 of %2 open P0/P1 reviews listed; the review queue has them all.")
                   .arg(shown)
                   .arg(open0 + open1),
               7, false, QColor(0x66, 0x66, 0x66));
}

void layoutPage(PdfCanvas &c, const ReleaseCheck &check, int itemsShown)
{
    const ReleaseInputs &in = check.inputs;
    const RiskPrediction &p = in.prediction;
    const QLocale l;
    c.text(ReleaseReport::tr("Release check — cycle %1").arg(in.cycleId), 16, true);
    c.text(ReleaseReport::tr("Checked at %1 · model %2 (CV AUC %3, trained %4) · window %n day(s)", nullptr,
                             in.windowDays)
               .arg(when(in.now), in.model.version,
                    in.model.cvAuc ? l.toString(*in.model.cvAuc, 'f', 3) : QStringLiteral("—"),
                    when(in.model.trainedAt)),
           8, false, QColor(0x55, 0x55, 0x55));
    c.space(4);
    verdictBlock(c, check);
    ReleaseReasonsModel reasons;
    reasons.setReasons(check.reasons);
    c.table(reasons);
    c.space(6);
    c.text(ReleaseReport::tr("Deployment risk"), 11, true);
    c.text(ReleaseReport::tr("Risk score %1 (%2) · calibrated failure probability %3 % · confidence %4")
               .arg(l.toString(p.riskScore, 'f', 3), riskLevelText(p.level),
                    l.toString(p.failureProbability * 100, 'f', 1), l.toString(p.confidence, 'f', 2)),
           8);
    gaugeBlock(c, check);
    factorsTable(c, p);
    c.space(6);
    reviewsBlock(c, check, itemsShown);
}

Error writeError(const QString &path, const QString &reason)
{
    return Error{ErrorCode::Usage,
                 ReleaseReport::tr("Cannot write the release check to %1 (%2). Choose a folder where you may "
                                   "create files, or check that the disk is not full.")
                     .arg(QDir::toNativeSeparators(path), reason)};
}

}  // namespace

Status writeReleaseCheckPdf(const ReleaseCheck &check, const QString &file)
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return writeError(file, out.errorString());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout::Millimeter));
    writer.setResolution(96);
    writer.setTitle(ReleaseReport::tr("Release check %1").arg(check.inputs.cycleId));
    writer.setCreator(QStringLiteral("Atalaya"));
    const QString header = ReleaseReport::tr("Release check — cycle %1").arg(check.inputs.cycleId);
    // Measure first: list as many open reviews as keep the page single.
    int items = static_cast<int>(check.inputs.openItems.size());
    for (; items > 0; --items) {
        PdfCanvas measure(writer, PdfCanvas::Pass::Measure, header);
        layoutPage(measure, check, items);
        measure.finish();
        if (measure.pageCount() == 1)
            break;
    }
    {
        PdfCanvas canvas(writer, PdfCanvas::Pass::Paint, header, 1);
        if (!canvas.ok()) {
            out.cancelWriting();
            return writeError(file, ReleaseReport::tr("the PDF could not be drawn"));
        }
        layoutPage(canvas, check, items);
        canvas.finish();
    }
    if (out.write(buffer.data()) != buffer.data().size() || !out.commit())
        return writeError(file, out.errorString());
    return {};
}

}  // namespace atalaya
