#include "core/chat/ChatDemoStream.h"

#include <QDateTime>

#include <cmath>

namespace atalaya {

namespace {

struct IntentText {
    const char *intent;
    const char *userEs;
    const char *answerEs;
    const char *userEn;
    const char *answerEn;
};

// Feed content, not UI text: what customers of the simulated backend would write.
const IntentText kIntents[] = {
    {"billing", "¿Por qué me cobraron dos veces este mes?",
     "Veo dos cargos del 3 de noviembre; uno es una preautorización que se liberará en 48 h.",
     "Why was I charged twice this month?",
     "I see two charges on Nov 3; one is a pre-authorisation that will be released within 48 h."},
    {"login", "No puedo entrar, dice contraseña incorrecta.",
     "Te envié un enlace para restablecer la contraseña a tu correo registrado.",
     "I can't log in, it says wrong password.", "I've sent a password reset link to your registered email."},
    {"shipping", "¿Dónde está mi pedido 48213?", "Tu pedido salió ayer del almacén de Valencia y llegará el jueves.",
     "Where is my order 48213?", "Your order left the Valencia warehouse yesterday and arrives on Thursday."},
    {"refund", "Quiero devolver unas zapatillas, ¿cómo lo hago?",
     "He generado la etiqueta de devolución; el reembolso tarda 5–7 días hábiles.",
     "I want to return some sneakers, how do I do it?",
     "I've created the return label; the refund takes 5–7 business days."},
    {"account", "¿Cómo cambio el correo de mi cuenta?",
     "Ve a Perfil → Seguridad → Correo; te pediremos confirmar el nuevo.", "How do I change my account email?",
     "Go to Profile → Security → Email; we'll ask you to confirm the new one."},
    {"plan_upgrade", "¿Qué incluye el plan Pro?",
     "El plan Pro añade 5 usuarios, soporte prioritario y exportación ilimitada.", "What does the Pro plan include?",
     "Pro adds 5 seats, priority support and unlimited exports."},
    {"technical", "La app se cierra al abrir el carrito.",
     "Es un fallo conocido de la versión 4.2; actualiza a la 4.2.1 desde la tienda.",
     "The app crashes when I open the cart.", "That's a known bug in 4.2; please update to 4.2.1 from the store."},
};
constexpr int kIntentCount = sizeof(kIntents) / sizeof(kIntents[0]);
// Billing and login dominate real support traffic; the tail is thinner.
const int kIntentWeights[kIntentCount] = {28, 22, 18, 12, 9, 6, 5};

const char *kFollowUpEs[] = {"Vale, ¿y cuánto tarda?", "Gracias. ¿Algo más que deba hacer?",
                             "No me llegó nada todavía.", "Perfecto."};
const char *kFollowUpEn[] = {"OK, how long does it take?", "Thanks. Anything else I should do?", "Nothing arrived yet.",
                             "Perfect."};
const char *kCommentsEs[] = {"rápido", "muy útil", "no resolvió mi problema", "bien"};
const char *kCommentsEn[] = {"quick", "very helpful", "didn't solve my issue", "fine"};
const char *kChannels[] = {"web", "web", "ios", "android", "whatsapp"};
const char *kErrorCodes[] = {"llm_timeout", "rate_limited", "tool_failure"};
const char *kErrorMessages[] = {"upstream timeout", "too many requests to the model provider",
                                "order lookup service returned 503"};

}  // namespace

ChatDemoStream::ChatDemoStream(quint32 seed, std::vector<qint64> telemetryIds, QString idPrefix)
    : m_rng(seed), m_telemetryIds(std::move(telemetryIds)), m_idPrefix(std::move(idPrefix))
{
}

QString ChatDemoStream::isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject ChatDemoStream::heartbeat(qint64 nowMs)
{
    return {{QStringLiteral("type"), QStringLiteral("heartbeat")}, {QStringLiteral("ts"), isoTime(nowMs)}};
}

int ChatDemoStream::latencyMs()
{
    // Log-normal around ~900 ms with a long tail, like LLM answers.
    const double u1 = std::max(1e-9, m_rng.generateDouble());
    const double u2 = m_rng.generateDouble();
    const double normal = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    return static_cast<int>(std::clamp(std::exp(6.8 + 0.45 * normal), 120.0, 30000.0));
}

QJsonObject ChatDemoStream::start(qint64 nowMs)
{
    int pick = m_rng.bounded(100);
    int intent = 0;
    while (intent < kIntentCount - 1 && pick >= kIntentWeights[intent])
        pick -= kIntentWeights[intent++];
    Sim sim;
    sim.id = m_idPrefix + QString::number(m_nextConversation++);
    sim.intent = QString::fromLatin1(kIntents[intent].intent);
    sim.spanish = m_rng.bounded(100) < 65;
    sim.exchangesLeft = 1 + m_rng.bounded(3);
    sim.resolved = m_rng.bounded(100) < 78;
    m_sims.push_back(sim);
    return {{QStringLiteral("type"), QStringLiteral("conversation.started")},
            {QStringLiteral("conversation_id"), sim.id},
            {QStringLiteral("user_id"), QStringLiteral("u-%1").arg(1 + m_rng.bounded(400))},
            {QStringLiteral("channel"), QString::fromLatin1(kChannels[m_rng.bounded(5)])},
            {QStringLiteral("ts"), isoTime(nowMs)}};
}

QJsonObject ChatDemoStream::advance(Sim &sim, qint64 nowMs, bool &finished)
{
    const IntentText *text = nullptr;
    for (const IntentText &t : kIntents) {
        if (sim.intent == QLatin1String(t.intent))
            text = &t;
    }
    QJsonObject e{{QStringLiteral("conversation_id"), sim.id}, {QStringLiteral("ts"), isoTime(nowMs)}};
    finished = false;
    switch (sim.step) {
    case Sim::Step::UserMessage: {
        const bool first = sim.messageNo == 0;
        const int f = m_rng.bounded(4);
        e.insert(QStringLiteral("type"), QStringLiteral("message"));
        e.insert(QStringLiteral("message_id"), QStringLiteral("%1-m%2").arg(sim.id).arg(++sim.messageNo));
        e.insert(QStringLiteral("role"), QStringLiteral("user"));
        e.insert(QStringLiteral("content"),
                 QString::fromUtf8(first ? (sim.spanish ? text->userEs : text->userEn)
                                         : (sim.spanish ? kFollowUpEs[f] : kFollowUpEn[f])));
        sim.step = Sim::Step::AssistantMessage;
        return e;
    }
    case Sim::Step::AssistantMessage: {
        if (m_rng.bounded(100) < 3) {
            const int k = m_rng.bounded(3);
            e.insert(QStringLiteral("type"), QStringLiteral("error"));
            e.insert(QStringLiteral("code"), QString::fromLatin1(kErrorCodes[k]));
            e.insert(QStringLiteral("message"), QString::fromLatin1(kErrorMessages[k]));
            return e;  // the user usually retries: the answer comes next
        }
        const bool success = m_rng.bounded(100) < 92;
        e.insert(QStringLiteral("type"), QStringLiteral("message"));
        e.insert(QStringLiteral("message_id"), QStringLiteral("%1-m%2").arg(sim.id).arg(++sim.messageNo));
        e.insert(QStringLiteral("role"), QStringLiteral("assistant"));
        e.insert(QStringLiteral("content"),
                 success ? QString::fromUtf8(sim.spanish ? text->answerEs : text->answerEn)
                         : QString::fromUtf8(sim.spanish ? "Lo siento, no he podido consultar esa información."
                                                         : "Sorry, I couldn't look that up."));
        e.insert(QStringLiteral("latency_ms"), latencyMs());
        e.insert(QStringLiteral("intent"), sim.intent);
        e.insert(QStringLiteral("success"), success);
        if (!m_telemetryIds.empty())
            e.insert(QStringLiteral("telemetry_id"), m_telemetryIds[m_rng.bounded(int(m_telemetryIds.size()))]);
        sim.step = --sim.exchangesLeft > 0 ? Sim::Step::UserMessage : Sim::Step::Completed;
        return e;
    }
    case Sim::Step::Completed:
        e.insert(QStringLiteral("type"), QStringLiteral("conversation.completed"));
        e.insert(QStringLiteral("resolved"), sim.resolved);
        if (m_rng.bounded(100) < 60)
            sim.step = Sim::Step::Satisfaction;
        else
            finished = true;
        return e;
    case Sim::Step::Satisfaction: {
        const int rating = sim.resolved ? 3 + m_rng.bounded(3) : 1 + m_rng.bounded(3);
        const int c = sim.resolved ? (rating >= 4 ? m_rng.bounded(2) : 3) : 2;
        e.insert(QStringLiteral("type"), QStringLiteral("satisfaction"));
        e.insert(QStringLiteral("rating"), rating);
        e.insert(QStringLiteral("comment"), QString::fromUtf8(sim.spanish ? kCommentsEs[c] : kCommentsEn[c]));
        finished = true;
        return e;
    }
    }
    return e;
}

QJsonObject ChatDemoStream::next(qint64 nowMs)
{
    const int active = static_cast<int>(m_sims.size());
    if (active == 0 || (active < m_targetConcurrency && m_rng.bounded(m_targetConcurrency) >= active / 2))
        return start(nowMs);
    const int index = m_rng.bounded(active);
    bool finished = false;
    QJsonObject e = advance(m_sims[index], nowMs, finished);
    if (finished)
        m_sims.erase(m_sims.begin() + index);
    return e;
}

}  // namespace atalaya
