#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace atalaya {

class ReviewRulesEditor;
class Settings;

// File → Settings: the review queue's rules and the reviewer's name. Saving writes them to
// the settings, whose change signal re-applies the rules at once (ReviewQueueController).
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(Settings *settings, QWidget *parent = nullptr);

    ReviewRulesEditor *rulesEditor() const { return m_rules; }
    QLineEdit *reviewerEdit() const { return m_reviewer; }
    QSpinBox *lockWaitEdit() const { return m_lockWait; }

public slots:
    void accept() override;

private:
    Settings *m_settings = nullptr;
    ReviewRulesEditor *m_rules = nullptr;
    QLineEdit *m_reviewer = nullptr;
    QSpinBox *m_lockWait = nullptr;
    QSpinBox *m_replicaLagWarn = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

}  // namespace atalaya
