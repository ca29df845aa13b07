// Lesson 06 — finite-difference gradients: FruitPunch's Challenges 1-5.
// Deck FruitPunch: "Challenge 1 – Given any size NN, initialize weights and biases", "Forward
// pass", "Challenge 3", "Gradient Descent", "Estimate gradient and do gradient descent",
// "9 weights, 4 biases, 13 parameters / 13 forward pass / Backpropagation 1 forward 1 backward
// pass", "Expected behavior from gradient descent".
// Run: ./nn run 06        Exercises: exercises/06_finite_differences.cpp, ./nn check 06
#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "exercise.hpp"
#include "lesson.hpp"
#include "nn/gradcheck.hpp"
#include "nn/lesson.hpp"
#include "nn/print.hpp"
#include "nn/timing.hpp"
#include "slide.hpp"

using namespace lesson06;

namespace {

std::string shape(const nn::Matrix& m) { return fmt::format("({}, {})", m.rows(), m.cols()); }
// A power of ten as the deck writes it: 1e-4.
std::string power_of_ten(double v) { return fmt::format("1e{}", std::lround(std::log10(v))); }

Params challenge_1() {
    nn::heading(fmt::format("1. Challenge 1 (FruitPunch slide 14): w, b = nn_parameter_maker([{}])",
                            fmt::join(slide::sizes, ", ")));
    constexpr std::uint64_t seed = 2020;
    nn::Rng rng(seed);
    Params p = nn_parameter_maker(slide::sizes, rng);
    for (std::size_t l = 0; l < p.w.size(); ++l) nn::print_matrix(fmt::format("w[{}]", l), p.w[l], 6);
    for (std::size_t l = 0; l < p.b.size(); ++l) nn::print_matrix(fmt::format("b[{}]", l), p.b[l], 6);
    fmt::print("\n");
    nn::SlideTable t("shape");
    for (std::size_t l = 0; l < 2; ++l) {
        const std::string ws = fmt::format("({}, {})", slide::w_shapes[l][0], slide::w_shapes[l][1]);
        const std::string bs = fmt::format("({}, {})", slide::b_shapes[l][0], slide::b_shapes[l][1]);
        t.text_row(fmt::format("w[{}].shape", l), shape(p.w[l]), ws, shape(p.w[l]) == ws);
        t.text_row(fmt::format("b[{}].shape", l), shape(p.b[l]), bs, shape(p.b[l]) == bs);
    }
    int weights = 0, biases = 0;
    for (std::size_t l = 0; l < 2; ++l) {
        weights += int(p.w[l].size());
        biases += int(p.b[l].size());
    }
    t.row("weights", weights, {slide::weights, 0}, "", 0);
    t.row("biases", biases, {slide::biases, 0}, "", 0);
    t.row("parameters", weights + biases, {slide::parameters, 0}, "", 0);
    t.print();
    fmt::print(
        "The deck's w[0] starts {}, {}, ...: one run of NumPy's generator with\n"
        "a seed it does not show, so only the shapes can match. Ours is seeded ({}) and the\n"
        "same on every machine.\n",
        slide::deck_w0[0], slide::deck_w0[1], seed);
    return p;
}

void challenges_2_and_3(const Params& p, const DataSet& d) {
    nn::heading("2. Challenges 2 and 3 (FruitPunch slides 14–15): sigmoid and forward_pass");
    fmt::print(
        "forward_pass takes one sample per column; the deck's predict transposes its X\n"
        "(one sample per row) on the way in and out. The first three points of the data set:\n");
    const nn::Matrix X3 = d.X.topRows(3);
    nn::print_matrix("X[:3]", X3, 4);
    nn::print_matrix("predict(X[:3])", predict(X3, p.w, p.b), 6);
    nn::print_matrix("y[:3]", d.y.topRows(3), 0);
    fmt::print("cost_function (mean squared error over all {} points) = {:.6f}\n", d.X.rows(),
               cost_function(d.X, d.y, p.w, p.b));
}

void challenge_4(const Params& p, const DataSet& d) {
    nn::heading(fmt::format(
        "3. Challenge 4 (FruitPunch slide 20): gradient_estimator (forward differences, eps = {})",
        power_of_ten(slide::eps)));
    const Grads fd = gradient_estimator(d.X, d.y, p.w, p.b);
    const Grads bp = backprop_gradient(d.X, d.y, p.w, p.b);
    long count = 0;
    for (std::size_t l = 0; l < p.w.size(); ++l) count += p.w[l].size() + p.b[l].size();
    fmt::print(
        "Each of the {} partial derivatives costs one more forward pass: (cost(w⁺) − cost(w))/eps.\n"
        "Beside it, the exact value from backpropagation (lesson 07 derives it):\n\n",
        count);
    std::vector<std::vector<std::string>> rows;
    double worst = 0;
    auto add = [&](const std::string& name, double a, double b) {
        worst = std::max(worst, std::abs(a - b));
        rows.push_back(
            {name, fmt::format("{:.8f}", a), fmt::format("{:.8f}", b), fmt::format("{:.1e}", a - b)});
    };
    for (std::size_t l = 0; l < 2; ++l) {
        for (nn::Index i = 0; i < p.w[l].rows(); ++i)
            for (nn::Index j = 0; j < p.w[l].cols(); ++j)
                add(fmt::format("∂cost/∂w[{}]({},{})", l, i, j), fd.w_pds[l](i, j), bp.w_pds[l](i, j));
        for (nn::Index i = 0; i < p.b[l].rows(); ++i)
            add(fmt::format("∂cost/∂b[{}]({})", l, i), fd.b_pds[l](i, 0), bp.b_pds[l](i, 0));
    }
    nn::print_table({"parameter", "gradient_estimator", "backprop", "difference"}, rows, "lrrr");
    fmt::print("The largest difference is {:.1e}: a forward difference errs by about (eps/2)·∂²cost.\n",
               worst);
}

void challenge_5(const nn::LessonOptions& opt, const Params& p, const DataSet& d) {
    nn::heading(fmt::format("4. Challenge 5 and GD(X, y, w, b, epoch={}, lr={}) (FruitPunch slides 20–21)",
                            slide::epochs, slide::lr));
    fmt::print(
        "The deck gives no data for GD; here, {} seeded points in two blobs (label 0 around\n"
        "(−1, −1), label 1 around (1, 1)). Each epoch is one one_step_gd with estimated gradients.\n\n",
        d.X.rows());
    nn::plot::LinePlot plot{"GD with estimated gradients: cost per epoch", "epoch", "cost (MSE)", {}};
    std::vector<std::vector<std::string>> rows;
    std::vector<std::vector<double>> errors;
    std::vector<int> rights;
    constexpr double fast_lr = 1.0;
    for (const double lr : {slide::lr, fast_lr}) {
        std::vector<nn::Matrix> w = p.w, b = p.b;
        std::vector<double> errs;
        for (int e = 0; e < slide::epochs; ++e) {  // the deck's GD loop
            auto [nw, nb] = one_step_gd(d.X, d.y, w, b, lr);
            w = std::move(nw);
            b = std::move(nb);
            errs.push_back(cost_function(d.X, d.y, w, b));
        }
        int right = 0;
        const nn::Matrix pred = predict(d.X, w, b);
        for (nn::Index i = 0; i < d.X.rows(); ++i) right += (pred(i, 0) > 0.5) == (d.y(i, 0) == 1);
        rights.push_back(right);
        rows.push_back({nn::format_number(lr, 2), fmt::format("{:.6f}", cost_function(d.X, d.y, p.w, p.b)),
                        fmt::format("{:.6f}", errs[99]), fmt::format("{:.6f}", errs[499]),
                        fmt::format("{:.6f}", errs.back()), fmt::format("{}/{}", right, d.X.rows())});
        nn::plot::Series s{fmt::format("lr = {}", nn::format_number(lr, 2)), {}, errs};
        for (int e = 1; e <= slide::epochs; ++e) s.x.push_back(e);
        plot.series.push_back(s);
        errors.push_back(std::move(errs));
    }
    nn::print_table(
        {"lr", "cost at start", "after 100", "after 500", fmt::format("after {}", slide::epochs), "right"},
        rows);
    // The words follow the two runs: the deck's rate lowers the cost at every epoch ("steadily"),
    // ends more than twice as high as the fast rate ("not finish the job"), and the fast rate
    // classifies at least 90% of the points ("learns the blobs").
    const auto& slow = errors[0];
    const bool steadily = std::adjacent_find(slow.begin(), slow.end(), std::less<>()) == slow.end();
    const bool unfinished = slow.back() > 2 * errors[1].back();
    const bool learns = rights[1] >= 0.9 * double(d.X.rows());
    fmt::print(
        "With the deck's lr = {} the cost falls {}: {} small steps {} the job. lr = {} {} in the "
        "same {} epochs. The curve has the\n"
        "shape of the deck's \"Expected behavior from gradient descent\".\n",
        slide::lr, steadily ? "steadily but slowly" : "unevenly", slide::epochs,
        unfinished ? "do\nnot finish" : "finish", fast_lr,
        learns ? "learns the blobs" : "does NOT learn the blobs", slide::epochs);
    opt.plot(plot, "06-gd-cost.png");
}

void the_cost_argument(const nn::LessonOptions& opt) {
    nn::heading(
        fmt::format("5. \"{0} parameters, {0} forward passes\" against \"1 forward, 1 backward\" (FruitPunch "
                    "slides 18–19)",
                    slide::parameters));
    const std::vector<int> sizes = {784, 1000, 200, 10};
    constexpr int batch = 32, timed = 20;
    fmt::print(
        "Estimating a gradient by differences costs one extra forward pass per parameter; backprop\n"
        "costs one forward and one backward pass whatever the count. For {} parameters that is\n"
        "{} passes against about 3. For a network of about a million parameters, {}\n"
        "on a batch of {} (the finite-difference step extrapolated from {} timed estimates):\n\n",
        slide::parameters, slide::parameters + 1, fmt::join(sizes, "-"), batch, timed);
    nn::Rng rng(6);
    auto [w, b] = nn_parameter_maker(sizes, rng);
    long params = 0;
    for (std::size_t l = 0; l < w.size(); ++l) params += w[l].size() + b[l].size();
    const nn::Matrix X = rng.uniform_matrix(batch, sizes.front(), 0, 1),
                     y = rng.uniform_matrix(batch, sizes.back(), 0, 1);
    const double t_backprop = nn::seconds_per_call([&] { nn::keep(backprop_gradient(X, y, w, b)); }, 0.2);
    const double base = cost_function(X, y, w, b);
    const double t_timed = nn::seconds_per_call(
        [&] {
            double sink = 0;
            for (int k = 0; k < timed; ++k) {  // `timed` parameters' estimates, each one forward pass
                w[0](k) += slide::eps;
                sink += (cost_function(X, y, w, b) - base) / slide::eps;
                w[0](k) -= slide::eps;
            }
            nn::keep(sink);
        },
        0.2);
    const double t_fd = t_timed / timed * double(params);
    fmt::print("parameters: {}\n", params);
    nn::print_timing(opt, fmt::format("one backprop gradient: {} s", nn::measured(t_backprop, "{:.4f}")));
    nn::print_timing(opt, fmt::format("one finite-difference gradient: {} s ({} hours)",
                                      nn::measured(t_fd, "{:.0f}"), nn::measured(t_fd / 3600, "{:.1f}")));
    nn::print_timing(
        opt, fmt::format("ratio: backprop is {} times faster", nn::measured(t_fd / t_backprop, "{:.2g}")));
    fmt::print(
        "A training run takes thousands of steps: by differences, a million-parameter network\n"
        "could not be trained at all. That is why every framework does backpropagation.\n");
}

void forward_versus_central(const nn::LessonOptions& opt, const Params& p, const DataSet& d) {
    nn::heading("6. Forward against central differences, eps from 1e-1 to 1e-10");
    const Grads exact = backprop_gradient(d.X, d.y, p.w, p.b);
    const double g = exact.w_pds[0](1, 1);  // the deck's ∂cost/∂w11(0)
    fmt::print("∂cost/∂w[0](1,1) = {:.12f} by backprop. Errors of the two estimates:\n\n", g);
    std::vector<std::vector<std::string>> rows;
    nn::plot::LinePlot plot{"Finite-difference error against eps", "eps", "|estimate − exact|", {}};
    plot.log_x = plot.log_y = true;
    nn::plot::Series fwd{"forward (f(w+eps) − f(w))/eps", {}, {}},
        cen{"central (f(w+eps) − f(w−eps))/2eps", {}, {}};
    std::vector<nn::Matrix> w = p.w;
    const double base = cost_function(d.X, d.y, w, p.b);
    double best_fwd = 1, best_cen = 1, min_fwd = 1e300, min_cen = 1e300;
    std::vector<double> errs_fwd, errs_cen;  // at eps = 1e-1, 1e-2, ...
    for (int k = 1; k <= 10; ++k) {
        const double eps = std::pow(10.0, -k);
        const double central =
            nn::central_gradient([&] { return cost_function(d.X, d.y, w, p.b); }, w[0](1, 1), eps);
        w[0](1, 1) = p.w[0](1, 1) + eps;
        const double up = cost_function(d.X, d.y, w, p.b);
        w[0](1, 1) = p.w[0](1, 1);
        const double e_fwd = std::abs((up - base) / eps - g), e_cen = std::abs(central - g);
        // The rounding error of a cost (about 1e-16 of it) divided by eps reaches the printed digits
        // of the forward error from eps = 1e-5 on and of the (smaller) central one from eps = 1e-3
        // on: those digits depend on the exact operations the compiler emits, so they are measured.
        rows.push_back({fmt::format("1e-{}", k),
                        k >= 5 ? nn::measured(e_fwd, "{:.2e}") : fmt::format("{:.2e}", e_fwd),
                        k >= 3 ? nn::measured(e_cen, "{:.2e}") : fmt::format("{:.2e}", e_cen)});
        errs_fwd.push_back(e_fwd);
        errs_cen.push_back(e_cen);
        if (e_fwd < min_fwd) min_fwd = e_fwd, best_fwd = eps;
        if (e_cen < min_cen) min_cen = e_cen, best_cen = eps;
        fwd.x.push_back(eps);
        fwd.y.push_back(std::max(e_fwd, 1e-17));
        cen.x.push_back(eps);
        cen.y.push_back(std::max(e_cen, 1e-17));
    }
    nn::print_table({"eps", "forward error", "central error"}, rows, "rrr");
    // The words follow the table: how much the first step down (1e-1 to 1e-2, truncation only)
    // shrinks each error; whether the forward error at the deck's eps is small beside the
    // gradient (below 1e-3 of it); whether the central error is the smaller one at every eps from
    // 1e-1 down to the deck's (below it, rounding noise decides, and the words must not depend on
    // that noise).
    auto fold = [](double ratio) {
        if (ratio > 5 && ratio < 20) return std::string("tenfold");
        if (ratio > 50 && ratio < 200) return std::string("a hundredfold");
        return fmt::format("{:.0f}-fold", ratio);
    };
    const auto deck_k = std::size_t(std::lround(-std::log10(slide::eps))) - 1;
    const bool safe = errs_fwd[deck_k] < 1e-3 * std::abs(g);
    bool central_smaller = true;
    for (std::size_t k = 0; k <= deck_k; ++k) central_smaller = central_smaller && errs_cen[k] < errs_fwd[k];
    fmt::print(
        "Truncation error shrinks with eps: {} per step for the forward difference (it goes\n"
        "like eps), {} for the central one (like eps²). Round-off grows as eps shrinks:\n"
        "the two costs share more and more leading digits, and the rounding error of each (about\n"
        "1e-16 of the cost) is divided by eps. (Errors marked ~ are measured: rounding noise sets\n"
        "their digits, which change with the compiler's choice of operations.) Where the two errors\n"
        "meet the error is smallest: here at\n"
        "eps = {} for the forward difference ({}) and {} for the central ({}).\n"
        "Theory puts the two near √1e-16 = 1e-8 and ∛1e-16 ≈ 5e-6 times the scale of the cost and\n"
        "its curvature. The deck's {} is {} for a forward difference; gradient checks use the\n"
        "central one, whose error is {} at every eps down to where round-off takes over.\n",
        fold(errs_fwd[0] / errs_fwd[1]), fold(errs_cen[0] / errs_cen[1]),
        // Which eps gives the smallest error is decided by the rounding noise too: measured.
        nn::measured(best_fwd, "{:.0e}"), nn::measured(min_fwd, "{:.1e}"), nn::measured(best_cen, "{:.0e}"),
        nn::measured(min_cen, "{:.1e}"), power_of_ten(slide::eps), safe ? "safe" : "NOT safe",
        central_smaller ? "smaller" : "NOT smaller");
    plot.series = {fwd, cen};
    opt.plot(plot, "06-eps-errors.png");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    return lesson.run(argc, argv, [](const nn::LessonOptions& opt) {
        const Params p = challenge_1();
        const DataSet d = make_blobs(11, 40);
        challenges_2_and_3(p, d);
        challenge_4(p, d);
        challenge_5(opt, p, d);
        the_cost_argument(opt);
        forward_versus_central(opt, p, d);
    });
}
