// What every lesson program shares: --help and the common options, the banner, where plots go,
// and turning an error into a clear message with a non-zero exit.
//
//   int main(int argc, char** argv) {
//       nn::Lesson lesson(nn::this_lesson);
//       return lesson.run(argc, argv, [](const nn::LessonOptions& opt) { ... });
//   }
#pragma once

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "nn/lesson_info.hpp"
#include "nn/plot.hpp"

namespace nn {

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

// A measured number: one whose digits depend on the machine, the compiler or the run, not only
// on the lesson's arithmetic: a rounding error (a gradient check's relative error, the difference
// between two ways to compute the same thing) or a time or speed. measured() prints it with the
// fmt format spec given ("{:.1e}", "{:.3g}", "{:.2f}", ...) behind a "~" (read "about"):
//   fmt::print("largest difference: {}\n", nn::measured(5.6e-17, "{:.1e}"));  // ~5.6e-17
// A number printed right after "~" is measured, not computed: the output tests
// (tests/support/compare_output.cpp) only check that a number stands there, after a "~".
// Every other number of the line is still compared, so mark only the measured ones. To align a
// column, pad the whole string: fmt::format("{:>10}", nn::measured(t, "{:.3g}")).
std::string measured(double v, fmt::format_string<double> spec);

// Checks for a lesson's own numeric options (CLI11 validators: they see the text as typed, before
// it is converted). CLI::Range lets "nan" through, since every comparison with NaN is false, and
// CLI11 turns "-1" or a number past 2^64 into a valid-looking unsigned value without a word.
// A finite number in [lo, hi]: "nan", "inf", "1e400" and "0.5x" are command-line errors.
CLI::Validator finite_range(double lo, double hi);
// A seed: decimal digits only, at most 18446744073709551615.
CLI::Validator seed_value();

// Prints a line (a newline is added) that holds measured times, formatted with measured().
// --no-timings leaves it out.
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
