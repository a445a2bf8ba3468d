#pragma once

#include <QStringView>

namespace atalaya {

// Characters as a reader and the database count them: code points, so one emoji (two UTF-16
// units) is one character, as in MySQL's VARCHAR(n) with utf8mb4.
qsizetype characterCount(QStringView text);
// False when the text holds a lone surrogate, which no database column can store (MySQL
// writes '?', SQLite keeps bytes no reader can decode).
bool isValidText(QStringView text);

}  // namespace atalaya
