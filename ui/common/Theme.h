#pragma once

#include <QString>

namespace atalaya {

// View → Theme: "light" and "dark" switch to the Fusion style with our palettes (the same on
// every desktop); "" gives back the style and palette the application started with (the
// system's). Every widget gets QEvent::PaletteChange and redraws; pages rebuild their charts
// from the new palette. Returns the theme applied ("" for anything unknown).
QString applyTheme(const QString &theme);
// The theme last applied ("" until then).
QString currentTheme();

}  // namespace atalaya
