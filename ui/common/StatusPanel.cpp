#include "ui/common/StatusPanel.h"

#include <QLabel>
#include <QLocale>
#include <QStatusBar>

namespace atalaya {

StatusPanel::StatusPanel(QStatusBar *bar)
    : QObject(bar), m_connection(new QLabel(bar)), m_refresh(new QLabel(bar)), m_outbox(new QLabel(bar)),
      m_feed(new QLabel(bar))
{
    bar->addWidget(m_connection, 1);
    for (QLabel *l : {m_refresh, m_outbox, m_feed}) {
        l->setContentsMargins(8, 0, 8, 0);
        bar->addPermanentWidget(l);
    }
    retranslate();
}

void StatusPanel::setConnection(const QString &description, bool ok)
{
    m_description = description;
    m_connected = ok;
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
    m_connection->setText(
        dot + (m_connected ? tr("Connected to %1") : tr("Not connected: %1")).arg(m_description.toHtmlEscaped()));
    m_refresh->setText(
        m_lastRefresh.isValid()
            ? tr("Last refresh %1").arg(QLocale().toString(m_lastRefresh.toLocalTime().time(), QLocale::ShortFormat))
            : tr("Not refreshed yet"));
    m_outbox->setText(m_outboxCount < 0 ? tr("Outbox —") : tr("Outbox %1").arg(m_outboxCount));
    m_feed->setText(tr("Live feed: %1").arg(m_feedState.isEmpty() ? tr("off") : m_feedState));
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

}  // namespace atalaya
