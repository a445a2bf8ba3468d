#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace atalaya {

// One dora_metrics row (docs/DATA.md): a delivery phase, written by the delivery pipeline (or by
// the demo, or imported from a CSV) and read by the risk model.
struct DoraRow {
    QString cycleId;
    QString featureId;
    QString phaseName;  // planning | testing | deployment | maintenance
    QString decision;  // go | no-go | review | blocked
    double durationSeconds = 0.0;
    QJsonObject metadata;
    QDateTime createdAt;
};

}  // namespace atalaya
