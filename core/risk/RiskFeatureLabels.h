#pragma once

#include <QString>

namespace atalaya {

// A feature as a reader says it ("Lines changed" for code_changes_size), in the installed
// translator's language: the risk page's form and charts, the release-check PDF and the
// risk insights' messages share it. riskFeatureName() stays the name of JSON and CSV.
QString riskFeatureLabel(int feature);

}  // namespace atalaya
