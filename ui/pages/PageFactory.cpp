#include "pages/PageFactory.h"

#include "pages/OverviewPage.h"
#include "pages/RiskPage.h"

namespace atalaya {

std::vector<Page *> createPages(const AppContext &context, QWidget *parent)
{
    return {
        new OverviewPage(context, parent),
        new RiskPage(context, parent),
    };
}

} // namespace atalaya
