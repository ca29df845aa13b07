// A progress bar for training loops, drawn on stderr:
//
//   epoch 3/5 [##########----------]  30000/60000  41.2k samples/s  loss 0.3121  acc 0.912
//
// It redraws in place only when stderr is a terminal; otherwise (CI, a pipe, the output tests)
// it stays silent, so it never changes what a lesson prints on stdout.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace nn {

// "[#####-----]" for a fraction in [0, 1].
std::string progress_bar(double fraction, int width);

class ProgressBar {
public:
    ProgressBar(std::string label, std::size_t total, std::string unit = "samples");
    // Redraws (at most every 50 ms) with `done` of `total` and a free-form status such as the loss.
    void update(std::size_t done, const std::string& status = "");
    // Draws the final state and ends the line.
    void finish(const std::string& status = "");
    double seconds() const;  // since construction
    static bool enabled();   // stderr is a terminal and NN_NO_PROGRESS is not set

private:
    void draw(std::size_t done, const std::string& status);
    std::string label_, unit_;
    std::size_t total_;
    std::chrono::steady_clock::time_point start_, last_draw_;
    bool enabled_;
};

}  // namespace nn
