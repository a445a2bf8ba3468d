#pragma once

#include "core/dashboard/DashboardData.h"
#include "ui/dashboard/DataPage.h"

#include <optional>

namespace atalaya {

class ChartCard;
class GroupTableModel;

// Page 4 of docs/DASHBOARD.md §Pages: P50/P95/P99 per day, a box plot per agent, the task-type latency table.
class LatencyPage : public DataPage {
    Q_OBJECT
public:
    explicit LatencyPage(const AppContext &context, QWidget *parent = nullptr);

    QString pageId() const override { return QStringLiteral("latency"); }

    GroupTableModel *taskModel() const { return m_tasks; }
    ChartCard *perDayCard() const { return m_perDay; }
    ChartCard *boxCard() const { return m_boxes; }

protected:
    void startLoad(const StatsQuery &query) override;
    void retranslate() override;

private:
    void show(const LatencyData &data);

    GroupTableModel *m_tasks = nullptr;
    ChartCard *m_perDay = nullptr;
    ChartCard *m_boxes = nullptr;
    std::optional<LatencyData> m_data;
};

}  // namespace atalaya
