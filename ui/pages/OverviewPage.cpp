#include "pages/OverviewPage.h"

#include "stats/StatsService.h"

#include <QFutureWatcher>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QtConcurrent>

namespace atalaya {
namespace {

QString percent(const std::optional<double> &ratio)
{
    return ratio ? QLocale().toString(*ratio * 100.0, 'f', 1) + QStringLiteral(" %") : QStringLiteral("—");
}

} // namespace

OverviewPage::OverviewPage(const AppContext &context, QWidget *parent)
    : Page(context, parent)
{
    auto *grid = new QGridLayout(this);
    auto addRow = [&](int row, const QString &title, QLabel *&value) {
        grid->addWidget(new QLabel(title, this), row, 0);
        value = new QLabel(QStringLiteral("…"), this);
        value->setObjectName(title);
        grid->addWidget(value, row, 1);
    };
    addRow(0, tr("Total decisions"), m_total);
    addRow(1, tr("Average accuracy"), m_accuracy);
    addRow(2, tr("Average confidence"), m_confidence);
    addRow(3, tr("Execution time P95"), m_p95);
    addRow(4, tr("Feedback rate"), m_feedbackRate);
    m_status = new QLabel(this);
    grid->addWidget(m_status, 5, 0, 1, 2);
    grid->setRowStretch(6, 1);
}

void OverviewPage::refresh()
{
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Loading…"));
    const StatsQuery query = m_filter.toQuery();
    auto db = m_context.db;
    auto *watcher = new QFutureWatcher<Result<StatsSnapshot>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const Result<StatsSnapshot> result = watcher->result();
        if (!result) {
            m_status->setText(result.error().message);
            emit loadFinished(false, result.error().message);
            return;
        }
        showSnapshot(*result);
        emit loadFinished(true, {});
    });
    watcher->setFuture(QtConcurrent::run([db, q = query]() { return StatsService(db).snapshot(q); }));
}

void OverviewPage::showSnapshot(const StatsSnapshot &s)
{
    const QLocale locale;
    m_total->setText(locale.toString(s.summary.accuracy.totalDecisions));
    m_accuracy->setText(percent(s.summary.accuracy.accuracyAvg));
    m_confidence->setText(percent(s.summary.avgConfidence));
    m_p95->setText(s.summary.execution.p95Ms ? tr("%1 ms").arg(*s.summary.execution.p95Ms) : QStringLiteral("—"));
    const auto rate = s.summary.accuracy.feedbackRatePercent();
    m_feedbackRate->setText(rate ? locale.toString(*rate, 'f', 1) + QStringLiteral(" %") : QStringLiteral("—"));
    m_status->clear();
}

} // namespace atalaya
