#include "ui/dashboard/ConfidencePage.h"

#include "ui/common/Format.h"
#include "ui/dashboard/DashboardCharts.h"
#include "ui/common/ChartCard.h"

#include <QHBoxLayout>
#include <QLabel>

namespace atalaya {

ConfidencePage::ConfidencePage(const AppContext &context, QWidget *parent) : DataPage(context, parent)
{
    m_insight = new QLabel(this);
    m_insight->setWordWrap(true);
    m_histogram = new ChartCard(this);
    m_reliability = new ChartCard(this);
    m_scatter = new ChartCard(this);
    auto *top = new QHBoxLayout;
    top->setSpacing(10);
    top->addWidget(m_histogram, 1);
    top->addWidget(m_reliability, 1);
    contentLayout()->addWidget(m_insight);
    contentLayout()->addLayout(top, 1);
    contentLayout()->addWidget(m_scatter, 1);
    retranslate();
}

QString ConfidencePage::insightText() const
{
    return m_insight->text();
}

void ConfidencePage::startLoad(const StatsQuery &query)
{
    load<View>(
        [db = m_context.db, query]() -> Result<View> {
            auto data = loadConfidence(db, query);
            if (!data)
                return data.error();
            charts::ConfidenceScatter scatter = charts::prepareConfidenceScatter(data->samples);
            return View{std::move(*data), std::move(scatter)};
        },
        [this](const View &v) { show(v); });
}

void ConfidencePage::retranslate()
{
    setHeader(title());
    if (m_view)
        show(*m_view);
}

void ConfidencePage::show(const View &view)
{
    m_view = view;
    const ConfidenceData &d = view.data;
    const auto style = charts::ChartStyle::fromPalette(palette());
    const CalibrationReport &c = d.calibration;
    if (!c.verdict) {
        m_insight->setText(tr("No reviewed decisions in this period: calibration needs human feedback."));
    } else {
        QString advice;
        switch (*c.verdict) {
        case CalibrationVerdict::OverConfident:
            advice =
                tr("The agents are over-confident: their confidence is higher than the accuracy reviewers observe.");
            break;
        case CalibrationVerdict::UnderConfident:
            advice =
                tr("The agents are under-confident: reviewers find them right more often than their confidence says.");
            break;
        case CalibrationVerdict::Calibrated: advice = tr("Confidence matches observed accuracy."); break;
        }
        m_insight->setText(tr("<b>%1</b> — ECE %2 over %3 reviewed decisions (mean confidence %4, mean accuracy %5).")
                               .arg(advice, fmt::ratio(c.ece), fmt::count(c.reviewed), fmt::ratio(c.meanConfidence),
                                    fmt::ratio(c.meanAccuracy)));
    }
    const bool empty = d.summary.accuracy.totalDecisions == 0;
    m_histogram->setChart(charts::confidenceHistogramChart(style, d.summary.confidence), empty);
    m_reliability->setChart(charts::reliabilityChart(style, c), c.reviewed == 0);
    m_scatter->setChart(charts::confidenceScatterChart(style, view.scatter), view.scatter.samples == 0);
}

}  // namespace atalaya
