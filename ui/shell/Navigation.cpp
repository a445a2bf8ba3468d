#include "ui/shell/Navigation.h"

#include <QCoreApplication>
#include <QFile>
#include <QPainter>
#include <QPalette>

namespace atalaya {
namespace {

// The SVGs are drawn in black; SourceIn keeps their shape and paints it in `color`.
QPixmap tinted(const QIcon &shape, int size, qreal ratio, const QColor &color)
{
    QPixmap pixmap = shape.pixmap(QSize(size, size), ratio);
    QPainter painter(&pixmap);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(pixmap.rect(), color);
    return pixmap;
}

}  // namespace

QIcon navigationIcon(const QString &pageId, const QPalette &palette)
{
    const QString file = QStringLiteral(":/icons/nav/%1.svg").arg(pageId);
    if (!QFile::exists(file))
        return {};
    const QIcon shape(file);
    QIcon icon;
    for (const qreal ratio : {1.0, 2.0}) {
        icon.addPixmap(tinted(shape, 20, ratio, palette.color(QPalette::WindowText)), QIcon::Normal);
        icon.addPixmap(tinted(shape, 20, ratio, palette.color(QPalette::HighlightedText)), QIcon::Selected);
    }
    return icon;
}

QString navigationToolTip(const QString &pageId)
{
    static const struct {
        const char *pageId;
        const char *text;
    } toolTips[] = {
        {"overview", QT_TRANSLATE_NOOP("Navigation", "Key figures with 7-day trends and the active alerts")},
        {"insights",
         QT_TRANSLATE_NOOP("Navigation", "Significant changes against the previous period, most severe first")},
        {"accuracy", QT_TRANSLATE_NOOP("Navigation", "Accuracy per agent, per task type and per day")},
        {"confidence",
         QT_TRANSLATE_NOOP("Navigation", "Confidence buckets, calibration (ECE) and confidence vs feedback")},
        {"latency", QT_TRANSLATE_NOOP("Navigation", "Execution time percentiles per day, per agent and per task type")},
        {"feedback", QT_TRANSLATE_NOOP("Navigation", "Human feedback outcomes and feedback rate per agent")},
        {"queue", QT_TRANSLATE_NOOP("Navigation", "Decisions waiting for human review, most urgent first")},
        {"chat", QT_TRANSLATE_NOOP("Navigation", "Live chat feed: traffic, latency, satisfaction and transcripts")},
        {"risk", QT_TRANSLATE_NOOP("Navigation", "Pre-deployment risk check with its explanation")},
        {"audit", QT_TRANSLATE_NOOP("Navigation", "Every verdict change: who, when, from where; tamper-evident")},
    };
    for (const auto &t : toolTips) {
        if (pageId == QLatin1String(t.pageId))
            return QCoreApplication::translate("Navigation", t.text);
    }
    return {};
}

}  // namespace atalaya
