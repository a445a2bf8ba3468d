#pragma once

#include "ui/common/Page.h"

#include <vector>

namespace atalaya {

// Every page of the main window, in navigation order. The main window builds a page the first
// time it is shown or asked for, so pages never opened cost nothing at start-up; the catalogue
// names them before they exist. Adding a page is one line in pageCatalogue().
struct PageSpec {
    QString id;
    QString (*title)();
    Page *(*create)(const AppContext &context, QWidget *parent);
};
const std::vector<PageSpec> &pageCatalogue();

}  // namespace atalaya
