#pragma once

#include "core/chat/ChatMetrics.h"

#include <QAbstractTableModel>
#include <QHash>

namespace atalaya {

// Live conversations first, then those of the chat tables' history that are not live. Rows
// keep their place while they update: a conversation new to the list is inserted on top,
// one that left it is removed, the others change in place (dataChanged), so the view's
// selection and scroll position survive live updates (no model resets).
class ChatConversationModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Channel, LastActivity, Messages, Intent, Status, Rating, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, HistoryRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setLive(std::vector<ChatConversationSummary> live);
    void setHistory(std::vector<ChatConversationSummary> history);
    int rowOf(const QString &id) const;
    const ChatConversationSummary *summary(int row) const;
    bool isHistory(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        ChatConversationSummary summary;
        bool history = false;
        QString key() const;
    };
    void appendHistory(std::vector<Row> &rows, const QHash<QString, const ChatConversationSummary *> &live) const;
    // Turns the rows into `target` with removals, insertions and dataChanged.
    void sync(std::vector<Row> target);

    std::vector<ChatConversationSummary> m_history;
    std::vector<Row> m_rows;
};

}  // namespace atalaya
