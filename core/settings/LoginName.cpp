#include "core/settings/LoginName.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace atalaya {

QString osLoginName()
{
    for (const char *variable : {"USER", "LOGNAME", "USERNAME"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty())
            return name;
    }
#ifdef Q_OS_UNIX
    const uid_t uid = geteuid();
    if (const passwd *account = getpwuid(uid); account && account->pw_name && *account->pw_name)
        return QString::fromLocal8Bit(account->pw_name);
    return QStringLiteral("uid %1").arg(uid);
#else
    return QStringLiteral("user");
#endif
}

}  // namespace atalaya
