#pragma once

#include "stats/StatsTypes.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace atalaya {

class Database;

// The Overview numbers of seed 000 §1, loaded off the UI thread.
class OverviewPage : public QWidget {
    Q_OBJECT
public:
    explicit OverviewPage(std::shared_ptr<const Database> db, QWidget *parent = nullptr);

    void reload();

signals:
    void loaded(bool ok, const QString &error);

private:
    void show(const StatsSnapshot &snapshot);

    std::shared_ptr<const Database> m_db;
    QLabel *m_total = nullptr;
    QLabel *m_accuracy = nullptr;
    QLabel *m_confidence = nullptr;
    QLabel *m_p95 = nullptr;
    QLabel *m_feedbackRate = nullptr;
    QLabel *m_status = nullptr;
    quint64 m_generation = 0;
};

} // namespace atalaya
