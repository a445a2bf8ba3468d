#pragma once

#include <QJsonObject>
#include <QString>

namespace atalaya {

// `--log-json FILE`: every log message also becomes one JSON line
// {timestamp, level, category, message, …fields}. Console output is kept as it was.
class JsonLogSink {
public:
    static bool install(const QString &path, QString *error);
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

} // namespace atalaya
