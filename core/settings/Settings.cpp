#include "core/settings/Settings.h"

#include "core/settings/LoginName.h"

namespace atalaya {
namespace Key {
const QString DatabaseUrl = QStringLiteral("database/url");
const QString ReadDatabaseUrl = QStringLiteral("database/readUrl");
const QString ReplicaLagWarn = QStringLiteral("database/replicaLagWarnSeconds");
const QString AskPassword = QStringLiteral("database/askPasswordEachStart");
const QString Language = QStringLiteral("ui/language");
const QString RefreshInterval = QStringLiteral("ui/refreshIntervalSeconds");
const QString AutoRefresh = QStringLiteral("ui/autoRefresh");
const QString LastPage = QStringLiteral("ui/lastPage");
const QString FilterDays = QStringLiteral("filters/days");
const QString FilterAgent = QStringLiteral("filters/agent");
const QString FilterTask = QStringLiteral("filters/task");
const QString FilterFirstDay = QStringLiteral("filters/firstDay");
const QString FilterLastDay = QStringLiteral("filters/lastDay");
const QString Theme = QStringLiteral("ui/theme");
const QString Geometry = QStringLiteral("window/geometry");
const QString State = QStringLiteral("window/state");
const QString ChatFeedUrl = QStringLiteral("chat/feedUrl");
const QString ChatMaxMessageBytes = QStringLiteral("chat/maxMessageBytes");
const QString ReviewRules = QStringLiteral("queue/rules");
const QString Reviewer = QStringLiteral("queue/reviewer");
const QString LockWait = QStringLiteral("database/lockWaitSeconds");
}  // namespace Key

Settings::Settings(QObject *parent) : QObject(parent) { }

Settings::Settings(const QString &iniPath, QObject *parent) : QObject(parent), m_settings(iniPath, QSettings::IniFormat)
{
}

void Settings::keepChangesInMemory()
{
    m_inMemory = true;
}

QVariant Settings::get(const QString &key, const QVariant &fallback) const
{
    if (const auto kept = m_kept.constFind(key); kept != m_kept.cend())
        return *kept;
    return m_settings.value(key, fallback);
}

void Settings::put(const QString &key, const QVariant &value)
{
    if (get(key) == value)
        return;
    if (m_inMemory)
        m_kept.insert(key, value);
    else
        m_settings.setValue(key, value);
    emit changed(key);
}

QString Settings::databaseUrl() const
{
    return get(Key::DatabaseUrl).toString();
}
void Settings::setDatabaseUrl(const QString &url)
{
    put(Key::DatabaseUrl, url);
}

QString Settings::readDatabaseUrl() const
{
    return get(Key::ReadDatabaseUrl).toString();
}
void Settings::setReadDatabaseUrl(const QString &url)
{
    put(Key::ReadDatabaseUrl, url);
}

int Settings::replicaLagWarnSeconds() const
{
    return std::clamp(get(Key::ReplicaLagWarn, 30).toInt(), 1, 86400);
}
void Settings::setReplicaLagWarnSeconds(int seconds)
{
    put(Key::ReplicaLagWarn, std::clamp(seconds, 1, 86400));
}

QString Settings::language() const
{
    return get(Key::Language).toString();
}
void Settings::setLanguage(const QString &language)
{
    put(Key::Language, language);
}

int Settings::refreshIntervalSeconds() const
{
    return std::clamp(get(Key::RefreshInterval, 30).toInt(), 5, 3600);
}
void Settings::setRefreshIntervalSeconds(int seconds)
{
    put(Key::RefreshInterval, seconds);
}

bool Settings::autoRefresh() const
{
    return get(Key::AutoRefresh, true).toBool();
}
void Settings::setAutoRefresh(bool on)
{
    put(Key::AutoRefresh, on);
}

QString Settings::lastPage() const
{
    return get(Key::LastPage, QStringLiteral("overview")).toString();
}
void Settings::setLastPage(const QString &page)
{
    put(Key::LastPage, page);
}

int Settings::filterDays() const
{
    return std::clamp(get(Key::FilterDays, 30).toInt(), 1, 3650);
}
void Settings::setFilterDays(int days)
{
    put(Key::FilterDays, days);
}

QString Settings::filterAgent() const
{
    return get(Key::FilterAgent).toString();
}
void Settings::setFilterAgent(const QString &agent)
{
    put(Key::FilterAgent, agent);
}

QString Settings::filterTask() const
{
    return get(Key::FilterTask).toString();
}
void Settings::setFilterTask(const QString &task)
{
    put(Key::FilterTask, task);
}

QDate Settings::filterFirstDay() const
{
    const QDate first = QDate::fromString(get(Key::FilterFirstDay).toString(), Qt::ISODate);
    const QDate last = QDate::fromString(get(Key::FilterLastDay).toString(), Qt::ISODate);
    return first.isValid() && last.isValid() && first <= last ? first : QDate();
}

QDate Settings::filterLastDay() const
{
    return filterFirstDay().isValid() ? QDate::fromString(get(Key::FilterLastDay).toString(), Qt::ISODate) : QDate();
}

void Settings::setFilterRange(const QDate &first, const QDate &last)
{
    const bool range = first.isValid() && last.isValid();
    put(Key::FilterFirstDay, range ? first.toString(Qt::ISODate) : QString());
    put(Key::FilterLastDay, range ? last.toString(Qt::ISODate) : QString());
}

QString Settings::theme() const
{
    const QString t = get(Key::Theme).toString();
    return t == QLatin1String("light") || t == QLatin1String("dark") ? t : QString();
}

void Settings::setTheme(const QString &theme)
{
    put(Key::Theme, theme);
}

QByteArray Settings::windowGeometry() const
{
    return get(Key::Geometry).toByteArray();
}
void Settings::setWindowGeometry(const QByteArray &geometry)
{
    put(Key::Geometry, geometry);
}

QByteArray Settings::windowState() const
{
    return get(Key::State).toByteArray();
}
void Settings::setWindowState(const QByteArray &state)
{
    put(Key::State, state);
}

bool Settings::askPasswordEachStart() const
{
    return get(Key::AskPassword, false).toBool();
}
void Settings::setAskPasswordEachStart(bool ask)
{
    put(Key::AskPassword, ask);
}

QString Settings::chatFeedUrl() const
{
    return get(Key::ChatFeedUrl).toString();
}
void Settings::setChatFeedUrl(const QString &url)
{
    put(Key::ChatFeedUrl, url);
}

qint64 Settings::chatMaxMessageBytes() const
{
    return std::clamp<qint64>(get(Key::ChatMaxMessageBytes, 1024 * 1024).toLongLong(), 1024, 256 * 1024 * 1024);
}
void Settings::setChatMaxMessageBytes(qint64 bytes)
{
    put(Key::ChatMaxMessageBytes, bytes);
}

QByteArray Settings::reviewRulesJson() const
{
    return get(Key::ReviewRules).toByteArray();
}
void Settings::setReviewRulesJson(const QByteArray &json)
{
    put(Key::ReviewRules, json);
}

QString Settings::reviewer() const
{
    const QString name = reviewerSetting();
    return name.isEmpty() ? osLoginName() : name;
}
QString Settings::reviewerSetting() const
{
    return get(Key::Reviewer).toString().trimmed();
}
void Settings::setReviewer(const QString &name)
{
    put(Key::Reviewer, name);
}

int Settings::lockWaitSeconds() const
{
    return std::clamp(get(Key::LockWait, 20).toInt(), 1, 3600);
}
void Settings::setLockWaitSeconds(int seconds)
{
    put(Key::LockWait, std::clamp(seconds, 1, 3600));
}

}  // namespace atalaya
