#include "core/ingest/JsonlIngest.h"

#include "core/ingest/DecisionWriters.h"
#include "core/ingest/JsonlLines.h"
#include "core/telemetry/DecisionValidator.h"

#include <QIODevice>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace atalaya {
namespace {

constexpr size_t kRowsPerChunk = 2000;
// Bounds memory (the parser waits when the writer lags) but holds more than one LOAD DATA
// statement's rows, so the parser keeps working while the server takes a statement.
constexpr size_t kChunksAhead = 12;
constexpr qint64 kReadBlock = 4 << 20;

struct Chunk {
    std::vector<StoredDecision> rows;
    std::vector<JsonlRejection> rejections;
    std::optional<Error> error;  // reading failed
    bool last = false;
};

// Parser thread → writer thread, bounded.
class ChunkQueue {
public:
    void push(Chunk &&chunk)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_chunks.size() < kChunksAhead || m_cancelled; });
        if (m_cancelled)
            return;
        m_chunks.push_back(std::move(chunk));
        m_ready.notify_one();
    }
    Chunk pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_chunks.empty(); });
        return takeFront();
    }
    std::optional<Chunk> tryPop()
    {
        std::lock_guard lock(m_mutex);
        if (m_chunks.empty())
            return std::nullopt;
        return takeFront();
    }
    void cancel()
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        m_space.notify_all();
    }
    bool cancelled() const
    {
        std::lock_guard lock(m_mutex);
        return m_cancelled;
    }

private:
    Chunk takeFront()
    {
        Chunk c = std::move(m_chunks.front());
        m_chunks.pop_front();
        m_space.notify_one();
        return c;
    }

    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<Chunk> m_chunks;
    bool m_cancelled = false;
};

class Parser {
public:
    Parser(QIODevice &input, bool keepText, ChunkQueue &queue, std::atomic<bool> &encode,
           DecisionWriter::Preparation preparation)
        : m_input(input), m_keepText(keepText), m_queue(queue), m_encode(encode), m_preparation(std::move(preparation)),
          m_now(QDateTime::currentDateTimeUtc())
    {
    }

    void run()
    {
        QByteArray block(kReadBlock, Qt::Uninitialized);
        JsonlLines lines;
        auto onLine = [this](const QByteArray &raw) { line(raw); };
        for (;;) {
            if (m_queue.cancelled())
                return;
            const qint64 n = m_input.read(block.data(), kReadBlock);
            if (n < 0) {
                m_chunk.error = makeError(
                    ErrorCode::Usage,
                    QStringLiteral("cannot read the input: %1; nothing was written").arg(m_input.errorString()));
                break;
            }
            if (n == 0)
                break;
            // Only the bytes read: the rest of the block holds an earlier block's (or nothing).
            lines.feed(QByteArrayView(block.constData(), n), onLine);
        }
        if (!m_chunk.error)
            lines.finish(onLine);
        m_chunk.last = true;
        m_queue.push(std::move(m_chunk));
    }

    DecisionWriter::Preparation takePreparation() { return std::move(m_preparation); }

private:
    void line(const QByteArray &raw)
    {
        ++m_lineNo;
        const QByteArray text = raw.trimmed();
        if (text.isEmpty())
            return;
        auto decision = validateDecisionJson(text);
        if (!decision) {
            m_chunk.rejections.push_back({m_lineNo, decision.error().message,
                                          m_keepText ? QByteArray(raw.constData(), raw.size()) : QByteArray()});
        } else if (m_encode.load(std::memory_order_relaxed)) {
            StoredDecision &row = m_chunk.rows.emplace_back(toStored(*decision, m_now));
            m_preparation.prepare(*decision, row);
        }
        if (m_chunk.rows.size() + m_chunk.rejections.size() >= kRowsPerChunk) {
            m_queue.push(std::move(m_chunk));
            m_chunk = Chunk();
            m_chunk.rows.reserve(kRowsPerChunk);
        }
    }

    QIODevice &m_input;
    const bool m_keepText;
    ChunkQueue &m_queue;
    std::atomic<bool> &m_encode;
    DecisionWriter::Preparation m_preparation;  // of the rows sent, while the run is not lost
    const QDateTime m_now;
    qint64 m_lineNo = 0;
    Chunk m_chunk;
};

}  // namespace

Result<JsonlIngestReport> ingestJsonl(const Database &db, QIODevice &input, const JsonlIngestOptions &options)
{
    const std::unique_ptr<DecisionWriter> writerPtr = makeDecisionWriter(db);
    DecisionWriter &writer = *writerPtr;
    if (Status s = writer.begin(); !s)
        return s.error();
    ChunkQueue queue;
    // Cleared once the run is lost to an invalid line: the parser then only counts them.
    std::atomic<bool> encode{true};
    // The parser also works out what the rows add to the rollups and the queue counts, so
    // the writing thread only talks to the server.
    Parser parser(input, options.skipInvalid, queue, encode, writer.preparation());
    std::thread parserThread([&parser] { parser.run(); });
    auto finish = [&](auto &&result) {
        queue.cancel();
        parserThread.join();
        return result;
    };

    JsonlIngestReport report;
    bool lost = false;  // an invalid line without skipInvalid
    for (;;) {
        std::optional<Chunk> next = queue.tryPop();
        if (!next) {
            if (!lost) {
                if (Status s = writer.pause(); !s)
                    return finish(Result<JsonlIngestReport>(s.error()));
            }
            next = queue.pop();
        }
        Chunk chunk = std::move(*next);
        if (chunk.error)
            return finish(Result<JsonlIngestReport>(*chunk.error));
        for (JsonlRejection &r : chunk.rejections) {
            ++report.rejected;
            if (options.skipInvalid && options.onRejected) {
                if (Status s = options.onRejected(r); !s)
                    return finish(Result<JsonlIngestReport>(s.error()));
            }
            if (report.firstRejections.size() < JsonlIngestReport::kListedRejections)
                report.firstRejections.push_back(std::move(r));
        }
        if (!lost && report.rejected > 0 && !options.skipInvalid) {
            lost = true;
            encode = false;
            writer.rollback();
        }
        if (!lost && !chunk.rows.empty()) {
            if (Status s = writer.write(std::move(chunk.rows), DecisionWriter::Prepared::ByCaller); !s)
                return finish(Result<JsonlIngestReport>(s.error()));
            if (options.progress)
                options.progress(writer.written());
        }
        if (chunk.last)
            break;
    }
    parserThread.join();
    if (lost)
        return report;
    writer.addPrepared(parser.takePreparation());
    auto committed = writer.commit();
    if (!committed)
        return committed.error();
    report.written = *committed;
    return report;
}

}  // namespace atalaya
