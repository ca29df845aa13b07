// What every lesson program shares: --help and the common options, the banner, where plots go,
// and turning an error into a clear message with a non-zero exit.
//
//   int main(int argc, char** argv) {
//       nn::Lesson lesson({"00", "Matrix multiplication", "Matrix-view", "..."});
//       return lesson.run(argc, argv, [](const nn::LessonOptions& opt) { ... });
//   }
#pragma once

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "nn/plot.hpp"

namespace nn {

struct LessonInfo {
    std::string number;   // "00"
    std::string title;    // "Matrix multiplication"
    std::string decks;    // "Matrix-view"
    std::string summary;  // one sentence for --help
};

struct LessonOptions {
    std::filesystem::path plot_dir = "plots";
    std::filesystem::path data_dir;
    bool plots = true;
    bool timings = true;

    // Saves a plot as <plot_dir>/<file> and prints where it went.
    template <class Plot>
    void plot(const Plot& p, const std::string& file) const {
        const auto path = plot_dir / file;
        if (!plots) {
            fmt::print("plot: {} (skipped: --no-plots)\n", path.string());
            return;
        }
        plot::save(p, path);
        fmt::print("plot: {}\n", path.string());
    }
};

// Appended to a printed line whose numbers are rounding errors (a gradient check's relative
// error, the difference between two ways to compute the same thing): their digits depend on the
// exact operations the compiler emits, so the output tests compare only the line's words.
inline constexpr const char* round_off = "  [round-off]";

// Prints a line that holds a measured time. Its numbers change from run to run, so the output
// tests compare only its words (the "[timing]" tag marks it). --no-timings leaves it out.
void print_timing(const LessonOptions& opt, const std::string& line);

class Lesson {
public:
    explicit Lesson(LessonInfo info);
    // For options of the lesson's own, added before run().
    CLI::App& cli() { return app_; }
    // Parses the command line, prints the banner and runs the body. Returns the exit code:
    // 0, or 1 with "error: ..." on stderr for bad input, 2 for a bad command line, 3 when an
    // exercise is not implemented yet (./nn try on the stubs).
    int run(int argc, char** argv, const std::function<void(const LessonOptions&)>& body);

private:
    LessonInfo info_;
    CLI::App app_;
    LessonOptions options_;
};

}  // namespace nn
