#include "pages/PageFactory.h"

#include "pages/OverviewPage.h"

namespace atalaya {

std::vector<Page *> createPages(const AppContext &context, QWidget *parent)
{
    return {
        new OverviewPage(context, parent),
    };
}

} // namespace atalaya
