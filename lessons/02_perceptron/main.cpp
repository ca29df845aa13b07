// Lesson 02 — the perceptron.
// Deck Intro-ANN: "Perceptron" (x0 = 1, w0 = −θ), "AND, OR Logic with Perceptron", "Perceptron
// Learning Algorithm", "Perceptron – Failure" (XOR). Deck FruitPunch: "Perceptron unit" (the
// Attend table).
// Run: ./nn run 02        Exercises: exercises/02_perceptron.cpp, ./nn check 02
#include <fmt/format.h>

#include <string>
#include <vector>

#include "exercise.hpp"
#include "nn/lesson.hpp"
#include "nn/print.hpp"
#include "nn/rng.hpp"
#include "slide.hpp"

using namespace lesson02;

namespace {

// (1, x1, x2): the input with x0 = 1 in front.
nn::Vector with_x0(int x1, int x2) { return (nn::Vector(3) << 1, x1, x2).finished(); }

std::string weights(const nn::Vector& w) {
    return fmt::format("(w0, w1, w2) = ({}, {}, {})", nn::format_number(w(0), 4), nn::format_number(w(1), 4),
                       nn::format_number(w(2), 4));
}

void truth_table(const std::string& name, const nn::Vector& w, const std::array<int, 4>& want) {
    fmt::print("\n{}: u({}·x1 + {}·x2 {} {}), {}\n", name, w(1), w(2), w(0) < 0 ? "−" : "+", std::abs(w(0)),
               weights(w));
    std::vector<std::vector<std::string>> rows;
    for (std::size_t r = 0; r < 4; ++r) {
        const auto [x1, x2] = slide::inputs[r];
        const nn::Vector x = with_x0(x1, x2);
        const int y = predict(w, x);
        rows.push_back({fmt::format("{} {}", x1, x2), nn::format_number(w.dot(x), 4), fmt::format("{}", y),
                        fmt::format("{}", want[r]), y == want[r] ? "ok" : "MISMATCH"});
    }
    nn::print_table({"x1 x2", "w·x", "y", "slide", "check"}, rows, "lrrrl");
}

void weights_and_bias() {
    nn::heading("1. Weights and bias: x0 = 1, w0 = −θ (Intro-ANN slide 16, \"Perceptron\")");
    fmt::print(
        "A perceptron fires when w1·x1 + ... + wn·xn ≥ θ. Move θ to the left, call it w0 = −θ and\n"
        "give it an input x0 = 1 that is always on: then it fires when w·x ≥ 0, and the bias is\n"
        "just one more weight.\n");
    const nn::Vector and_w = Eigen::Map<const nn::Vector>(slide::and_weights.data(), 3);
    const nn::Vector or_w = Eigen::Map<const nn::Vector>(slide::or_weights.data(), 3);
    truth_table("AND", and_w, slide::AND);
    truth_table("OR", or_w, slide::OR);
    const bool same = and_w.tail(2) == or_w.tail(2);
    fmt::print("\nThe weights are {} ({}, {}); {} the threshold moves, from {} to {}.\n",
               same ? "the same" : "not the same", and_w(1), and_w(2), same ? "only" : "and", -and_w(0),
               -or_w(0));
}

void attend_table() {
    nn::heading(
        "2. The \"Attend\" table: recovering w and b from its rows (FruitPunch slide 6, \"Perceptron "
        "unit\")");
    // Each row says w1·q + w2·a + w3·i + b = (the w·x + b column): six equations, four unknowns.
    const int m = int(slide::attend.size());
    nn::Matrix A(m, 4);
    nn::Vector s(m);
    for (int r = 0; r < m; ++r) {
        const auto& row = slide::attend[std::size_t(r)];
        A.row(r) << row.quarantine, row.presenting, row.interesting, 1;
        s(r) = row.wx_plus_b;
    }
    const nn::Vector p = A.colPivHouseholderQr().solve(s);  // least squares; exact if consistent
    const double residual = (A * p - s).norm();
    const bool consistent = residual < 1e-9;
    const std::string rows_in_words = m == 6 ? "six" : fmt::format("{}", m);
    fmt::print(
        "Each row is one linear equation in (w1, w2, w3, b); {} rows, four unknowns. Solving them\n"
        "(least squares, which is exact when the rows agree):\n"
        "  w = (Quarantine {}, Alican is presenting {}, Interesting topic {}), b = {}\n"
        "  residual ‖A·p − s‖ = {} ({})\n\n",
        rows_in_words, nn::format_number(p(0), 6), nn::format_number(p(1), 6), nn::format_number(p(2), 6),
        nn::format_number(p(3), 6), nn::format_number(residual, 9),
        consistent ? fmt::format("so all {} rows agree with one perceptron", rows_in_words)
                   : "so NO single perceptron gives every row");
    fmt::print("The table printed back from w and b (FruitPunch fires when w·x + b > 0):\n");
    std::vector<std::vector<std::string>> rows;
    bool on_the_line = false;  // some row with w·x + b = 0, where "> 0" and "≥ 0" disagree
    for (int r = 0; r < m; ++r) {
        const auto& row = slide::attend[std::size_t(r)];
        const double z = A.row(r).dot(p);
        on_the_line = on_the_line || std::abs(z) < 1e-9;
        const int attend = z > 0 ? 1 : 0;
        const bool ok = nn::matches(z, {row.wx_plus_b, 0}) && attend == row.attend;
        rows.push_back({fmt::format("{}", row.quarantine), fmt::format("{}", row.presenting),
                        fmt::format("{}", row.interesting), nn::format_number(z, 6),
                        nn::format_number(row.wx_plus_b, 0), fmt::format("{}", attend),
                        fmt::format("{}", row.attend), ok ? "ok" : "MISMATCH"});
    }
    nn::print_table({"Quarantine", "Presenting", "Interesting", "w·x+b", "slide", "Attend", "slide", "check"},
                    rows, "rrrrrrrl");
    // The weights in words, each claim checked on the recovered p: positive reasons draw you in,
    // a positive bias makes you go on no reason, and one reason does not outweigh "presenting".
    auto sign = [](double v) { return (v < 0 ? "−" : "+") + nn::format_number(std::abs(v), 6); };
    const bool reasons = p(2) > 0 && p(0) > 0, go_anyway = p(3) > 0;
    const bool outweighs = p(1) < 0 && p(1) + std::max(p(0), p(2)) + p(3) <= 0;
    fmt::print(
        "\n{}, so FruitPunch's \"> 0\" and Intro-ANN's \"≥ 0\" {} here.\n"
        "Read the weights as the deck's joke: an interesting topic ({}) or a quarantine ({})\n"
        "{}, the bias ({}) {} when nothing else is said, and \"Alican is\n"
        "presenting\" ({}) {} any one reason to come.\n",
        on_the_line ? "Some row has w·x + b = 0" : "No row has w·x + b = 0",
        on_the_line ? "disagree" : "agree", sign(p(2)), sign(p(0)),
        reasons ? "draws you in" : "does NOT draw you in", sign(p(3)),
        go_anyway ? "makes you go" : "keeps you away", sign(p(1)),
        outweighs ? "outweighs" : "does NOT outweigh");
}

struct Run {
    nn::Vector w;
    int picks = 0, updates = 0, best_correct = 0;
    bool converged = false;
};

int correct_count(const nn::Vector& w, const std::array<int, 4>& labels) {
    int right = 0;
    for (std::size_t r = 0; r < 4; ++r)
        right += predict(w, with_x0(slide::inputs[r][0], slide::inputs[r][1])) == labels[r];
    return right;
}

// Intro-ANN's algorithm: pick a random x from P ∪ N; if it is misclassified, add or subtract it;
// stop when every input is classified right (or after max_picks).
Run learn(const std::string& name, const std::array<int, 4>& labels, std::uint64_t seed, int max_picks,
          int print_updates) {
    nn::Rng rng(seed);
    Run run;
    run.w = nn::Vector(3);
    for (int i = 0; i < 3; ++i) run.w(i) = rng.uniform(-1, 1);  // "Initialize w randomly"
    fmt::print("\n{}: P = {{", name);
    for (std::size_t r = 0, first = 1; r < 4; ++r)
        if (labels[r])
            fmt::print("{}({},{})", first ? "" : ", ", slide::inputs[r][0], slide::inputs[r][1]), first = 0;
    fmt::print("}}, N = the rest; seed {}, start {}\n", seed, weights(run.w));
    run.best_correct = correct_count(run.w, labels);
    while (run.picks < max_picks) {
        if (correct_count(run.w, labels) == 4) {
            run.converged = true;
            break;
        }
        const auto r = std::size_t(rng.below(4));
        const nn::Vector x = with_x0(slide::inputs[r][0], slide::inputs[r][1]);
        const double before = run.w.dot(x);
        ++run.picks;
        if (!learn_step(run.w, x, labels[r])) continue;
        ++run.updates;
        run.best_correct = std::max(run.best_correct, correct_count(run.w, labels));
        if (run.updates <= print_updates)
            fmt::print("  pick {:>3}: x = (1, {}, {}) in {}, w·x = {:>7} -> w {} x -> {}\n", run.picks,
                       slide::inputs[r][0], slide::inputs[r][1], labels[r] ? "P" : "N",
                       nn::format_number(before, 4), labels[r] ? "+" : "−", weights(run.w));
    }
    if (run.updates > print_updates) fmt::print("  ... ({} updates in all)\n", run.updates);
    return run;
}

void region_plot(const nn::LessonOptions& opt, const nn::Vector& w, const std::array<int, 4>& labels,
                 const std::string& title, const std::string& file) {
    nn::plot::RegionPlot p;
    p.title = title;
    p.xlabel = "x1";
    p.ylabel = "x2";
    for (int k = 0; k <= 80; ++k) p.grid_x.push_back(-0.5 + k * 2.0 / 80);
    p.grid_y = p.grid_x;
    p.grid_class.resize(81, 81);
    for (int i = 0; i <= 80; ++i)
        for (int j = 0; j <= 80; ++j)
            p.grid_class(i, j) = (w(0) + w(1) * p.grid_x[j] + w(2) * p.grid_y[i]) >= 0;
    for (std::size_t r = 0; r < 4; ++r) {
        p.px.push_back(slide::inputs[r][0]);
        p.py.push_back(slide::inputs[r][1]);
        p.pclass.push_back(labels[r]);
    }
    p.class_names = {"label 0 (N)", "label 1 (P)"};
    opt.plot(p, file);
}

void learning(const nn::LessonOptions& opt) {
    constexpr int max_picks = 1000;
    nn::heading(
        "3. The perceptron learning algorithm (Intro-ANN slide 19, \"Perceptron Learning Algorithm\")");
    for (const auto& [name, labels, seed] :
         {std::tuple{"AND", slide::AND, 2u}, std::tuple{"OR", slide::OR, 3u}}) {
        const Run run = learn(name, labels, seed, max_picks, 50);
        fmt::print("  {} after {} picks and {} updates: {}, {} of {} right\n",
                   run.converged ? "converged" : "NOT converged", run.picks, run.updates, weights(run.w),
                   correct_count(run.w, labels), slide::inputs.size());
        if (std::string(name) == "AND")
            region_plot(opt, run.w, labels, "Perceptron learned AND: green where w·x ≥ 0",
                        "02-perceptron-and.png");
    }
    nn::heading("4. XOR: the algorithm never converges (Intro-ANN slide 33, \"Perceptron – Failure\")");
    const Run run = learn("XOR", slide::XOR, 4, max_picks, 8);
    fmt::print("  {} after {} picks ({} updates). The best it ever reached: {} of {} right.\n",
               run.converged ? "converged (impossible!)" : "still not converged", run.picks, run.updates,
               run.best_correct, slide::inputs.size());
    region_plot(opt, run.w, slide::XOR,
                fmt::format("Perceptron on XOR after {} picks: no line separates", max_picks),
                "02-perceptron-xor.png");
    fmt::print(
        "\nWhy: XOR asks for four inequalities at once:\n"
        "  (0,0) -> 0:  w0 < 0               (0,1) -> 1:  w0 + w2 ≥ 0\n"
        "  (1,1) -> 0:  w0 + w1 + w2 < 0   (1,0) -> 1:  w0 + w1 ≥ 0\n"
        "Adding the two on the right gives w0 + w1 + w2 ≥ −w0 > 0, against the one on the left.\n"
        "No w satisfies all four (the classes are not linearly separable), so some input is\n"
        "always misclassified and every correction undoes another: the weights cycle forever.\n"
        "The perceptron convergence theorem only promises an end when a separating line exists.\n");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    return lesson.run(argc, argv, [](const nn::LessonOptions& opt) {
        weights_and_bias();
        attend_table();
        learning(opt);
    });
}
