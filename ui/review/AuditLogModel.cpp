#include "ui/review/AuditLogModel.h"

#include "ui/common/AsyncRun.h"
#include "ui/common/DatabasePool.h"


namespace atalaya {
namespace {

QString verdictText(const QString &value)
{
    if (value.isEmpty())
        return AuditLogModel::tr("pending");
    if (value == QLatin1String("correct"))
        return AuditLogModel::tr("correct");
    if (value == QLatin1String("incorrect"))
        return AuditLogModel::tr("incorrect");
    if (value == QLatin1String("partially_correct"))
        return AuditLogModel::tr("partially correct");
    return value;
}

}  // namespace

AuditLogModel::AuditLogModel(QObject *parent) : QAbstractTableModel(parent) { }

void AuditLogModel::reload(std::shared_ptr<const Database> db, const AuditFilter &filter)
{
    beginResetModel();
    m_db = std::move(db);
    m_filter = filter;
    m_rows.clear();
    m_hasMore = m_db != nullptr;
    m_loading = false;
    ++m_generation;
    endResetModel();
    if (m_hasMore)
        loadPage();
}

void AuditLogModel::loadPage()
{
    m_loading = true;
    const quint64 generation = m_generation;
    std::optional<qint64> after;
    if (!m_rows.empty())
        after = m_rows.back().id;
    runAsync<Result<std::vector<AuditLogRow>>>(
        this, databasePool(),
        [db = m_db, filter = m_filter, after] { return AuditLog(db).page(filter, after, kPageSize); },
        [this, generation](const Result<std::vector<AuditLogRow>> &page) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!page) {
                m_hasMore = false;
                emit pageLoaded(false, page.error().message);
                return;
            }
            m_hasMore = int(page->size()) == kPageSize;
            if (!page->empty()) {
                const int first = int(m_rows.size());
                beginInsertRows({}, first, first + int(page->size()) - 1);
                m_rows.insert(m_rows.end(), page->begin(), page->end());
                endInsertRows();
            }
            emit pageLoaded(true, {});
        });
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const AuditLogRow &r = m_rows[size_t(index.row())];
    if (role == Qt::ToolTipRole && index.column() == Chain)
        return r.chainSeq ? tr("Link %1 of the hash chain\nSHA-256 %2").arg(*r.chainSeq).arg(r.rowHash)
                          : tr("Not chained yet: another system wrote this row; Atalaya's next write chains it");
    if (role == Qt::ToolTipRole && index.column() == Note)
        return r.note;
    if (role == Qt::TextAlignmentRole && (index.column() == Decision || index.column() == Chain))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Time:
        return r.createdAtUtc.isValid() ? r.createdAtUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : r.createdAt;
    case Decision: return r.telemetryId;
    case Agent: return r.agentId;
    case Reviewer: return r.reviewer;
    case Previous: return verdictText(r.previousValue);
    case New: return verdictText(r.newValue);
    case Note: return QString(r.note).replace(QLatin1Char('\n'), QLatin1Char(' '));
    case Host: return r.clientHost;
    case Chain: return r.chainSeq ? QVariant(*r.chainSeq) : QVariant(tr("not yet"));
    case ColumnCount: break;
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time: return tr("Time (UTC)");
    case Decision: return tr("Decision");
    case Agent: return tr("Agent");
    case Reviewer: return tr("Reviewer");
    case Previous: return tr("Before");
    case New: return tr("After");
    case Note: return tr("Note");
    case Host: return tr("Host");
    case Chain: return tr("Chain link");
    case ColumnCount: break;
    }
    return {};
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_loading;
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        loadPage();
}

}  // namespace atalaya
