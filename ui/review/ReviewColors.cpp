#include "ui/review/ReviewColors.h"

namespace atalaya {

ReviewColors ReviewColors::of(const QPalette &palette)
{
    ReviewColors c;
    c.dark = palette.color(QPalette::Window).lightness() < 128;
    c.danger = c.dark ? QColor(0xff, 0x7a, 0x70) : QColor(0xc6, 0x28, 0x28);
    c.ok = c.dark ? QColor(0x6f, 0xcf, 0x8a) : QColor(0x2e, 0x7d, 0x32);
    c.warning = c.dark ? QColor(0xff, 0xb0, 0x4a) : QColor(0xb2, 0x6a, 0x00);
    c.muted = palette.color(QPalette::PlaceholderText);
    c.border = c.dark ? palette.color(QPalette::Light) : palette.color(QPalette::Mid).lighter(130);
    c.code = palette.color(QPalette::AlternateBase);
    return c;
}

QColor ReviewColors::priority(Priority p) const
{
    switch (p) {
    case Priority::P0: return danger;
    case Priority::P1: return dark ? QColor(0xff, 0x9e, 0x57) : QColor(0xe6, 0x5c, 0x00);
    case Priority::P2: return dark ? QColor(0x6c, 0x9c, 0xff) : QColor(0x15, 0x65, 0xc0);
    case Priority::P3: return dark ? QColor(0xa7, 0xb6, 0xbf) : QColor(0x60, 0x7d, 0x8b);
    }
    return muted;
}

QColor ReviewColors::verdict(int index) const
{
    // Filled buttons with white text: the same saturated tones read on both bases.
    static const QColor fills[] = {QColor(0x2e, 0x7d, 0x32), QColor(0xc6, 0x28, 0x28), QColor(0xb2, 0x6a, 0x00)};
    return fills[std::clamp(index, 0, 2)];
}

}  // namespace atalaya
