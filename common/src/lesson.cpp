#include "nn/lesson.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

#include "nn/data.hpp"
#include "nn/types.hpp"

namespace nn {

std::string measured(double v, fmt::format_string<double> spec) {
    return "~" + fmt::vformat(spec, fmt::make_format_args(v));
}

CLI::Validator finite_range(double lo, double hi) {
    return {[lo, hi](std::string& text) -> std::string {
                double v = 0;
                const char* end = text.data() + text.size();
                const auto [stop, ec] = std::from_chars(text.data(), end, v);
                if (ec != std::errc() || stop != end || !std::isfinite(v))
                    return fmt::format("'{}' is not a finite number", text);
                if (v < lo || v > hi) return fmt::format("{} is not in [{} - {}]", text, lo, hi);
                return {};
            },
            fmt::format("FLOAT in [{} - {}]", lo, hi)};
}

CLI::Validator seed_value() {
    return {[](std::string& text) -> std::string {
                std::uint64_t v = 0;
                const char* end = text.data() + text.size();
                const auto [stop, ec] = std::from_chars(text.data(), end, v);
                if (ec != std::errc() || stop != end)
                    return fmt::format("'{}' is not a seed (a whole number from 0 to {})", text,
                                       std::uint64_t(-1));
                return {};
            },
            ""};
}

void print_timing(const LessonOptions& opt, const std::string& line) {
    if (opt.timings) fmt::print("{}\n", line);
}

Lesson::Lesson(LessonInfo info)
    : info_(std::move(info)),
      app_(fmt::format("Lesson {}: {} (slides: {}).\n{}", info_.number, info_.title, info_.decks,
                       info_.summary),
           "lesson" + info_.number),
      options_{.data_dir = default_data_dir()} {
    app_.add_option("--plots", options_.plot_dir, "folder for the plots (PNG files)")->capture_default_str();
    app_.add_flag("!--no-plots", options_.plots, "do not draw plots");
    app_.add_flag("!--no-timings", options_.timings, "leave out measured times");
    app_.add_option("--data", options_.data_dir, "folder with iris.csv and mnist/")->capture_default_str();
}

int Lesson::run(int argc, char** argv, const std::function<void(const LessonOptions&)>& body) {
    try {
        app_.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app_.exit(e);  // prints --help, or the error with a hint
        return code == 0 ? 0 : 2;
    }
    try {
        fmt::print("Lesson {} — {}\nSlides: {}\n", info_.number, info_.title, info_.decks);
        body(options_);
        return 0;
    } catch (const NotImplemented& e) {
        std::fflush(stdout);
        fmt::print(stderr, "\n{}\n", e.what());
        return 3;
    } catch (const Error& e) {
        std::fflush(stdout);
        fmt::print(stderr, "error: {}\n", e.what());
        return 1;
    } catch (const std::exception& e) {
        std::fflush(stdout);
        fmt::print(stderr, "error: {}\n", e.what());
        return 1;
    }
}

}  // namespace nn
