#pragma once

#include "core/dashboard/DashboardData.h"
#include "ui/dashboard/DataPage.h"

#include <optional>

class QFrame;
class QLabel;

namespace atalaya {

class ChartCard;
class DataTableView;
class GroupTableModel;
class ModelVersionsModel;

// Page 2 of docs/DASHBOARD.md §Pages: the agent table (click a row to filter by it), accuracy by task type, per day,
// and each agent's model versions side by side (docs/INSIGHTS.md §Model versions).
class AccuracyPage : public DataPage {
    Q_OBJECT
public:
    explicit AccuracyPage(const AppContext &context, QWidget *parent = nullptr);

    QString pageId() const override { return QStringLiteral("accuracy"); }

    GroupTableModel *agentModel() const { return m_agents; }
    DataTableView *agentView() const { return m_view; }
    ChartCard *byTaskCard() const { return m_byTask; }
    ChartCard *perDayCard() const { return m_perDay; }
    ModelVersionsModel *versionsModel() const { return m_versions; }
    DataTableView *versionsView() const { return m_versionsView; }
    QLabel *versionsNote() const { return m_versionsNote; }

protected:
    void startLoad(const StatsQuery &query) override;
    void retranslate() override;

private:
    QFrame *versionsCard();
    void show(const AccuracyData &data);

    GroupTableModel *m_agents = nullptr;
    DataTableView *m_view = nullptr;
    ChartCard *m_byTask = nullptr;
    ChartCard *m_perDay = nullptr;
    ModelVersionsModel *m_versions = nullptr;
    DataTableView *m_versionsView = nullptr;
    QLabel *m_versionsTitle = nullptr;
    QLabel *m_versionsNote = nullptr;  // in place of the table when the window is over the read's budget
    std::optional<AccuracyData> m_data;
};

}  // namespace atalaya
