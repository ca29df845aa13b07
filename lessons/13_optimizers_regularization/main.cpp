// Lesson 13 — optimizers and regularization.
// Deck Intro-ANN: "Optimizers", "Bias, Variance & their trade-off", "Problem With Overfitting /
// Underfitting" (underfitted, good fit, overfitted), "Role of Dropout", "Batch Normalization".
// Run: ./nn run 13 [--quick]   Exercises: exercises/13_optimizers_regularization.cpp
#include <fmt/core.h>

#include "exercise.hpp"
#include "nn/data.hpp"
#include "nn/lesson.hpp"
#include "nn/losses.hpp"
#include "nn/print.hpp"
#include "nn/progress.hpp"
#include "nn/training.hpp"
#include "regnet.hpp"
#include "slide.hpp"

using namespace lesson13;

namespace {

struct Data {
    nn::Matrix X_train, Y_train, X_test;
    std::vector<int> train_labels, test_labels;
};

Data subset(const nn::Mnist& train, const nn::Mnist& test, std::size_t n_train, std::size_t n_test) {
    return {train.X(0, n_train), train.Y(0, n_train), test.X(0, n_test), train.labels_of(0, n_train),
            test.labels_of(0, n_test)};
}

struct Curve {
    std::vector<double> loss, train_acc, test_acc;
};

double accuracy_of(RegNet& net, const nn::Matrix& X, const std::vector<int>& labels, nn::Rng& rng) {
    return nn::accuracy(nn::argmax_columns(net.forward(X, false, rng)), labels);  // evaluation mode
}

Curve train(RegNet& net, const Data& d, Optimizer opt, double lr, int batch, int epochs, std::uint64_t seed) {
    nn::Rng rng(seed);  // the shuffles and dropout's masks, in that order each epoch
    Curve c;
    const auto get = [&](const std::vector<nn::Index>& idx) {
        return nn::Batch{nn::gather_columns(d.X_train, idx), nn::gather_columns(d.Y_train, idx)};
    };
    const auto step = [&](const nn::Matrix& X, const nn::Matrix& Y) {
        const auto lg = nn::softmax_cross_entropy(net.forward(X, true, rng), Y);
        net.backward(lg.grad);
        net.step(opt, lr);
        return lg.loss + net.l2_penalty();
    };
    for (int e = 1; e <= epochs; ++e) {
        nn::ProgressBar bar(fmt::format("epoch {}/{}", e, epochs), std::size_t(d.X_train.cols()));
        const auto progress = [&](nn::Index seen, double loss) {
            bar.update(std::size_t(seen), fmt::format("loss {:.4f}", loss));
        };
        c.loss.push_back(nn::train_epoch(nn::minibatches, d.X_train.cols(), batch, rng, get, step, progress));
        bar.finish();
        c.train_acc.push_back(accuracy_of(net, d.X_train, d.train_labels, rng));
        c.test_acc.push_back(accuracy_of(net, d.X_test, d.test_labels, rng));
    }
    return c;
}

nn::plot::Series series(const std::string& name, const std::vector<double>& y) {
    nn::plot::Series s{.title = name, .y = y, .style = "linespoints"};
    for (nn::Index e = 1; e <= std::ssize(y); ++e) s.x.push_back(double(e));
    return s;
}

void optimizers(const nn::LessonOptions& opt, const Data& d, bool quick) {
    nn::heading("1. SGD, momentum and Adam on the same network and data (Intro-ANN, \"Optimizers\")");
    const int epochs = quick ? 2 : 5;
    fmt::print("784-64-10 ReLU, batch 64, the same seeded start, {} training images, {} epochs:\n\n",
               d.X_train.cols(), epochs);
    std::vector<std::vector<std::string>> rows;
    nn::plot::LinePlot p{.title = "Training loss per epoch: three optimizers",
                         .xlabel = "epoch",
                         .ylabel = "training loss",
                         .log_y = true};
    struct Run {
        std::string name;
        Optimizer optimizer;
        double lr;
    };
    const std::vector<Run> runs = {{"SGD", Optimizer::sgd, 0.05},
                                   {fmt::format("momentum (β {})", momentum_beta), Optimizer::momentum, 0.05},
                                   {"Adam", Optimizer::adam, 1e-3}};
    std::vector<double> last_loss;
    for (const Run& r : runs) {
        nn::Rng rng(13);
        RegNet net({{784, 64, 10}}, rng);
        const Curve c = train(net, d, r.optimizer, r.lr, 64, epochs, 13);
        rows.push_back({r.name, nn::format_number(r.lr, 3), fmt::format("{:.4f}", c.loss.front()),
                        fmt::format("{:.4f}", c.loss.back()), fmt::format("{:.4f}", c.test_acc.back())});
        p.series.push_back(series(r.name, c.loss));
        last_loss.push_back(c.loss.back());
    }
    nn::print_table({"optimizer", "lr", "loss, epoch 1", "last epoch", "test accuracy"}, rows, "lrrrr");
    const bool momentum_wins = last_loss[1] < last_loss[0], adam_wins = last_loss[2] < last_loss[0];
    const char* verdict = momentum_wins && adam_wins ? "Both beat plain SGD"
                          : momentum_wins            ? "Momentum beats plain SGD, Adam does not,"
                          : adam_wins                ? "Adam beats plain SGD, momentum does not,"
                                                     : "Neither beats plain SGD";
    fmt::print(
        "Momentum keeps moving along directions the gradients agree on and averages out their\n"
        "zig-zag; Adam scales each parameter's step by its own gradient history, so the rarely\n"
        "active input pixels still learn. {} at the same number of steps here.\n",
        verdict);
    opt.plot(p, quick ? "13-optimizers-quick.png" : "13-optimizers.png");
}

// The readings of section 2: training accuracy below kUnderfitBelow is underfitting; a gap between
// training and test accuracy above kOverfitGapAbove is overfitting; anything else a good fit.
constexpr double kUnderfitBelow = 0.9, kOverfitGapAbove = 0.08;
// A training accuracy from which on the network has learned its images "by heart".
constexpr double kByHeart = 0.99;

struct Regularization {
    double l2_small = 0.005;
    double l2_large = 0.05;
    double dropout = slide::dropout_p;
};

// "narrows the gap from 0.111 to 0.102 and raises the test accuracy from 0.8888 to 0.8973"
std::string change(double gap0, double gap1, double test0, double test1) {
    return fmt::format("{} the gap from {:.3f} to {:.3f} and {} the test accuracy from {:.4f} to {:.4f}",
                       gap1 < gap0 ? "narrows" : "widens", gap0, gap1, test1 >= test0 ? "raises" : "lowers",
                       test0, test1);
}

void overfitting(const nn::LessonOptions& opt, const nn::Mnist& train_set, const nn::Mnist& test_set,
                 bool quick, const Regularization& reg) {
    nn::heading("2. Underfit, good fit, overfit, and what closes the gap (Intro-ANN, bias and variance)");
    const std::size_t n = quick ? 300 : 1000;
    const int epochs = quick ? 15 : 40;
    const Data d = subset(train_set, test_set, n, quick ? 1000 : 10000);
    fmt::print(
        "Only {} training images, {} epochs of SGD with momentum (lr 0.02, β {}, batch 32). Accuracy on\n"
        "the training images against {} test images:\n\n",
        n, epochs, momentum_beta, d.X_test.cols());
    struct Case {
        std::string name;
        RegNetConfig config;
    };
    const std::vector<Case> cases = {
        {"784-2-10 (too small)", {.sizes = {784, 2, 10}}},
        {"784-256-256-10", {.sizes = {784, 256, 256, 10}}},
        {fmt::format("784-256-256-10 + L2 (λ {})", reg.l2_small),
         {.sizes = {784, 256, 256, 10}, .l2 = reg.l2_small}},
        {fmt::format("784-256-256-10 + L2 (λ {})", reg.l2_large),
         {.sizes = {784, 256, 256, 10}, .l2 = reg.l2_large}},
        {fmt::format("784-256-256-10 + dropout {}", reg.dropout),
         {.sizes = {784, 256, 256, 10}, .dropout = reg.dropout}},
    };
    std::vector<std::vector<std::string>> rows;
    std::vector<double> gaps, tests, trains;
    nn::plot::LinePlot p{
        .title = "Training and test accuracy per epoch", .xlabel = "epoch", .ylabel = "accuracy"};
    for (const auto& c : cases) {
        nn::Rng rng(21);
        RegNet net(c.config, rng);
        const Curve r = train(net, d, Optimizer::momentum, 0.02, 32, epochs, 21);
        const double gap = r.train_acc.back() - r.test_acc.back();
        const char* verdict = r.train_acc.back() < kUnderfitBelow ? "underfit: high bias"
                              : gap > kOverfitGapAbove            ? "overfit: high variance"
                                                                  : "good fit";
        rows.push_back({c.name, fmt::format("{:.4f}", r.train_acc.back()),
                        fmt::format("{:.4f}", r.test_acc.back()), fmt::format("{:.4f}", gap), verdict});
        gaps.push_back(gap);
        trains.push_back(r.train_acc.back());
        tests.push_back(r.test_acc.back());
        if (c.name != cases[0].name) {
            p.series.push_back(series(c.name + ", train", r.train_acc));
            p.series.push_back(series(c.name + ", test", r.test_acc));
        }
    }
    nn::print_table({"model", "train accuracy", "test accuracy", "gap", "reading"}, rows, "lrrrl");
    // What the first two rows show, in words: the sentences follow the numbers.
    const bool small_underfits = trains[0]<kUnderfitBelow, large_overfits = gaps[1]> kOverfitGapAbove;
    const std::string by_heart = trains[1] >= kByHeart
                                     ? "by heart (training accuracy near 1)"
                                     : fmt::format("to a training accuracy of {:.4f}", trains[1]);
    fmt::print(
        "{} The large\n"
        "network learns its {} images {} but {} on new ones\n"
        "({}). The L2 penalty keeps the weights small; dropout keeps any unit from relying\n"
        "on particular others. Measured here:\n"
        "  L2 with λ {}: {};\n  L2 with λ {}: {};\n  dropout {}: {}.\n"
        "The deck's bias-variance picture says a little regularization should buy test accuracy and\n"
        "a lot should trade training fit for it. On {} images the effects are a point or two and\n"
        "their sign depends on the setting (compare ./nn run 13 and ./nn run 13 --quick): with this\n"
        "little data, the missing examples, not the missing regularizer, cause most of the gap.\n"
        "(Dropout trains thinned networks and evaluates the whole one: that is why it scales the\n"
        "kept units by 1/(1 − p), exercise 13.3.)\n",
        small_underfits
            ? "Two hidden units cannot represent the digits: both accuracies are low (high bias)."
            : fmt::format("Two hidden units reach a training accuracy of {:.4f}: not underfit here.",
                          trains[0]),
        n, by_heart, large_overfits ? "does worse" : "does about as well",
        large_overfits ? "high variance" : "low variance", reg.l2_small,
        change(gaps[1], gaps[2], tests[1], tests[2]), reg.l2_large,
        change(gaps[1], gaps[3], tests[1], tests[3]), reg.dropout,
        change(gaps[1], gaps[4], tests[1], tests[4]), n);
    opt.plot(p, quick ? "13-overfitting-quick.png" : "13-overfitting.png");
}

void batch_normalization(const nn::LessonOptions& opt, const Data& d, bool quick) {
    nn::heading("3. Batch normalization on a deeper network (Intro-ANN, \"Batch Normalization\")");
    const int epochs = quick ? 2 : 5;
    fmt::print(
        "784-64-64-64-64-64-10 with sigmoid units (which saturate, lesson 10), SGD lr 0.5,\n"
        "batch 64, {} epochs, without and with batch normalization before each activation:\n\n",
        epochs);
    std::vector<std::vector<std::string>> rows;
    nn::plot::LinePlot p{.title = "A 6-layer sigmoid network with and without batch norm",
                         .xlabel = "epoch",
                         .ylabel = "test accuracy"};
    std::vector<RegNet> nets;
    for (const bool bn : {false, true}) {
        nn::Rng rng(31);
        nets.emplace_back(
            RegNetConfig{
                .sizes = {784, 64, 64, 64, 64, 64, 10}, .act = nn::Activation::sigmoid, .batchnorm = bn},
            rng);
        const Curve c = train(nets.back(), d, Optimizer::sgd, 0.5, 64, epochs, 31);
        rows.push_back({bn ? "with batch norm" : "without", fmt::format("{:.4f}", c.loss.front()),
                        fmt::format("{:.4f}", c.loss.back()), fmt::format("{:.4f}", c.test_acc.back())});
        p.series.push_back(series(bn ? "with batch norm" : "without", c.test_acc));
    }
    nn::print_table({"network", "loss, epoch 1", "last epoch", "test accuracy"}, rows, "lrrr");
    fmt::print(
        "Normalizing each unit's input over the batch keeps the sigmoids in their steep middle\n"
        "whatever the layers below do, so the gradient reaches the first layers and a large rate\n"
        "is safe; γ and β (learned) can undo the normalization where that helps.\n");
    // Training uses the batch's statistics; evaluation the running ones, so one image's output
    // does not depend on which other images share its batch.
    nn::Rng rng(1);
    RegNet& with_bn = nets.back();
    const nn::Matrix alone = with_bn.forward(d.X_test.leftCols(1), false, rng);
    const nn::Matrix in_batch = with_bn.forward(d.X_test.leftCols(100), false, rng);
    fmt::print(
        "Evaluation mode: the first test image's logits alone and inside a batch of 100 differ by\n"
        "{}: the running statistics make a prediction independent of its batch.\n",
        nn::measured((alone.col(0) - in_batch.col(0)).cwiseAbs().maxCoeff(), "{:.1e}"));
    opt.plot(p, quick ? "13-batchnorm-quick.png" : "13-batchnorm.png");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    bool quick = false;
    Regularization reg;
    lesson.cli().add_flag("--quick", quick, "smaller subsets and fewer epochs (what ./nn test checks)");
    lesson.cli()
        .add_option("--l2", reg.l2_small, "the smaller λ of the L2 penalty in section 2")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    lesson.cli()
        .add_option("--l2-large", reg.l2_large, "the larger λ in section 2")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    lesson.cli()
        .add_option("--dropout", reg.dropout, "dropout probability in section 2")
        ->check(CLI::Range(0.0, 0.95))
        ->capture_default_str();
    return lesson.run(argc, argv, [&](const nn::LessonOptions& opt) {
        const nn::Mnist train_set = nn::load_mnist(opt.data_dir / "mnist", "train");
        const nn::Mnist test_set = nn::load_mnist(opt.data_dir / "mnist", "t10k");
        if (quick) fmt::print("(--quick: smaller subsets, fewer epochs)\n");
        const Data d = subset(train_set, test_set, quick ? 3000 : 10000, quick ? 1000 : 10000);
        optimizers(opt, d, quick);
        overfitting(opt, train_set, test_set, quick, reg);
        batch_normalization(opt, d, quick);
    });
}
