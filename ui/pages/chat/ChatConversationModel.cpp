#include "pages/chat/ChatConversationModel.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QSet>

namespace atalaya {

void ChatConversationModel::setLive(std::vector<ChatConversationSummary> live)
{
    m_live = std::move(live);
    rebuild();
}

void ChatConversationModel::setHistory(std::vector<ChatConversationSummary> history)
{
    m_history = std::move(history);
    rebuild();
}

void ChatConversationModel::rebuild()
{
    std::vector<Row> rows;
    rows.reserve(m_live.size() + m_history.size());
    QSet<QString> live;
    for (const auto &s : m_live) {
        rows.push_back({s, false});
        live.insert(s.id);
    }
    for (const auto &s : m_history) {
        if (!live.contains(s.id))
            rows.push_back({s, true});
    }
    bool sameOrder = rows.size() == m_rows.size();
    for (size_t i = 0; sameOrder && i < rows.size(); ++i)
        sameOrder = rows[i].summary.id == m_rows[i].summary.id;
    if (sameOrder) {
        // Same rows: repaint in place, so selection and scrolling are left alone.
        m_rows = std::move(rows);
        if (!m_rows.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ChatConversationModel::rowOf(const QString &id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].summary.id == id)
            return static_cast<int>(i);
    }
    return -1;
}

const ChatConversationSummary *ChatConversationModel::summary(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[row].summary : nullptr;
}

bool ChatConversationModel::isHistory(int row) const
{
    return row >= 0 && row < rowCount() && m_rows[row].history;
}

int ChatConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ChatConversationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChatConversationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &r = m_rows[index.row()];
    const ChatConversationSummary &s = r.summary;
    if (role == IdRole)
        return s.id;
    if (role == HistoryRole)
        return r.history;
    if (role == Qt::ForegroundRole && r.history)
        return QVariant::fromValue(QColor(0x6b, 0x72, 0x80));
    if (role == Qt::TextAlignmentRole && index.column() == Messages)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Id: return s.userId.isEmpty() ? s.id : QStringLiteral("%1 · %2").arg(s.id, s.userId);
    case Channel: return s.channel;
    case LastActivity: {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(s.lastTsMs).toLocalTime();
        const bool today = t.date() == QDate::currentDate();
        return QLocale().toString(t, today ? QStringLiteral("HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    case Messages: return s.messages;
    case Intent: return s.lastIntent;
    case Status:
        if (!s.completed)
            return r.history ? tr("open") : tr("active");
        return s.resolved ? tr("resolved") : tr("unresolved");
    case Rating: return s.rating > 0 ? QString(s.rating, QChar(0x2605)) : QString();
    }
    return {};
}

QVariant ChatConversationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id: return tr("Conversation");
    case Channel: return tr("Channel");
    case LastActivity: return tr("Last activity");
    case Messages: return tr("Messages");
    case Intent: return tr("Intent");
    case Status: return tr("Status");
    case Rating: return tr("Rating");
    }
    return {};
}

} // namespace atalaya
