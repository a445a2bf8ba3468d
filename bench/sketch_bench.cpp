// Cost of the latency sketches a rollup build makes: per hour row a sketch of its rows
// (add, serialize), per day row the merge of its 24 hours (merge, serialize), and per
// version one more of each. Prints one JSON line: nanoseconds of the thread's CPU per row
// and per operation (median of 5 runs; CPU time, so other load on the machine does not
// count).
//   sketch_bench [--rows-per-hour N] [--hours H]
#include "bench/thread_cpu.h"
#include "core/aggregates/LatencySketch.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace atalaya;

namespace {

// Demo-shaped execution times: log-normal around 400 ms with a tail past the exact buckets.
std::vector<qint64> latencies(qint64 n)
{
    QRandomGenerator rng(17);
    std::vector<qint64> out;
    out.reserve(static_cast<size_t>(n));
    for (qint64 i = 0; i < n; ++i) {
        const double u = std::max(rng.generateDouble(), 1e-12);
        const double z = std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * rng.generateDouble());
        out.push_back(static_cast<qint64>(std::exp(6.0 + 0.8 * z)));
    }
    return out;
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, qint64 fallback) {
        const auto at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toLongLong() : fallback;
    };
    const qint64 perHour = option(QStringLiteral("--rows-per-hour"), 40);
    const qint64 hours = option(QStringLiteral("--hours"), 24 * 365);
    const std::vector<qint64> values = latencies(perHour * hours);

    qsizetype sink = 0;
    const double ns = bench::medianThreadCpuNs(5, [&] {
        LatencySketch day;
        LatencySketch dayVersion;
        for (qint64 h = 0; h < hours; ++h) {
            LatencySketch hour;
            LatencySketch hourVersion;
            for (qint64 i = 0; i < perHour; ++i) {
                const qint64 v = values[static_cast<size_t>(h * perHour + i)];
                hour.add(v);
                hourVersion.add(v);
            }
            sink += hour.serialize().size() + hourVersion.serialize().size();
            day.merge(hour);
            dayVersion.merge(hourVersion);
            if (h % 24 == 23) {
                sink += day.serialize().size() + dayVersion.serialize().size();
                day = LatencySketch();
                dayVersion = LatencySketch();
            }
        }
    });
    std::printf("{\"rows_per_hour\":%lld,\"hours\":%lld,\"ns_per_row\":%.1f,\"sink\":%lld}\n",
                static_cast<long long>(perHour), static_cast<long long>(hours), ns / double(perHour * hours),
                static_cast<long long>(sink));
    return 0;
}
