#include "core/storage/MySqlLocalLoad.h"

#include "core/storage/Database.h"
#include "core/storage/MySqlStatement.h"

#include <errmsg.h>
#include <mysql.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

namespace atalaya {
namespace {

// The statement's file name; the handler serves nothing else.
constexpr char kFileName[] = "atalaya-rows";
// Bytes written but not yet read by the server before write() waits (some 12 000 decisions):
// encoding runs ahead of the server without holding a whole statement's file.
constexpr qsizetype kMaxQueued = 4 << 20;

int openSource(void **state, const char *name, void *userdata)
{
    *state = userdata;
    return std::strcmp(name, kFileName) == 0 ? 0 : 1;
}

void closeSource(void *) { }

int sourceError(void *, char *message, unsigned int length)
{
    std::snprintf(message, length, "only the rows being written can be sent");
    return CR_UNKNOWN_ERROR;
}

}  // namespace

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

QByteArray TsvRows::take()
{
    QByteArray text = std::move(m_text);
    m_text = QByteArray();
    m_text.reserve(text.capacity());
    m_fieldOpen = false;
    return text;
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

struct LocalLoad::Private {
    MYSQL *mysql = nullptr;
    QByteArray sql;
    std::thread thread;
    std::mutex mutex;
    std::condition_variable readable;
    std::condition_variable writable;
    std::deque<QByteArray> chunks;
    qsizetype offset = 0;  // into chunks.front()
    qsizetype queued = 0;
    bool closed = false;  // no more writes
    bool stopped = false;  // the statement has ended
    LocalLoadOutcome outcome;

    int read(char *buffer, unsigned int length)
    {
        std::unique_lock lock(mutex);
        readable.wait(lock, [&] { return !chunks.empty() || closed; });
        if (chunks.empty())
            return 0;
        const QByteArray &front = chunks.front();
        const qsizetype n = std::min<qsizetype>(length, front.size() - offset);
        std::memcpy(buffer, front.constData() + offset, static_cast<size_t>(n));
        offset += n;
        queued -= n;
        if (offset == front.size()) {
            chunks.pop_front();
            offset = 0;
        }
        writable.notify_one();
        return static_cast<int>(n);
    }

    void run()
    {
        auto readSource = [](void *state, char *buffer, unsigned int length) {
            return static_cast<Private *>(state)->read(buffer, length);
        };
        mysql_set_local_infile_handler(mysql, openSource, readSource, closeSource, sourceError, this);
        const bool failed = mysql_real_query(mysql, sql.constData(), static_cast<unsigned long>(sql.size())) != 0;
        // Back to the library's own handler, as Qt's other statements expect.
        mysql_set_local_infile_default(mysql);
        if (failed) {
            outcome.error =
                QStringLiteral("%1 (%2)").arg(QString::fromUtf8(mysql_error(mysql))).arg(mysql_errno(mysql));
        } else {
            outcome.ok = true;
            outcome.rows = static_cast<qint64>(mysql_affected_rows(mysql));
            outcome.warnings = mysql_warning_count(mysql);
        }
        std::lock_guard lock(mutex);
        stopped = true;
        writable.notify_all();
    }
};

LocalLoad::LocalLoad(std::unique_ptr<Private> p) : d(std::move(p)) { }

LocalLoad::~LocalLoad()
{
    if (d->thread.joinable())
        finish();
}

Result<std::unique_ptr<LocalLoad>> LocalLoad::start(const Database &db, const QByteArray &sql)
{
    // Taken on this thread: the connection is this thread's, lent to the statement's thread.
    auto handle = mysqlHandle(db, QStringLiteral("loading rows"));
    if (!handle)
        return handle.error();
    auto p = std::make_unique<Private>();
    p->mysql = *handle;
    p->sql = sql;
    std::unique_ptr<LocalLoad> load(new LocalLoad(std::move(p)));
    Private *raw = load->d.get();
    raw->thread = std::thread([raw] { raw->run(); });
    return load;
}

bool LocalLoad::write(QByteArray bytes)
{
    std::unique_lock lock(d->mutex);
    d->writable.wait(lock, [&] { return d->queued < kMaxQueued || d->stopped; });
    if (d->stopped)
        return false;
    d->queued += bytes.size();
    d->chunks.push_back(std::move(bytes));
    d->readable.notify_one();
    return true;
}

LocalLoadOutcome LocalLoad::finish()
{
    {
        std::lock_guard lock(d->mutex);
        d->closed = true;
        d->readable.notify_one();
    }
    d->thread.join();
    return d->outcome;
}

}  // namespace atalaya
