#pragma once

#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>

#include <deque>
#include <vector>

namespace atalaya {

// A plausible support-chat backend, for `chat serve-demo`, the tests and the bench:
// Spanish and English conversations about billing, login, shipping, refunds…, with
// assistant latencies, failed answers, upstream errors, resolutions and ratings.
// Deterministic for a seed.
class ChatDemoStream {
public:
    // `idPrefix` keeps live demo conversations apart from the demo history's "c-N".
    explicit ChatDemoStream(quint32 seed = 42, std::vector<qint64> telemetryIds = {},
                            QString idPrefix = QStringLiteral("c-"));

    // The next event at time `nowMs` (UTC ms).
    QJsonObject next(qint64 nowMs);
    static QJsonObject heartbeat(qint64 nowMs);
    static QString isoTime(qint64 ms);

private:
    struct Sim {
        QString id;
        QString intent;
        bool spanish = true;
        int exchangesLeft = 0;
        enum class Step { UserMessage, AssistantMessage, Completed, Satisfaction } step = Step::UserMessage;
        bool resolved = true;
        int messageNo = 0;
    };
    QJsonObject start(qint64 nowMs);
    QJsonObject advance(Sim &sim, qint64 nowMs, bool &finished);
    int latencyMs();

    QRandomGenerator m_rng;
    std::vector<qint64> m_telemetryIds;
    QString m_idPrefix;
    std::deque<Sim> m_sims;
    qint64 m_nextConversation = 1;
    int m_targetConcurrency = 12;
};

}  // namespace atalaya
