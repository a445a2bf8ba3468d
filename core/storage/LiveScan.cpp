#include "core/storage/LiveScan.h"

#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "core/storage/ScanJournal.h"
#include "core/storage/ScanRead.h"
#include "core/storage/SqlUtil.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <thread>

namespace atalaya {
namespace {

constexpr char kJournalTable[] = "atalaya_build_journal";
// A chunk's transaction holds its rows this long at most, give or take the machine's load:
// another application's UPDATE of one of them waits that long.
constexpr qint64 kChunkMs = 60;
// Ids a chunk starts with and its bounds; the upper one keeps a chunk's journal row within
// the 4 MB a server's max_allowed_packet allows at least.
constexpr qint64 kFirstChunkIds = 5000;
constexpr qint64 kMinChunkIds = 500;
constexpr qint64 kMaxChunkIds = 100000;
constexpr int kChunkRetries = 3;

int g_fixedRows = 0;
int g_maxChunks = 0;

Status replayJournal(const Database &db, LiveScanPart &part)
{
    auto q = execQuery(db,
                       QStringLiteral("SELECT data FROM %1 WHERE part = ? AND upto <= ? ORDER BY upto")
                           .arg(QLatin1String(kJournalTable)),
                       {part.journal, part.done}, QStringLiteral("reading the build's journal"));
    if (!q)
        return q.error();
    q->setForwardOnly(true);
    const int columns = int(part.columns.size());
    while (q->next()) {
        if (!replayScanJournal(q->value(0).toByteArray(), columns, part.add))
            return makeError(ErrorCode::Internal,
                             QStringLiteral("the journal of the %1 build is damaged; run init --rebuild-rollups "
                                            "again to start it over")
                                 .arg(part.what));
    }
    return {};
}

bool takes(const LiveScanPart &part, qint64 id)
{
    return id > part.done && id <= part.cut;
}

// Whether a chunk up to `to` moves the part on.
bool advances(const LiveScanPart &part, qint64 to)
{
    return part.done < to && part.done < part.cut;
}

class ChunkReader {
public:
    ChunkReader(const Database &db, const std::vector<LiveScanPart *> &parts)
        : m_db(db), m_parts(parts), m_sql(scanSql(parts)), m_native(db.dialect().isMySql()), m_query(db.connection())
    {
        if (m_native)
            m_literals = withLiterals(db, m_sql);
        m_query.setForwardOnly(true);
        for (const LiveScanPart *p : parts)
            m_writers.push_back(std::make_unique<ScanJournalWriter>(int(p->columns.size())));
    }

    Status prepare()
    {
        if (!m_native && !m_query.prepare(m_sql.select + QStringLiteral(" WHERE id > ? AND id <= ?")))
            return sqlError(m_db, m_query.lastError(), QStringLiteral("reading ai_telemetry"));
        return {};
    }

    // One chunk's transaction: the rows, their journal rows and build_done. SQLite records
    // build_done first, to take its one write lock before it reads; MySQL last, so that a
    // writer whose trigger reads the state row never waits for a chunk that waits for it.
    Status chunk(qint64 from, qint64 to, std::vector<QByteArray> &journals)
    {
        journals.assign(m_parts.size(), QByteArray());
        if (m_native) {
            // Record locks on the rows read only, no gap locks (for the next transaction).
            if (Status s = execStatement(m_db, QStringLiteral("SET TRANSACTION ISOLATION LEVEL READ COMMITTED"), {},
                                         QStringLiteral("choosing the chunk's isolation"));
                !s)
                return s;
        }
        return inTransaction(m_db, [&]() -> Status {
            if (!m_native) {
                if (Status s = recordDone(to); !s)
                    return s;
            }
            const EachRow each = [&](qint64 id, size_t i, const ScanRow &row) {
                if (takes(*m_parts[i], id))
                    m_writers[i]->add(row);
            };
            if (Status s = m_native ? readNative(m_db, m_sql, m_literals, from, to, each)
                                    : readQuery(m_db, m_query, m_sql, from, to, each);
                !s)
                return s;
            for (size_t i = 0; i < m_parts.size(); ++i) {
                const LiveScanPart &p = *m_parts[i];
                if (!advances(p, to))
                    continue;
                journals[i] = m_writers[i]->take();
                if (Status s = execStatement(m_db,
                                             QStringLiteral("INSERT INTO %1 (part, upto, data) VALUES (?, ?, ?)")
                                                 .arg(QLatin1String(kJournalTable)),
                                             {p.journal, std::min(to, p.cut), journals[i]},
                                             QStringLiteral("keeping the build's journal"));
                    !s)
                    return s;
            }
            return m_native ? recordDone(to) : Status();
        });
    }

private:
    Status recordDone(qint64 to)
    {
        for (LiveScanPart *p : m_parts) {
            if (!advances(*p, to))
                continue;
            if (Status s = p->recordDone(std::min(to, p->cut)); !s)
                return s;
        }
        return {};
    }

    const Database &m_db;
    const std::vector<LiveScanPart *> &m_parts;
    ScanSql m_sql;
    bool m_native = false;
    QString m_literals;
    QSqlQuery m_query;
    std::vector<std::unique_ptr<ScanJournalWriter>> m_writers;
};

// Hands each committed chunk's journal rows to the parts on a thread of its own, so that the
// parts' work on one chunk overlaps the server's reading of the next.
class ChunkFeeder {
public:
    explicit ChunkFeeder(const std::vector<LiveScanPart *> &parts) : m_parts(parts)
    {
        m_thread = std::thread([this] { run(); });
    }
    ~ChunkFeeder() { finish(); }

    // One chunk's journal row per part (empty: none for that part). Waits while two chunks
    // are still waiting, which bounds the memory the feeder holds.
    void push(std::vector<QByteArray> journals)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_queue.size() < 2; });
        m_queue.push_back(std::move(journals));
        m_changed.notify_all();
    }

    // Waits until every chunk was handed over; false when one did not read back.
    bool finish()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
            m_changed.notify_all();
        }
        if (m_thread.joinable())
            m_thread.join();
        return m_ok;
    }

private:
    void run()
    {
        for (;;) {
            std::vector<QByteArray> journals;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return !m_queue.empty() || m_closed; });
                if (m_queue.empty())
                    return;
                journals = std::move(m_queue.front());
                m_queue.pop_front();
                m_changed.notify_all();
            }
            for (size_t i = 0; i < m_parts.size(); ++i) {
                if (!journals[i].isNull()
                    && !replayScanJournal(journals[i], int(m_parts[i]->columns.size()), m_parts[i]->add))
                    m_ok = false;
            }
        }
    }

    const std::vector<LiveScanPart *> &m_parts;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::vector<QByteArray>> m_queue;
    bool m_closed = false;
    std::atomic<bool> m_ok = true;
    std::thread m_thread;
};

void reportProgress(const std::vector<LiveScanPart *> &parts, qint64 at, qint64 start, qint64 end, int &reported,
                    const ProgressFn &progress)
{
    if (!progress || end <= start)
        return;
    const int percent = int((at - start) * 100 / (end - start));
    if (percent / 5 == reported / 5 && at != end)
        return;
    reported = percent;
    for (const LiveScanPart *part : parts)
        progress(QStringLiteral("%1: %2 % (id %3 of %4)").arg(part->what).arg(percent).arg(at).arg(end), percent);
}

}  // namespace

Status runLiveScan(const Database &db, const std::vector<LiveScanPart *> &parts, const ProgressFn &progress)
{
    qint64 start = std::numeric_limits<qint64>::max();
    qint64 end = 0;
    for (LiveScanPart *p : parts) {
        if (p->done > 0) {
            if (Status s = replayJournal(db, *p); !s)
                return s;
        }
        start = std::min(start, p->done);
        end = std::max(end, p->cut);
    }
    ChunkReader reader(db, parts);
    if (Status s = reader.prepare(); !s)
        return s;
    qint64 step = g_fixedRows > 0 ? g_fixedRows : kFirstChunkIds;
    int chunks = 0;
    int reported = -1;
    std::vector<QByteArray> journals;
    ChunkFeeder feeder(parts);
    for (qint64 from = start; from < end;) {
        if (g_maxChunks > 0 && chunks == g_maxChunks)
            return makeError(ErrorCode::Internal, QStringLiteral("the scan stopped after %1 chunks").arg(chunks));
        const qint64 to = std::min(end, from + step);
        QElapsedTimer timer;
        timer.start();
        // A deadlock with another application's transaction (InnoDB rolls one of them back) or a
        // lock it held too long: nothing of the chunk was kept, so it is read again.
        Status read = reader.chunk(from, to, journals);
        for (int retry = 0; !read && read.error().code == ErrorCode::Unavailable && retry < kChunkRetries; ++retry)
            read = reader.chunk(from, to, journals);
        if (!read)
            return read;
        for (LiveScanPart *p : parts) {
            if (advances(*p, to))
                p->done = std::min(to, p->cut);
        }
        feeder.push(std::move(journals));
        if (g_fixedRows == 0) {
            const qint64 ms = std::max<qint64>(1, timer.elapsed());
            step = std::clamp(step * kChunkMs / ms, std::max(kMinChunkIds, step / 2), std::min(kMaxChunkIds, step * 2));
        }
        from = to;
        ++chunks;
        reportProgress(parts, from, start, end, reported, progress);
    }
    if (!feeder.finish())
        return makeError(ErrorCode::Internal, QStringLiteral("a chunk of the live build did not read back"));
    for (LiveScanPart *p : parts) {
        if (Status s = forgetScanJournal(db, p->journal); !s)
            return s;
    }
    for (LiveScanPart *p : parts) {
        if (Status s = p->write(progress); !s)
            return s;
    }
    return {};
}

Status forgetScanJournal(const Database &db, const QString &journal)
{
    return execStatement(db, QStringLiteral("DELETE FROM %1 WHERE part = ?").arg(QLatin1String(kJournalTable)),
                         {journal}, QStringLiteral("clearing the build's journal"));
}

Result<bool> scanJournalCovers(const Database &db, const QString &journal, qint64 done)
{
    if (done == 0)
        return true;
    auto q = execQuery(db, QStringLiteral("SELECT MAX(upto) FROM %1 WHERE part = ?").arg(QLatin1String(kJournalTable)),
                       {journal}, QStringLiteral("reading the build's journal"));
    if (!q)
        return q.error();
    return q->next() && !q->isNull(0) && q->value(0).toLongLong() == done;
}

QStringList scanJournalMigration(const Dialect &d)
{
    return {QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (part VARCHAR(100) NOT NULL, upto BIGINT NOT NULL,"
                           " data %2 NOT NULL, PRIMARY KEY (part, upto))%3")
                .arg(QLatin1String(kJournalTable), d.blobType(), d.tableSuffix())};
}

void setChunkLimitsForTesting(int rows, int maxChunks)
{
    g_fixedRows = rows;
    g_maxChunks = maxChunks;
}

}  // namespace atalaya
