// Lesson 10 — losses and activations.
// Deck Intro-ANN: "Loss Functions", "Activation Functions", "Activation: Sigmoid" (saturate and kill
// gradients), "Activation: ReLU" (prevents the gradient vanishing problem), "Tips to choose
// activation and loss functions", the modern activations (leaky ReLU, ELU).
// Deck IBM-2: "Improving Neural Networks", "Loss Function" (quadratic against cross-entropy).
// Deck Matrix-view: "Why Non linear activation function", "Softmax", "Loss Function" (0.22).
// Deck FruitPunch: "Vanishing/Exploding gradients?".
// Run: ./nn run 10        Exercises: exercises/10_losses_activations.cpp, ./nn check 10
#include <fmt/core.h>

#include <cmath>
#include <vector>

#include "exercise.hpp"
#include "nn/data.hpp"
#include "nn/lesson.hpp"
#include "nn/losses.hpp"
#include "nn/mlp.hpp"
#include "nn/print.hpp"
#include "nn/training.hpp"
#include "slide.hpp"

using namespace lesson10;

namespace {

void losses() {
    nn::heading("1. Three losses (Intro-ANN, \"Loss Functions\")");
    const nn::Matrix y = (nn::Matrix(1, 3) << 1, 0, 1).finished(), p = (nn::Matrix(1, 3) << 0.9, 0.2, 0.6).finished();
    fmt::print("Targets y = [1, 0, 1], predictions ŷ = [0.9, 0.2, 0.6]:\n");
    fmt::print("  MSE = 1/n Σ (y − ŷ)²            = (0.01 + 0.04 + 0.16)/3 = {:.6f}\n", nn::mse(p, y).loss);
    fmt::print("  binary cross-entropy, averaged  = −(ln 0.9 + ln 0.8 + ln 0.6)/3 = {:.6f}\n",
               nn::binary_cross_entropy(p, y).loss);
    fmt::print("Cross-entropy for one-hot targets keeps only −ln of the probability of the true class.\n");

    nn::heading("2. Matrix-view's cross-entropy \"0.22\"");
    nn::Matrix t(5, 1), q(5, 1);
    for (int k = 0; k < 5; ++k) {
        t(k, 0) = slide::targets[static_cast<std::size_t>(k)];
        q(k, 0) = slide::softmax_output[static_cast<std::size_t>(k)];
    }
    fmt::print("−[0 0 0 1 0]·log [0.23 0.04 0.06 0.6 0.07] = −log 0.6, in three bases:\n");
    nn::SlideTable s;
    s.row("natural log: −ln 0.6 (cross_entropy)", cross_entropy(q, t), slide::cross_entropy,
          "0.51 with ln, the logarithm every framework uses");
    s.row("base 10: −log10 0.6", -std::log10(0.6), slide::cross_entropy);
    s.row("base 2: −log2 0.6", -std::log2(0.6), slide::cross_entropy, "0.74 bits");
    s.print();
    fmt::print("The deck's 0.22 is −log10 0.6 = 0.2218. The base only scales the loss (ln 0.6 =\n"
               "log10 0.6 × ln 10), so it does not move the minimum, but it does scale every gradient.\n");
}

void softmax_overflow() {
    nn::heading("3. Softmax, computed stably (Matrix-view, \"Softmax\")");
    const nn::Matrix z = (nn::Matrix(3, 1) << 1000, 1001, 1002).finished();
    const nn::Matrix naive_e = z.array().exp().matrix();
    const nn::Matrix naive = naive_e / naive_e.sum();
    const nn::Matrix p = stable_softmax(z);
    fmt::print("z = [1000, 1001, 1002]: e^1000 overflows a double (largest about e^709).\n");
    auto show = [](double v) { return std::isnan(v) ? std::string("NaN") : fmt::format("{:.6f}", v); };
    fmt::print("  naive e^z / Σ e^z       = [{}, {}, {}]   (∞/∞)\n", show(naive(0, 0)), show(naive(1, 0)), show(naive(2, 0)));
    fmt::print("  shifted by max z = 1002 = [{:.6f}, {:.6f}, {:.6f}]\n", p(0, 0), p(1, 0), p(2, 0));
    fmt::print("Subtracting the maximum changes nothing (it cancels between top and bottom) and leaves\n"
               "every exponent ≤ 0. The result equals softmax([0, 1, 2]).\n");
}

void learning_slowdown(const nn::LessonOptions& opt) {
    nn::heading("4. The learning slowdown: quadratic cost against cross-entropy (IBM-2)");
    fmt::print("One sigmoid neuron, input x = 1, target y = 0, a constant rate η = {} for {} epochs\n"
               "(\"let's play with different initial weights\"). The slide's two gradients:\n"
               "  quadratic  C = (y − a)²/2:          ∂C/∂w = (a − y)·σ′(z)·x\n"
               "  cross-entropy:                      ∂C/∂w = x·(σ(z) − y)\n\n", slide::eta, slide::epochs);
    std::vector<std::vector<std::string>> rows;
    nn::plot::LinePlot plot{"One neuron learning 1 -> 0: output a per epoch", "epoch", "output a", {}};
    for (const auto& [w0, b0, start] : {std::tuple{slide::w_good, slide::b_good, "w = 0.6, b = 0.9"},
                                        std::tuple{slide::w_bad, slide::b_bad, "w = 2, b = 2"}}) {
        for (const bool quadratic : {true, false}) {
            double w = w0, b = b0;
            nn::plot::Series s{fmt::format("{}, {}", start, quadratic ? "quadratic" : "cross-entropy"), {}, {}};
            double first_grad = 0;
            for (int e = 0; e <= slide::epochs; ++e) {
                const double z = w * slide::x + b, a = nn::sigmoid(z);
                s.x.push_back(e);
                s.y.push_back(a);
                const double dz = quadratic ? (a - slide::y) * activation_prime(nn::Activation::sigmoid, z) : a - slide::y;
                if (e == 0) first_grad = dz * slide::x;
                w -= slide::eta * dz * slide::x;
                b -= slide::eta * dz;
            }
            rows.push_back({start, quadratic ? "quadratic" : "cross-entropy", fmt::format("{:.6f}", s.y[0]),
                            fmt::format("{:.6f}", first_grad), fmt::format("{:.4f}", s.y[30]),
                            fmt::format("{:.4f}", s.y.back())});
            plot.series.push_back(s);
        }
    }
    nn::print_table({"start", "cost", "a at start", "∂C/∂w at start", "a @30", "a @300"}, rows, "llrrrr");
    fmt::print(
        "From w = b = 2 the neuron starts badly wrong (a = 0.98) and saturated: σ′(4) = 0.018, so the\n"
        "quadratic gradient is tiny and the output hardly moves for the first epochs. Cross-entropy's\n"
        "gradient is a − y itself, largest when most wrong: it learns fastest where it is worst.\n"
        "(The slide writes ∂C/∂w = (a − y)σ′(z)x = aσ′(z); the second form holds only here, with\n"
        "x = 1 and y = 0.)\n");
    opt.plot(plot, "10-learning-slowdown.png");
}

void activations(const nn::LessonOptions& opt) {
    nn::heading("5. Activations and their derivatives (Intro-ANN, \"MLP vs DNN\", \"Activation Functions\")");
    using nn::Activation;
    const Activation acts[] = {Activation::sigmoid, Activation::tanh, Activation::relu, Activation::leaky_relu,
                               Activation::elu};
    std::vector<std::vector<std::string>> rows;
    nn::plot::LinePlot values{"Activations", "z", "g(z)", {}}, slopes{"Their derivatives", "z", "g′(z)", {}};
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
            if (k % 7 == 3) {  // central differences away from the kink at 0
                nn::Matrix up(1, 1), down(1, 1);
                up << z + 1e-6;
                down << z - 1e-6;
                const double numeric = (nn::activate(a, up)(0) - nn::activate(a, down)(0)) / 2e-6;
                worst = std::max(worst, std::abs(numeric - activation_prime(a, z)));
            }
        }
        values.series.push_back(v);
        slopes.series.push_back(d);
        rows.push_back({nn::name(a), fmt::format("{:.4f}", activation_prime(a, -3)), fmt::format("{:.4f}", activation_prime(a, 0.5)),
                        fmt::format("{:.4f}", activation_prime(a, 3)), nn::measured(worst, "{:.1e}")});
    }
    nn::print_table({"activation", "g′(−3)", "g′(0.5)", "g′(3)", "max |g′ − central diff.|"}, rows, "lrrrr");
    fmt::print("The sigmoid's slope never exceeds 0.25 and fades on both sides; tanh's reaches 1 at 0;\n"
               "ReLU's is 1 for every positive input, and leaky ReLU and ELU keep a little below 0.\n");
    opt.plot(values, "10-activations.png");
    opt.plot(slopes, "10-activation-derivatives.png");
}

void why_non_linear() {
    nn::heading("6. Why non-linear? (Matrix-view, \"Why Non linear activation function\")");
    nn::Rng rng(10);
    const nn::Matrix W1 = rng.normal_matrix(4, 8, 0, 1), W2 = rng.normal_matrix(1, 4, 0, 1);
    const nn::Vector b1 = rng.normal_matrix(4, 1, 0, 1).col(0), b2 = rng.normal_matrix(1, 1, 0, 1).col(0);
    const nn::Matrix X = rng.normal_matrix(8, 5, 0, 1);
    const nn::Matrix W = W2 * W1;
    const nn::Vector b = W2 * b1 + b2;
    auto layer = [](const nn::Matrix& M, const nn::Vector& c, const nn::Matrix& A) { return nn::Matrix((M * A).colwise() + c); };
    const nn::Matrix two_linear = layer(W2, b2, layer(W1, b1, X)), one = layer(W, b, X);
    const nn::Matrix with_relu = layer(W2, b2, layer(W1, b1, X).cwiseMax(0.0));
    fmt::print("The slide's 8-4-1 network with A[1] = Z[1] (no activation), seeded weights, 5 inputs:\n");
    nn::print_matrix("W2(W1·X + b1) + b2", two_linear, 6);
    nn::print_matrix("W·X + b, W = W2·W1, b = W2·b1 + b2", one, 6);
    fmt::print("Largest difference: {}: two linear layers are one linear layer (a 1×8 W).\n",
               nn::measured((two_linear - one).cwiseAbs().maxCoeff(), "{:.1e}"));
    nn::print_matrix("with ReLU between", with_relu, 6);
    fmt::print("With ReLU between them the outputs differ (by up to {:.3f}): no single W and b gives\n"
               "them for every input, and the network can represent more than a line.\n",
               (with_relu - one).cwiseAbs().maxCoeff());
}

void which_loss() {
    nn::heading("7. Choosing the final activation and the loss (Intro-ANN, \"Tips to choose\")");
    nn::print_table({"problem", "output", "final activation", "loss"},
                    {{"regression", "a number", "linear", "mean squared error"},
                     {"classification", "binary", "sigmoid", "binary cross-entropy"},
                     {"classification", "one label of many classes", "softmax", "cross-entropy"},
                     {"classification", "several labels of many classes", "sigmoid", "binary cross-entropy"}},
                    "llll");
    fmt::print("Lessons 11 and 12 are the third row: softmax with cross-entropy, whose gradient with\n"
               "respect to the logits is (P − Y)/N (exercise 10.3).\n");
}

void vanishing_gradients(const nn::LessonOptions& opt) {
    nn::heading("8. Vanishing gradients: 10 sigmoid layers against 10 ReLU layers");
    fmt::print(
        "Intro-ANN: sigmoid neurons \"saturate and kill gradients\"; ReLU \"prevents the gradient\n"
        "vanishing problem\" (FruitPunch asks about it too). A 4-32×10-3 network on Iris\n"
        "(standardized, all 150 flowers, softmax cross-entropy), sigmoid with Glorot-uniform weights\n"
        "(Keras's default) against ReLU with He-normal weights: ‖∂L/∂W‖ of each layer at the start\n"
        "and after 500 full-batch steps of SGD (lr 0.1).\n\n");
    const auto iris = nn::load_iris(opt.data_dir / "iris.csv");
    const nn::Matrix X = nn::Standardizer::fit(iris.X).apply(iris.X), Y = nn::one_hot(iris.labels, 3);
    std::vector<int> sizes{4};
    for (int l = 0; l < 10; ++l) sizes.push_back(32);
    sizes.push_back(3);
    struct Result {
        std::vector<double> init, trained;
        double loss_init, loss_trained;
    };
    auto run = [&](nn::Activation a, nn::Init init) {
        nn::Rng rng(10);
        std::vector<nn::Activation> acts(10, a);
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
        for (int s = 0; s < 500; ++s) {
            double l = 0;
            m.sgd_step(norms(l).second, 0.1);
        }
        r.trained = norms(r.loss_trained).first;
        return r;
    };
    const Result sig = run(nn::Activation::sigmoid, nn::Init::glorot_uniform);
    const Result relu = run(nn::Activation::relu, nn::Init::he_normal);
    std::vector<std::vector<std::string>> rows;
    nn::plot::LinePlot plot{"Gradient norm per layer (layer 1 is next to the input)", "layer", "‖∂L/∂W‖", {}};
    plot.log_y = true;
    nn::plot::Series s1{"sigmoid, at the start", {}, sig.init, "linespoints"}, s2{"sigmoid, after 500 steps", {}, sig.trained, "linespoints"},
        r1{"ReLU, at the start", {}, relu.init, "linespoints"}, r2{"ReLU, after 500 steps", {}, relu.trained, "linespoints"};
    for (std::size_t l = 0; l < sig.init.size(); ++l) {
        rows.push_back({fmt::format("{}", l + 1), fmt::format("{:.2e}", sig.init[l]), fmt::format("{:.2e}", sig.trained[l]),
                        fmt::format("{:.2e}", relu.init[l]), fmt::format("{:.2e}", relu.trained[l])});
        for (auto* s : {&s1, &s2, &r1, &r2}) s->x.push_back(static_cast<double>(l + 1));
    }
    nn::print_table({"layer", "sigmoid: start", "after 500", "ReLU: start", "after 500"}, rows);
    fmt::print("Loss: sigmoid {:.4f} -> {:.4f}; ReLU {:.4f} -> {:.4f}.\n", sig.loss_init, sig.loss_trained,
               relu.loss_init, relu.loss_trained);
    fmt::print(
        "Backwards through each sigmoid layer the gradient is multiplied by σ′ ≤ 0.25 (and by the\n"
        "weights): the first layer's gradient is {:.0e} times the last's at the start, so the\n"
        "layers nearest the input barely learn. The sigmoid network ends at ln 3 = 1.0986, the loss\n"
        "of answering 1/3 for every class: it learned the class shares and nothing else, and its\n"
        "gradients have vanished in every layer. ReLU's derivative is 1\n"
        "wherever a unit is active: with He's start its gradients stay within a factor of {:.0f}\n"
        "from the first layer to the last, and it trains. (A sigmoid network with weights large\n"
        "enough to undo the 0.25 would instead explode: the same product, the other way.)\n",
        sig.init.front() / sig.init.back(), std::max(relu.init.front() / relu.init.back(), relu.init.back() / relu.init.front()));
    plot.series = {s1, s2, r1, r2};
    opt.plot(plot, "10-vanishing-gradients.png");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson({"10", "Losses and activations", "IBM-2, Intro-ANN, Matrix-view",
                       "MSE and cross-entropies, the deck's 0.22, a softmax that survives 1000, "
                       "the learning slowdown, five activations, why non-linear, vanishing gradients."});
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
