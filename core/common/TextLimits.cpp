#include "core/common/TextLimits.h"

namespace atalaya {

qsizetype characterCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i, ++count) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
    }
    return count;
}

bool isValidText(QStringView text)
{
    return text.isValidUtf16();
}

}  // namespace atalaya
