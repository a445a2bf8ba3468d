#include "pages/PageFactory.h"

#include "pages/AccuracyPage.h"
#include "pages/ChatPage.h"
#include "pages/ConfidencePage.h"
#include "pages/FeedbackPage.h"
#include "pages/LatencyPage.h"
#include "pages/OverviewPage.h"
#include "pages/RiskPage.h"
#include "pages/ReviewQueuePage.h"

namespace atalaya {

std::vector<Page *> createPages(const AppContext &context, QWidget *parent)
{
    return {
        new OverviewPage(context, parent),
        new AccuracyPage(context, parent),
        new ConfidencePage(context, parent),
        new LatencyPage(context, parent),
        new FeedbackPage(context, parent),
        new ReviewQueuePage(context, parent),
        new ChatPage(context, parent),
        new RiskPage(context, parent),
    };
}

} // namespace atalaya
