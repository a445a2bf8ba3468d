#pragma once

#include "ui/shell/AppContext.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QToolButton;

namespace atalaya {

// Period (7/30/90 days or a custom range), agent and task type: applied to every page.
class FilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    DashboardFilter filter() const { return m_filter; }
    // Programmatic change (restore, a clicked agent row): updates the widgets, emits once.
    void setFilter(const DashboardFilter &filter);
    void setChoices(const QStringList &agents, const QStringList &taskTypes);
    void setAutoRefresh(bool on, int seconds);

    QComboBox *periodCombo() const { return m_period; }
    QComboBox *agentCombo() const { return m_agent; }
    QComboBox *taskCombo() const { return m_task; }
    QDateEdit *firstDayEdit() const { return m_from; }
    QDateEdit *lastDayEdit() const { return m_to; }

signals:
    void filterChanged(const atalaya::DashboardFilter &filter);
    void refreshRequested();
    void autoRefreshToggled(bool on);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void syncWidgets();
    void readWidgets();
    static void fillCombo(QComboBox *combo, const QString &allText, const QStringList &items, const QString &current);

    DashboardFilter m_filter;
    QStringList m_agents;
    QStringList m_taskTypes;
    bool m_syncing = false;
    int m_refreshSeconds = 30;
    QLabel *m_periodLabel = nullptr;
    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_agentLabel = nullptr;
    QComboBox *m_agent = nullptr;
    QLabel *m_taskLabel = nullptr;
    QComboBox *m_task = nullptr;
    QToolButton *m_refresh = nullptr;
    QCheckBox *m_auto = nullptr;
};

}  // namespace atalaya
