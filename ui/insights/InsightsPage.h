#pragma once

#include "core/insights/Insight.h"
#include "core/insights/WhatIf.h"
#include "ui/dashboard/DataPage.h"

#include <optional>

class QLabel;
class QTabWidget;

namespace atalaya {

class DataTableView;
class InsightsModel;
class WhatIfPanel;

// What changed (docs/INSIGHTS.md): the filter's window against the window before it, every
// significant change as a row, most severe first. Activating a row narrows to its agent. A
// second tab holds the threshold what-if over the same window.
class InsightsPage : public DataPage {
    Q_OBJECT
public:
    explicit InsightsPage(const AppContext &context, QWidget *parent = nullptr);

    QString pageId() const override { return QStringLiteral("insights"); }

    InsightsModel *model() const { return m_model; }
    DataTableView *view() const { return m_view; }
    QString summaryText() const;
    WhatIfPanel *whatIf() const { return m_whatIf; }
    QTabWidget *tabs() const { return m_tabs; }

protected:
    void startLoad(const StatsQuery &query) override;
    void retranslate() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Loaded {
        InsightsReport report;
        WhatIfInputs whatIf;
    };
    void show(const InsightsReport &report);
    void fitLabelColumns();

    QLabel *m_summary = nullptr;
    InsightsModel *m_model = nullptr;
    DataTableView *m_view = nullptr;
    QTabWidget *m_tabs = nullptr;
    WhatIfPanel *m_whatIf = nullptr;
    std::optional<InsightsReport> m_report;
};

}  // namespace atalaya
