#include "ui/insights/InsightsPage.h"

#include "core/insights/InsightsService.h"
#include "ui/common/DataTableView.h"
#include "ui/common/Format.h"
#include "ui/insights/InsightsModel.h"
#include "ui/insights/WhatIfPanel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace atalaya {

InsightsPage::InsightsPage(const AppContext &context, QWidget *parent) : DataPage(context, parent)
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_model = new InsightsModel(this);
    m_view = new DataTableView(this);
    m_view->setObjectName(QStringLiteral("insightsTable"));
    m_view->setSourceModel(m_model, InsightsModel::SortRole);
    m_view->sortByColumn(InsightsModel::Severity, Qt::AscendingOrder);
    // The figures take what they need, the labels at most a share (fitLabelColumns), and the
    // sentence, the finding itself, gets the rest of the width and as many lines as it needs:
    // never cut (a Spanish message runs to three lines at the default window size).
    for (int column = 0; column < InsightsModel::Message; ++column)
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    for (int column : {InsightsModel::Kind, InsightsModel::Scope})
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(InsightsModel::Message, QHeaderView::Stretch);
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideNone);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->viewport()->installEventFilter(this);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InsightsPage::fitLabelColumns);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("insightsTabs"));
    auto *changes = new QWidget(m_tabs);
    auto *changesLayout = new QVBoxLayout(changes);
    changesLayout->setContentsMargins(0, 0, 0, 0);
    changesLayout->addWidget(m_summary);
    changesLayout->addWidget(m_view, 1);
    m_tabs->addTab(changes, QString());
    m_whatIf = new WhatIfPanel(m_context.settings, m_tabs);
    m_tabs->addTab(m_whatIf, QString());
    contentLayout()->addWidget(m_tabs, 1);
    connect(m_view, &DataTableView::sourceRowActivated, this, [this](int row) {
        const auto &rows = m_model->insights();
        if (row >= 0 && static_cast<size_t>(row) < rows.size() && !rows[static_cast<size_t>(row)].agentId.isEmpty())
            requestAgentFilter(rows[static_cast<size_t>(row)].agentId);
    });
    retranslate();
}

bool InsightsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitLabelColumns();
    return DataPage::eventFilter(watched, event);
}

// "What" and the scope take their one-line width up to a sixth of the table each and wrap
// beyond it, never narrower than their longest word: on one line, an agent and task type
// left the message a hundred pixels.
void InsightsPage::fitLabelColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    const QFontMetrics metrics(m_view->font());
    // The delegate's text margins (a focus-frame margin and a pixel each side) and the grid line.
    const int padding = 2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1) + 1;
    const int share = m_view->viewport()->width() / 6;
    for (int column : {InsightsModel::Kind, InsightsModel::Scope}) {
        int oneLine = header->sectionSizeHint(column);
        int longestWord = oneLine;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QString text = m_model->index(row, column).data().toString();
            oneLine = std::max(oneLine, metrics.horizontalAdvance(text) + padding);
            for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                longestWord = std::max(longestWord, metrics.horizontalAdvance(word) + padding);
        }
        header->resizeSection(column, std::min(oneLine, std::max(share, longestWord)));
    }
}

QString InsightsPage::summaryText() const
{
    return m_summary->text();
}

void InsightsPage::startLoad(const StatsQuery &query)
{
    const InsightOptions options = insightOptionsFor(query);
    load<Loaded>(
        [db = m_context.db, options, query]() -> Result<Loaded> {
            auto report = InsightsService(db).run(options);
            if (!report)
                return report.error();
            auto whatIf = readWhatIfInputs(db, query);
            if (!whatIf)
                return whatIf.error();
            return Loaded{std::move(*report), std::move(*whatIf)};
        },
        [this](const Loaded &loaded) {
            show(loaded.report);
            m_whatIf->setInputs(loaded.whatIf);
        });
}

void InsightsPage::retranslate()
{
    setHeader(title());
    m_tabs->setTabText(0, tr("What changed"));
    m_tabs->setTabText(1, tr("Threshold what-if"));
    m_tabs->setTabToolTip(1,
                          tr("What other confidence cut-points would do to the review load and to the wrong "
                             "decisions no one reviews"));
    if (m_report)
        show(*m_report);
}

void InsightsPage::show(const InsightsReport &r)
{
    m_report = r;
    const QString window = tr("%1 to %2 (the last complete hour) against %3 to %4")
                               .arg(fmt::dateTime(r.window.from), fmt::dateTime(r.window.to),
                                    fmt::dateTime(r.baseline.from), fmt::dateTime(r.baseline.to));
    m_summary->setText(
        r.insights.empty()
            ? tr("No significant change: %1 (%n test(s), false-discovery rate 5 %).", "", r.testsRun).arg(window)
            : tr("%1 — %n test(s), false-discovery rate 5 %.", "", r.testsRun).arg(window));
    m_model->setInsights(r.insights);
}

}  // namespace atalaya
