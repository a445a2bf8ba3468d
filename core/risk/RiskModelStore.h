#pragma once

#include "core/common/Result.h"
#include "core/risk/RiskModel.h"
#include "core/risk/RiskModelFile.h"
#include "core/storage/Migrations.h"

#include <memory>

namespace atalaya {

class Database;

struct StoredModelInfo {
    QString version;
    QDateTime trainedAt;
    QDateTime createdAt;
    int windowDays = 0;
    RiskMetrics metrics;
    bool checksPassed = false;
    bool active = false;
    qint64 modelBytes = 0;
};

// Migration 10: the table of model versions.
std::vector<Migration> riskMigrations();

// Versions of the risk model in the database (docs/RISK_MODEL.md §Versions), so every desktop and
// pipeline uses the same one. At most one is active; activate() rolls back or forward.
class RiskModelStore {
public:
    explicit RiskModelStore(std::shared_ptr<const Database> db);

    // Stores under the next free v1.0-YYYY-MM-DD[.N] of the training day (UTC) and returns
    // that version; activates it when asked, in the same transaction.
    Result<QString> save(const RiskModel &model, bool activate) const;
    // Stores a model that already has a version (an imported file); Usage when it is taken.
    Result<QString> saveImported(const RiskModel &model, bool activate) const;
    // NoModel (5) when no version is active.
    Result<RiskModel> loadActive() const;
    // NotFound (3) for an unknown version.
    Result<RiskModel> load(const QString &version) const;
    Result<std::vector<StoredModelInfo>> list() const;
    // Returns the version that was active before (empty when none).
    Result<QString> activate(const QString &version) const;

    // False until migration 10 ran (a database only ever read by a read-only account).
    bool hasTable() const;

private:
    Result<RiskModel> loadWhere(const QString &where, const QVariantList &values, const QString &what) const;
    Result<QString> insert(const RiskModel &model, const QString &version, bool activate) const;
    std::shared_ptr<const Database> m_db;
};

}  // namespace atalaya
