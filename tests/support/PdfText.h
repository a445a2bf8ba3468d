#pragma once

#include <QString>

namespace atalaya::test {

// Reading back a PDF a test wrote, with poppler-utils (scripts/bootstrap.sh installs them).
// Each returns empty, with a warning saying why, when the tool did not run or failed, so a
// check on the text fails instead of passing on nothing.

enum class PdfLayout {
    Reading,  // reading order: a wrapped cell's lines follow each other
    Columns,  // pdftotext -layout: a table row's figures share one line
};

// pdftotext's text of the PDF at `path`.
QString pdfText(const QString &path, PdfLayout layout = PdfLayout::Reading);

// pdfinfo's report of the PDF at `path` ("Pages:", "Page size:" …).
QString pdfInfo(const QString &path);

// The page count pdfinfo reports, or -1.
int pdfPages(const QString &path);

}  // namespace atalaya::test
