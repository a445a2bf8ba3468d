#pragma once

#include "core/queue/ReviewRules.h"

namespace atalaya {

class Settings;

// Stores a rule set as the reviewers' rules (Settings → Review queue and the what-if's "Apply
// as rule set"); the queue re-prioritises on the settings change. The defaults are stored as
// "no custom rules", so a later change of the built-in defaults reaches users who never
// edited them. Nothing is written when the stored rules are the same.
void saveReviewRules(Settings &settings, const ReviewRules &rules);

// The reviewers' rules: the stored set, else the defaults.
ReviewRules savedReviewRules(const Settings *settings);

}  // namespace atalaya
