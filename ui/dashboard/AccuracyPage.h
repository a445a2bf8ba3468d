#pragma once

#include "core/dashboard/DashboardData.h"
#include "ui/dashboard/DataPage.h"

#include <optional>

namespace atalaya {

class ChartCard;
class DataTableView;
class GroupTableModel;

// Page 2 of docs/DASHBOARD.md §Pages: the agent table (click a row to filter by it), accuracy by task type, per day.
class AccuracyPage : public DataPage {
    Q_OBJECT
public:
    explicit AccuracyPage(const AppContext &context, QWidget *parent = nullptr);

    QString pageId() const override { return QStringLiteral("accuracy"); }

    GroupTableModel *agentModel() const { return m_agents; }
    DataTableView *agentView() const { return m_view; }
    ChartCard *byTaskCard() const { return m_byTask; }
    ChartCard *perDayCard() const { return m_perDay; }

protected:
    void startLoad(const StatsQuery &query) override;
    void retranslate() override;

private:
    void show(const AccuracyData &data);

    GroupTableModel *m_agents = nullptr;
    DataTableView *m_view = nullptr;
    ChartCard *m_byTask = nullptr;
    ChartCard *m_perDay = nullptr;
    std::optional<AccuracyData> m_data;
};

}  // namespace atalaya
