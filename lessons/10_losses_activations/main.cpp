// Lesson 10 — losses and activations.
// Deck Intro-ANN: "Loss Functions", "Activation Functions", "Activation: Sigmoid" (saturate and kill
// gradients), "Activation: ReLU" (prevents the gradient vanishing problem), "Tips to choose
// activation and loss functions", the modern activations (leaky ReLU, ELU).
// Deck IBM-2: "Improving Neural Networks", "Loss Function" (quadratic against cross-entropy).
// Deck Matrix-view: "Why Non linear activation function", "Softmax", "Loss Function" (0.22).
// Deck FruitPunch: "Vanishing/Exploding gradients?".
// Run: ./nn run 10        Exercises: exercises/10_losses_activations.cpp, ./nn check 10
#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

#include "exercise.hpp"
#include "nn/data.hpp"
#include "nn/dense.hpp"
#include "nn/gradcheck.hpp"
#include "nn/lesson.hpp"
#include "nn/losses.hpp"
#include "nn/mlp.hpp"
#include "nn/print.hpp"
#include "nn/training.hpp"
#include "slide.hpp"

using namespace lesson10;

namespace {

void losses() {
    nn::heading("1. Three losses (Intro-ANN slide 55, \"Loss Functions\")");
    const nn::Matrix y = (nn::Matrix(1, 3) << 1, 0, 1).finished(),
                     p = (nn::Matrix(1, 3) << 0.9, 0.2, 0.6).finished();
    std::vector<std::string> ys, ps, squares, logs;
    for (nn::Index k = 0; k < y.cols(); ++k) {
        ys.push_back(nn::format_number(y(0, k), 6));
        ps.push_back(nn::format_number(p(0, k), 6));
        squares.push_back(nn::format_number((y(0, k) - p(0, k)) * (y(0, k) - p(0, k)), 6));
        // ln of the probability given to what happened: ŷ for a 1, 1 − ŷ for a 0
        logs.push_back("ln " + nn::format_number(y(0, k) == 1 ? p(0, k) : 1 - p(0, k), 6));
    }
    fmt::print("Targets y = [{}], predictions ŷ = [{}]:\n", fmt::join(ys, ", "), fmt::join(ps, ", "));
    fmt::print("  MSE = 1/n Σ (y − ŷ)²            = ({})/{} = {:.6f}\n", fmt::join(squares, " + "), y.cols(),
               nn::mse(p, y).loss);
    fmt::print("  binary cross-entropy, averaged  = −({})/{} = {:.6f}\n", fmt::join(logs, " + "), y.cols(),
               nn::binary_cross_entropy(p, y).loss);
    fmt::print("Cross-entropy for one-hot targets keeps only −ln of the probability of the true class.\n");

    nn::heading("2. The cross-entropy \"0.22\" (Matrix-view slide 16, \"5. Loss Function\")");
    nn::Matrix t(5, 1), q(5, 1);
    for (int k = 0; k < 5; ++k) {
        t(k, 0) = slide::targets[std::size_t(k)];
        q(k, 0) = slide::softmax_output[std::size_t(k)];
    }
    const double p_true = (t.transpose() * q)(0, 0);  // the probability of the true class
    const std::string pt = nn::format_number(p_true, 6);
    auto deck = [](const auto& v) {
        std::vector<std::string> s;
        for (double e : v) s.push_back(nn::format_number(e, 6));
        return fmt::format("[{}]", fmt::join(s, " "));
    };
    fmt::print("−{}·log {} = −log {}, in three bases:\n", deck(slide::targets), deck(slide::softmax_output),
               pt);
    const double ln = cross_entropy(q, t), log10 = -std::log10(p_true), log2 = -std::log2(p_true);
    const std::string ce = nn::format_number(slide::cross_entropy.value, slide::cross_entropy.decimals);
    nn::SlideTable s;
    s.row(fmt::format("natural log: −ln {} (cross_entropy)", pt), ln, slide::cross_entropy,
          fmt::format("{} with ln, the logarithm every framework uses",
                      nn::format_number(ln, slide::cross_entropy.decimals)));
    s.row(fmt::format("base 10: −log10 {}", pt), log10, slide::cross_entropy);
    s.row(fmt::format("base 2: −log2 {}", pt), log2, slide::cross_entropy,
          fmt::format("{} bits", nn::format_number(log2, slide::cross_entropy.decimals)));
    s.print();
    // Which base gives the deck's number.
    const char* base = nn::matches(log10, slide::cross_entropy)  ? "−log10"
                       : nn::matches(ln, slide::cross_entropy)   ? "−ln"
                       : nn::matches(log2, slide::cross_entropy) ? "−log2"
                                                                 : nullptr;
    const double in_base = base == std::string_view("−ln")     ? ln
                           : base == std::string_view("−log2") ? log2
                                                               : log10;
    fmt::print(
        "The deck's {} {}. The base only scales the loss (ln {} =\n"
        "log10 {} × ln 10), so it does not move the minimum, but it does scale every gradient.\n",
        ce,
        base ? fmt::format("is {} {} = {:.4f}", base, pt, in_base) : fmt::format("is no base's −log {}", pt),
        pt, pt);
}

void softmax_overflow() {
    nn::heading("3. Softmax, computed stably (Matrix-view slide 15, \"Softmax\")");
    const nn::Matrix z = (nn::Matrix(3, 1) << 1000, 1001, 1002).finished();
    const nn::Matrix naive_e = z.array().exp().matrix();
    const nn::Matrix naive = naive_e / naive_e.sum();
    const nn::Matrix p = stable_softmax(z);
    const double top = z.maxCoeff();
    const nn::Matrix shifted = z.array() - z.minCoeff();  // [0, 1, 2]: small enough for the naive softmax
    const nn::Matrix small_e = shifted.array().exp().matrix();
    const nn::Matrix small = small_e / small_e.sum();
    const auto largest = int(std::log(std::numeric_limits<double>::max()));  // 709
    fmt::print("z = [{}]: e^{} {} a double (largest about e^{}).\n", fmt::join(z.reshaped(), ", "),
               z.minCoeff(), std::isinf(std::exp(z.minCoeff())) ? "overflows" : "fits in", largest);
    auto show = [](double v) { return std::isnan(v) ? std::string("NaN") : fmt::format("{:.6f}", v); };
    fmt::print("  naive e^z / Σ e^z       = [{}, {}, {}]{}\n", show(naive(0, 0)), show(naive(1, 0)),
               show(naive(2, 0)), naive.hasNaN() ? "   (∞/∞)" : "");
    fmt::print("  shifted by max z = {} = [{:.6f}, {:.6f}, {:.6f}]\n", top, p(0, 0), p(1, 0), p(2, 0));
    fmt::print(
        "Subtracting the maximum changes nothing (it cancels between top and bottom) and leaves\n"
        "every exponent ≤ 0. The result {} softmax([{}]).\n",
        (p - small).cwiseAbs().maxCoeff() < 1e-15 ? "equals" : "does NOT equal",
        fmt::join(shifted.reshaped(), ", "));
}

void learning_slowdown(const nn::LessonOptions& opt) {
    nn::heading("4. The learning slowdown: quadratic cost against cross-entropy (IBM-2 slides 34–38)");
    fmt::print(
        "One sigmoid neuron, input x = {}, target y = {}, a constant rate η = {} for {} epochs\n"
        "(\"let's play with different initial weights\"). The slide's two gradients:\n"
        "  quadratic  C = (y − a)²/2:          ∂C/∂w = (a − y)·σ′(z)·x\n"
        "  cross-entropy:                      ∂C/∂w = x·(σ(z) − y)\n\n",
        slide::x, slide::y, slide::eta, slide::epochs);
    constexpr int early = 30;
    struct Run {
        double a0, first_grad, a_early, a_end;
    };
    Run runs[2][2];  // [good start, bad start][quadratic, cross-entropy]
    std::vector<std::vector<std::string>> rows;
    nn::plot::LinePlot plot{"One neuron learning 1 -> 0: output a per epoch", "epoch", "output a", {}};
    auto start_of = [](double w, double b) {
        return w == b ? fmt::format("w = b = {}", w) : fmt::format("w = {}, b = {}", w, b);
    };
    const std::tuple<double, double> starts[] = {{slide::w_good, slide::b_good},
                                                 {slide::w_bad, slide::b_bad}};
    for (int k = 0; k < 2; ++k) {
        const auto [w0, b0] = starts[k];
        const std::string start = fmt::format("w = {}, b = {}", w0, b0);
        for (const bool quadratic : {true, false}) {
            double w = w0, b = b0;
            nn::plot::Series s{
                fmt::format("{}, {}", start, quadratic ? "quadratic" : "cross-entropy"), {}, {}};
            double first_grad = 0;
            for (int e = 0; e <= slide::epochs; ++e) {
                const double z = w * slide::x + b, a = nn::sigmoid(z);
                s.x.push_back(e);
                s.y.push_back(a);
                const double dz =
                    quadratic ? (a - slide::y) * activation_prime(nn::Activation::sigmoid, z) : a - slide::y;
                if (e == 0) first_grad = dz * slide::x;
                w -= slide::eta * dz * slide::x;
                b -= slide::eta * dz;
            }
            runs[k][quadratic ? 0 : 1] = {s.y[0], first_grad, s.y[early], s.y.back()};
            rows.push_back({start, quadratic ? "quadratic" : "cross-entropy", fmt::format("{:.6f}", s.y[0]),
                            fmt::format("{:.6f}", first_grad), fmt::format("{:.4f}", s.y[early]),
                            fmt::format("{:.4f}", s.y.back())});
            plot.series.push_back(s);
        }
    }
    nn::print_table({"start", "cost", "a at start", "∂C/∂w at start", fmt::format("a @{}", early),
                     fmt::format("a @{}", slide::epochs)},
                    rows, "llrrrr");
    // The words follow the runs from the bad start: how wrong (|a − y| > 0.9) and how saturated
    // (σ′ < 0.05) it starts, whether the quadratic gradient is under a tenth of cross-entropy's and
    // its output moves less than 0.01 in `early` epochs; and whether cross-entropy's first gradient
    // is larger from the bad start than from the good one.
    const Run& quad = runs[1][0];
    const Run& ce = runs[1][1];
    const double z0 = slide::w_bad * slide::x + slide::b_bad;
    const double slope = activation_prime(nn::Activation::sigmoid, z0);
    const bool badly = std::abs(quad.a0 - slide::y) > 0.9, saturated = slope < 0.05;
    const bool tiny = std::abs(quad.first_grad) < 0.1 * std::abs(ce.first_grad);
    const bool hardly = std::abs(quad.a_early - quad.a0) < 0.01;
    const bool fastest = std::abs(ce.first_grad) > std::abs(runs[0][1].first_grad);
    fmt::print(
        "From {} the neuron starts {} (a = {:.2f}) and {}: σ′({}) = {:.3f}, so the\n"
        "quadratic gradient is {} and the output {} for the first epochs. Cross-entropy's\n"
        "gradient is a − y itself, largest when most wrong: {}.\n"
        "(The slide writes ∂C/∂w = (a − y)σ′(z)x = aσ′(z) and ∂C/∂b = (a − y)σ′(z) = aσ′(z); the\n"
        "second forms drop x and y and hold only here, with x = {} and y = {}.)\n",
        start_of(slide::w_bad, slide::b_bad), badly ? "badly wrong" : "not far off", quad.a0,
        saturated ? "saturated" : "not saturated", z0, slope, tiny ? "tiny" : "NOT tiny",
        hardly ? "hardly moves" : "moves",
        fastest ? "it learns fastest where it is worst"
                : "yet here it does NOT start faster from the worse start",
        slide::x, slide::y);
    opt.plot(plot, "10-learning-slowdown.png");

    // IBM-2's two claims about cross-entropy, for one sample: C(a) = −[y ln a + (1 − y) ln(1 − a)].
    // Its smallest value over a is at a = y (C′(a) = (a − y)/(a(1 − a))), and that value is the
    // entropy of y, which is 0 only for y = 0 or 1.
    fmt::print(
        "\nIBM-2 says cross-entropy is non-negative and tends to 0 as the output approaches the desired\n"
        "one. Its smallest value, at a = y, for five targets y:\n");
    auto cross_entropy = [](double y, double a) {
        auto term = [](double p, double q) { return p == 0 ? 0.0 : p * std::log(q); };  // 0·ln 0 = 0
        const double c = -(term(y, a) + term(1 - y, 1 - a));
        return c == 0 ? 0.0 : c;  // no "-0" at y = 0 and y = 1
    };
    std::vector<std::vector<std::string>> ce_rows;
    bool zero_only_at_ends = true, never_negative = true;
    for (const double t : slide::ce_targets) {
        const double best = cross_entropy(t, t);
        const bool end = t == 0 || t == 1;
        zero_only_at_ends = zero_only_at_ends && ((best == 0) == end);
        for (int k = 1; k < 100; ++k) never_negative = never_negative && cross_entropy(t, k / 100.0) >= 0;
        ce_rows.push_back({nn::format_number(t, 1), nn::format_number(t, 1), fmt::format("{:.4f}", best)});
    }
    nn::print_table({"target y", "best output a", "C at a = y"}, ce_rows, "rrr");
    fmt::print(
        "C is {} for every output we tried (a = 0.01 ... 0.99), but it tends to 0\n"
        "{}: for a target of 0.5 the best output still costs ln 2 = {:.4f}.\n"
        "The slide's claims hold for 0/1 targets, the only kind its examples use.\n",
        never_negative ? "non-negative" : "NOT non-negative",
        zero_only_at_ends ? "only when y is 0 or 1" : "for other targets too", std::log(2.0));
}

void activations(const nn::LessonOptions& opt) {
    nn::heading(
        "5. Activations and their derivatives (Intro-ANN slide 65, \"MLP vs DNN\"; Matrix-view slide 7, "
        "\"Activation Functions\")");
    using nn::Activation;
    const Activation acts[] = {Activation::sigmoid, Activation::tanh, Activation::relu,
                               Activation::leaky_relu, Activation::elu};
    std::vector<std::vector<std::string>> rows;
    nn::plot::LinePlot values{"Activations", "z", "g(z)", {}}, slopes{"Their derivatives", "z", "g′(z)", {}};
    // For the words below, from the sampled slopes: the sigmoid's largest slope; whether ReLU's is 1
    // at every positive sample; whether leaky ReLU's and ELU's stay above 0 below 0.
    double sigmoid_top = 0;
    bool relu_one = true, keep_below = true;
    for (Activation a : acts) {
        double worst = 0;
        nn::plot::Series v{nn::name(a), {}, {}}, d{nn::name(a), {}, {}};
        for (int k = -400; k <= 400; ++k) {
            const double z = k / 100.0;
            nn::Matrix Z(1, 1);
            Z << z;
            v.x.push_back(z);
            v.y.push_back(nn::activate(a, Z)(0));
            d.x.push_back(z);
            d.y.push_back(activation_prime(a, z));
            if (a == Activation::sigmoid) sigmoid_top = std::max(sigmoid_top, d.y.back());
            if (a == Activation::relu && z > 0) relu_one = relu_one && d.y.back() == 1;
            if ((a == Activation::leaky_relu || a == Activation::elu) && z < 0)
                keep_below = keep_below && d.y.back() > 0;
            if (k % 7 == 3) {  // central differences away from the kink at 0
                const double numeric = nn::central_gradient([&] { return nn::activate(a, Z)(0); }, Z(0));
                worst = std::max(worst, std::abs(numeric - activation_prime(a, z)));
            }
        }
        values.series.push_back(v);
        slopes.series.push_back(d);
        rows.push_back({nn::name(a), fmt::format("{:.4f}", activation_prime(a, -3)),
                        fmt::format("{:.4f}", activation_prime(a, 0.5)),
                        fmt::format("{:.4f}", activation_prime(a, 3)), nn::measured(worst, "{:.1e}")});
    }
    nn::print_table({"activation", "g′(−3)", "g′(0.5)", "g′(3)", "max |g′ − central diff.|"}, rows, "lrrrr");
    fmt::print(
        "The sigmoid's slope never exceeds {} and fades on both sides; tanh's reaches {} at 0;\n"
        "ReLU's is {} for every positive input, and leaky ReLU and ELU {} below 0.\n",
        nn::format_number(sigmoid_top, 4), nn::format_number(activation_prime(Activation::tanh, 0), 4),
        relu_one ? "1" : "NOT 1", keep_below ? "keep a little" : "do NOT keep a slope");
    // The deck's α against the one used here (nn::leaky_relu_alpha, nn::elu_alpha).
    const double a_deck = slide::alpha_example;
    fmt::print(
        "Leaky ReLU and ELU have a constant α. The deck says \"small, e.g. {}\"; this course uses\n"
        "the usual defaults, α = {} for leaky ReLU and α = {} for ELU (as PyTorch does). With the\n"
        "deck's α = {}, g′(−3) would be {:.4f} for leaky ReLU and {:.4f} for ELU, against {:.4f}\n"
        "and {:.4f} above.\n",
        a_deck, nn::leaky_relu_alpha, nn::elu_alpha, a_deck, a_deck, a_deck * std::exp(-3.0),
        activation_prime(Activation::leaky_relu, -3), activation_prime(Activation::elu, -3));
    opt.plot(values, "10-activations.png");
    opt.plot(slopes, "10-activation-derivatives.png");
}

void why_non_linear() {
    nn::heading("6. Why non-linear? (Matrix-view slide 8, \"Why Non linear activation function\")");
    nn::Rng rng(10);
    const nn::Matrix W1 = rng.normal_matrix(4, 8, 0, 1), W2 = rng.normal_matrix(1, 4, 0, 1);
    const nn::Vector b1 = rng.normal_matrix(4, 1, 0, 1).col(0), b2 = rng.normal_matrix(1, 1, 0, 1).col(0);
    const nn::Matrix X = rng.normal_matrix(8, 5, 0, 1);
    const nn::Matrix W = W2 * W1;
    const nn::Vector b = W2 * b1 + b2;
    const nn::Matrix two_linear = nn::dense_forward(W2, b2, nn::dense_forward(W1, b1, X)),
                     one = nn::dense_forward(W, b, X);
    const nn::Matrix with_relu = nn::dense_forward(W2, b2, nn::dense_forward(W1, b1, X).cwiseMax(0.0));
    fmt::print("The slide's {}-{}-{} network with A[1] = Z[1] (no activation), seeded weights, {} inputs:\n",
               W1.cols(), W1.rows(), W2.rows(), X.cols());
    nn::print_matrix("W2(W1·X + b1) + b2", two_linear, 6);
    nn::print_matrix("W·X + b, W = W2·W1, b = W2·b1 + b2", one, 6);
    // Rounding differences only (well below 1e-12) make the two one layer; the ReLU network
    // differs when some output is off by more than that.
    const double linear_gap = (two_linear - one).cwiseAbs().maxCoeff(),
                 relu_gap = (with_relu - one).cwiseAbs().maxCoeff();
    fmt::print("Largest difference: {}: two linear layers {} one linear layer (a {}×{} W).\n",
               nn::measured(linear_gap, "{:.1e}"), linear_gap < 1e-12 ? "are" : "are NOT", W.rows(),
               W.cols());
    nn::print_matrix("with ReLU between", with_relu, 6);
    fmt::print(
        "With ReLU between them the outputs {} (by up to {:.3f}): {}\n"
        "them for every input, and the network can represent more than a line.\n",
        relu_gap > 1e-12 ? "differ" : "do NOT differ", relu_gap,
        relu_gap > 1e-12 ? "no single W and b gives" : "here one W and b would give");
}

void which_loss() {
    nn::heading("7. Choosing the final activation and the loss (Intro-ANN slide 60, \"Tips to choose\")");
    nn::print_table({"problem", "output", "final activation", "loss"},
                    {{"regression", "a number", "linear", "mean squared error"},
                     {"classification", "binary", "sigmoid", "binary cross-entropy"},
                     {"classification", "one label of many classes", "softmax", "cross-entropy"},
                     {"classification", "several labels of many classes", "sigmoid", "binary cross-entropy"}},
                    "llll");
    fmt::print(
        "Lessons 11 and 12 are the third row: softmax with cross-entropy, whose gradient with\n"
        "respect to the logits is (P − Y)/N (exercise 10.3).\n");
}

// What the sigmoid network's last loss and gradients say, in words: ln 3 is the loss of answering
// 1/3 for every class (what a network that learned only the class shares ends at).
std::string sigmoid_outcome(double loss, const std::vector<double>& grad_norms) {
    const double ln3 = std::log(3.0);
    const bool vanished = *std::max_element(grad_norms.begin(), grad_norms.end()) < 1e-5;
    if (std::abs(loss - ln3) < 5e-4)
        return fmt::format(
            "The sigmoid network ends at ln 3 = {:.4f}, the loss\n"
            "of answering 1/3 for every class: it learned the class shares and nothing else, and its\n"
            "gradients {}.",
            ln3, vanished ? "have vanished in every layer" : "have NOT all vanished");
    return fmt::format(
        "The sigmoid network ends at {:.4f}, {} ln 3 = {:.4f}, the loss\n"
        "of answering 1/3 for every class; its gradients {}.",
        loss, loss < ln3 ? "below" : "above", ln3,
        vanished ? "have vanished in every layer" : "have NOT all vanished");
}

void vanishing_gradients(const nn::LessonOptions& opt) {
    constexpr int depth = 10, width = 32, steps = 500;
    constexpr double lr = 0.1;
    nn::heading(fmt::format("8. Vanishing gradients: {0} sigmoid layers against {0} ReLU layers", depth));
    const auto iris = nn::load_iris(opt.data_dir / "iris.csv");
    const nn::Matrix X = nn::Standardizer::fit(iris.X).apply(iris.X), Y = nn::one_hot(iris.labels, 3);
    fmt::print(
        "Intro-ANN: sigmoid neurons \"saturate and kill gradients\"; ReLU \"prevents the gradient\n"
        "vanishing problem\" (FruitPunch asks about it too). A {}-{}×{}-{} network on Iris\n"
        "(standardized, all {} flowers, softmax cross-entropy), sigmoid with Glorot-uniform weights\n"
        "(Keras's default) against ReLU with He-normal weights: ‖∂L/∂W‖ of each layer at the start\n"
        "and after {} full-batch steps of SGD (lr {}).\n\n",
        X.rows(), width, depth, Y.rows(), X.cols(), steps, lr);
    std::vector<int> sizes{int(X.rows())};
    for (int l = 0; l < depth; ++l) sizes.push_back(width);
    sizes.push_back(int(Y.rows()));
    struct Result {
        std::vector<double> init, trained;
        double loss_init, loss_trained;
    };
    auto run = [&](nn::Activation a, nn::Init init) {
        nn::Rng rng(10);
        std::vector<nn::Activation> acts(depth, a);
        acts.push_back(nn::Activation::identity);
        nn::Mlp m(sizes, acts, init, rng);
        Result r;
        auto norms = [&](double& loss) {
            const auto lg = nn::softmax_cross_entropy(m.forward(X), Y);
            loss = lg.loss;
            const auto grads = m.backward(lg.grad);
            std::vector<double> n;
            for (const auto& g : grads) n.push_back(g.dW.norm());
            return std::pair{n, grads};
        };
        r.init = norms(r.loss_init).first;
        for (int s = 0; s < steps; ++s) {
            double l = 0;
            m.sgd_step(norms(l).second, lr);
        }
        r.trained = norms(r.loss_trained).first;
        return r;
    };
    const Result sig = run(nn::Activation::sigmoid, nn::Init::glorot_uniform);
    const Result relu = run(nn::Activation::relu, nn::Init::he_normal);
    std::vector<std::vector<std::string>> rows;
    nn::plot::LinePlot plot{"Gradient norm per layer (layer 1 is next to the input)", "layer", "‖∂L/∂W‖", {}};
    plot.log_y = true;
    const std::string after = fmt::format("after {} steps", steps);
    nn::plot::Series s1{"sigmoid, at the start", {}, sig.init, "linespoints"},
        s2{"sigmoid, " + after, {}, sig.trained, "linespoints"},
        r1{"ReLU, at the start", {}, relu.init, "linespoints"},
        r2{"ReLU, " + after, {}, relu.trained, "linespoints"};
    for (std::size_t l = 0; l < sig.init.size(); ++l) {
        rows.push_back({fmt::format("{}", l + 1), fmt::format("{:.2e}", sig.init[l]),
                        fmt::format("{:.2e}", sig.trained[l]), fmt::format("{:.2e}", relu.init[l]),
                        fmt::format("{:.2e}", relu.trained[l])});
        for (auto* s : {&s1, &s2, &r1, &r2}) s->x.push_back(double(l + 1));
    }
    nn::print_table({"layer", "sigmoid: start", fmt::format("after {}", steps), "ReLU: start",
                     fmt::format("after {}", steps)},
                    rows);
    fmt::print("Loss: sigmoid {:.4f} -> {:.4f}; ReLU {:.4f} -> {:.4f}.\n", sig.loss_init, sig.loss_trained,
               relu.loss_init, relu.loss_trained);
    fmt::print(
        "Backwards through each sigmoid layer the gradient is multiplied by σ′ ≤ 0.25 (and by the\n"
        "weights): the first layer's gradient is {:.0e} times the last's at the start, so the\n"
        "layers nearest the input {}. {} ReLU's derivative is 1\n"
        "wherever a unit is active: with He's start its gradients stay within a factor of {:.0f}\n"
        "from the first layer to the last, and it {}. (A sigmoid network with weights large\n"
        "enough to undo the 0.25 would instead explode: the same product, the other way.)\n",
        sig.init.front() / sig.init.back(),
        sig.init.front() < 1e-2 * sig.init.back() ? "barely learn" : "still get a usable share",
        sigmoid_outcome(sig.loss_trained, sig.trained),
        std::max(relu.init.front() / relu.init.back(), relu.init.back() / relu.init.front()),
        relu.loss_trained < 0.1 * relu.loss_init ? "trains" : "does NOT train either");
    plot.series = {s1, s2, r1, r2};
    opt.plot(plot, "10-vanishing-gradients.png");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    return lesson.run(argc, argv, [](const nn::LessonOptions& opt) {
        losses();
        softmax_overflow();
        learning_slowdown(opt);
        activations(opt);
        why_non_linear();
        which_loss();
        vanishing_gradients(opt);
    });
}
