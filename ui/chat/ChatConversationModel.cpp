#include "ui/chat/ChatConversationModel.h"
#include "ui/common/Format.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <QDateTime>
#include <QLocale>

namespace atalaya {

namespace {

bool sameSummary(const ChatConversationSummary &a, const ChatConversationSummary &b)
{
    return a.lastTsMs == b.lastTsMs && a.messages == b.messages && a.errors == b.errors && a.rating == b.rating
        && a.completed == b.completed && a.resolved == b.resolved && a.firstTsMs == b.firstTsMs
        && a.lastIntent == b.lastIntent && a.userId == b.userId && a.channel == b.channel;
}

}  // namespace

QString ChatConversationModel::Row::key() const
{
    return (history ? QStringLiteral("h:") : QStringLiteral("l:")) + summary.id;
}

void ChatConversationModel::setLive(std::vector<ChatConversationSummary> live)
{
    QHash<QString, const ChatConversationSummary *> byId;
    for (const auto &s : live)
        byId.insert(s.id, &s);
    // Rows already listed keep their order; conversations new to the list go on top, in
    // the feed's order (most recent first).
    std::vector<Row> rows;
    QSet<QString> listed;
    for (const Row &r : m_rows) {
        if (!r.history && byId.contains(r.summary.id))
            listed.insert(r.summary.id);
    }
    for (const auto &s : live) {
        if (!listed.contains(s.id))
            rows.push_back({s, false});
    }
    for (const Row &r : m_rows) {
        if (!r.history && listed.contains(r.summary.id))
            rows.push_back({*byId.value(r.summary.id), false});
    }
    appendHistory(rows, byId);
    sync(std::move(rows));
}

void ChatConversationModel::setHistory(std::vector<ChatConversationSummary> history)
{
    m_history = std::move(history);
    QHash<QString, const ChatConversationSummary *> byId;
    std::vector<Row> rows;
    for (const Row &r : m_rows) {
        if (!r.history) {
            rows.push_back(r);
            byId.insert(r.summary.id, &r.summary);
        }
    }
    appendHistory(rows, byId);
    sync(std::move(rows));
}

void ChatConversationModel::appendHistory(std::vector<Row> &rows,
                                          const QHash<QString, const ChatConversationSummary *> &live) const
{
    for (const auto &s : m_history) {
        if (!live.contains(s.id))
            rows.push_back({s, true});
    }
}

void ChatConversationModel::sync(std::vector<Row> target)
{
    QSet<QString> wanted;
    for (const Row &r : target)
        wanted.insert(r.key());
    // 1. Remove the rows that left, bottom up, a contiguous run at a time.
    for (int end = rowCount() - 1; end >= 0;) {
        if (wanted.contains(m_rows[size_t(end)].key())) {
            --end;
            continue;
        }
        int begin = end;
        while (begin > 0 && !wanted.contains(m_rows[size_t(begin - 1)].key()))
            --begin;
        beginRemoveRows({}, begin, end);
        m_rows.erase(m_rows.begin() + begin, m_rows.begin() + end + 1);
        endRemoveRows();
        end = begin - 1;
    }
    // The rows that stayed must be in the target's order, or in-place updates cannot say
    // what moved: then (a history reload in another order) a reset is the honest signal.
    QSet<QString> present;
    for (const Row &r : m_rows)
        present.insert(r.key());
    size_t k = 0;
    for (const Row &r : target) {
        if (present.contains(r.key()) && (k >= m_rows.size() || m_rows[k++].key() != r.key())) {
            beginResetModel();
            m_rows = std::move(target);
            endResetModel();
            return;
        }
    }
    // 2. Insert the new rows, a contiguous run at a time.
    for (size_t i = 0; i < target.size();) {
        if (i < m_rows.size() && m_rows[i].key() == target[i].key()) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < target.size() && !present.contains(target[j].key()))
            ++j;
        beginInsertRows({}, int(i), int(j) - 1);
        m_rows.insert(m_rows.begin() + qsizetype(i), target.begin() + qsizetype(i), target.begin() + qsizetype(j));
        endInsertRows();
        i = j;
    }
    // 3. Update the rest in place.
    int first = -1, last = -1;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (sameSummary(m_rows[i].summary, target[i].summary))
            continue;
        m_rows[i].summary = std::move(target[i].summary);
        first = first < 0 ? int(i) : first;
        last = int(i);
    }
    if (first >= 0)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
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
        return QVariant::fromValue(QGuiApplication::palette().color(QPalette::PlaceholderText));
    if (role == Qt::TextAlignmentRole && index.column() == Messages)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Id: return s.userId.isEmpty() ? s.id : QStringLiteral("%1 · %2").arg(s.id, s.userId);
    case Channel: return s.channel;
    case LastActivity: {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(s.lastTsMs, Qt::UTC);
        return t.date() == QDateTime::currentDateTimeUtc().date() ? fmt::timeOfDay(t) : fmt::dateTime(t);
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

}  // namespace atalaya
