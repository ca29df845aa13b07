// Lesson 04 — gradient descent: linear regression, then one sigmoid neuron.
// Deck Matrix-view: "So far" (h_θ(x) = θ0 + θ1x1 + θ2x2, J(θ) = 1/(2m) Σ (ŷ − y)²).
// Deck Intro-ANN: "Gradient Descent – Optimization" (θj := θj − α/m Σ (h(xi) − yi)xi),
// "Gradient Descent for Learning Sigmoid Neuron Params", "Implementing Gradient Descent",
// "Gradient descent on the error surface". Deck IBM-2: "Cost Function" (the learning rate).
// Run: ./nn run 04        Exercises: exercises/04_sigmoid_gd.cpp, ./nn check 04
#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "exercise.hpp"
#include "lesson.hpp"
#include "nn/lesson.hpp"
#include "nn/print.hpp"
#include "slide.hpp"

using namespace lesson04;

namespace {

// A number as the deck writes it, with a true minus sign: −2.
std::string minus(double v) { return v < 0 ? "−" + nn::format_number(-v, 6) : nn::format_number(v, 6); }

std::string vec(const nn::Vector& v) {
    std::string s = "(";
    for (nn::Index i = 0; i < v.size(); ++i) s += (i ? ", " : "") + nn::format_number(v(i), 6, 6);
    return s + ")";
}

// Runs gradient descent on J from θ = 0 and returns J after every iteration (J[0] at the start).
std::vector<double> regression_descent(const Regression& d, double alpha, int iterations, nn::Vector& theta) {
    theta = nn::Vector::Zero(3);
    std::vector<double> costs{cost(theta, d)};
    for (int t = 0; t < iterations; ++t) {
        theta -= alpha * cost_gradient(theta, d);  // θj := θj − α/m Σ (h(xi) − yi)·xij
        costs.push_back(cost(theta, d));
    }
    return costs;
}

void linear_regression(const nn::LessonOptions& opt) {
    nn::heading(
        "1. Gradient descent on linear regression (Matrix-view slide 4, \"So far\"; Intro-ANN slides 40–41)");
    const Regression d = make_regression_data(4, 30);
    const auto& truth = true_theta;
    fmt::print(
        "h_θ(x) = θ0 + θ1·x1 + θ2·x2 on {} seeded points with y = {} {} {}·x1 {} {}·x2 + noise (σ {}).\n"
        "J(θ) = 1/(2m) Σ (h_θ(xi) − yi)²; its gradient is 1/m Σ (h_θ(xi) − yi)·xi, so each step is\n"
        "θj := θj − α/m Σ (h_θ(xi) − yi)·xij. (The slide writes J(θ0, θ1), but h has three\n"
        "parameters and J depends on all of them. It also starts from random parameters; this J is a\n"
        "convex bowl with one minimum, so the start does not matter, and we start from θ = 0.)\n"
        "The first points (x0 = 1 is the bias input):\n",
        d.X.cols(), truth[0], truth[1] < 0 ? "−" : "+", std::abs(truth[1]), truth[2] < 0 ? "−" : "+",
        std::abs(truth[2]), noise_sigma);
    std::vector<std::vector<std::string>> rows;
    for (int i = 0; i < 4; ++i)
        rows.push_back({fmt::format("{}", i), fmt::format("{:.4f}", d.X(1, i)),
                        fmt::format("{:.4f}", d.X(2, i)), fmt::format("{:.4f}", d.y(i))});
    nn::print_table({"i", "x1", "x2", "y"}, rows);

    nn::Vector theta;
    constexpr double good_rate = 0.5;
    const auto costs = regression_descent(d, good_rate, 2000, theta);
    fmt::print("\nα = {} from θ = 0:\n", good_rate);
    for (int i : {0, 10, 100, 500, 1000, 2000}) fmt::print("  iteration {:>4}: J = {:.8f}\n", i, costs[i]);
    const nn::Vector exact = least_squares(d);
    fmt::print(
        "  θ by descent      = {}\n  θ by least squares = {}   (closed form, QR of X)\n"
        "  largest difference: {}\n",
        vec(theta), vec(exact), nn::measured((theta - exact).cwiseAbs().maxCoeff(), "{:.1e}"));
    const bool same = (theta - exact).cwiseAbs().maxCoeff() < 1e-9;
    fmt::print(
        "Descent {} the closed form; it needs no matrix solve, which is\n"
        "why it scales to networks where no closed form exists.\n",
        same ? "finds the same θ as" : "does NOT reach the θ of");

    nn::heading("2. The learning rate (IBM-2 slides 31–32, \"Cost Function\")");
    const double bound = largest_stable_rate(d);
    fmt::print(
        "J is a bowl whose steepest curvature is λmax = {:.4f} (largest eigenvalue of X·Xᵀ/m);\n"
        "a step of α·gradient overshoots the bottom along that direction once α > 2/λmax = {:.4f}.\n\n",
        2 / bound, bound);
    const std::vector<std::pair<std::string, double>> rates = {
        {"too small", 0.02}, {"good", good_rate}, {"too large", 1.15 * bound}};
    constexpr int steps = 200;
    std::vector<std::vector<double>> curves;
    nn::plot::LinePlot p{"Linear regression: J(θ) for three learning rates", "iteration", "J(θ)", {}};
    p.log_y = true;
    rows.clear();
    for (const auto& [name, alpha] : rates) {
        nn::Vector th;
        const auto c = regression_descent(d, alpha, steps, th);
        curves.push_back(c);
        rows.push_back({name, fmt::format("{:.4f}", alpha), fmt::format("{:.4g}", c[10]),
                        fmt::format("{:.4g}", c[50]), fmt::format("{:.4g}", c[steps])});
        nn::plot::Series s{fmt::format("α = {:.4f} ({})", alpha, name), {}, {}};
        for (std::size_t t = 0; t < c.size(); ++t) {
            s.x.push_back(double(t));
            s.y.push_back(c[t]);
        }
        p.series.push_back(s);
    }
    nn::print_table({"rate", "α", "J after 10", "after 50", fmt::format("after {}", steps)}, rows, "lrrrr");
    // The words follow the curves: the small rate's J falls but stays far (10×) above the minimum;
    // the large rate's J rises at every step.
    const double J_min = cost(exact, d);
    const auto& slow = curves.front();
    const auto& wild = curves.back();
    const bool creeps = slow[steps] < slow[0] && slow[steps] > 10 * J_min;
    bool diverges = true;
    for (int i = 0; i < steps; ++i) diverges = diverges && wild[i + 1] > wild[i];
    fmt::print(
        "Too small: J {}, {} its minimum {:.4g} after {} steps (\"maybe not even\n"
        "learn before your lifetime\"). Too large: {}.\n",
        creeps ? "creeps down" : "falls", creeps ? "far from" : "close to", J_min, steps,
        diverges ? "every step overshoots further and J grows\nwithout bound: it diverges (\"might never "
                   "reach minima\")"
                 : "J does NOT grow at every step here");
    opt.plot(p, "04-linreg-learning-rates.png");
}

void first_step() {
    nn::heading(
        "3. One sigmoid neuron: the deck's setting (Intro-ANN slide 29, \"Implementing Gradient Descent\")");
    const std::string start = slide::w0 == slide::b0
                                  ? fmt::format("w = b = {}", minus(slide::w0))
                                  : fmt::format("w = {}, b = {}", minus(slide::w0), minus(slide::b0));
    fmt::print(
        "X = [{}], Y = [{}], {}, η = {:.1f}, {} epochs,\n"
        "error = Σ ½ (f(x) − y)² with f(x) = σ(w·x + b).\n\n",
        fmt::join(slide::X, ", "), fmt::join(slide::Y, ", "), start, slide::eta, slide::max_epochs);
    fmt::print("The first step, by the deck's derivation ∇w = (f(x) − y)·f(x)·(1 − f(x))·x:\n");
    std::vector<std::vector<std::string>> rows;
    double dw = 0, db = 0;
    for (std::size_t i = 0; i < slide::X.size(); ++i) {
        const double x = slide::X[i], y = slide::Y[i];
        const double z = slide::w0 * x + slide::b0, fx = f(slide::w0, slide::b0, x);
        dw += grad_w(slide::w0, slide::b0, x, y);
        db += grad_b(slide::w0, slide::b0, x, y);
        rows.push_back({nn::format_number(x, 2), nn::format_number(y, 2), nn::format_number(z, 3),
                        fmt::format("{:.6f}", fx), fmt::format("{:.6f}", fx - y),
                        fmt::format("{:.6f}", fx * (1 - fx)),
                        fmt::format("{:.6f}", grad_w(slide::w0, slide::b0, x, y)),
                        fmt::format("{:.6f}", grad_b(slide::w0, slide::b0, x, y))});
    }
    nn::print_table({"x", "y", "z = wx+b", "f(x)", "f(x) − y", "f(1 − f)", "∇w term", "∇b term"}, rows);
    const Params next = descent_step({slide::w0, slide::b0}, slide::X, slide::Y, slide::eta);
    fmt::print("Summed: ∇w = {:.6f}, ∇b = {:.6f}.\n", dw, db);
    fmt::print("w ← {0} − {1:.1f}·({2:.6f}) = {3:.6f}    b ← {4} − {1:.1f}·({5:.6f}) = {6:.6f}\n",
               minus(slide::w0), slide::eta, dw, next.w, minus(slide::b0), db, next.b);
    fmt::print("error: {:.6f} -> {:.6f}\n", sigmoid_error({slide::w0, slide::b0}, slide::X, slide::Y),
               sigmoid_error(next, slide::X, slide::Y));
}

// The deck's do_gradient_descent, keeping every (w, b) on the way and the error per epoch.
struct Descent {
    std::vector<Params> path;
    std::vector<double> errors;
};
Descent descend(double eta, int epochs) {
    Descent run{{{slide::w0, slide::b0}}, {sigmoid_error({slide::w0, slide::b0}, slide::X, slide::Y)}};
    for (int i = 0; i < epochs; ++i) {
        run.path.push_back(descent_step(run.path.back(), slide::X, slide::Y, eta));
        run.errors.push_back(sigmoid_error(run.path.back(), slide::X, slide::Y));
    }
    return run;
}

void thousand_epochs() {
    nn::heading(
        fmt::format("4. {} epochs of do_gradient_descent (Intro-ANN slides 28–29)", slide::max_epochs));
    const Descent run = descend(slide::eta, slide::max_epochs);
    for (int e = 0; e <= slide::max_epochs; e += 100)
        fmt::print("  epoch {:>4}: w = {:>9.6f}  b = {:>9.6f}  error = {:.3e}\n", e, run.path[e].w,
                   run.path[e].b, run.errors[e]);
    const Params p = run.path.back();
    const double x1 = slide::X[0], x2 = slide::X[1], y1 = slide::Y[0], y2 = slide::Y[1];
    fmt::print("Predictions: f({}) = {:.6f} (y = {}), f({}) = {:.6f} (y = {})\n", x1, f(p.w, p.b, x1), y1, x2,
               f(p.w, p.b, x2), y2);
    // Two points, two parameters: σ(x1·w + b) = y1 and σ(x2·w + b) = y2 have an exact solution.
    const double odds1 = y1 / (1 - y1), odds2 = y2 / (1 - y2);
    const double z1 = std::log(odds1), z2 = std::log(odds2);
    const double w_star = (z2 - z1) / (x2 - x1), b_star = z1 - x1 * w_star;
    fmt::print(
        "The exact minimum: σ⁻¹({}) = ln({}) = {}w + b and σ⁻¹({}) = ln({}) = {}w + b give\n"
        "w* = {:.6f}, b* = {:.6f} with error 0; descent is {:.1e} away after {} epochs.\n",
        y1, nn::format_number(odds1, 6), x1, y2, nn::format_number(odds2, 6), x2, w_star, b_star,
        std::hypot(p.w - w_star, p.b - b_star), slide::max_epochs);
}

void learning_rates_on_the_surface(const nn::LessonOptions& opt) {
    nn::heading("5. The error surface and three learning rates (Intro-ANN slide 30; IBM-2 slides 20 and 31)");
    const std::vector<std::pair<std::string, double>> rates = {
        {"too small", 0.1}, {"the deck's", slide::eta}, {"too large", 100.0}};
    std::vector<Descent> runs;
    std::vector<std::vector<std::string>> rows;
    constexpr int early = 100, middle = 500, last = slide::max_epochs;
    for (const auto& [name, eta] : rates) {
        runs.push_back(descend(eta, slide::max_epochs));
        const auto& r = runs.back();
        rows.push_back({name, nn::format_number(eta, 1), fmt::format("{:.4f}", r.errors[early]),
                        fmt::format("{:.4f}", r.errors[middle]), fmt::format("{:.2e}", r.errors[last]),
                        fmt::format("({:.3f}, {:.3f})", r.path.back().w, r.path.back().b)});
    }
    nn::print_table({"rate", "η", fmt::format("error @{}", early), fmt::format("@{}", middle),
                     fmt::format("@{}", last), "final (w, b)"},
                    rows, "lrrrrr");
    // The words follow the runs. Small rate: still within 5% of the starting error at `middle`.
    // The deck's: below 1e-6 at the end. Large rate: the errors fall for `wall` steps, the next
    // step raises them, none after it gets back below the lowest before it, and the last 100
    // epochs change the error by less than 1e-6 of itself (it stalls).
    const auto& small = runs[0].errors;
    const auto& large = runs[2].errors;
    const bool plateau = small[middle] > 0.95 * small[0];
    const bool settles = runs[1].errors[last] < 1e-6;
    std::size_t wall = 0;
    while (wall + 1 < large.size() && large[wall + 1] <= large[wall]) ++wall;
    const bool flung = wall + 1 < large.size();
    const bool never_back =
        flung && *std::min_element(large.begin() + long(wall) + 1, large.end()) > large[wall];
    const bool stalls = std::abs(large[last] - large[last - 100]) < 1e-6 * large[last];
    static const char* const counts[] = {"no", "one step brings", "two steps bring", "three steps bring",
                                         "four steps bring"};
    static const char* const ordinals[] = {"first", "second", "third", "fourth", "fifth"};
    const double fraction = rates[0].second / rates[1].second;
    fmt::print(
        "η = {} {} the flat plateau around the start, where σ is saturated\n"
        "and the gradient tiny. η = {:.1f} {}. η = {} {} On the plot, η = {}'s path lies under\n"
        "η = {}'s: the same direction, {} of the distance.\n",
        nn::format_number(rates[0].second, 6),
        plateau ? fmt::format("spends {} epochs on", middle) : fmt::format("leaves within {} epochs", middle),
        slide::eta, settles ? "crosses it and settles in the valley" : "does NOT settle in the valley",
        nn::format_number(rates[2].second, 6),
        flung && wall >= 1 && wall <= 4
            ? fmt::format(
                  "overshoots:\n{} it to the valley's steep wall, and the {} flings (w, b) far past the\n"
                  "valley onto another plateau, where σ saturates again and the gradient all but vanishes:\n"
                  "it {}. The sigmoid's error is bounded, so a too-large rate {} here\n"
                  "instead of diverging as it did in section 2.",
                  counts[wall], ordinals[wall], never_back ? "never comes back" : "comes back later",
                  stalls ? "stalls" : "wanders")
            : std::string("does not overshoot in the way described for it; see its\nerrors above."),
        nn::format_number(rates[0].second, 6), nn::format_number(rates[1].second, 6),
        fraction == 0.1 ? "a tenth" : fmt::format("{} times", nn::format_number(fraction, 6)));

    nn::plot::SurfacePlot s;
    s.title = "Error surface Σ ½(σ(wx+b) − y)² with descent paths";
    s.xlabel = "w";
    s.ylabel = "b";
    s.zlabel = "error";
    for (int k = 0; k <= 120; ++k) s.grid_x.push_back(-6 + k * 0.1);
    for (int k = 0; k <= 140; ++k) s.grid_y.push_back(-10 + k * 0.1);
    s.z.resize(141, 121);
    for (int i = 0; i <= 140; ++i)
        for (int j = 0; j <= 120; ++j)
            s.z(i, j) = sigmoid_error({s.grid_x[j], s.grid_y[i]}, slide::X, slide::Y);
    nn::plot::LinePlot curves{"Error per epoch for three learning rates", "epoch", "error", {}};
    curves.log_y = true;
    for (std::size_t k = 0; k < rates.size(); ++k) {
        nn::plot::Series path{fmt::format("η = {} ({})", rates[k].second, rates[k].first), {}, {}};
        nn::plot::Series curve = path;
        for (std::size_t e = 0; e < runs[k].path.size(); ++e) {
            // Every step while it moves fast, then every 10th, to keep the picture readable.
            if (e < 50 || e % 10 == 0) {
                path.x.push_back(runs[k].path[e].w);
                path.y.push_back(runs[k].path[e].b);
            }
            curve.x.push_back(double(e));
            curve.y.push_back(runs[k].errors[e]);
        }
        s.paths.push_back(path);
        curves.series.push_back(curve);
    }
    opt.plot(s, "04-error-surface.png");
    opt.plot(curves, "04-error-curves.png");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    return lesson.run(argc, argv, [](const nn::LessonOptions& opt) {
        linear_regression(opt);
        first_step();
        thousand_epochs();
        learning_rates_on_the_surface(opt);
    });
}
