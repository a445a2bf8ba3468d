#include "ui/shell/ReplicaLagIndicator.h"

#include <algorithm>
#include <climits>

namespace atalaya {

ReplicaLagIndicator::ReplicaLagIndicator(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("replicaLag"));
    setContentsMargins(8, 0, 8, 0);
    setTextFormat(Qt::RichText);
    retranslate();
}

void ReplicaLagIndicator::setServers(const QString &primary, const QString &replica)
{
    m_primary = primary;
    m_replica = replica;
    m_state = {};
    retranslate();
}

void ReplicaLagIndicator::setWarnSeconds(int seconds)
{
    m_warnSeconds = seconds;
    retranslate();
}

void ReplicaLagIndicator::showState(const ReplicaLagState &state)
{
    m_state = state;
    retranslate();
}

void ReplicaLagIndicator::retranslate()
{
    QString text;
    QString detail;
    if (!m_state.down.isEmpty()) {
        text = tr("Replica down: reading from the primary");
        detail = m_state.down;
    } else if (!m_state.known && m_state.error.isEmpty()) {
        text = tr("Replica lag —");
    } else if (!m_state.known) {
        text = tr("Replica unreachable");
        detail = m_state.error;
    } else if (!m_state.lag.seconds) {
        text = tr("Replication stopped");
        detail = m_state.lag.stoppedBecause;
    } else {
        text = tr("Replica lag %n s", nullptr, int(std::min<qint64>(*m_state.lag.seconds, INT_MAX)));
    }
    const bool warn = m_state.overThreshold;
    setText(warn ? QStringLiteral("<span style='color:#d6453d'>⚠ %1</span>").arg(text.toHtmlEscaped())
                 : text.toHtmlEscaped());
    QStringList tip;
    tip << tr("Queue, counts and dashboards are read from the replica %1; verdicts and the audit log are "
              "written to %2. Right after your own verdict, reads go to %2 until the replica has it.")
               .arg(m_replica, m_primary);
    if (m_state.known)
        tip << (m_state.lag.source == ReplicaLag::Source::Heartbeat
                    ? tr("Lag from the heartbeat row the primary rewrites (this account may not read SHOW SLAVE "
                         "STATUS).")
                    : tr("Lag from SHOW SLAVE STATUS (Seconds_Behind_Master)."));
    if (!detail.isEmpty())
        tip << detail;
    tip << tr("Warning above %n s (Settings).", nullptr, m_warnSeconds);
    setToolTip(tip.join(QLatin1Char('\n')));
}

}  // namespace atalaya
