// What the harnesses share: the fuzzer's bytes as a file (the readers take a path), and a check
// that stops the run as a finding when a loaded object is not consistent.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace nn_fuzz {

// A file of this process's own in the temporary folder ($TMPDIR: fuzz.sh sets /dev/shm, ten times
// faster than a disk), rewritten for every input and removed at exit.
inline std::filesystem::path write_input(const std::string& name, const std::uint8_t* data,
                                         std::size_t size) {
    struct Removed {
        std::filesystem::path file;
        ~Removed() {
            std::error_code ignored;
            std::filesystem::remove(file, ignored);
        }
    };
    static const Removed input{std::filesystem::temp_directory_path() /
                               ("nn_fuzz_" + std::to_string(getpid()) + "_" + name)};
    const std::filesystem::path& file = input.file;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    out.close();
    if (!out) {
        std::fprintf(stderr, "cannot write %s\n", file.c_str());
        std::abort();
    }
    return file;
}

// A loaded object that breaks its own invariants is a finding, like a crash.
#define NN_FUZZ_REQUIRE(condition)                                                                     \
    do {                                                                                               \
        if (!(condition)) {                                                                            \
            std::fprintf(stderr, "inconsistent object: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
            std::abort();                                                                              \
        }                                                                                              \
    } while (0)

}  // namespace nn_fuzz
