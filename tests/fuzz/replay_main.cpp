// The fuzz harnesses' driver when clang's libFuzzer is not there (tests/fuzz/CMakeLists.txt):
// runs LLVMFuzzerTestOneInput once on every file named, or inside every folder named, like
// `target -runs=0 DIR…`. A failed check aborts, and ASan/UBSan stop the run on their own.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

int runFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "error: cannot read %s\n", path.c_str());
        return 1;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // A copy of exactly the input's size, so ASan sees a read past its end.
    std::vector<uint8_t> data(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(data.data(), data.size());
    return 0;
}

}  // namespace

int main(int argc, char **argv)
{
    long ran = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        if (!arg.empty() && arg.native().front() == '-')
            continue;
        std::vector<std::filesystem::path> files;
        if (std::filesystem::is_directory(arg)) {
            for (const auto &entry : std::filesystem::directory_iterator(arg))
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            std::sort(files.begin(), files.end());
        } else {
            files.push_back(arg);
        }
        for (const auto &file : files) {
            if (runFile(file) != 0)
                return 1;
            ++ran;
        }
    }
    if (ran == 0) {
        std::fprintf(stderr, "error: no input to replay; name corpus folders or files\n");
        return 2;
    }
    std::printf("replayed %ld input(s), no failure\n", ran);
    return 0;
}
