#include "ui/risk/ReleaseCheckDialog.h"

#include "ui/reports/ReleaseCheckPdf.h"
#include "ui/risk/ReleaseReasonsModel.h"
#include "ui/risk/RiskCharts.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace atalaya {

ReleaseCheckDialog::ReleaseCheckDialog(ReleaseCheck check, const Result<qint64> &recorded, QWidget *parent)
    : QDialog(parent), m_check(std::move(check))
{
    setObjectName(QStringLiteral("releaseCheckDialog"));
    setWindowTitle(tr("Release check — cycle %1").arg(m_check.inputs.cycleId));
    auto *layout = new QVBoxLayout(this);
    auto *verdict = new QLabel(tr("Verdict: %1").arg(ReleaseReasonsModel::verdictText(m_check.verdict)), this);
    verdict->setObjectName(QStringLiteral("releaseVerdict"));
    QFont big = verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    verdict->setFont(big);
    QPalette palette = verdict->palette();
    palette.setColor(QPalette::WindowText, ReleaseReasonsModel::verdictColor(m_check.verdict));
    verdict->setPalette(palette);
    layout->addWidget(verdict);

    const RiskPrediction &p = m_check.inputs.prediction;
    const QLocale l;
    auto *risk = new QLabel(tr("Risk score %1 (%2) · model %3 · agents: %4")
                                .arg(l.toString(p.riskScore, 'f', 3), riskLevelText(p.level),
                                     m_check.inputs.model.version,
                                     m_check.inputs.agents.isEmpty() ? tr("none found")
                                                                     : m_check.inputs.agents.join(QStringLiteral(", "))),
                            this);
    risk->setWordWrap(true);
    layout->addWidget(risk);

    m_reasons = new ReleaseReasonsModel(this);
    m_reasons->setReasons(m_check.reasons);
    auto *table = new QTableView(this);
    table->setObjectName(QStringLiteral("releaseReasons"));
    table->setModel(m_reasons);
    table->verticalHeader()->hide();
    table->setWordWrap(true);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Rows follow their wrapped detail as the dialog is resized.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(table, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("releaseStatus"));
    m_status->setWordWrap(true);
    m_status->setText(recorded ? tr("Recorded as decision #%1.").arg(*recorded)
                               : tr("Not recorded: %1").arg(recorded.error().message));
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *save = buttons->addButton(tr("Save PDF…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("releaseSavePdf"));
    connect(save, &QPushButton::clicked, this, &ReleaseCheckDialog::choosePdf);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 480);
}

void ReleaseCheckDialog::choosePdf()
{
    const QString suggested =
        QDir::home().filePath(QStringLiteral("release-check-%1.pdf").arg(m_check.inputs.cycleId));
    const QString file = QFileDialog::getSaveFileName(this, tr("Save release check"), suggested, tr("PDF (*.pdf)"));
    if (!file.isEmpty())
        savePdf(file);
}

Status ReleaseCheckDialog::savePdf(const QString &file)
{
    Status written = writeReleaseCheckPdf(m_check, file);
    m_status->setText(written ? tr("Saved %1.").arg(QDir::toNativeSeparators(file)) : written.error().message);
    return written;
}

}  // namespace atalaya
