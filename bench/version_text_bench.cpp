// Cost per row of reading metadata.model_version from the metadata text in C++
// (rollup::modelVersionOf) against a full parse (QJsonDocument), for the metadata shapes the
// benches and the demo write. Prints one JSON line per shape: nanoseconds of the thread's CPU
// per row (median of 5 runs; CPU time, so other load on the machine does not count).
//   version_text_bench [--rows N]
#include "bench/thread_cpu.h"
#include "core/rollup/ModelVersionText.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace atalaya;

namespace {

double nsPerRow(qint64 rows, const std::function<qsizetype()> &each)
{
    qsizetype sink = 0;
    const double ns = bench::medianThreadCpuNs(5, [&] {
        for (qint64 i = 0; i < rows; ++i)
            sink += each();
    });
    if (sink == -1)
        std::puts("");
    return ns / double(rows);
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qint64 rows = 1000000;
    const QStringList args = app.arguments();
    if (const qsizetype at = args.indexOf(QStringLiteral("--rows")); at >= 0 && at + 1 < args.size())
        rows = args[at + 1].toLongLong();
    const std::pair<const char *, QByteArray> shapes[] = {
        {"bench_scale (no version)", R"({"source":"bench"})"},
        {"version first", R"({"model_version":"v2.1.0","source":"bench","region":"eu-west-1"})"},
        {"demo (sorted keys, version after others)",
         R"({"environment":"production","files_changed":12,"lines_added":340,"model_version":"v2.1.0","repository":"atalaya/core","team":"platform"})"},
        {"escaped version", R"({"source":"bench","model_version":"v2\u002e1"})"},
    };
    for (const auto &[name, text] : shapes) {
        const double ours = nsPerRow(rows, [&] {
            const auto v = rollup::modelVersionOf(text, rollup::JsonReader::MariaDb);
            return v ? v->size() : 0;
        });
        const double full = nsPerRow(rows, [&] {
            const QJsonDocument doc = QJsonDocument::fromJson(text);
            return doc.object().value(QLatin1String("model_version")).toString().size();
        });
        std::printf("{\"shape\":\"%s\",\"bytes\":%lld,\"model_version_of_ns\":%.1f,\"qjsondocument_ns\":%.1f}\n", name,
                    static_cast<long long>(text.size()), ours, full);
    }
    return 0;
}
