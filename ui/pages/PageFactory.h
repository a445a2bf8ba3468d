#pragma once

#include "pages/Page.h"

#include <vector>

namespace atalaya {

// Every page of the main window, in navigation order. Adding a page is one line here.
std::vector<Page *> createPages(const AppContext &context, QWidget *parent);

} // namespace atalaya
