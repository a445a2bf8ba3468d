#include "core/logging/JsonLogSink.h"

#include "core/common/TimeUtil.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>

namespace atalaya {
namespace {

QMutex g_mutex;
QFile *g_file = nullptr;
QtMessageHandler g_previous = nullptr;
thread_local QJsonObject t_fields;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "error";
    case QtFatalMsg: return "fatal";
    }
    return "info";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QJsonObject line = t_fields;
    line.insert(QStringLiteral("timestamp"), toIsoUtc(QDateTime::currentDateTimeUtc()));
    line.insert(QStringLiteral("level"), QString::fromLatin1(levelName(type)));
    line.insert(QStringLiteral("category"), QString::fromLatin1(context.category ? context.category : "default"));
    line.insert(QStringLiteral("message"), message);
    {
        QMutexLocker lock(&g_mutex);
        if (g_file) {
            g_file->write(QJsonDocument(line).toJson(QJsonDocument::Compact));
            g_file->write("\n");
            g_file->flush();
        }
    }
    if (g_previous && type != QtInfoMsg && type != QtDebugMsg)
        g_previous(type, context, message);
}

}  // namespace

bool JsonLogSink::install(const QString &path, QString *error)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("cannot open log file %1: %2").arg(path, file->errorString());
        return false;
    }
    QMutexLocker lock(&g_mutex);
    delete g_file;
    g_file = file.release();
    if (!g_previous)
        g_previous = qInstallMessageHandler(handler);
    enableInfoCategories();
    return true;
}

void JsonLogSink::enableInfoCategories()
{
    QLoggingCategory::setFilterRules(QStringLiteral("atalaya.*.info=true"));
}

bool JsonLogSink::isInstalled()
{
    QMutexLocker lock(&g_mutex);
    return g_file != nullptr;
}

JsonLogSink::ScopedFields::ScopedFields(const QJsonObject &fields) : m_previous(t_fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it)
        t_fields.insert(it.key(), it.value());
}

JsonLogSink::ScopedFields::~ScopedFields()
{
    t_fields = m_previous;
}

}  // namespace atalaya
