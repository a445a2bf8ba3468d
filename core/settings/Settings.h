#pragma once

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QObject>
#include <QSettings>
#include <QString>

namespace atalaya {

// Every preference in one place, typed, keys defined once (docs/DEVELOPMENT.md §House rules). Secrets are
// never stored here; the database URL is kept without its password.
class Settings : public QObject {
    Q_OBJECT
public:
    explicit Settings(QObject *parent = nullptr);
    // For tests: settings in a given INI file.
    explicit Settings(const QString &iniPath, QObject *parent = nullptr);

    QString databaseUrl() const;
    void setDatabaseUrl(const QString &url);
    // The replica that serves reads (`--read-db`); empty = reads go to databaseUrl() too.
    QString readDatabaseUrl() const;
    void setReadDatabaseUrl(const QString &url);
    // The replica's lag above which the status bar warns (1–86400 s; default 30).
    int replicaLagWarnSeconds() const;
    void setReplicaLagWarnSeconds(int seconds);

    QString language() const;  // "es", "en", or "" = system
    void setLanguage(const QString &language);

    int refreshIntervalSeconds() const;
    void setRefreshIntervalSeconds(int seconds);
    bool autoRefresh() const;
    void setAutoRefresh(bool on);

    QString lastPage() const;
    void setLastPage(const QString &page);
    int filterDays() const;
    void setFilterDays(int days);
    QString filterAgent() const;
    void setFilterAgent(const QString &agent);
    QString filterTask() const;
    void setFilterTask(const QString &task);
    // The custom period, first and last day inclusive (UTC); both invalid = a preset period.
    // A stored range that does not parse or ends before it starts reads as no range.
    QDate filterFirstDay() const;
    QDate filterLastDay() const;
    void setFilterRange(const QDate &first, const QDate &last);

    QString theme() const;  // "light", "dark", or "" = the system's
    void setTheme(const QString &theme);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    bool askPasswordEachStart() const;
    void setAskPasswordEachStart(bool ask);

    QString chatFeedUrl() const;
    void setChatFeedUrl(const QString &url);
    // The largest chat feed message accepted (bytes, 1 KiB to 256 MiB; default 1 MiB).
    qint64 chatMaxMessageBytes() const;
    void setChatMaxMessageBytes(qint64 bytes);

    // The review queue rule set as JSON (ReviewRules::toJson); empty = the defaults.
    QByteArray reviewRulesJson() const;
    void setReviewRulesJson(const QByteArray &json);
    // The name recorded with feedback: the one set, else the OS login name (osLoginName).
    QString reviewer() const;
    QString reviewerSetting() const;  // as set; empty = the OS login name
    void setReviewer(const QString &name);
    // How long a read or a verdict waits for a lock another program holds (1–3600 s).
    int lockWaitSeconds() const;
    void setLockWaitSeconds(int seconds);

    // For a run that only renders pages (`--screenshot`, no display): from now on a change
    // reaches every reader and the changed() signal but not the file, so the user's next
    // start finds the settings as they left them.
    void keepChangesInMemory();

    QSettings &raw() { return m_settings; }

signals:
    void changed(const QString &key);

private:
    QVariant get(const QString &key, const QVariant &fallback = {}) const;
    void put(const QString &key, const QVariant &value);

    QSettings m_settings;
    bool m_inMemory = false;
    QHash<QString, QVariant> m_kept;  // the changes keepChangesInMemory() held back
};

}  // namespace atalaya
