#include "ui/shell/PageFactory.h"

#include "ui/dashboard/AccuracyPage.h"
#include "ui/chat/ChatPage.h"
#include "ui/dashboard/ConfidencePage.h"
#include "ui/dashboard/FeedbackPage.h"
#include "ui/dashboard/LatencyPage.h"
#include "ui/dashboard/OverviewPage.h"
#include "ui/insights/InsightsPage.h"
#include "ui/risk/RiskPage.h"
#include "ui/review/AuditLogPage.h"
#include "ui/review/ReviewQueuePage.h"

namespace atalaya {
namespace {

template <typename P> Page *make(const AppContext &context, QWidget *parent)
{
    return new P(context, parent);
}

}  // namespace

const std::vector<PageSpec> &pageCatalogue()
{
    static const std::vector<PageSpec> pages = {
        {QStringLiteral("overview"), [] { return OverviewPage::tr("Overview"); }, &make<OverviewPage>},
        {QStringLiteral("insights"), [] { return InsightsPage::tr("What changed"); }, &make<InsightsPage>},
        {QStringLiteral("accuracy"), [] { return AccuracyPage::tr("Accuracy"); }, &make<AccuracyPage>},
        {QStringLiteral("confidence"), [] { return ConfidencePage::tr("Confidence"); }, &make<ConfidencePage>},
        {QStringLiteral("latency"), [] { return LatencyPage::tr("Execution time"); }, &make<LatencyPage>},
        {QStringLiteral("feedback"), [] { return FeedbackPage::tr("Feedback"); }, &make<FeedbackPage>},
        {QStringLiteral("queue"), [] { return ReviewQueuePage::tr("Review queue"); }, &make<ReviewQueuePage>},
        {QStringLiteral("chat"), [] { return ChatPage::tr("Chat"); }, &make<ChatPage>},
        {QStringLiteral("risk"), [] { return RiskPage::tr("Deployment risk"); }, &make<RiskPage>},
        {QStringLiteral("audit"), [] { return AuditLogPage::tr("Audit log"); }, &make<AuditLogPage>},
    };
    return pages;
}

QString Page::title() const
{
    for (const PageSpec &spec : pageCatalogue()) {
        if (spec.id == pageId())
            return spec.title();
    }
    return pageId();
}

}  // namespace atalaya
