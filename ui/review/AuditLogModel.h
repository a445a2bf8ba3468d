#pragma once

#include "core/dashboard/PageReads.h"
#include "core/telemetry/AuditLog.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace atalaya {

class Database;

// The audit log newest first, loaded a page at a time off the UI thread as the view scrolls
// (canFetchMore/fetchMore with keyset pagination on id), so millions of rows cost one page.
class AuditLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Decision, Agent, Reviewer, Previous, New, Note, Host, Chain, ColumnCount };
    static constexpr int kPageSize = kAuditPageRows;  // what the scale bench times

    explicit AuditLogModel(QObject *parent = nullptr);

    // Drops the rows and loads the first page of `filter` from `db` (null: stays empty).
    void reload(std::shared_ptr<const Database> db, const AuditFilter &filter);
    const AuditLogRow &row(int index) const { return m_rows[size_t(index)]; }
    bool loading() const { return m_loading; }
    bool complete() const { return !m_hasMore; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    // After every page: ok, or the error text.
    void pageLoaded(bool ok, const QString &error);

private:
    void loadPage();

    std::shared_ptr<const Database> m_db;
    AuditFilter m_filter;
    std::vector<AuditLogRow> m_rows;
    bool m_hasMore = false;
    bool m_loading = false;
    quint64 m_generation = 0;  // results of an earlier reload() are dropped
};

}  // namespace atalaya
