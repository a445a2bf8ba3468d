#include "ui/risk/RiskBatchPanel.h"

#include "core/risk/RiskDataSource.h"
#include "core/risk/RiskExplainer.h"
#include "core/risk/RiskFeatures.h"
#include "ui/common/DatabasePool.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStringListModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace atalaya {
namespace {

// The score, level and calibrated probability only: the batch shows no explanation, so the
// exact Shapley values (the slow part of a single check) are not computed.
RiskBatchRow predictOne(const std::shared_ptr<const Database> &db, const RiskModel &model, const QString &id)
{
    RiskBatchRow row;
    row.cycleId = id;
    auto sample = RiskDataSource(db).cycle(id);
    if (!sample) {
        row.error = sample.error().message;
        return row;
    }
    row.riskScore = model.riskScore(normalizeFeatures(sample->raw));
    row.level = riskLevel(row.riskScore);
    row.failureProbability = model.failureProbability(row.riskScore);
    return row;
}

}  // namespace

RiskBatchPanel::RiskBatchPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Select cycles (Shift, Ctrl, Ctrl+A) and predict them together."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_cycles = new QStringListModel(this);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("riskBatchCycles"));
    m_list->setModel(m_cycles);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_list, 1);

    auto *form = new QFormLayout;
    m_limit = new QDoubleSpinBox(this);
    m_limit->setObjectName(QStringLiteral("riskBatchLimit"));
    m_limit->setRange(0.0, 1.0);
    m_limit->setSingleStep(0.05);
    m_limit->setDecimals(2);
    m_limit->setValue(0.70);
    m_limit->setToolTip(tr("A cycle is gated when its risk score is above this value (the CLI's --fail-above)."));
    form->addRow(tr("Gate above"), m_limit);
    layout->addLayout(form);

    auto *buttons = new QHBoxLayout;
    m_predict = new QPushButton(tr("Predict selected"), this);
    m_predict->setObjectName(QStringLiteral("riskBatchPredict"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("riskBatchCancel"));
    m_cancel->setEnabled(false);
    buttons->addWidget(m_predict);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("riskBatchProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    layout->addWidget(m_progress);

    m_results = new RiskBatchModel(this);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_results);
    sorted->setSortRole(RiskBatchModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("riskBatchResults"));
    m_table->setModel(sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RiskBatchModel::Score, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumWidth(370);  // the four columns without a scroll bar, in Spanish too
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    layout->addWidget(m_table, 2);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("riskBatchSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RiskBatchPanel::updateActions);
    connect(m_predict, &QPushButton::clicked, this, &RiskBatchPanel::start);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_run)
            m_run->cancel();
    });
    connect(m_limit, &QDoubleSpinBox::valueChanged, this, [this](double limit) {
        m_results->setLimit(limit);
        updateSummary();
    });
    updateActions();
}

RiskBatchPanel::~RiskBatchPanel()
{
    if (m_run) {
        m_run->cancel();
        m_run->waitForFinished();
    }
}

void RiskBatchPanel::setSource(std::shared_ptr<const Database> db, std::shared_ptr<const RiskModel> model)
{
    m_db = std::move(db);
    m_model = std::move(model);
    updateActions();
}

void RiskBatchPanel::setCycles(const QStringList &cycleIds)
{
    m_cycles->setStringList(cycleIds);
    updateActions();
}

QStringList RiskBatchPanel::selectedCycles() const
{
    QModelIndexList rows = m_list->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &i : rows)
        ids << i.data().toString();
    return ids;
}

void RiskBatchPanel::updateActions()
{
    m_predict->setEnabled(!m_run && m_db && m_model && m_list->selectionModel()->hasSelection());
    m_predict->setToolTip(m_model ? QString() : tr("Train a model first."));
}

void RiskBatchPanel::start()
{
    const QStringList ids = selectedCycles();
    if (ids.isEmpty() || m_run || !m_db || !m_model)
        return;
    m_results->setRows({});
    m_summary->clear();
    m_progress->setRange(0, static_cast<int>(ids.size()));
    m_progress->setValue(0);
    m_cancel->setEnabled(true);
    m_run = new QFutureWatcher<std::vector<RiskBatchRow>>(this);
    updateActions();
    connect(m_run, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(m_run, &QFutureWatcherBase::finished, this, &RiskBatchPanel::done);
    m_run->setFuture(QtConcurrent::run(databasePool(), [db = m_db, model = m_model,
                                                        ids](QPromise<std::vector<RiskBatchRow>> &promise) {
        std::vector<RiskBatchRow> rows;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (promise.isCanceled())
                return;
            rows.push_back(predictOne(db, *model, ids[i]));
            promise.setProgressValue(static_cast<int>(i + 1));
        }
        promise.addResult(std::move(rows));
    }));
}

void RiskBatchPanel::done()
{
    QFutureWatcher<std::vector<RiskBatchRow>> *run = m_run;
    m_run = nullptr;
    run->deleteLater();
    m_cancel->setEnabled(false);
    updateActions();
    if (run->isCanceled() || run->future().resultCount() == 0) {
        m_summary->setText(tr("Cancelled."));
        return;
    }
    m_results->setRows(run->result());
    m_progress->setValue(m_progress->maximum());
    updateSummary();
    emit finished(m_results->rowCount(), m_results->gatedCount());
}

void RiskBatchPanel::updateSummary()
{
    if (m_results->rowCount() == 0)
        return;
    const QLocale l;
    m_summary->setText(tr("%1 of %n cycle(s) above %2.", nullptr, m_results->rowCount())
                           .arg(m_results->gatedCount())
                           .arg(l.toString(m_results->limit(), 'f', 2)));
}

}  // namespace atalaya
