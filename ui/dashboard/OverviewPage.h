#pragma once

#include "core/dashboard/DashboardData.h"
#include "ui/dashboard/DataPage.h"

#include <array>
#include <optional>

class QLabel;

namespace atalaya {

class AlertsModel;
class ChartCard;
class DataTableView;
class KpiCard;

// Page 1 of docs/DASHBOARD.md §Pages: KPI cards with 7-day sparklines and the change vs the previous period, and
// the active alerts, and what changed (the most severe insights, docs/INSIGHTS.md).
class OverviewPage : public DataPage {
    Q_OBJECT
public:
    enum Kpi { Total, Accuracy, Confidence, P95, FeedbackRate, PendingP0, KpiCount };

    explicit OverviewPage(const AppContext &context, QWidget *parent = nullptr);

    QString pageId() const override { return QStringLiteral("overview"); }

    KpiCard *card(Kpi kpi) const { return m_cards[kpi]; }
    AlertsModel *alertsModel() const { return m_alerts; }
    // The "What changed" list: the report's first kWhatChangedRows insights, one per line.
    QLabel *whatChanged() const { return m_changes; }
    ChartCard *weekCard() const { return m_week; }
    DataTableView *alertsView() const { return m_alertsView; }
    static constexpr int kWhatChangedRows = 5;
    const std::optional<OverviewData> &data() const { return m_data; }

protected:
    void startLoad(const StatsQuery &query) override;
    void retranslate() override;

private:
    void show(const OverviewData &data);
    void showChanges(const InsightsReport &report, const QString &error);

    std::array<KpiCard *, KpiCount> m_cards{};
    AlertsModel *m_alerts = nullptr;
    DataTableView *m_alertsView = nullptr;
    QLabel *m_alertsTitle = nullptr;
    QLabel *m_changesTitle = nullptr;
    QLabel *m_changes = nullptr;
    ChartCard *m_week = nullptr;
    std::optional<OverviewData> m_data;
};

}  // namespace atalaya
