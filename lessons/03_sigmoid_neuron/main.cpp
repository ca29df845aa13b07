// Lesson 03 — the sigmoid neuron.
// Deck Intro-ANN: "Sigmoid Neuron", "Perceptron vs Sigmoid Neuron", "Activation: Tanh"
// (tanh(x) = 2σ(2x) − 1). Deck FruitPunch: "Sigmoid unit". Deck IBM-1: "Activations" (σ(9.5)).
// Run: ./nn run 03        Exercises: exercises/03_sigmoid_neuron.cpp, ./nn check 03
#include <fmt/core.h>

#include <algorithm>
#include <cfenv>
#include <cmath>
#include <limits>
#include <vector>

#include "exercise.hpp"
#include "nn/lesson.hpp"
#include "nn/print.hpp"
#include "slide.hpp"

using namespace lesson03;

namespace {

double step(double z) { return z >= 0 ? 1.0 : 0.0; }

void sigmoid_versus_step(const nn::LessonOptions& opt) {
    nn::heading("1. The sigmoid beside the step (Intro-ANN slides 23–24, \"Perceptron vs Sigmoid Neuron\")");
    fmt::print(
        "The perceptron's step jumps from 0 to 1 at z = 0: not continuous there, and its\n"
        "derivative is 0 everywhere else, so it gives gradient descent nothing to follow.\n"
        "σ(z) = 1/(1 + e^−z) makes the same decision smoothly, and its output reads as a\n"
        "probability.\n\n");
    std::vector<std::vector<std::string>> rows;
    for (int z = -6; z <= 6; z += 2)
        rows.push_back({fmt::format("{}", z), fmt::format("{}", step(z)), fmt::format("{:.6f}", sigmoid(z))});
    nn::print_table({"z", "step u(z)", "σ(z)"}, rows);
    nn::plot::LinePlot p{"The step function and the sigmoid", "z", "output", {}};
    nn::plot::Series s_step{"step u(z)", {}, {}}, s_sig{"sigmoid σ(z)", {}, {}};
    for (int k = -400; k <= 400; ++k) {
        const double z = k / 50.0;
        s_step.x.push_back(z);
        s_step.y.push_back(step(z));
        s_sig.x.push_back(z);
        s_sig.y.push_back(sigmoid(z));
    }
    p.series = {s_step, s_sig};
    opt.plot(p, "03-sigmoid-vs-step.png");
}

void ibm_sigma_of_9_5() {
    nn::heading(fmt::format("2. σ({}) (IBM-1 slide 36, \"Activations\")", slide::z));
    fmt::print("The pre-activation {} (lesson 05 computes it from an Iris flower) through σ:\n", slide::z);
    nn::SlideTable t;
    const double computed = sigmoid(slide::z);
    t.row(fmt::format("σ({})", slide::z), computed, slide::sigma_of_9_5, "", 0);
    t.print();
    // How many of the slide's decimals the computed value shares.
    const int decimals = slide::sigma_of_9_5.decimals;
    const std::string ours = fmt::format("{:.{}f}", computed, decimals),
                      theirs = fmt::format("{:.{}f}", slide::sigma_of_9_5.value, decimals);
    const auto agree = int(std::mismatch(ours.begin(), ours.end(), theirs.begin()).first - ours.begin()) -
                       int(ours.find('.')) - 1;
    if (agree >= decimals)
        fmt::print("All {} digits agree: the slide printed a double with Python's repr.\n", decimals);
    else
        fmt::print("Only {} of the slide's {} decimals agree.\n", std::max(agree, 0), decimals);
}

void derivative() {
    nn::heading("3. σ′(z) = σ(z)·(1 − σ(z)), checked against central differences");
    constexpr double h = 1e-5;
    fmt::print("Central difference: (σ(z + h) − σ(z − h)) / 2h with h = 1e{} (error of order h²).\n\n",
               std::lround(std::log10(h)));
    std::vector<std::vector<std::string>> rows;
    for (double z : {-4.0, -1.0, 0.0, 0.5, 1.0, 4.0}) {
        const double numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h);
        const double exact = sigmoid_prime(z);
        rows.push_back({nn::format_number(z, 2), fmt::format("{:.12f}", exact),
                        fmt::format("{:.10f}", numeric),
                        nn::measured(std::abs(exact - numeric) / exact, "{:.1e}")});
    }
    nn::print_table({"z", "σ′(z)", "central difference", "relative error"}, rows, "rrrr");
    const double top = sigmoid_prime(0);
    fmt::print(
        "σ′(0) = {} is the largest slope: a sigmoid never passes on more than {}\n"
        "of a gradient (lesson 10 shows what that does to deep networks).\n",
        nn::format_number(top, 6), top == 0.25 ? "a quarter" : nn::format_number(top, 6));
}

void tanh_identity() {
    nn::heading("4. tanh(x) = 2σ(2x) − 1 (Intro-ANN slide 58, \"Activation: Tanh\")");
    std::vector<std::vector<std::string>> rows;
    double worst = 0;
    for (double x : {-3.0, -1.0, -0.25, 0.0, 0.5, 2.0}) {
        const double a = std::tanh(x), b = 2 * sigmoid(2 * x) - 1;
        worst = std::max(worst, std::abs(a - b));
        rows.push_back({nn::format_number(x, 2), fmt::format("{:.15f}", a), fmt::format("{:.15f}", b)});
    }
    nn::print_table({"x", "tanh(x)", "2σ(2x) − 1"}, rows);
    // Rounding leaves a few units of the 16th digit; anything larger is a wrong σ.
    fmt::print("Largest difference: {} ({}).\n", nn::measured(worst, "{:.1e}"),
               worst < 1e-14 ? "rounding only" : "more than rounding");
    fmt::print("tanh is a sigmoid stretched to (−1, 1) and centred on zero.\n");
}

// Whether computing f() raised the floating-point overflow flag.
template <class F>
std::string with_overflow_flag(F f) {
    std::feclearexcept(FE_ALL_EXCEPT);
    const double v = f();
    const bool overflow = std::fetestexcept(FE_OVERFLOW);
    return fmt::format("{}{}", std::isnan(v) ? "NaN" : fmt::format("{:.6g}", v),
                       overflow ? " (overflow)" : "");
}

void large_inputs() {
    nn::heading("5. Large |z|: no overflow, no lost digits");
    constexpr double mid = 40, big = 800;
    const auto largest = int(std::log(std::numeric_limits<double>::max()));  // 709
    fmt::print(
        "Three ways to write σ and two to write σ′, at z = ±{} and ±{} (e^{} is the largest\n"
        "power of e a double holds):\n\n",
        mid, big, largest);
    std::vector<std::vector<std::string>> rows;
    for (double z : {-big, -mid, mid, big}) {
        rows.push_back({nn::format_number(z, 0), fmt::format("{:.6g}", sigmoid(z)),
                        with_overflow_flag([z] { return 1.0 / (1.0 + std::exp(-z)); }),
                        with_overflow_flag([z] { return std::exp(z) / (1.0 + std::exp(z)); }),
                        fmt::format("{:.6g}", sigmoid_prime(z)),
                        fmt::format("{:.6g}", sigmoid(z) * (1 - sigmoid(z)))});
    }
    nn::print_table({"z", "σ (ours)", "1/(1+e^−z)", "e^z/(1+e^z)", "σ′ = σ(z)σ(−z)", "σ(1 − σ)"}, rows);
    const bool naive_nan = std::isnan(std::exp(big) / (1.0 + std::exp(big)));
    const bool lost = 1 - sigmoid(mid) == 0;  // σ(1 − σ) loses the slope
    fmt::print(
        "\n1/(1+e^−z) overflows e^{0} to infinity and is saved by 1/∞ = 0; e^z/(1+e^z) gives\n"
        "∞/∞ = {1}. Ours picks, for each sign of z,\n"
        "the form whose exponential stays below 1. For σ′, 1 − σ({2}) {3}; σ(z)·σ(−z) keeps e^−{2} ≈ "
        "{4:.1e}.\n",
        big,
        naive_nan ? "NaN, which would poison every weight it touches"
                  : "a number here, though no rule promises it",
        mid, lost ? "rounds to 0 and the slope\nvanishes" : "keeps some digits\n(not all)",
        sigmoid_prime(mid));
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    return lesson.run(argc, argv, [](const nn::LessonOptions& opt) {
        sigmoid_versus_step(opt);
        ibm_sigma_of_9_5();
        derivative();
        tanh_identity();
        large_inputs();
    });
}
