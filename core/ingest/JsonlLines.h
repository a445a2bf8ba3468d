#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace atalaya {

// Cuts a stream read in blocks of any size into its lines, without their '\n' (a '\r' stays):
// every '\n' ends a line, blank ones included, and whatever follows the last '\n' is a last
// line. `line` gets each as a QByteArray that may point into the block, valid for the call.
class JsonlLines {
public:
    template <class F> void feed(QByteArrayView block, F &&line)
    {
        qsizetype start = 0;
        for (qsizetype nl = block.indexOf('\n'); nl >= 0; start = nl + 1, nl = block.indexOf('\n', start)) {
            if (m_carry.isEmpty()) {
                line(QByteArray::fromRawData(block.data() + start, nl - start));
            } else {
                m_carry.append(block.data() + start, nl - start);
                line(m_carry);
                m_carry.clear();
            }
        }
        m_carry.append(block.data() + start, block.size() - start);
    }

    // At the end of the stream: the last line, when it had no '\n'.
    template <class F> void finish(F &&line)
    {
        if (!m_carry.isEmpty())
            line(m_carry);
        m_carry.clear();
    }

private:
    QByteArray m_carry;  // a line split across blocks
};

}  // namespace atalaya
