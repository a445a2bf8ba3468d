#include "tests/support/PdfText.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QtGlobal>

namespace atalaya::test {
namespace {

QString outputOf(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s %s failed: %s %s", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))),
                 qPrintable(p.errorString()), p.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

}  // namespace

QString pdfText(const QString &path, PdfLayout layout)
{
    QStringList args{path, QStringLiteral("-")};
    if (layout == PdfLayout::Columns)
        args.prepend(QStringLiteral("-layout"));
    return outputOf(QStringLiteral("pdftotext"), args);
}

QString pdfInfo(const QString &path)
{
    return outputOf(QStringLiteral("pdfinfo"), {path});
}

int pdfPages(const QString &path)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)$"),
                                                         QRegularExpression::MultilineOption)
                                          .match(pdfInfo(path));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

}  // namespace atalaya::test
