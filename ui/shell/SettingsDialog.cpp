#include "ui/shell/SettingsDialog.h"

#include "ui/review/ReviewRulesEditor.h"
#include "ui/review/ReviewRulesSave.h"
#include "core/settings/Settings.h"
#include "core/settings/LoginName.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace atalaya {

SettingsDialog::SettingsDialog(Settings *settings, QWidget *parent) : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    auto *root = new QVBoxLayout(this);
    auto *tabs = new QTabWidget(this);
    auto *queueTab = new QWidget(tabs);
    auto *queueLayout = new QVBoxLayout(queueTab);
    auto *form = new QFormLayout;
    m_reviewer = new QLineEdit(queueTab);
    m_reviewer->setPlaceholderText(osLoginName());
    m_reviewer->setToolTip(tr("Recorded with every verdict in the audit log; empty: your user name"));
    form->addRow(tr("Reviewer name"), m_reviewer);
    queueLayout->addLayout(form);
    m_rules = new ReviewRulesEditor(queueTab);
    queueLayout->addWidget(m_rules, 1);
    tabs->addTab(queueTab, tr("Review queue"));
    auto *databaseTab = new QWidget(tabs);
    auto *databaseForm = new QFormLayout(databaseTab);
    m_lockWait = new QSpinBox(databaseTab);
    m_lockWait->setRange(1, 3600);
    m_lockWait->setSuffix(tr(" s"));
    m_lockWait->setToolTip(tr("How long a page or a verdict waits when another program holds a lock on the data, "
                              "before saying so; applies from the next connection"));
    databaseForm->addRow(tr("Wait for locked data"), m_lockWait);
    m_replicaLagWarn = new QSpinBox(databaseTab);
    m_replicaLagWarn->setObjectName(QStringLiteral("replicaLagWarn"));
    m_replicaLagWarn->setRange(1, 86400);
    m_replicaLagWarn->setSuffix(tr(" s"));
    m_replicaLagWarn->setToolTip(tr("With a read replica: the status bar warns when the replica is further behind "
                                    "the primary than this"));
    databaseForm->addRow(tr("Warn when the replica lags more than"), m_replicaLagWarn);
    tabs->addTab(databaseTab, tr("Database"));
    root->addWidget(tabs, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_rules, &ReviewRulesEditor::validityChanged, m_buttons->button(QDialogButtonBox::Save),
            &QPushButton::setEnabled);
    root->addWidget(m_buttons);

    if (m_settings) {
        m_reviewer->setText(m_settings->reviewerSetting());
        m_lockWait->setValue(m_settings->lockWaitSeconds());
        m_replicaLagWarn->setValue(m_settings->replicaLagWarnSeconds());
        m_rules->setRules(savedReviewRules(m_settings));
    }
    resize(1000, 640);
}

void SettingsDialog::accept()
{
    const auto rules = m_rules->rules();
    if (!rules) {
        QMessageBox::warning(this, tr("Review rules"), rules.error().message);
        return;
    }
    if (m_settings) {
        m_settings->setReviewer(m_reviewer->text().trimmed());
        m_settings->setLockWaitSeconds(m_lockWait->value());
        m_settings->setReplicaLagWarnSeconds(m_replicaLagWarn->value());
        saveReviewRules(*m_settings, *rules);
    }
    QDialog::accept();
}

}  // namespace atalaya
