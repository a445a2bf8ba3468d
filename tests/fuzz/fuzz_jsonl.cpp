// libFuzzer target for `record --jsonl` (docs/CLI.md §record): the stream is cut into lines
// in blocks of a size the first byte picks, and each line goes through the validator and the
// row encoder that JsonlIngest uses. The lines must be those of a plain split whatever the
// block size, and a decision that passes must be stored within the documented ranges.
#include "tests/fuzz/FuzzCheck.h"
#include "core/common/TextLimits.h"
#include "core/common/TimeUtil.h"
#include "core/ingest/JsonlLines.h"
#include "core/telemetry/DecisionValidator.h"
#include "core/telemetry/StoredDecision.h"

#include <QJsonDocument>

#include <cmath>
#include <cstdint>

using namespace atalaya;

namespace {

void checkStored(const DecisionInput &d, const StoredDecision &s, const QDateTime &now)
{
    FUZZ_CHECK(d.confidence >= 0.0 && d.confidence <= 1.0);
    FUZZ_CHECK(s.confidenceE4 >= 0 && s.confidenceE4 <= 10000);
    FUZZ_CHECK(s.confidence == QByteArray::number(s.confidenceE4 / 10000.0, 'f', 4));
    FUZZ_CHECK(s.executionTimeMs >= 0 && s.executionTimeMs <= 2147483647);
    const QString agent = QString::fromUtf8(s.agentId);
    const QString task = QString::fromUtf8(s.taskType);
    FUZZ_CHECK(agent == d.agentId && task == d.taskType);
    FUZZ_CHECK(isValidText(agent) && characterCount(agent) >= 1 && characterCount(agent) <= 100);
    FUZZ_CHECK(isValidText(task) && characterCount(task) >= 1 && characterCount(task) <= 50);
    // The columns hold JSON objects that read back as what was validated.
    FUZZ_CHECK(QJsonDocument::fromJson(s.decisionJson).object() == d.decision);
    FUZZ_CHECK(QJsonDocument::fromJson(s.metadataJson).object() == d.metadata);
    if (d.createdAt.isValid()) {
        FUZZ_CHECK(d.createdAt >= earliestCreatedAt() && d.createdAt <= now.addDays(1).addSecs(60));
        FUZZ_CHECK(s.createdAtMs == d.createdAt.toMSecsSinceEpoch());
    } else {
        FUZZ_CHECK(s.createdAtMs == now.toMSecsSinceEpoch());
    }
    FUZZ_CHECK(s.createdAt == toDbDateTimeBytes(s.createdAtMs));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype blockSize = 1 + data[0] % 64;
    const QByteArray stream(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));

    QList<QByteArray> expected = stream.split('\n');
    if (expected.last().isEmpty())
        expected.removeLast();  // after the last '\n', or an empty stream

    static const QDateTime now = QDateTime::currentDateTimeUtc();
    qsizetype lineNo = 0;
    auto onLine = [&](const QByteArray &raw) {
        FUZZ_CHECK(lineNo < expected.size() && raw == expected.at(lineNo));
        ++lineNo;
        const QByteArray text = raw.trimmed();
        if (text.isEmpty())
            return;
        const auto decision = validateDecisionJson(text);
        if (!decision) {
            FUZZ_CHECK(decision.error().code == ErrorCode::Usage && !decision.error().message.isEmpty());
            return;
        }
        checkStored(*decision, toStored(*decision, now), now);
    };
    JsonlLines lines;
    for (qsizetype at = 0; at < stream.size(); at += blockSize)
        lines.feed(QByteArrayView(stream.constData() + at, std::min(blockSize, stream.size() - at)), onLine);
    lines.finish(onLine);
    FUZZ_CHECK(lineNo == expected.size());
    return 0;
}
