#include "tests/support/TestData.h"

#include <QFile>
#include <QTemporaryDir>

namespace atalaya::test {

DecisionInput makeDecision(const QString &agent, const QString &task, double confidence, qint64 ms,
                           std::optional<Feedback> feedback, const QDateTime &at)
{
    DecisionInput d;
    d.agentId = agent;
    d.taskType = task;
    d.decision = {{QStringLiteral("action"), QStringLiteral("approve")}};
    d.confidence = confidence;
    d.executionTimeMs = ms;
    d.feedback = feedback;
    d.createdAt = at;
    return d;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size() ? path : QString();
}

}  // namespace atalaya::test
