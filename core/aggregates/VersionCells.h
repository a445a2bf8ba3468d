#pragma once

#include "core/aggregates/CalibrationCells.h"
#include "core/aggregates/LatencySketch.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <optional>

namespace atalaya {

// The valid decisions of one model version (metadata.model_version) in a rollup row or a
// window: what docs/INSIGHTS.md §Model versions compares, all of it mergeable.
struct VersionTotals {
    qint64 n = 0;
    qint64 correct = 0;
    qint64 partial = 0;
    qint64 incorrect = 0;
    qint64 confidenceSumE4 = 0;
    LatencySketch latency;
    CalibrationCells reviewed;  // valid rows with feedback and an accuracy
    std::optional<qint64> firstMs;  // created_at, ms since the epoch
    std::optional<qint64> lastMs;

    void merge(const VersionTotals &o);
};

// The per-version section of a rollup row: each model version's totals, the decisions without
// one under std::nullopt. Stored as a BLOB (serialize / mergeSerialized).
class VersionCells {
public:
    using Key = std::optional<QString>;
    VersionTotals &at(const Key &version) { return m_versions[version]; }
    void merge(const VersionCells &other);
    // Adds serialized cells; false when the bytes are not such (then nothing is added).
    bool mergeSerialized(const QByteArray &bytes);
    QByteArray serialize() const;
    bool isEmpty() const { return m_versions.empty(); }
    const std::map<Key, VersionTotals> &versions() const { return m_versions; }

private:
    std::map<Key, VersionTotals> m_versions;
};

}  // namespace atalaya
