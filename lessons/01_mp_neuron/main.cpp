// Lesson 01 — the McCulloch-Pitts neuron.
// Deck Intro-ANN: "McCulloch and Pitts (MP) Neuron", "Realizing Boolean Logics using MP Neuron",
// "Conclusion" (a single MP unit represents only linearly separable functions).
// Run: ./nn run 01        Exercises: exercises/01_mp_neuron.cpp, ./nn check 01
#include <fmt/format.h>

#include <array>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "nn/lesson.hpp"
#include "nn/print.hpp"
#include "slide.hpp"

using namespace lesson01;

namespace {

std::string describe(const MpUnit& unit) {
    std::vector<std::string> inhibitory;
    for (std::size_t i = 0; i < unit.inhibitory.size(); ++i)
        if (unit.inhibitory[i]) inhibitory.push_back(fmt::format("x{}", i + 1));
    return fmt::format("θ = {}, inhibitory: {}", unit.theta,
                       inhibitory.empty() ? "none" : fmt::format("{}", fmt::join(inhibitory, ", ")));
}

// The unit's truth table beside the function's, one row per input pattern; `source` heads the
// function's column ("slide" for the deck's tables).
bool truth_table(const std::string& name, const MpUnit& unit, const std::vector<std::vector<int>>& rows,
                 const std::vector<int>& want, const std::string& source = "slide") {
    fmt::print("\n{}   ({})\n", name, describe(unit));
    std::vector<std::vector<std::string>> cells;
    bool all = true;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        int g = 0;  // the excitatory inputs' sum (an inhibitory input only vetoes)
        for (std::size_t i = 0; i < rows[r].size(); ++i) g += unit.inhibitory[i] ? 0 : rows[r][i];
        const int y = mp_output(unit, rows[r]);
        all = all && y == want[r];
        cells.push_back({fmt::format("{}", fmt::join(rows[r], " ")), fmt::format("{}", g),
                         fmt::format("{}", y), fmt::format("{}", want[r]), y == want[r] ? "ok" : "MISMATCH"});
    }
    std::vector<std::string> inputs;  // "x1 x2 x3": one name per input
    for (std::size_t i = 0; i < rows[0].size(); ++i) inputs.push_back(fmt::format("x{}", i + 1));
    nn::print_table({fmt::format("{}", fmt::join(inputs, " ")), "g(x)", "y", source, "check"}, cells,
                    "lrrrl");
    return all;
}

std::vector<std::vector<int>> two_inputs() {
    std::vector<std::vector<int>> rows;
    for (const auto& r : slide::inputs) rows.push_back({r[0], r[1]});
    return rows;
}

std::vector<int> as_vector(const auto& a) { return {a.begin(), a.end()}; }

void the_unit() {
    nn::heading("1. The MP unit (Intro-ANN slide 10, \"McCulloch and Pitts (MP) Neuron\")");
    fmt::print(
        "Inputs x1..xn are 0 or 1. g(x) = x1 + ... + xn aggregates them; f fires (y = 1) when\n"
        "g(x) ≥ θ, the threshold. An inhibitory input that is on forces y = 0 whatever the sum.\n"
        "There are no weights: every excitatory input counts 1, and θ is set by hand.\n");
}

void boolean_functions() {
    nn::heading("2. Boolean functions as MP units (Intro-ANN slide 11, \"Realizing Boolean Logics\")");
    const auto rows = two_inputs();
    truth_table("AND (x1, x2)", and_unit(2), rows, as_vector(slide::AND));
    truth_table("OR (x1, x2)", or_unit(2), rows, as_vector(slide::OR));
    truth_table("x1 AND !x2", and_not_unit(), rows, as_vector(slide::AND_NOT));
    truth_table("NOR (x1, x2)", nor_unit(2), rows, as_vector(slide::NOR));
    truth_table("NOT x1", not_unit(), {{0}, {1}}, as_vector(slide::NOT));
    // The same thresholds work for any number of inputs: AND of three needs θ = 3.
    std::vector<std::vector<int>> three;
    std::vector<int> and3, or3;
    for (int k = 0; k < 8; ++k) {
        three.push_back({k >> 2 & 1, k >> 1 & 1, k & 1});
        and3.push_back(k == 7);
        or3.push_back(k != 0);
    }
    // The deck has no three-input tables: the wanted outputs are AND's and OR's own.
    truth_table("AND (x1, x2, x3)", and_unit(3), three, and3, "AND");
    truth_table("OR (x1, x2, x3)", or_unit(3), three, or3, "OR");
}

void xor_has_no_unit() {
    const auto rows = two_inputs();
    const auto want = as_vector(slide::XOR);
    std::vector<std::vector<std::string>> cells;
    int best = 0;
    for (int mask = 0; mask < 4; ++mask)
        for (int theta = 0; theta <= 3; ++theta) {
            const MpUnit unit{theta, {(mask & 1) != 0, (mask & 2) != 0}};
            std::vector<int> out;
            int right = 0;
            for (std::size_t r = 0; r < rows.size(); ++r) {
                out.push_back(mp_output(unit, rows[r]));
                right += out.back() == want[r];
            }
            best = std::max(best, right);
            cells.push_back({describe(unit), fmt::format("{}", fmt::join(out, " ")),
                             fmt::format("{}/{}", right, rows.size())});
        }
    const bool none = best < int(rows.size());  // no unit gets every row right
    nn::heading(
        fmt::format("3. XOR: {} (Intro-ANN slide 13, \"Conclusion\")",
                    none ? "no MP unit computes it" : "an MP unit computes it (wrong: check mp_output)"));
    fmt::print(
        "Try every unit on two inputs: θ from 0 to 3 (g(x) is at most 2, so a larger θ never\n"
        "fires) and each choice of inhibitory inputs. Count the rows of XOR it gets right.\n\n");
    std::vector<std::string> patterns;
    for (const auto& r : rows) patterns.push_back(fmt::format("{}{}", r[0], r[1]));
    nn::print_table({"unit", fmt::format("y on {}", fmt::join(patterns, " ")), "right"}, cells, "lll");
    fmt::print(
        "\nXOR wants {}. The best any unit does is {}/{}. Without inhibition a unit fires on\n"
        "the side x1 + x2 ≥ θ of a line, and no line puts (0,1) and (1,0) on one side and (0,0)\n"
        "and (1,1) on the other: XOR is not linearly separable. An inhibitory input only ever\n"
        "turns outputs off, which cannot help either. Lesson 02's perceptron meets the same wall,\n"
        "and lesson 09 gets past it with a hidden layer.\n",
        fmt::join(want, " "), best, rows.size());
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    return lesson.run(argc, argv, [](const nn::LessonOptions&) {
        the_unit();
        boolean_functions();
        xor_has_no_unit();
    });
}
