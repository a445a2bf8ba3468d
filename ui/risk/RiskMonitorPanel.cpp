#include "ui/risk/RiskMonitorPanel.h"

#include "ui/risk/RiskForm.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace atalaya {

RiskMonitorPanel::RiskMonitorPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_age = new QLabel(this);
    m_age->setObjectName(QStringLiteral("riskMonitorAge"));
    m_age->setWordWrap(true);
    m_age->setToolTip(tr("Days since the active model was trained; retrain after %1 days").arg(kStaleModelDays));
    layout->addWidget(m_age);
    m_accuracy = new QLabel(this);
    m_accuracy->setObjectName(QStringLiteral("riskMonitorAccuracy"));
    m_accuracy->setWordWrap(true);
    m_accuracy->setToolTip(tr("Recorded predictions (Record this check, risk predict --record) of cycles whose "
                              "outcome arrived since, over the last 30 days"));
    layout->addWidget(m_accuracy);
    m_chart = new QChartView(this);
    m_chart->setObjectName(QStringLiteral("riskMonitorChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(160);
    m_chart->setToolTip(tr("Recorded risk scores per week: 10th percentile, median and 90th percentile"));
    layout->addWidget(m_chart, 1);
    m_noScores = new QLabel(tr("No recorded predictions yet. “Record this check” on the Deployment tab, or "
                               "atalaya-cli risk predict --record, adds one; the chart of their risk scores "
                               "appears here."),
                            this);
    m_noScores->setObjectName(QStringLiteral("riskMonitorNoScores"));
    m_noScores->setWordWrap(true);
    m_noScores->setAlignment(Qt::AlignCenter);
    m_noScores->setMinimumHeight(80);
    m_noScores->hide();
    layout->addWidget(m_noScores, 1);
    m_drift = new QTableWidget(0, 2, this);
    m_drift->setObjectName(QStringLiteral("riskMonitorDrift"));
    m_drift->setHorizontalHeaderLabels({tr("Feature"), tr("PSI")});
    m_drift->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_drift->verticalHeader()->hide();
    m_drift->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_drift->setToolTip(tr("Population stability index of each feature: cycles of the last 30 days against the "
                           "model's training data. 0.10 or more is a drift, 0.25 or more a large one."));
    layout->addWidget(m_drift, 1);
    m_run = new QFutureWatcher<Result<RiskMonitorReport>>(this);
    connect(m_run, &QFutureWatcher<Result<RiskMonitorReport>>::finished, this, [this] { show(m_run->result()); });
}

RiskMonitorPanel::~RiskMonitorPanel()
{
    m_run->waitForFinished();
}

void RiskMonitorPanel::setSource(std::shared_ptr<const Database> db)
{
    if (!db || m_run->isRunning())
        return;
    m_age->setText(tr("Loading…"));
    m_run->setFuture(QtConcurrent::run([db] {
        RiskMonitorOptions options;
        options.days = 30;
        return RiskMonitor(db).run(options);
    }));
}

void RiskMonitorPanel::show(const Result<RiskMonitorReport> &report)
{
    m_drift->setRowCount(0);
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setChart(chart);
    if (!report) {
        m_age->setText(report.error().code == ErrorCode::NoModel ? tr("No model yet") : report.error().message);
        m_accuracy->clear();
        m_noScores->hide();
        emit loaded(false);
        return;
    }
    const QLocale l;
    const RiskMonitorReport &r = *report;
    m_age->setText(r.stale ? tr("Model %1 trained %2 days ago: retrain it").arg(r.version, l.toString(r.ageDays, 'f', 0))
                           : tr("Model %1 trained %2 days ago").arg(r.version, l.toString(r.ageDays, 'f', 0)));
    const PredictionAccuracy &a = r.accuracy;
    m_accuracy->setText(
        a.n == 0 ? tr("No recorded prediction has an outcome yet")
                 : tr("Past predictions: accuracy %1, Brier %2, AUC %3 (n = %4)")
                       .arg(l.toString(a.accuracy.value_or(0.0), 'f', 3), l.toString(a.brier.value_or(0.0), 'f', 3),
                            a.rocAuc ? l.toString(*a.rocAuc, 'f', 3) : QStringLiteral("—"), l.toString(a.n)));
    m_chart->setVisible(!r.scores.empty());
    m_noScores->setVisible(r.scores.empty());
    if (!r.scores.empty()) {
        const QString names[] = {tr("P10"), tr("Median"), tr("P90")};
        // Each point is labelled with the Monday its week starts on.
        auto *x = new QCategoryAxis;
        x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        x->setTitleText(tr("Week starting"));
        for (std::size_t i = 0; i < r.scores.size(); ++i)
            x->append(l.toString(r.scores[i].start, QStringLiteral("d MMM")), static_cast<double>(i));
        x->setRange(-0.25, static_cast<double>(r.scores.size()) - 0.75);
        auto *y = new QValueAxis;
        y->setRange(0.0, 1.0);
        y->setTitleText(tr("Risk score"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (int s = 0; s < 3; ++s) {
            auto *series = new QLineSeries;
            series->setName(names[s]);
            series->setPointsVisible(true);  // a single week is a point, not a line
            for (std::size_t i = 0; i < r.scores.size(); ++i) {
                const ScorePeriod &p = r.scores[i];
                series->append(static_cast<double>(i), s == 0 ? p.p10 : s == 1 ? p.p50 : p.p90);
            }
            chart->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
        }
    }
    m_drift->setRowCount(static_cast<int>(r.drift.size()));
    for (int row = 0; row < static_cast<int>(r.drift.size()); ++row) {
        const FeatureDrift &d = r.drift[row];
        auto *name = new QTableWidgetItem(RiskForm::label(d.feature));
        name->setToolTip(riskFeatureName(d.feature));  // as in risk monitor JSON and the insights
        m_drift->setItem(row, 0, name);
        auto *psi = new QTableWidgetItem(l.toString(d.psi, 'f', 3));
        psi->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (d.psi >= kDriftPsi)
            psi->setForeground(QColor(d.psi >= kHighDriftPsi ? 0xc62828 : 0xef6c00));
        psi->setToolTip(tr("%1 training rows, %2 recent cycles").arg(d.nTraining).arg(d.nRecent));
        m_drift->setItem(row, 1, psi);
    }
    emit loaded(true);
}

}  // namespace atalaya
