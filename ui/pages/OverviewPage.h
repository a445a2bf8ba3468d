#pragma once

#include "pages/Page.h"
#include "stats/StatsTypes.h"

class QLabel;

namespace atalaya {

// The Overview numbers of seed 000 §1, loaded off the UI thread.
class OverviewPage : public Page {
    Q_OBJECT
public:
    explicit OverviewPage(const AppContext &context, QWidget *parent = nullptr);

    QString pageId() const override { return QStringLiteral("overview"); }
    QString title() const override { return tr("Overview"); }
    void refresh() override;

private:
    void showSnapshot(const StatsSnapshot &snapshot);

    QLabel *m_total = nullptr;
    QLabel *m_accuracy = nullptr;
    QLabel *m_confidence = nullptr;
    QLabel *m_p95 = nullptr;
    QLabel *m_feedbackRate = nullptr;
    QLabel *m_status = nullptr;
    quint64 m_generation = 0;
};

} // namespace atalaya
