#pragma once

#include "core/dashboard/DashboardData.h"
#include "ui/dashboard/DataPage.h"

#include <optional>

class QLabel;

namespace atalaya {

class AgreementSection;
class ChartCard;
class DataTableView;
class GroupTableModel;

// Page 5 of docs/DASHBOARD.md §Pages: the feedback pie and Agent | Decisions | Feedback count | Feedback rate,
// and under them the reviewers' agreement on double-reviewed decisions.
class FeedbackPage : public DataPage {
    Q_OBJECT
public:
    explicit FeedbackPage(const AppContext &context, QWidget *parent = nullptr);

    QString pageId() const override { return QStringLiteral("feedback"); }

    GroupTableModel *agentModel() const { return m_agents; }
    DataTableView *agentView() const { return m_view; }
    ChartCard *pieCard() const { return m_pie; }
    AgreementSection *agreementSection() const { return m_agreement; }
    QString summaryText() const;

protected:
    void startLoad(const StatsQuery &query) override;
    void retranslate() override;

private:
    void show(const FeedbackData &data);

    QLabel *m_summary = nullptr;
    GroupTableModel *m_agents = nullptr;
    DataTableView *m_view = nullptr;
    ChartCard *m_pie = nullptr;
    ChartCard *m_rates = nullptr;
    AgreementSection *m_agreement = nullptr;
    std::optional<FeedbackData> m_data;
};

}  // namespace atalaya
