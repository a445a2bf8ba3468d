#pragma once

#include <QIcon>
#include <QString>

class QPalette;

namespace atalaya {

// The navigation list's look for each page id: a line icon (resources/icons/nav/<id>.svg)
// drawn in the palette's text colour, and in the highlighted-text colour when selected, so
// it follows light and dark themes; and a one-line tooltip saying what the page answers.
QIcon navigationIcon(const QString &pageId, const QPalette &palette);
QString navigationToolTip(const QString &pageId);

}  // namespace atalaya
