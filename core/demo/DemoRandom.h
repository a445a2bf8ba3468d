#pragma once

#include <cmath>
#include <cstdint>
#include <random>

namespace atalaya {

// std:: distributions are not specified bit for bit; these transforms of mt19937_64 are, so
// `demo --seed S` gives the same data on every build.
class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed) : m_engine(seed) { }

    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int integer(int lo, int hiInclusive) { return lo + static_cast<int>(uniform() * (hiInclusive - lo + 1)); }
    bool chance(double p) { return uniform() < p; }
    double normal()
    {
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    }
    // Long-tailed positive values around a median.
    double logNormal(double median, double sigma) { return median * std::exp(sigma * normal()); }
    template <typename Container> const auto &pick(const Container &c)
    {
        return c[static_cast<size_t>(integer(0, static_cast<int>(c.size()) - 1))];
    }

private:
    std::mt19937_64 m_engine;
};

}  // namespace atalaya
