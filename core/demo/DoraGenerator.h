#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace atalaya {

// One dora_metrics row (DATA.md).
struct DoraRow {
    QString cycleId;
    QString featureId;
    QString phaseName;  // planning | testing | deployment | maintenance
    QString decision;   // go | no-go | review | blocked
    double durationSeconds = 0.0;
    QJsonObject metadata;
    QDateTime createdAt;
};

// Delivery cycles (planning → testing ×2–5 → deployment → maintenance) whose failure
// (~15 %) depends nonlinearly on test results, change size, review score, complexity, hour
// and recent failures, so the risk model has something real to learn.
std::vector<DoraRow> generateDemoCycles(int cycles, int days, quint64 seed, const QDateTime &now);

} // namespace atalaya
