#include "nn/progress.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace nn {

std::string progress_bar(double fraction, int width) {
    fraction = std::clamp(fraction, 0.0, 1.0);
    const auto filled = std::size_t(fraction * width + 0.5);
    std::string bar(std::size_t(width) + 2, '-');
    bar.front() = '[';
    bar.back() = ']';
    std::fill_n(bar.begin() + 1, filled, '#');
    return bar;
}

bool ProgressBar::enabled() { return isatty(STDERR_FILENO) && std::getenv("NN_NO_PROGRESS") == nullptr; }

ProgressBar::ProgressBar(std::string label, std::size_t total, std::string unit)
    : label_(std::move(label)),
      unit_(std::move(unit)),
      total_(std::max<std::size_t>(total, 1)),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_),
      enabled_(enabled()) {}

double ProgressBar::seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressBar::update(std::size_t done, const std::string& status) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(50) && done < total_) return;
    last_draw_ = now;
    draw(done, status);
}

void ProgressBar::finish(const std::string& status) {
    if (!enabled_) return;
    draw(total_, status);
    std::fputc('\n', stderr);
}

void ProgressBar::draw(std::size_t done, const std::string& status) {
    const double rate = double(done) / std::max(seconds(), 1e-9);
    const std::string speed = rate >= 1e4 ? fmt::format("{:.1f}k {}/s", rate / 1e3, unit_)
                                          : fmt::format("{:.0f} {}/s", rate, unit_);
    fmt::print(stderr, "\r{} {} {:>{}}/{}  {}  {}\x1b[K", label_,
               progress_bar(double(done) / double(total_), 24), done, fmt::format("{}", total_).size(),
               total_, speed, status);
    std::fflush(stderr);
}

}  // namespace nn
