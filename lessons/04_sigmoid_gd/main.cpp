// Lesson 04 — gradient descent: linear regression, then one sigmoid neuron.
// Deck Matrix-view: "So far" (h_θ(x) = θ0 + θ1x1 + θ2x2, J(θ) = 1/(2m) Σ (ŷ − y)²).
// Deck Intro-ANN: "Gradient Descent – Optimization" (θj := θj − α/m Σ (h(xi) − yi)xi),
// "Gradient Descent for Learning Sigmoid Neuron Params", "Implementing Gradient Descent",
// "Gradient descent on the error surface". Deck IBM-2: "Cost Function" (the learning rate).
// Run: ./nn run 04        Exercises: exercises/04_sigmoid_gd.cpp, ./nn check 04
#include <fmt/core.h>

#include <cmath>
#include <vector>

#include "exercise.hpp"
#include "lesson.hpp"
#include "nn/lesson.hpp"
#include "nn/print.hpp"
#include "slide.hpp"

using namespace lesson04;

namespace {

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
    nn::heading("1. Gradient descent on linear regression (Matrix-view \"So far\", Intro-ANN)");
    const Regression d = make_regression_data(4, 30);
    fmt::print(
        "h_θ(x) = θ0 + θ1·x1 + θ2·x2 on 30 seeded points with y = 4 + 3·x1 − 2·x2 + noise (σ 0.1).\n"
        "J(θ) = 1/(2m) Σ (h_θ(xi) − yi)²; its gradient is 1/m Σ (h_θ(xi) − yi)·xi, so each step is\n"
        "θj := θj − α/m Σ (h_θ(xi) − yi)·xij. The first points (x0 = 1 is the bias input):\n");
    std::vector<std::vector<std::string>> rows;
    for (int i = 0; i < 4; ++i)
        rows.push_back({fmt::format("{}", i), fmt::format("{:.4f}", d.X(1, i)), fmt::format("{:.4f}", d.X(2, i)),
                        fmt::format("{:.4f}", d.y(i))});
    nn::print_table({"i", "x1", "x2", "y"}, rows);

    nn::Vector theta;
    const auto costs = regression_descent(d, 0.5, 2000, theta);
    fmt::print("\nα = 0.5 from θ = 0:\n");
    for (int t : {0, 10, 100, 500, 1000, 2000}) fmt::print("  iteration {:>4}: J = {:.8f}\n", t, costs[t]);
    const nn::Vector exact = least_squares(d);
    fmt::print("  θ by descent      = {}\n  θ by least squares = {}   (closed form, QR of X)\n"
               "  largest difference: {}\n",
               vec(theta), vec(exact), nn::measured((theta - exact).cwiseAbs().maxCoeff(), "{:.1e}"));
    fmt::print("Descent finds the same θ as the closed form; it needs no matrix solve, which is\n"
               "why it scales to networks where no closed form exists.\n");

    nn::heading("2. The learning rate (IBM-2, \"Cost Function\")");
    const double bound = largest_stable_rate(d);
    fmt::print(
        "J is a bowl whose steepest curvature is λmax = {:.4f} (largest eigenvalue of X·Xᵀ/m);\n"
        "a step of α·gradient overshoots the bottom along that direction once α > 2/λmax = {:.4f}.\n\n",
        2 / bound, bound);
    const std::vector<std::pair<std::string, double>> rates = {
        {"too small", 0.02}, {"good", 0.5}, {"too large", 1.15 * bound}};
    nn::plot::LinePlot p{"Linear regression: J(θ) for three learning rates", "iteration",
                         "J(θ)", {}};
    p.log_y = true;
    rows.clear();
    for (const auto& [name, alpha] : rates) {
        nn::Vector th;
        const auto c = regression_descent(d, alpha, 200, th);
        rows.push_back({name, fmt::format("{:.4f}", alpha), fmt::format("{:.4g}", c[10]),
                        fmt::format("{:.4g}", c[50]), fmt::format("{:.4g}", c[200])});
        nn::plot::Series s{fmt::format("α = {:.4f} ({})", alpha, name), {}, {}};
        for (std::size_t t = 0; t < c.size(); ++t) {
            s.x.push_back(static_cast<double>(t));
            s.y.push_back(c[t]);
        }
        p.series.push_back(s);
    }
    nn::print_table({"rate", "α", "J after 10", "after 50", "after 200"}, rows, "lrrrr");
    fmt::print(
        "Too small: J creeps down, far from its minimum {:.4g} after 200 steps (\"maybe not even\n"
        "learn before your lifetime\"). Too large: every step overshoots further and J grows\n"
        "without bound: it diverges (\"might never reach minima\").\n",
        cost(exact, d));
    opt.plot(p, "04-linreg-learning-rates.png");
}

void first_step() {
    nn::heading("3. One sigmoid neuron: the deck's setting (Intro-ANN, \"Implementing Gradient Descent\")");
    fmt::print("X = [0.5, 2.5], Y = [0.2, 0.9], w = b = −2, η = 1.0, 1000 epochs,\n"
               "error = Σ ½ (f(x) − y)² with f(x) = σ(w·x + b).\n\n");
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
                        fmt::format("{:.6f}", fx * (1 - fx)), fmt::format("{:.6f}", grad_w(slide::w0, slide::b0, x, y)),
                        fmt::format("{:.6f}", grad_b(slide::w0, slide::b0, x, y))});
    }
    nn::print_table({"x", "y", "z = wx+b", "f(x)", "f(x) − y", "f(1 − f)", "∇w term", "∇b term"}, rows);
    const Params next = descent_step({slide::w0, slide::b0}, slide::X, slide::Y, slide::eta);
    fmt::print("Summed: ∇w = {:.6f}, ∇b = {:.6f}.\n", dw, db);
    fmt::print("w ← −2 − 1.0·({:.6f}) = {:.6f}    b ← −2 − 1.0·({:.6f}) = {:.6f}\n", dw, next.w, db, next.b);
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
    nn::heading("4. 1000 epochs of do_gradient_descent");
    const Descent run = descend(slide::eta, slide::max_epochs);
    for (int e = 0; e <= slide::max_epochs; e += 100)
        fmt::print("  epoch {:>4}: w = {:>9.6f}  b = {:>9.6f}  error = {:.3e}\n", e, run.path[e].w,
                   run.path[e].b, run.errors[e]);
    const Params p = run.path.back();
    fmt::print("Predictions: f(0.5) = {:.6f} (y = 0.2), f(2.5) = {:.6f} (y = 0.9)\n", f(p.w, p.b, 0.5),
               f(p.w, p.b, 2.5));
    // Two points, two parameters: σ(0.5w + b) = 0.2 and σ(2.5w + b) = 0.9 have an exact solution.
    const double z1 = std::log(0.2 / 0.8), z2 = std::log(0.9 / 0.1);
    const double w_star = (z2 - z1) / 2.0, b_star = z1 - 0.5 * w_star;
    fmt::print("The exact minimum: σ⁻¹(0.2) = ln(0.25) = 0.5w + b and σ⁻¹(0.9) = ln(9) = 2.5w + b give\n"
               "w* = {:.6f}, b* = {:.6f} with error 0; descent is {:.1e} away after 1000 epochs.\n",
               w_star, b_star, std::hypot(p.w - w_star, p.b - b_star));
}

void learning_rates_on_the_surface(const nn::LessonOptions& opt) {
    nn::heading("5. The error surface and three learning rates (Intro-ANN, IBM-2)");
    const std::vector<std::pair<std::string, double>> rates = {
        {"too small", 0.1}, {"the deck's", 1.0}, {"too large", 100.0}};
    std::vector<Descent> runs;
    std::vector<std::vector<std::string>> rows;
    for (const auto& [name, eta] : rates) {
        runs.push_back(descend(eta, slide::max_epochs));
        const auto& r = runs.back();
        rows.push_back({name, nn::format_number(eta, 1), fmt::format("{:.4f}", r.errors[100]),
                        fmt::format("{:.4f}", r.errors[500]), fmt::format("{:.2e}", r.errors[1000]),
                        fmt::format("({:.3f}, {:.3f})", r.path.back().w, r.path.back().b)});
    }
    nn::print_table({"rate", "η", "error @100", "@500", "@1000", "final (w, b)"}, rows, "lrrrrr");
    fmt::print(
        "η = 0.1 spends 500 epochs on the flat plateau around the start, where σ is saturated\n"
        "and the gradient tiny. η = 1.0 crosses it and settles in the valley. η = 100 overshoots:\n"
        "two steps bring it to the valley's steep wall, and the third flings (w, b) far past the\n"
        "valley onto another plateau, where σ saturates again and the gradient all but vanishes:\n"
        "it never comes back. The sigmoid's error is bounded, so a too-large rate stalls here\n"
        "instead of diverging as it did in section 2. On the plot, η = 0.1's path lies under\n"
        "η = 1's: the same direction, a tenth of the distance.\n");

    nn::plot::SurfacePlot s;
    s.title = "Error surface Σ ½(σ(wx+b) − y)² with descent paths";
    s.xlabel = "w";
    s.ylabel = "b";
    s.zlabel = "error";
    for (int k = 0; k <= 120; ++k) s.grid_x.push_back(-6 + k * 0.1);
    for (int k = 0; k <= 140; ++k) s.grid_y.push_back(-10 + k * 0.1);
    s.z.resize(141, 121);
    for (int i = 0; i <= 140; ++i)
        for (int j = 0; j <= 120; ++j) s.z(i, j) = sigmoid_error({s.grid_x[j], s.grid_y[i]}, slide::X, slide::Y);
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
            curve.x.push_back(static_cast<double>(e));
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
    nn::Lesson lesson({"04", "Gradient descent: linear regression and a sigmoid neuron",
                       "Matrix-view, Intro-ANN, IBM-2",
                       "Descent on linear regression against the closed form, the learning rate, "
                       "and the deck's do_gradient_descent on one sigmoid neuron."});
    return lesson.run(argc, argv, [](const nn::LessonOptions& opt) {
        linear_regression(opt);
        first_step();
        thousand_epochs();
        learning_rates_on_the_surface(opt);
    });
}
