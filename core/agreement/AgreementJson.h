#pragma once

#include "core/agreement/AgreementReport.h"

#include <QJsonObject>

namespace atalaya {

// `atalaya-cli agreement` (docs/CLI.md): overall, agents, pairs, reviewers. Undefined figures
// are null; with no rated pair the overall κ is null, its interval [null, null] and n 0.
QJsonObject agreementJson(const AgreementReport &report);

}  // namespace atalaya
