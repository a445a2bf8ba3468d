#include "ui/common/Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace atalaya {
namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x26, 0x29, 0x2e), base(0x1d, 0x20, 0x24), text(0xe6, 0xe8, 0xeb);
    const QColor muted(0x9a, 0xa0, 0xa8), button(0x32, 0x36, 0x3c), highlight(0x3d, 0x7b, 0xe0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2f, 0x35));
    p.setColor(QPalette::ToolTipBase, QColor(0x32, 0x36, 0x3c));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x7a, 0x70));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4f, 0x57));
    p.setColor(QPalette::Midlight, QColor(0x3b, 0x40, 0x47));
    p.setColor(QPalette::Mid, QColor(0x30, 0x34, 0x3a));
    p.setColor(QPalette::Dark, QColor(0x16, 0x18, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0d, 0x0f));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0x9c, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb9, 0x93, 0xff));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x70, 0x75, 0x7d));
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x2b, 0x2f, 0x35));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4f, 0x57));
    return p;
}

QPalette lightPalette(QStyle *fusion)
{
    QPalette p = fusion->standardPalette();
    p.setColor(QPalette::AlternateBase, QColor(0xf3, 0xf5, 0xf8));
    p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x80));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xde));
    return p;
}

QString &appliedTheme()
{
    static QString theme;
    return theme;
}

struct SystemLook {
    QString style;
    QPalette palette;
};

// What the application started with, captured before the first change.
const SystemLook &systemLook()
{
    static const SystemLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

}  // namespace

QString applyTheme(const QString &theme)
{
    const SystemLook &system = systemLook();
    if (theme != QLatin1String("light") && theme != QLatin1String("dark")) {
        if (QApplication::style()->name() != system.style)
            QApplication::setStyle(QStyleFactory::create(system.style));
        QApplication::setPalette(system.palette);
        appliedTheme().clear();
        return {};
    }
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(theme == QLatin1String("dark") ? darkPalette() : lightPalette(QApplication::style()));
    appliedTheme() = theme;
    return theme;
}

QString currentTheme()
{
    return appliedTheme();
}

}  // namespace atalaya
