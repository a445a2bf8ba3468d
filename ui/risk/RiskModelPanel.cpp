#include "ui/risk/RiskModelPanel.h"
#include "ui/common/Format.h"

#include "ui/risk/RiskCharts.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace atalaya {
namespace {

QString ratio(const std::optional<double> &v)
{
    return v ? QLocale().toString(*v, 'f', 3) : QStringLiteral("—");
}

QString checkMark(bool passed)
{
    return passed ? QStringLiteral("✔") : QStringLiteral("✘");
}

}  // namespace

RiskModelPanel::RiskModelPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *cardBox = new QGroupBox(tr("Model"), this);
    auto *cardLayout = new QVBoxLayout(cardBox);
    m_card = new QLabel(cardBox);
    m_card->setObjectName(QStringLiteral("riskModelCard"));
    m_card->setTextFormat(Qt::RichText);
    m_card->setWordWrap(true);
    cardLayout->addWidget(m_card);
    m_importance = new ImportanceChart(cardBox);
    cardLayout->addWidget(m_importance, 1);
    layout->addWidget(cardBox, 3);

    auto *versionsBox = new QGroupBox(tr("Versions"), this);
    auto *versionsLayout = new QVBoxLayout(versionsBox);
    m_versions = new QTableWidget(0, 5, versionsBox);
    m_versions->setObjectName(QStringLiteral("riskVersions"));
    m_versions->setHorizontalHeaderLabels({tr("Version"), tr("Trained"), tr("AUC"), tr("Checks"), QString()});
    m_versions->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_versions->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_versions->verticalHeader()->hide();
    m_versions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_versions->setSelectionMode(QAbstractItemView::NoSelection);
    versionsLayout->addWidget(m_versions);

    auto *retrainRow = new QHBoxLayout;
    retrainRow->addWidget(new QLabel(tr("Last"), versionsBox));
    m_days = new QSpinBox(versionsBox);
    m_days->setRange(1, 3650);
    m_days->setValue(90);
    m_days->setSuffix(tr(" days"));
    retrainRow->addWidget(m_days);
    retrainRow->addStretch(1);
    m_retrain = new QPushButton(tr("Retrain"), versionsBox);
    m_retrain->setObjectName(QStringLiteral("riskRetrain"));
    m_cancel = new QPushButton(tr("Cancel"), versionsBox);
    m_cancel->setObjectName(QStringLiteral("riskCancel"));
    m_cancel->setEnabled(false);
    retrainRow->addWidget(m_retrain);
    retrainRow->addWidget(m_cancel);
    versionsLayout->addLayout(retrainRow);
    // On its own line: beside the buttons it made the page wider than 1400 px in Spanish.
    m_anyway = new QCheckBox(tr("Activate even if checks fail"), versionsBox);
    versionsLayout->addWidget(m_anyway);
    m_progress = new QProgressBar(versionsBox);
    m_progress->setObjectName(QStringLiteral("riskProgress"));
    m_progress->setVisible(false);
    versionsLayout->addWidget(m_progress);
    m_message = new QLabel(versionsBox);
    m_message->setWordWrap(true);
    versionsLayout->addWidget(m_message);
    layout->addWidget(versionsBox, 2);

    connect(m_retrain, &QPushButton::clicked, this,
            [this] { emit retrainRequested(m_days->value(), m_anyway->isChecked()); });
    connect(m_cancel, &QPushButton::clicked, this, &RiskModelPanel::cancelRequested);
}

void RiskModelPanel::showModel(const RiskModel *model)
{
    if (!model) {
        m_card->setText(tr("<b>No active model.</b> Train one from the delivery history with <i>Retrain</i>."));
        m_importance->clear();
        return;
    }
    const RiskMetrics &m = model->metrics;
    const QLocale locale;
    QString checks;
    for (const ValidationCheck &c : validationChecks(m))
        checks +=
            QStringLiteral("%1 %2 ≥ %3 &nbsp; ").arg(checkMark(c.passed), c.name.toHtmlEscaped()).arg(c.threshold);
    QString timeSplit = tr("time split: not enough history on both sides");
    if (model->timeSplit)
        timeSplit = tr("time split (older %1 → newest %2): accuracy %3 · F1 %4 · ROC AUC %5 · Brier %6")
                        .arg(model->timeSplit->trainingSamples)
                        .arg(model->timeSplit->validationSamples)
                        .arg(ratio(model->timeSplit->accuracy), ratio(model->timeSplit->f1),
                             ratio(model->timeSplit->rocAuc), ratio(model->timeSplit->brier));
    m_card->setText(
        tr("<b>%1</b> &nbsp; trained %2 on the last %3 days<br>"
           "%4 samples, failure rate %5 %; %6-fold cross-validation (out-of-fold):<br>"
           "accuracy %7 · precision %8 · recall %9 · F1 %10 · ROC AUC %11 · Brier %12<br>%13<br>"
           "probability calibration: %14<br>%15")
            .arg(model->version.toHtmlEscaped(), fmt::dateTime(model->trainedAt))
            .arg(model->windowDays)
            .arg(m.trainingSamples)
            .arg(locale.toString(m.failureRate * 100, 'f', 1))
            .arg(model->cvFolds)
            .arg(ratio(m.accuracy), ratio(m.precision), ratio(m.recall), ratio(m.f1), ratio(m.rocAuc), ratio(m.brier),
                 timeSplit, model->calibration.methodName(), checks));
    m_importance->setImportance(model->importance);
}

void RiskModelPanel::showVersions(const std::vector<StoredModelInfo> &versions)
{
    m_versions->setRowCount(static_cast<int>(versions.size()));
    for (int row = 0; row < static_cast<int>(versions.size()); ++row) {
        const StoredModelInfo &v = versions[row];
        // The panel is narrow (the version column was cut to a few letters in Spanish): the active
        // version's button says so instead of a suffix, the day is shown with the
        // minute in the tooltip, and the full version is in the tooltip should the column elide.
        auto *version = new QTableWidgetItem(v.version);
        version->setToolTip(v.active ? tr("%1 (active)").arg(v.version) : v.version);
        m_versions->setItem(row, 0, version);
        auto *trained = new QTableWidgetItem(fmt::date(v.trainedAt));
        trained->setToolTip(fmt::dateTime(v.trainedAt));
        m_versions->setItem(row, 1, trained);
        m_versions->setItem(row, 2, new QTableWidgetItem(ratio(v.metrics.rocAuc)));
        m_versions->setItem(row, 3, new QTableWidgetItem(v.checksPassed ? tr("passed") : tr("failed")));
        auto *activate = new QPushButton(v.active ? tr("Active") : tr("Activate"), m_versions);
        activate->setEnabled(!v.active);
        connect(activate, &QPushButton::clicked, this,
                [this, version = v.version] { emit activateRequested(version); });
        m_versions->setCellWidget(row, 4, activate);
    }
}

void RiskModelPanel::setTraining(bool running)
{
    m_retrain->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_progress->setVisible(running);
    if (running)
        m_progress->setRange(0, 0);
}

void RiskModelPanel::setProgress(int done, int total, const QString &stage)
{
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    m_progress->setFormat(stage + QStringLiteral(" %p%"));
}

void RiskModelPanel::setMessage(const QString &text)
{
    m_message->setText(text);
}

}  // namespace atalaya
