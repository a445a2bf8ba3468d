#pragma once

#include <algorithm>
#include <ctime>
#include <functional>
#include <vector>

// The benches' clock: CPU time of the calling thread. The machine is shared, so wall time
// there mostly measures waiting for a core; this counts only the thread's own work.
namespace atalaya::bench {

inline double threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e9 + double(t.tv_nsec);
}

inline double threadCpuUs()
{
    return threadCpuNs() / 1e3;
}

inline double threadCpuMs()
{
    return threadCpuNs() / 1e6;
}

// The median over `runs` calls of `once` of the thread CPU time each took, in nanoseconds.
inline double medianThreadCpuNs(int runs, const std::function<void()> &once)
{
    std::vector<double> ns;
    for (int run = 0; run < runs; ++run) {
        const double start = threadCpuNs();
        once();
        ns.push_back(threadCpuNs() - start);
    }
    std::sort(ns.begin(), ns.end());
    return ns[ns.size() / 2];
}

}  // namespace atalaya::bench
