#pragma once

#include "core/common/Result.h"
#include "core/release/ReleaseRules.h"

#include <QString>

namespace atalaya {

// One A4 page a release manager attaches to a change ticket (docs/RELEASE_CHECK.md §PDF):
// the verdict, the reasons, the risk gauge and top factors, the open P0/P1 reviews, in the
// language of the installed translator. Drawn with the report's PdfCanvas; when the open
// reviews would push it past one page, fewer of them are listed (the counts stay whole).
// Needs a QGuiApplication; call it on the GUI thread.
Status writeReleaseCheckPdf(const ReleaseCheck &check, const QString &file);

}  // namespace atalaya
