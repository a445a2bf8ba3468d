#include "ui/common/StatusPanel.h"

#include "ui/common/Format.h"

#include <QLabel>
#include <QLocale>
#include <QStatusBar>

namespace atalaya {

StatusPanel::StatusPanel(QStatusBar *bar)
    : QObject(bar), m_connection(new QLabel(bar)), m_refresh(new QLabel(bar)), m_outbox(new QLabel(bar)),
      m_feed(new QLabel(bar)), m_timeZone(new QLabel(bar))
{
    // However long a description or state gets, the window keeps its width: the connection
    // takes the room left, the feed state at most a fixed width; the rest is in their tooltip.
    m_connection->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_connection->setMinimumWidth(40);
    m_feed->setMaximumWidth(320);
    bar->addWidget(m_connection, 1);
    for (QLabel *l : {m_refresh, m_outbox, m_feed, m_timeZone}) {
        l->setContentsMargins(8, 0, 8, 0);
        bar->addPermanentWidget(l);
    }
    retranslate();
}

void StatusPanel::setConnection(const QString &description, bool ok)
{
    m_description = description;
    m_connected = ok;
    m_lostReason.clear();
    retranslate();
}

void StatusPanel::setConnectionLost(const QString &reason, int retrySeconds)
{
    m_connected = false;
    m_lostReason = reason;
    m_retrySeconds = retrySeconds;
    retranslate();
}

void StatusPanel::setLastRefresh(const QDateTime &at)
{
    m_lastRefresh = at;
    retranslate();
}

void StatusPanel::setOutboxCount(int count)
{
    m_outboxCount = count;
    retranslate();
}

void StatusPanel::setFeedState(const QString &state)
{
    m_feedState = state;
    retranslate();
}

void StatusPanel::retranslate()
{
    const QString dot = m_connected ? QStringLiteral("<span style='color:#2e9e5b'>●</span> ")
                                    : QStringLiteral("<span style='color:#d6453d'>●</span> ");
    QString connection;
    if (m_connected)
        connection = tr("Connected to %1").arg(m_description);
    else if (!m_lostReason.isEmpty())
        connection = tr("Connection to %1 lost, reconnecting every %n s: %2", nullptr, m_retrySeconds)
                         .arg(m_description, m_lostReason);
    else
        connection = tr("Not connected: %1").arg(m_description);
    m_connection->setText(dot + connection.toHtmlEscaped());
    m_connection->setToolTip(connection);
    m_refresh->setText(m_lastRefresh.isValid() ? tr("Last refresh %1").arg(fmt::timeOfDay(m_lastRefresh))
                                               : tr("Not refreshed yet"));
    m_outbox->setText(m_outboxCount < 0 ? tr("Outbox —") : tr("Outbox %1").arg(m_outboxCount));
    m_feed->setText(tr("Live feed: %1").arg(m_feedState.isEmpty() ? tr("off") : m_feedState));
    m_feed->setToolTip(m_feed->text());
    m_timeZone->setText(tr("Times in UTC"));
    m_timeZone->setToolTip(tr("Every time Atalaya shows is in UTC, the time zone of the data"));
}

QString StatusPanel::connectionText() const
{
    return m_connection->text();
}
QString StatusPanel::lastRefreshText() const
{
    return m_refresh->text();
}
QString StatusPanel::outboxText() const
{
    return m_outbox->text();
}
QString StatusPanel::feedText() const
{
    return m_feed->text();
}
QString StatusPanel::timeZoneText() const
{
    return m_timeZone->text();
}

}  // namespace atalaya
