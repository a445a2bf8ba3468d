#pragma once

#include "core/queue/ReviewRules.h"

#include <QColor>
#include <QPalette>

namespace atalaya {

// The review queue's colours for the current palette: saturated tones on a light base,
// lighter ones on a dark base, so chips, rows and the detail pane read well in both themes.
struct ReviewColors {
    bool dark = false;
    QColor danger;  // overdue, P0
    QColor ok;  // on time
    QColor warning;  // waiting in the outbox
    QColor muted;  // secondary text, placeholders
    QColor border;  // card frames
    QColor code;  // background of pretty-printed JSON

    QColor priority(Priority p) const;
    // Verdict buttons: correct, incorrect, partially correct.
    QColor verdict(int index) const;

    // From `palette`; the default is the application's.
    static ReviewColors of(const QPalette &palette = QPalette());
};

}  // namespace atalaya
