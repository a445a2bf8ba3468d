// libFuzzer target for the chat feed parser (docs/RELIABILITY.md §Bad input gets a clear error): any bytes a feed
// may send must neither crash nor produce an event outside the protocol's ranges, and the
// metrics fed with what passed must stay consistent.
#include "core/chat/ChatMetrics.h"
#include "core/chat/ChatParser.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace atalaya;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const ChatParseResult r = parseChatFrame(bytes);
    static ChatMetrics metrics(60);
    static qint64 now = 1795255200000;
    now += 137;
    for (const ChatEvent &e : r.events) {
        switch (e.type) {
        case ChatEvent::Type::Satisfaction: check(e.rating >= 1 && e.rating <= 5); [[fallthrough]];
        case ChatEvent::Type::ConversationStarted:
        case ChatEvent::Type::ConversationCompleted:
            check(!e.conversationId.isEmpty() && e.conversationId.size() <= 200);
            break;
        case ChatEvent::Type::Message:
            check(!e.conversationId.isEmpty());
            check(!e.latencyMs || *e.latencyMs >= 0);
            check(!e.telemetryId || *e.telemetryId >= 1);
            break;
        case ChatEvent::Type::Error:
        case ChatEvent::Type::Heartbeat: break;
        }
        metrics.add(e, now);
    }
    check(r.ignored >= 0 && r.malformedTotal() >= 0);
    const ChatWindowMetrics w = metrics.window(now);
    check(!w.successRate || (*w.successRate >= 0.0 && *w.successRate <= 1.0));
    check(!w.satisfactionAvg || (*w.satisfactionAvg >= 1.0 && *w.satisfactionAvg <= 5.0));
    check(!w.resolutionRate || (*w.resolutionRate >= 0.0 && *w.resolutionRate <= 1.0));
    check(w.activeConversations >= 0 && w.messages >= 0);
    parseChatTimestamp(QString::fromUtf8(bytes.left(64)));
    return 0;
}
