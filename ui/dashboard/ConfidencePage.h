#pragma once

#include "ui/dashboard/DashboardCharts.h"
#include "core/dashboard/DashboardData.h"
#include "ui/dashboard/DataPage.h"

#include <optional>

class QLabel;

namespace atalaya {

class ChartCard;

// Page 3 of docs/DASHBOARD.md §Pages: the 5-bucket histogram, the reliability diagram (ECE, verdict) and the
// confidence-vs-accuracy scatter coloured by feedback.
class ConfidencePage : public DataPage {
    Q_OBJECT
public:
    explicit ConfidencePage(const AppContext &context, QWidget *parent = nullptr);

    QString pageId() const override { return QStringLiteral("confidence"); }

    ChartCard *histogramCard() const { return m_histogram; }
    ChartCard *reliabilityCard() const { return m_reliability; }
    ChartCard *scatterCard() const { return m_scatter; }
    QString insightText() const;

protected:
    void startLoad(const StatsQuery &query) override;
    void retranslate() override;

private:
    // The page's snapshot: core's data plus the scatter points, both built off the UI thread.
    struct View {
        ConfidenceData data;
        charts::ConfidenceScatter scatter;
    };
    void show(const View &view);

    QLabel *m_insight = nullptr;
    ChartCard *m_histogram = nullptr;
    ChartCard *m_reliability = nullptr;
    ChartCard *m_scatter = nullptr;
    std::optional<View> m_view;
};

}  // namespace atalaya
