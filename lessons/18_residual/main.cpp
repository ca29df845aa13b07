// Lesson 18 — deep plain and residual networks.
// FruitPunch's "Further questions to expand your knowledge" ask "How did people achieve developing
// 100-1000 layers networks?" and "Vanishing/Exploding gradients?"; Intro-ANN says deep nets are hard
// to train (its "Batch Normalization" slide). Neither deck shows the answer: the residual block
// y = x + F(x) (He et al., 2015), whose identity path carries the gradient past every layer. This
// lesson works one block out by hand, forward and backward (exercises 18.1 and 18.2), then sets
// 30-layer plain and residual networks, with and without normalization, side by side on MNIST:
// their gradient norms per layer (lesson 10's vanishing gradients, cured) and their training.
// Run: ./nn run 18 [--quick]   Exercises: exercises/18_residual.cpp, ./nn check 18
#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "lesson.hpp"
#include "nn/data.hpp"
#include "nn/gradcheck.hpp"
#include "nn/lesson.hpp"
#include "nn/losses.hpp"
#include "nn/optim.hpp"
#include "nn/print.hpp"
#include "nn/progress.hpp"
#include "nn/training.hpp"

using namespace lesson18;

namespace {

struct Settings {
    bool quick = false;
    int epochs = 3;
    std::size_t train_n = 0, test_n = 0;  // 0: all of them
    nn::Index hidden = 30, width = 64, batch = 64, grad_batch = 256;
    double lr = 1e-3;
    std::uint64_t seed = 18;
};

// Section 1's block: d = 2, h = 3, and two samples (the same numbers as the tests of 18.1 and 18.2).
Block hand_block() {
    Block p;
    p.W1.resize(3, 2);
    p.W1 << 1, -1, 0.5, 2, -1, 0.5;
    p.b1.resize(3);
    p.b1 << 0, -1, 0.5;
    p.W2.resize(2, 3);
    p.W2 << 1, 2, -1, 0.5, -1, 1;
    p.b2.resize(2);
    p.b2 << 0.1, -0.2;
    return p;
}

// A number for a term of a sum: negative ones in parentheses.
std::string num(double v) {
    const std::string s = nn::format_number(v, 4);
    return v < 0 ? "(" + s + ")" : s;
}

std::string vec(const nn::Matrix& v) {
    std::string s = "(";
    for (nn::Index i = 0; i < v.size(); ++i) s += (i ? ", " : "") + nn::format_number(v(i), 4);
    return s + ")";
}

void block_by_hand() {
    nn::heading(
        "1. A residual block by hand (FruitPunch slide 24, \"Further questions to "
        "expand your knowledge\")");
    const Block p = hand_block();
    nn::Matrix X(2, 2);
    X << 2, -1, 1, 1;
    fmt::print(
        "FruitPunch asks \"How did people achieve developing 100-1000 layers networks?\" and\n"
        "\"Vanishing/Exploding gradients?\". Much of the answer to the first is a cure for the second:\n"
        "the residual block (He et al., 2015), y = x + F(x), with normalization (sections 2 and 3).\n\n"
        "A block of width d = 2 with h = 3 units inside: F(x) = W2·relu(W1·x + b1) + b2, and the skip\n"
        "connection adds x back, y = x + F(x) (no ReLU after the sum). Samples are columns.\n\n");
    nn::print_matrix("W1", p.W1, 2);
    nn::print_matrix("b1", p.b1, 2);
    nn::print_matrix("W2", p.W2, 2);
    nn::print_matrix("b2", p.b2, 2);
    nn::print_matrix("X (two samples)", X, 2);
    const nn::Matrix Z = (p.W1 * X).colwise() + p.b1, A = Z.cwiseMax(0.0);
    const nn::Matrix F = (p.W2 * A).colwise() + p.b2;
    const nn::Matrix Y = residual_forward(p, X);  // exercise 18.1
    fmt::print("\nForward, sample by sample:\n");
    for (nn::Index n = 0; n < 2; ++n) {
        fmt::print("  x = {}\n", vec(X.col(n)));
        std::string first;  // the first unit's sum, term by term
        for (nn::Index i = 0; i < 2; ++i) first += fmt::format("{}·{} + ", num(p.W1(0, i)), num(X(i, n)));
        fmt::print("    z = W1·x + b1 = {}   (z₁ = {}{} = {})\n", vec(Z.col(n)), first, num(p.b1(0)),
                   nn::format_number(Z(0, n), 4));
        fmt::print("    a = relu(z) = {}\n", vec(A.col(n)));
        fmt::print("    F = W2·a + b2 = {}\n", vec(F.col(n)));
        fmt::print("    y = x + F = {}   (exercise 18.1: {})\n", vec(X.col(n) + F.col(n)), vec(Y.col(n)));
    }

    nn::Matrix dY(2, 2);
    dY << 1, 0, 0, 1;
    const BlockGrads g = residual_backward(p, X, dY);  // exercise 18.2
    const nn::Matrix dZ = (p.W2.transpose() * dY).cwiseProduct((Z.array() > 0.0).cast<double>().matrix());
    const nn::Matrix through_F = p.W1.transpose() * dZ;
    fmt::print(
        "\nBackward with dY = ∂L/∂Y = (1, 0) for the first sample and (0, 1) for the second (L = y₁ of\n"
        "the first plus y₂ of the second). The sum y = x + F hands dY to both of its terms, unchanged:\n");
    for (nn::Index n = 0; n < 2; ++n) {
        fmt::print("  sample {}: dA = W2ᵀ·dY = {}, z = {} -> dZ = dA ⊙ [z > 0] = {}\n", n + 1,
                   vec(p.W2.transpose() * dY.col(n)), vec(Z.col(n)), vec(dZ.col(n)));
        fmt::print("    dX = dY + W1ᵀ·dZ = {} + {} = {}   (exercise 18.2: {})\n", vec(dY.col(n)),
                   vec(through_F.col(n)), vec(dY.col(n) + through_F.col(n)), vec(g.dX.col(n)));
    }
    nn::print_matrix("dW1 = dZ·Xᵀ (summed over both samples)", g.dW1, 4);
    nn::print_matrix("db1 = Σ dZ", g.db1, 4);
    nn::print_matrix("dW2 = dY·Aᵀ", g.dW2, 4);
    nn::print_matrix("db2 = Σ dY", g.db2, 4);

    // Every gradient against central differences of L = Σ dY ⊙ Y through exercise 18.1.
    Block q = p;
    nn::Matrix Xq = X;
    const auto L = [&] { return residual_forward(q, Xq).cwiseProduct(dY).sum(); };
    const double err = std::max({nn::rel_error(g.dX, nn::central_gradient(L, Xq)),
                                 nn::rel_error(g.dW1, nn::central_gradient(L, q.W1)),
                                 nn::rel_error(g.db1, nn::central_gradient(L, q.b1)),
                                 nn::rel_error(g.dW2, nn::central_gradient(L, q.W2)),
                                 nn::rel_error(g.db2, nn::central_gradient(L, q.b2))});
    fmt::print(
        "\nAgainst nn::central_gradient (lesson 06), the largest relative error of the five is\n{}: {}.\n",
        nn::measured(err, "{:.1e}"), err < 1e-7 ? "they agree" : "they DO NOT agree");
    fmt::print(
        "\nThe \"+ dY\" is the identity path: without the skip, dX would be W1ᵀ·dZ alone, {} and\n"
        "{}. Through a stack of blocks x_(k+1) = x_k + F_k(x_k) the backward multiplies by\n"
        "(I + J_k)ᵀ at every block, J_k the branch's Jacobian; multiplied out, one term of that\n"
        "product is the gradient at the top, handed down untouched by any layer. A plain stack\n"
        "multiplies by J_kᵀ alone, and a product of many small factors vanishes (lesson 10, section 8).\n",
        vec(through_F.col(0)), vec(through_F.col(1)));
    // A block whose branch is dead (every ReLU off) still passes the gradient.
    Block dead = p;
    dead.b1.setConstant(-10);
    const BlockGrads gd = residual_backward(dead, X, dY);
    fmt::print(
        "With b1 = −10 every ReLU of the branch is off: its gradients are 0 (‖dW1‖ = {:.1f}), yet dX =\n"
        "{} and {}: dY itself, still handed to the layers below.\n",
        gd.dW1.norm(), vec(gd.dX.col(0)), vec(gd.dX.col(1)));
}

// The networks of sections 2 and 3: the same sizes, seed and initialization, four architectures.
DeepConfig config(const Settings& s, bool residual, bool norm, nn::Init init) {
    return {.inputs = 784,
            .width = s.width,
            .hidden = s.hidden,
            .classes = 10,
            .residual = residual,
            .norm = norm,
            .init = init};
}
std::vector<DeepConfig> four(const Settings& s, nn::Init init) {
    return {config(s, false, false, init), config(s, false, true, init), config(s, true, false, init),
            config(s, true, true, init)};
}
std::string label(const DeepConfig& c) {
    return describe(c) + (c.init == nn::Init::glorot_uniform ? "" : ", He init");
}

struct Summary {
    double loss, smallest, largest, first, last;
};
Summary summarize(const GradientReport& r) {
    return {.loss = r.loss,
            .smallest = *std::min_element(r.norms.begin(), r.norms.end()),
            .largest = *std::max_element(r.norms.begin(), r.norms.end()),
            .first = r.norms[1],
            .last = r.norms[r.norms.size() - 2]};
}

void norms_table(const std::vector<DeepConfig>& nets, const std::vector<GradientReport>& reports) {
    std::vector<std::vector<std::string>> rows;
    for (std::size_t k = 0; k < nets.size(); ++k) {
        const Summary m = summarize(reports[k]);
        rows.push_back({label(nets[k]), fmt::format("{:.3f}", m.loss), fmt::format("{:.2e}", m.smallest),
                        fmt::format("{:.2e}", m.largest), fmt::format("{:.2e}", m.first),
                        fmt::format("{:.2e}", m.last), fmt::format("{:.3f}", m.first / m.last)});
    }
    nn::print_table({"network", "loss", "smallest ‖∂L/∂W‖", "largest", "hidden 1", "hidden 30", "1 / 30"},
                    rows, "lrrrrrr");
}

nn::plot::LinePlot norms_plot(const std::string& title, const std::vector<DeepConfig>& nets,
                              const std::vector<GradientReport>& reports) {
    nn::plot::LinePlot plot{.title = title,
                            .xlabel = "layer (0: input layer, 31: output layer)",
                            .ylabel = "‖∂L/∂W‖",
                            .series = {},
                            .log_y = true};
    for (std::size_t k = 0; k < nets.size(); ++k) {
        nn::plot::Series ser{.title = label(nets[k]), .x = {}, .y = reports[k].norms, .style = "linespoints"};
        for (std::size_t l = 0; l < reports[k].norms.size(); ++l) ser.x.push_back(double(l));
        plot.series.push_back(ser);
    }
    return plot;
}

std::vector<DeepConfig> at_initialization(const nn::LessonOptions& opt, const nn::Mnist& train,
                                          const Settings& s) {
    nn::heading(
        "2. Gradient norms per layer at the start: lesson 10's vanishing gradients (FruitPunch slide 24)");
    const nn::Matrix X = train.X(0, std::size_t(s.grad_batch)), Y = train.Y(0, std::size_t(s.grad_batch));
    fmt::print(
        "Four networks of the same depth and width: an input layer 784 -> {0}, {1} hidden layers {0} -> "
        "{0},\n"
        "an output layer {0} -> 10; ReLU everywhere but the output; the same first weights (seed {2}).\n"
        "  plain            h ← relu(W·h + b)\n"
        "  plain + norm     h ← relu(N(W·h + b))\n"
        "  residual         h ← h + W2·relu(W1·h + b1) + b2, the hidden layers in {3} pairs (exercise 18.1)\n"
        "  residual + norm  h ← h + W2·relu(N(W1·h + b1)) + b2\n"
        "N normalizes each sample's pre-activations over the layer's {0} units to mean 0 and variance 1\n"
        "(layer normalization, exercise 18.3; lesson 13's batch norm does the same per unit over the\n"
        "batch; per sample, it needs no running statistics and acts the same in training and at test).\n"
        "The weights are Glorot-uniform, Keras's default (the decks' Keras models use it), biases 0.\n\n",
        s.width, s.hidden, s.seed, s.hidden / 2);
    {
        nn::Matrix z(4, 1);
        z << 1, 2, 3, 6;
        nn::Vector inv;
        const nn::Matrix u = normalize_columns(z, inv);  // exercise 18.3
        fmt::print(
            "N by hand (exercise 18.3), on one column z = (1, 2, 3, 6): mean 3, variance (4 + 1 + 0 + 9)/4\n"
            "= 3.5, N(z) = (z − 3)/√(3.5 + {:g}) = {}.\n\n",
            kNormEps, vec(u));
    }
    fmt::print("‖∂L/∂W_l‖ of every layer for the softmax cross-entropy on the first {} training images:\n\n",
               s.grad_batch);
    std::vector<DeepConfig> nets = four(s, nn::Init::glorot_uniform);
    nets.push_back(config(s, false, false, nn::Init::he_normal));
    std::vector<GradientReport> reports;
    for (const DeepConfig& c : nets) {
        nn::Rng rng(s.seed);
        DeepNet net(c, rng);
        reports.push_back(gradient_norms(net, X, Y));
    }
    std::vector<std::vector<std::string>> rows;
    for (std::size_t l = 0; l < reports[0].norms.size(); ++l) {
        std::vector<std::string> row{l == 0                             ? "0 (input)"
                                     : l + 1 == reports[0].norms.size() ? fmt::format("{} (output)", l)
                                                                        : fmt::format("{}", l)};
        for (std::size_t k = 0; k < 4; ++k) row.push_back(fmt::format("{:.2e}", reports[k].norms[l]));
        rows.push_back(row);
    }
    nn::print_table({"layer", "plain", "plain + norm", "residual", "residual + norm"}, rows);

    const Summary plain = summarize(reports[0]), pn = summarize(reports[1]), res = summarize(reports[2]),
                  rn = summarize(reports[3]), he = summarize(reports[4]);
    fmt::print(
        "\nThe plain network's gradients {}: its largest ‖∂L/∂W‖ is {:.1e},\n"
        "{:.0e} times smaller than the residual network's smallest ({:.1e}).\n{}\n",
        plain.largest < 1e-3 ? "have vanished in every layer" : "have NOT vanished", plain.largest,
        res.smallest / plain.largest, res.smallest,
        plain.first / plain.last > 0.1
            ? fmt::format(
                  "They vanish all along, not only near the input (hidden 1 / hidden 30 = {:.2f}):\n"
                  "with Glorot's weights a ReLU layer halves the signal's variance going up, so after 30\n"
                  "layers the activations are tiny, and ‖∂L/∂W_l‖ = ‖δ_l·h_(l−1)ᵀ‖ holds one of them in "
                  "every\n"
                  "layer, on top of a δ that shrinks the same way going down.",
                  plain.first / plain.last)
            : fmt::format("They vanish towards the input: hidden 1 / hidden 30 = {:.1e}.",
                          plain.first / plain.last));
    fmt::print(
        "The residual network's gradients {}, from {:.2e} to {:.2e}: each block adds its\n"
        "branch to what passes through, so nothing shrinks. Normalization alone also {}\n"
        "(plain + norm: {:.2e} to {:.2e}): it rescales every layer's signal to variance 1.\n",
        res.smallest > 1e-2 ? "all stay large" : "do NOT all stay large", res.smallest, res.largest,
        pn.smallest > 1e-2 ? "keeps them from vanishing" : "does NOT keep them from vanishing", pn.smallest,
        pn.largest);
    fmt::print(
        "The residual network's first loss is {:.2f}, against ln 10 = {:.2f} for a network that answers\n"
        "1/10 for every class: its activations grow block by block (each adds a branch of about the\n"
        "same size), so its logits start large; with normalization inside the branches, {:.2f}.\n",
        res.loss, std::log(10.0), rn.loss);
    fmt::print(
        "\nLesson 10's cure for ReLU was He's initialization, N(0, √(2/in)), which doubles the weights'\n"
        "variance to make up for the half that ReLU zeroes. Both initializations, in summary (hidden 1\n"
        "and hidden 30 are the first and last hidden layers):\n\n");
    std::vector<DeepConfig> all = four(s, nn::Init::glorot_uniform);
    std::vector<GradientReport> all_reports(reports.begin(), reports.begin() + 4);
    for (const DeepConfig& c : four(s, nn::Init::he_normal)) {
        nn::Rng rng(s.seed);
        DeepNet net(c, rng);
        all.push_back(c);
        all_reports.push_back(gradient_norms(net, X, Y));
    }
    norms_table(all, all_reports);
    const Summary res_he = summarize(all_reports[6]);
    fmt::print(
        "\nWith He's weights the plain network's gradients {} ({:.2e} to {:.2e}): at the start,\n"
        "He's initialization is enough for 30 ReLU layers. The residual network without normalization, on\n"
        "the other hand, starts with a loss of {:.0f}: with He's weights each branch is as large as what\n"
        "it is added to, so the signal doubles in variance at every block, {} times over 15 blocks.\n"
        "Section 3 trains the four networks with Keras's default, and the plain network with He's too.\n",
        he.smallest > 1e-2 ? "do not vanish" : "vanish as well", he.smallest, he.largest, res_he.loss,
        1 << (s.hidden / 2));
    opt.plot(
        norms_plot("18: ‖∂L/∂W‖ per layer at the start, 30 hidden layers of 64 (log scale)", nets, reports),
        s.quick ? "18-gradient-norms-quick.png" : "18-gradient-norms.png");
    return nets;
}

struct Run {
    std::vector<double> loss, test_accuracy;
    GradientReport before, after;
    std::vector<double> spread_before, spread_after;  // DeepNet::relu_spread on the same images
    std::vector<int> predicted;                       // the test images' classes after the last epoch
    double seconds = 0;
};

Run train_one(const DeepConfig& c, const nn::Mnist& train, const nn::Matrix& X_test,
              const std::vector<int>& labels, const Settings& s) {
    nn::Rng init(s.seed), batches(s.seed + 1);
    DeepNet net(c, init);
    nn::Adam adam{.lr = s.lr};
    const auto n_train = nn::Index(s.train_n ? std::min(s.train_n, train.size()) : train.size());
    const auto get = [&](const std::vector<nn::Index>& idx) { return nn::Batch{train.X(idx), train.Y(idx)}; };
    const auto step = [&](const nn::Matrix& X, const nn::Matrix& Y) {
        const auto lg = nn::softmax_cross_entropy(net.forward(X), Y);
        adam.step(net.params(), net.backward(lg.grad));
        return lg.loss;
    };
    Run r;
    const nn::Matrix X_grad = train.X(0, std::size_t(s.grad_batch)),
                     Y_grad = train.Y(0, std::size_t(s.grad_batch));
    r.before = gradient_norms(net, X_grad, Y_grad);
    r.spread_before = net.relu_spread(X_grad);
    for (int e = 1; e <= s.epochs; ++e) {
        nn::ProgressBar bar(fmt::format("{} epoch {}/{}", label(c), e, s.epochs), std::size_t(n_train));
        const auto progress = [&](nn::Index seen, double loss) {
            bar.update(std::size_t(seen), fmt::format("loss {:.4f}", loss));
        };
        r.loss.push_back(nn::train_epoch(nn::minibatches, n_train, s.batch, batches, get, step, progress));
        r.seconds += bar.seconds();
        bar.finish();
        r.predicted = nn::argmax_columns(net.predict(X_test));
        r.test_accuracy.push_back(nn::accuracy(r.predicted, labels));
    }
    r.after = gradient_norms(net, X_grad, Y_grad);
    r.spread_after = net.relu_spread(X_grad);
    return r;
}

// Why a network stopped learning: its layers' outputs no longer differ from image to image
// (DeepNet::relu_spread), so it gives every test image the same answer; then the same network,
// from the same weights, trained with a rate 10 times smaller.
void collapsed(const DeepConfig& c, const Run& r, const nn::Mnist& train, const nn::Matrix& X_test,
               const std::vector<int>& labels, const Settings& s) {
    const double first = r.spread_after.front(), last = r.spread_after.back();
    const auto layers = std::ssize(r.spread_after) - 1;
    std::vector<nn::Index> answers(10, 0), truth(10, 0);
    for (const int p : r.predicted) ++answers[std::size_t(p)];
    for (const int y : labels) ++truth[std::size_t(y)];
    const auto most = std::max_element(answers.begin(), answers.end()) - answers.begin();
    const auto n = nn::Index(labels.size()), count = answers[std::size_t(most)];
    const Summary g = summarize(r.after);
    fmt::print(
        "Why: its top layers now give every image nearly the same output. Each unit's standard deviation\n"
        "over the {} images, averaged over the units (DeepNet::relu_spread), is {:.2g} after the input\n"
        "layer and {:.1e} after hidden layer {} (at the start {:.2g} and {:.2g}): each layer shrinks what\n"
        "tells the images apart by a factor of {:.2f} on average, {:.1e} over the {} layers, against\n"
        "{:.1e} for the gradients' hidden 1 / hidden 30. It is the forward side of the vanishing\n"
        "gradient: a difference between two images goes up through the same layers' derivatives that\n"
        "the gradient comes down through. The normalization holds every layer's pre-activations at\n"
        "variance 1 over its units, so the signal itself does not vanish, only what differs from image\n"
        "to image. With no gradient left below the top layers, nothing undoes it. The output layer sees\n"
        "one input, so the network answers {} for {} of the {} test images.\n{}",
        s.grad_batch, first, last, layers, r.spread_before.front(), r.spread_before.back(),
        std::pow(last / first, 1.0 / double(layers)), last / first, layers, g.first / g.last, most, count, n,
        count == n ? fmt::format("Its accuracy, {:.4f}, is the share of {}s among them.\n",
                                 double(truth[std::size_t(most)]) / double(n), most)
                   : std::string());
    Settings slower = s;
    slower.lr = s.lr / 10;
    const Run slow = train_one(c, train, X_test, labels, slower);
    std::string accuracies;
    for (const double a : slow.test_accuracy)
        accuracies += fmt::format("{}{:.4f}", accuracies.empty() ? "" : ", ", a);
    const bool learns = slow.loss.back() < 0.95 * std::log(10.0);
    fmt::print(
        "The same network from the same weights with Adam at rate {:g}, 10 times smaller, {}: test\n"
        "accuracy {} after epochs 1 to {}, a spread of {:.2g} after hidden layer {}.\n{}",
        slower.lr, learns ? "learns" : "does NOT learn either", accuracies, s.epochs,
        slow.spread_after.back(), layers,
        learns ? fmt::format("At rate {:g} the steps are too large for this stack of {} normalized layers.\n",
                             s.lr, layers)
               : std::string());
}

void side_by_side(const nn::LessonOptions& opt, const nn::Mnist& train, const nn::Mnist& test,
                  const Settings& s, const std::vector<DeepConfig>& nets) {
    nn::heading("3. Training side by side (Intro-ANN slide 78, \"Batch Normalization\")");
    const std::size_t n_test = s.test_n ? std::min(s.test_n, test.size()) : test.size();
    const nn::Matrix X_test = test.X(0, n_test);
    const std::vector<int> labels = test.labels_of(0, n_test);
    fmt::print(
        "The five networks of section 2, each trained with Adam (rate {:g}), batch {}, {} epochs on {}\n"
        "training images, the same batches in the same order; test accuracy on {} test images after\n"
        "each epoch:\n\n",
        s.lr, s.batch, s.epochs, s.train_n ? s.train_n : train.size(), n_test);
    std::vector<Run> runs;
    for (const DeepConfig& c : nets) runs.push_back(train_one(c, train, X_test, labels, s));
    std::vector<std::string> header{"epoch"};
    for (const DeepConfig& c : nets) header.push_back(label(c));
    std::vector<std::vector<std::string>> rows;
    for (int e = 0; e < s.epochs; ++e) {
        std::vector<std::string> row{fmt::format("{}", e + 1)};
        for (const Run& r : runs) row.push_back(fmt::format("{:.4f}", r.test_accuracy[std::size_t(e)]));
        rows.push_back(row);
    }
    nn::print_table(header, rows);
    fmt::print("\nAfter the last epoch:\n\n");
    rows.clear();
    std::string times = "  training:";
    for (std::size_t k = 0; k < nets.size(); ++k) {
        const Summary m = summarize(runs[k].after);
        rows.push_back({label(nets[k]), fmt::format("{:.4f}", runs[k].loss.back()),
                        fmt::format("{:.4f}", runs[k].test_accuracy.back()),
                        fmt::format("{:.2e}", m.smallest), fmt::format("{:.2e}", m.largest),
                        fmt::format("{:.2e}", m.first / m.last)});
        times += fmt::format(" {} {} s{}", label(nets[k]), nn::measured(runs[k].seconds, "{:.1f}"),
                             k + 1 < nets.size() ? "," : "");
    }
    nn::print_table(
        {"network", "training loss", "test accuracy", "smallest ‖∂L/∂W‖", "largest", "hidden 1 / 30"}, rows,
        "lrrrrr");
    nn::print_timing(opt, times);

    const auto acc = [&](std::size_t k) { return runs[k].test_accuracy.back(); };
    std::size_t best = 0;
    for (std::size_t k = 1; k < runs.size(); ++k)
        if (acc(k) > acc(best)) best = k;
    const auto compare = [&](std::size_t a, std::size_t b) {
        return fmt::format("{} {:.4f} against {:.4f} ({:+.4f})", acc(a) > acc(b) ? "ahead," : "NOT ahead,",
                           acc(a), acc(b), acc(a) - acc(b));
    };
    fmt::print(
        "\nThe best test accuracy is {}'s, {:.4f}. The residual network against the plain one,\n"
        "from the same weights: {}.\nWith normalization in both: residual {}.\n"
        "The residual network with Keras's default against the plain one with He's weights, whose\n"
        "gradients did not vanish at the start: residual {}.\n",
        label(nets[best]), acc(best), compare(2, 0), compare(3, 1), compare(2, 4));
    // A network whose accuracy fell from its best epoch, and one that stopped learning altogether.
    const double ln10 = std::log(10.0);
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const auto& t = runs[k].test_accuracy;
        const auto top = std::max_element(t.begin(), t.end());
        const Summary m = summarize(runs[k].after);
        if (runs[k].loss.back() > 0.95 * ln10) {
            fmt::print(
                "The {} network has stopped learning: its training loss is {:.4f}, about ln 10 = {:.4f},\n"
                "the loss of answering 1/10 for every class, and its gradients {} (hidden 1 / hidden 30 =\n"
                "{:.1e}, smallest {:.1e}).\n",
                label(nets[k]), runs[k].loss.back(), ln10,
                m.first / m.last < 1e-3
                    ? "now vanish towards the input:\nlesson 10's picture, appearing during training"
                    : "are small everywhere",
                m.first / m.last, m.smallest);
            collapsed(nets[k], runs[k], train, X_test, labels, s);
        } else if (t.back() < *top - 0.02)
            fmt::print(
                "The {} network's test accuracy falls from its best, {:.4f} after epoch {}, to {:.4f}: its\n"
                "training is unstable.\n",
                label(nets[k]), *top, top - t.begin() + 1, t.back());
    }
    const Summary plain_after = summarize(runs[0].after);
    fmt::print(
        "After training, the plain network's gradients range from {:.1e} to {:.1e}, {}:\n"
        "Adam divides every step by the gradient's own running size, so even the start's gradients of\n"
        "{:.0e} moved its weights. {}\n",
        plain_after.smallest, plain_after.largest,
        plain_after.smallest > 1e-3 ? "no longer vanished" : "still vanished",
        summarize(runs[0].before).largest,
        acc(0) < acc(2)
            ? fmt::format("The plain stack still ends {:.4f} below the residual one.", acc(2) - acc(0))
            : std::string("The plain stack ends level with or above the residual one here."));

    nn::plot::LinePlot lp{.title = "18: test accuracy per epoch, 30 hidden layers of 64",
                          .xlabel = "epoch",
                          .ylabel = "test accuracy",
                          .series = {}};
    nn::plot::LinePlot loss{.title = "18: training loss per epoch (log scale)",
                            .xlabel = "epoch",
                            .ylabel = "mean training loss",
                            .series = {},
                            .log_y = true};
    for (std::size_t k = 0; k < nets.size(); ++k) {
        nn::plot::Series a{
            .title = label(nets[k]), .x = {}, .y = runs[k].test_accuracy, .style = "linespoints"};
        nn::plot::Series l{.title = label(nets[k]), .x = {}, .y = runs[k].loss, .style = "linespoints"};
        for (int e = 1; e <= s.epochs; ++e) {
            a.x.push_back(double(e));
            l.x.push_back(double(e));
        }
        lp.series.push_back(a);
        loss.series.push_back(l);
    }
    opt.plot(lp, s.quick ? "18-test-accuracy-quick.png" : "18-test-accuracy.png");
    opt.plot(loss, s.quick ? "18-training-loss-quick.png" : "18-training-loss.png");
    std::vector<GradientReport> after;
    for (const Run& r : runs) after.push_back(r.after);
    opt.plot(norms_plot("18: ‖∂L/∂W‖ per layer after training (log scale)", nets, after),
             s.quick ? "18-gradient-norms-trained-quick.png" : "18-gradient-norms-trained.png");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    Settings s;
    lesson.cli().add_flag("--quick", s.quick, "a subset and two epochs (what ./nn test checks)");
    lesson.cli()
        .add_option("--epochs", s.epochs, "epochs of the full run")
        ->check(CLI::Range(1, 100))
        ->capture_default_str();
    return lesson.run(argc, argv, [&](const nn::LessonOptions& opt) {
        const nn::Mnist train = nn::load_mnist(opt.data_dir / "mnist", "train");
        const nn::Mnist test = nn::load_mnist(opt.data_dir / "mnist", "t10k");
        if (s.quick) {
            s.epochs = 2;
            s.train_n = 2000;
            s.test_n = 1000;
            fmt::print("(--quick: {} training images, {} test images, {} epochs)\n", s.train_n, s.test_n,
                       s.epochs);
        }
        block_by_hand();
        const std::vector<DeepConfig> nets = at_initialization(opt, train, s);
        side_by_side(opt, train, test, s, nets);
    });
}
