// Lesson 03 — the sigmoid neuron.
// Deck Intro-ANN: "Sigmoid Neuron", "Perceptron vs Sigmoid Neuron", "Activation: Tanh"
// (tanh(x) = 2σ(2x) − 1). Deck FruitPunch: "Sigmoid unit". Deck IBM-1: "Activations" (σ(9.5)).
// Run: ./nn run 03        Exercises: exercises/03_sigmoid_neuron.cpp, ./nn check 03
#include <fmt/core.h>

#include <cfenv>
#include <cmath>
#include <vector>

#include "exercise.hpp"
#include "nn/lesson.hpp"
#include "nn/print.hpp"
#include "slide.hpp"

using namespace lesson03;

namespace {

double step(double z) { return z >= 0 ? 1.0 : 0.0; }

void sigmoid_versus_step(const nn::LessonOptions& opt) {
    nn::heading("1. The sigmoid beside the step (Intro-ANN, \"Perceptron vs Sigmoid Neuron\")");
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
    nn::heading("2. IBM-1's σ(9.5) (\"Activations\")");
    fmt::print("The pre-activation 9.5 (lesson 05 computes it from an Iris flower) through σ:\n");
    nn::SlideTable t;
    t.row("σ(9.5)", sigmoid(slide::z), slide::sigma_of_9_5, "", 0);
    t.print();
    fmt::print("All 16 digits agree: the slide printed a double with Python's repr.\n");
}

void derivative() {
    nn::heading("3. σ′(z) = σ(z)·(1 − σ(z)), checked against central differences");
    fmt::print("Central difference: (σ(z + h) − σ(z − h)) / 2h with h = 1e-5 (error of order h²).\n\n");
    std::vector<std::vector<std::string>> rows;
    for (double z : {-4.0, -1.0, 0.0, 0.5, 1.0, 4.0}) {
        const double h = 1e-5;
        const double numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h);
        const double exact = sigmoid_prime(z);
        rows.push_back({nn::format_number(z, 2), fmt::format("{:.12f}", exact), fmt::format("{:.10f}", numeric),
                        nn::measured(std::abs(exact - numeric) / exact, "{:.1e}")});
    }
    nn::print_table({"z", "σ′(z)", "central difference", "relative error"}, rows, "rrrr");
    fmt::print("σ′(0) = 0.25 is the largest slope: a sigmoid never passes on more than a quarter\n"
               "of a gradient (lesson 10 shows what that does to deep networks).\n");
}

void tanh_identity() {
    nn::heading("4. tanh(x) = 2σ(2x) − 1 (Intro-ANN, \"Activation: Tanh\")");
    std::vector<std::vector<std::string>> rows;
    double worst = 0;
    for (double x : {-3.0, -1.0, -0.25, 0.0, 0.5, 2.0}) {
        const double a = std::tanh(x), b = 2 * sigmoid(2 * x) - 1;
        worst = std::max(worst, std::abs(a - b));
        rows.push_back({nn::format_number(x, 2), fmt::format("{:.15f}", a), fmt::format("{:.15f}", b)});
    }
    nn::print_table({"x", "tanh(x)", "2σ(2x) − 1"}, rows);
    fmt::print("Largest difference: {} (rounding only).\n", nn::measured(worst, "{:.1e}"));
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
    fmt::print(
        "Three ways to write σ and two to write σ′, at z = ±40 and ±800 (e^709 is the largest\n"
        "power of e a double holds):\n\n");
    std::vector<std::vector<std::string>> rows;
    for (double z : {-800.0, -40.0, 40.0, 800.0}) {
        rows.push_back({nn::format_number(z, 0), fmt::format("{:.6g}", sigmoid(z)),
                        with_overflow_flag([z] { return 1.0 / (1.0 + std::exp(-z)); }),
                        with_overflow_flag([z] { return std::exp(z) / (1.0 + std::exp(z)); }),
                        fmt::format("{:.6g}", sigmoid_prime(z)),
                        fmt::format("{:.6g}", sigmoid(z) * (1 - sigmoid(z)))});
    }
    nn::print_table({"z", "σ (ours)", "1/(1+e^−z)", "e^z/(1+e^z)", "σ′ = σ(z)σ(−z)", "σ(1 − σ)"}, rows);
    fmt::print(
        "\n1/(1+e^−z) overflows e^800 to infinity and is saved by 1/∞ = 0; e^z/(1+e^z) gives\n"
        "∞/∞ = NaN, which would poison every weight it touches. Ours picks, for each sign of z,\n"
        "the form whose exponential stays below 1. For σ′, 1 − σ(40) rounds to 0 and the slope\n"
        "vanishes; σ(z)·σ(−z) keeps e^−40 ≈ 4.2e-18.\n");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson({"03", "The sigmoid neuron", "Intro-ANN, FruitPunch, IBM-1",
                       "σ beside the step function, IBM-1's σ(9.5), σ′ checked against central "
                       "differences, tanh as a sigmoid, and a sigmoid that never overflows."});
    return lesson.run(argc, argv, [](const nn::LessonOptions& opt) {
        sigmoid_versus_step(opt);
        ibm_sigma_of_9_5();
        derivative();
        tanh_identity();
        large_inputs();
    });
}
