#pragma once

#include <QString>

namespace atalaya {

// Who is at the keyboard, for the reviewer recorded with feedback when none is set: $USER,
// else $LOGNAME / $USERNAME, else the account of the process (getpwuid), which services and
// `env -i` runs still have; "uid N" only when the account has no name.
QString osLoginName();

}  // namespace atalaya
