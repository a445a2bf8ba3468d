#include "ui/review/AuditLogPage.h"

#include "core/reports/AuditCsv.h"
#include "ui/common/AsyncRun.h"
#include "ui/common/DatabasePool.h"
#include "ui/review/AuditLogModel.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace atalaya {
namespace {

constexpr int kPeriodDays[] = {0, 1, 7, 30, 90, 365};  // 0 = all time

}  // namespace

AuditLogPage::AuditLogPage(const AppContext &context, QWidget *parent) : Page(context, parent)
{
    m_reviewerLabel = new QLabel(this);
    m_reviewer = new QLineEdit(this);
    m_reviewer->setObjectName(QStringLiteral("auditReviewer"));
    m_agentLabel = new QLabel(this);
    m_agent = new QLineEdit(this);
    m_agent->setObjectName(QStringLiteral("auditAgent"));
    m_decisionLabel = new QLabel(this);
    m_decision = new QLineEdit(this);
    m_decision->setObjectName(QStringLiteral("auditDecision"));
    m_decision->setValidator(new QIntValidator(1, std::numeric_limits<int>::max(), m_decision));
    m_periodLabel = new QLabel(this);
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("auditPeriod"));
    for (int days : kPeriodDays)
        m_period->addItem(QString(), days);
    m_apply = new QPushButton(this);
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("auditExport"));
    for (auto [label, field] : {std::pair<QLabel *, QWidget *>{m_reviewerLabel, m_reviewer},
                                {m_agentLabel, m_agent},
                                {m_decisionLabel, m_decision},
                                {m_periodLabel, m_period}})
        label->setBuddy(field);

    m_model = new AuditLogModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("auditTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(AuditLogModel::Note, QHeaderView::Stretch);
    // The time, the agent and the verdicts are what an auditor reads first: never elided (the note
    // takes the rest, and is mostly empty).
    for (const int column : {AuditLogModel::Time, AuditLogModel::Agent, AuditLogModel::Reviewer,
                             AuditLogModel::Previous, AuditLogModel::New})
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_reviewerLabel);
    filters->addWidget(m_reviewer, 1);
    filters->addWidget(m_agentLabel);
    filters->addWidget(m_agent, 1);
    filters->addWidget(m_decisionLabel);
    filters->addWidget(m_decision);
    filters->addWidget(m_periodLabel);
    filters->addWidget(m_period);
    filters->addWidget(m_apply);
    filters->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    for (QLineEdit *edit : {m_reviewer, m_agent, m_decision})
        connect(edit, &QLineEdit::returnPressed, this, &AuditLogPage::refresh);
    connect(m_period, &QComboBox::currentIndexChanged, this, &AuditLogPage::refresh);
    connect(m_apply, &QPushButton::clicked, this, &AuditLogPage::refresh);
    connect(m_export, &QPushButton::clicked, this, &AuditLogPage::chooseExportFile);
    connect(m_model, &AuditLogModel::pageLoaded, this, [this](bool ok, const QString &error) {
        if (!ok) {
            m_status->setText(tr("The audit log could not be read: %1").arg(error));
        } else {
            m_status->setText(m_model->complete()
                                  ? tr("%1 rows, newest first").arg(m_model->rowCount())
                                  : tr("%1 rows so far, newest first; more load as you scroll").arg(m_model->rowCount()));
        }
        emit loadFinished(ok, error);
    });
    retranslate();
}

AuditFilter AuditLogPage::currentFilter(const QDateTime &now) const
{
    AuditFilter f;
    f.reviewer = m_reviewer->text().trimmed();
    f.agentId = m_agent->text().trimmed();
    if (!m_decision->text().trimmed().isEmpty())
        f.telemetryId = m_decision->text().trimmed().toLongLong();
    if (const int days = m_period->currentData().toInt(); days > 0)
        f.from = now.addDays(-days);
    return f;
}

void AuditLogPage::refresh()
{
    m_status->setText(m_context.db ? tr("Loading…") : tr("Not connected to a database."));
    m_model->reload(m_context.db, currentFilter());
    if (!m_context.db)
        emit loadFinished(false, m_status->text());
}

void AuditLogPage::openItem(const QVariant &argument)
{
    m_decision->setText(QString::number(argument.toLongLong()));
    refresh();
}

void AuditLogPage::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the audit log"), QStringLiteral("audit.csv"),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void AuditLogPage::exportCsv(const QString &path)
{
    if (!m_context.db) {
        emit exportFinished(false, tr("Not connected to a database."));
        return;
    }
    m_export->setEnabled(false);
    m_status->setText(tr("Exporting to %1…").arg(path));
    runAsync<Result<qint64>>(
        this, databasePool(),
        [db = m_context.db, filter = currentFilter(), path] { return writeAuditCsv(db, filter, path); },
        [this, path](const Result<qint64> &rows) {
            m_export->setEnabled(true);
            const QString message = rows ? tr("Exported %1 rows to %2").arg(*rows).arg(path)
                                         : tr("The export failed: %1").arg(rows.error().message);
            m_status->setText(message);
            emit exportFinished(rows.ok(), message);
        });
}

void AuditLogPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    Page::changeEvent(event);
}

void AuditLogPage::retranslate()
{
    m_reviewerLabel->setText(tr("&Reviewer"));
    m_agentLabel->setText(tr("A&gent"));
    m_decisionLabel->setText(tr("&Decision id"));
    m_periodLabel->setText(tr("&Period"));
    const QString periods[] = {tr("All time"),     tr("Last 24 hours"), tr("Last 7 days"),
                               tr("Last 30 days"), tr("Last 90 days"),  tr("Last 365 days")};
    for (int i = 0; i < m_period->count(); ++i)
        m_period->setItemText(i, periods[i]);
    m_apply->setText(tr("&Apply"));
    m_export->setText(tr("&Export CSV…"));
    m_reviewer->setPlaceholderText(tr("any"));
    m_agent->setPlaceholderText(tr("any"));
    m_decision->setPlaceholderText(tr("any"));
}

}  // namespace atalaya
