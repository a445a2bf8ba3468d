#pragma once

#include <QString>

#include <functional>

namespace atalaya {

// A long step reporting where it is: `step` is a short English line for logs and the CLI's
// stderr; `percent` is 0..100 for steps that can count, -1 for the others.
using ProgressFn = std::function<void(const QString &step, int percent)>;

}  // namespace atalaya
