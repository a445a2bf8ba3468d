#pragma once

#include "core/session/ReplicaLagWatcher.h"

#include <QLabel>

namespace atalaya {

// The status bar's field for the read replica (docs/DEPLOYMENTS.md §Primary + replicas): its
// lag, in red above the warning threshold or when replication stopped; "Replica down" in red while
// reads go to the primary because the replica does not answer, with the reason in the tooltip;
// the tooltip says where reads and writes go and where the figure comes from.
class ReplicaLagIndicator : public QLabel {
    Q_OBJECT
public:
    explicit ReplicaLagIndicator(QWidget *parent = nullptr);

    void setServers(const QString &primary, const QString &replica);
    void setWarnSeconds(int seconds);
    void showState(const ReplicaLagState &state);
    void retranslate();
    bool isWarning() const { return m_state.overThreshold; }

private:
    QString m_primary;
    QString m_replica;
    int m_warnSeconds = 30;
    ReplicaLagState m_state;
};

}  // namespace atalaya
