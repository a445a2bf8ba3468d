#pragma once

#include <QJsonObject>
#include <QString>

namespace atalaya {

// `--log-json FILE`: every log message also becomes one JSON line
// {timestamp, level, category, message, …fields}. The console keeps warnings and errors;
// info and debug lines go to the file only (CLI stdout/stderr stay clean for scripts).
class JsonLogSink {
public:
    static bool install(const QString &path, QString *error);
    // Enables the info level of Atalaya's categories, which is off on the console by default.
    static void enableInfoCategories();
    static bool isInstalled();

    // Extra keys for the messages logged on this thread while the object lives.
    class ScopedFields {
    public:
        explicit ScopedFields(const QJsonObject &fields);
        ~ScopedFields();
        ScopedFields(const ScopedFields &) = delete;
        ScopedFields &operator=(const ScopedFields &) = delete;

    private:
        QJsonObject m_previous;
    };
};

}  // namespace atalaya
