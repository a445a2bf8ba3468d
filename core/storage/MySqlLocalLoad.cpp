#include "storage/MySqlLocalLoad.h"

#include "storage/Database.h"
#include "storage/MySqlStatement.h"

#include <errmsg.h>
#include <mysql.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace atalaya {
namespace {

// The statement's file name; the handler serves nothing else.
constexpr char kFileName[] = "atalaya-rows";

struct Source {
    const QByteArray *data = nullptr;
    qsizetype offset = 0;
};

int openSource(void **state, const char *name, void *userdata)
{
    *state = userdata;
    return std::strcmp(name, kFileName) == 0 ? 0 : 1;
}

int readSource(void *state, char *buffer, unsigned int length)
{
    auto *s = static_cast<Source *>(state);
    const qsizetype n = std::min<qsizetype>(length, s->data->size() - s->offset);
    std::memcpy(buffer, s->data->constData() + s->offset, static_cast<size_t>(n));
    s->offset += n;
    return static_cast<int>(n);
}

void closeSource(void *) {}

int sourceError(void *, char *message, unsigned int length)
{
    std::snprintf(message, length, "only the rows being written can be sent");
    return CR_UNKNOWN_ERROR;
}

} // namespace

void TsvRows::separate()
{
    if (m_fieldOpen)
        m_text.append('\t');
    m_fieldOpen = true;
}

void TsvRows::field(const QByteArray &value)
{
    separate();
    const char *run = value.constData();
    const char *end = run + value.size();
    for (const char *p = run; p < end; ++p) {
        char escaped;
        switch (*p) {
        case '\\': escaped = '\\'; break;
        case '\t': escaped = 't'; break;
        case '\n': escaped = 'n'; break;
        case '\r': escaped = 'r'; break;
        case '\0': escaped = '0'; break;
        default: continue;
        }
        m_text.append(run, p - run);
        m_text.append('\\');
        m_text.append(escaped);
        run = p + 1;
    }
    m_text.append(run, end - run);
}

void TsvRows::null()
{
    separate();
    m_text.append("\\N", 2);
}

void TsvRows::endRow()
{
    m_text.append('\n');
    m_fieldOpen = false;
}

LocalLoadOutcome loadDataLocal(const Database &db, const QByteArray &sql, const QByteArray &data)
{
    LocalLoadOutcome out;
    auto handle = mysqlHandle(db, QStringLiteral("loading rows"));
    if (!handle) {
        out.error = handle.error().message;
        return out;
    }
    MYSQL *mysql = *handle;
    Source source{&data, 0};
    mysql_set_local_infile_handler(mysql, openSource, readSource, closeSource, sourceError, &source);
    const bool failed = mysql_real_query(mysql, sql.constData(), static_cast<unsigned long>(sql.size())) != 0;
    // Back to the library's own handler, as Qt's other statements expect.
    mysql_set_local_infile_default(mysql);
    if (failed) {
        out.error = QStringLiteral("%1 (%2)").arg(QString::fromUtf8(mysql_error(mysql))).arg(mysql_errno(mysql));
        return out;
    }
    out.ok = true;
    out.rows = static_cast<qint64>(mysql_affected_rows(mysql));
    out.warnings = mysql_warning_count(mysql);
    return out;
}

} // namespace atalaya
