#pragma once

#include <cstdio>
#include <cstdlib>

// A harness's own check: says which one failed, then aborts so libFuzzer keeps the input.
#define FUZZ_CHECK(condition) ((condition) ? void(0) : atalaya::fuzzCheckFailed(#condition, __FILE__, __LINE__))

namespace atalaya {

[[noreturn]] inline void fuzzCheckFailed(const char *condition, const char *file, int line)
{
    std::fprintf(stderr, "%s:%d: check failed: %s\n", file, line, condition);
    std::abort();
}

}  // namespace atalaya
