#pragma once

#include "core/common/Result.h"

#include <memory>
#include <span>

namespace atalaya {

struct DecisionInput;
struct StoredDecision;

// Per-row work done on the thread that makes the rows (the parser's, for `record --jsonl`),
// so the writing thread only talks to the server.
class RowPreparer {
public:
    virtual ~RowPreparer() = default;
    virtual void prepare(const DecisionInput &decision, StoredDecision &row) = 0;
};

// Keeps a table derived from ai_telemetry (the rollups, the queue counts) in step with the rows
// a DecisionWriter adds, in the rows' own transaction. A run: begin(); rows as they are queued
// and as the server takes them; commit() inside the transaction after the last row; end()
// once the transaction is over, whichever way it ended.
class DecisionWriteObserver {
public:
    virtual ~DecisionWriteObserver() = default;

    // Before the writer's transaction begins.
    virtual void begin() = 0;
    // After begin(): what this run wants done to rows made on another thread, handed back
    // with prepared() before commit(); null when nothing.
    virtual std::unique_ptr<RowPreparer> preparer() const { return nullptr; }
    virtual void prepared(std::unique_ptr<RowPreparer> /*preparer*/) { }
    // A row queued for writing that no preparer saw (on the writer's thread).
    virtual void queued(const StoredDecision & /*row*/) { }
    // Whether written() is wanted. commit() of such observers runs after the last rows were
    // delivered; the others' commit() runs while that delivery is under way.
    virtual bool usesIds() const { return false; }
    // Rows the server took: the first got firstId, each next row the id `step` after (the
    // server's auto_increment_increment, > 1 on a Galera cluster). Memory work only,
    // overlapping the server's work on the writer's thread or another.
    virtual void written(qint64 /*firstId*/, qint64 /*step*/, std::span<const StoredDecision> /*rows*/) { }
    // Inside the rows' transaction, after the last row: writes what the run adds.
    virtual Status commit() = 0;
    // After the transaction committed or was rolled back, or when it could not begin.
    virtual void end() = 0;
};

}  // namespace atalaya
