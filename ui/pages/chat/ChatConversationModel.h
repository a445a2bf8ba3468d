#pragma once

#include "chat/ChatMetrics.h"

#include <QAbstractTableModel>

namespace atalaya {

// Live conversations first (most recent activity on top), then those of the chat tables'
// history that are not live.
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
    };
    void rebuild();

    std::vector<ChatConversationSummary> m_live;
    std::vector<ChatConversationSummary> m_history;
    std::vector<Row> m_rows;
};

} // namespace atalaya
