// Lesson 13 — optimizers and regularization.
// Deck Intro-ANN: "Optimizers", "Bias, Variance & their trade-off", "Problem With Overfitting /
// Underfitting" (underfitted, good fit, overfitted), "Role of Dropout", "Batch Normalization".
// Run: ./nn run 13 [--quick]   Exercises: exercises/13_optimizers_regularization.cpp
#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>

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

// Trains and measures the accuracies after every epoch, or (every_epoch false) after the last only.
Curve train(RegNet& net, const Data& d, Optimizer opt, double lr, int batch, int epochs, std::uint64_t seed,
            bool every_epoch = true) {
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
        if (!every_epoch && e < epochs) continue;
        c.train_acc.push_back(accuracy_of(net, d.X_train, d.train_labels, rng));
        c.test_acc.push_back(accuracy_of(net, d.X_test, d.test_labels, rng));
    }
    return c;
}

nn::plot::Series series(const std::string& name, const std::vector<double>& y,
                        const std::string& style = "linespoints") {
    nn::plot::Series s{.title = name, .x = {}, .y = y, .style = style};
    for (nn::Index e = 1; e <= std::ssize(y); ++e) s.x.push_back(double(e));
    return s;
}

void optimizers(const nn::LessonOptions& opt, const Data& d, bool quick) {
    nn::heading(
        "1. SGD, momentum and Adam on the same network and data (Intro-ANN slide 43, \"Optimizers\")");
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

// The readings of section 2, the deck's three panels: training accuracy below kUnderfitBelow is
// underfitting (high bias); else a gap between training and test accuracy above kOverfitGapAbove is
// overfitting (high variance); anything else a good fit.
constexpr double kUnderfitBelow = 0.9, kOverfitGapAbove = 0.15;

const char* reading(double train_acc, double gap) {
    return train_acc < kUnderfitBelow ? "underfit: high bias"
           : gap > kOverfitGapAbove   ? "overfit: high variance"
                                      : "good fit";
}

struct Regularization {
    double l2_small = 0.001;
    double l2_large = 0.01;
    double dropout = slide::dropout_p;
};

// "narrows the gap from 0.200 to 0.127 and raises the test accuracy from 0.8000 to 0.8718"
std::string change(double gap0, double gap1, double test0, double test1) {
    return fmt::format("{} the gap from {:.3f} to {:.3f} and {} the test accuracy from {:.4f} to {:.4f}",
                       gap1 < gap0   ? "narrows"
                       : gap1 > gap0 ? "widens"
                                     : "keeps",
                       gap0, gap1,
                       test1 > test0   ? "raises"
                       : test1 < test0 ? "lowers"
                                       : "keeps",
                       test0, test1);
}

// "+0.072, +0.069 and +0.075"
std::string signed_list(const std::vector<double>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i)
        s += fmt::format("{}{:+.3f}", i == 0 ? "" : i + 1 == v.size() ? " and " : ", ", v[i]);
    return s;
}

// "+0.080, +0.087 and +0.091: higher on every seed"
std::string over_seeds(const std::vector<double>& gains) {
    const bool all_higher = std::all_of(gains.begin(), gains.end(), [](double g) { return g > 0; });
    return fmt::format("{}: {} on every seed", signed_list(gains), all_higher ? "higher" : "not higher");
}

void overfitting(const nn::LessonOptions& opt, const nn::Mnist& train_set, const nn::Mnist& test_set,
                 bool quick, const Regularization& reg) {
    nn::heading(
        "2. Underfit, good fit, overfit, and what closes the gap (Intro-ANN slides 67–76, bias and "
        "variance)");
    const std::size_t n = 1000;
    const int epochs = quick ? 30 : 60, batch = 10;
    const double lr = 0.5;
    const Data d = subset(train_set, test_set, n, quick ? 1000 : 10000);
    fmt::print(
        "{} training images, {} epochs of plain SGD (lr {}, batch {}), sigmoid units, every weight\n"
        "drawn from N(0, 1) at the start: the large start of Nielsen's chapter 3, from which an\n"
        "unpenalized network fits its images with large weights. L2 adds (λ/2)·ΣW² to the batch's\n"
        "mean loss (Nielsen's λ/(2n) with n = {}: his λ is {} times ours). Accuracy on the training\n"
        "images against {} test images, and the reading: training accuracy below {:.2f} is\n"
        "underfitting (high bias); otherwise a gap above {:.2f} is overfitting (high variance);\n"
        "otherwise a good fit.\n\n",
        n, epochs, lr, batch, n, n, d.X_test.cols(), kUnderfitBelow, kOverfitGapAbove);
    const int hidden = 100;
    const std::vector<int> small = {784, 2, 10}, large = {784, hidden, 10};
    const auto config = [](const std::vector<int>& sizes, double l2, double dropout) {
        return RegNetConfig{.sizes = sizes,
                            .act = nn::Activation::sigmoid,
                            .dropout = dropout,
                            .l2 = l2,
                            .init = nn::Init::normal};
    };
    struct Case {
        std::string name;
        RegNetConfig config;
    };
    const std::string net = fmt::format("784-{}-10", hidden);
    const std::vector<Case> cases = {
        {"784-2-10 (too small)", config(small, 0, 0)},
        {net, config(large, 0, 0)},
        {fmt::format("{} + L2 (λ {})", net, reg.l2_small), config(large, reg.l2_small, 0)},
        {fmt::format("{} + L2 (λ {})", net, reg.l2_large), config(large, reg.l2_large, 0)},
        {fmt::format("{} + dropout {}", net, reg.dropout), config(large, 0, reg.dropout)},
    };
    constexpr std::size_t kPlain = 1, kL2 = 2, kL2Large = 3, kDropout = 4;
    std::vector<std::vector<std::string>> rows;
    std::vector<double> gaps, tests;
    std::vector<std::string> readings;
    nn::plot::LinePlot p{.title = fmt::format("Training and test accuracy per epoch, {} training images", n),
                         .xlabel = "epoch",
                         .ylabel = "accuracy",
                         .series = {},
                         .legend = nn::plot::Legend::bottom_right};
    const std::uint64_t seed = 21;
    // Σ W² over all weights of each table row's network, at the start and after training.
    std::vector<double> sum_sq_start, sum_sq_end;
    const auto sum_sq = [](const RegNet& model) {
        double s = 0;
        for (const auto& L : model.layers) s += L.W.squaredNorm();
        return s;
    };
    // One network trained from seed s; a table row (record) keeps its ΣW², and a plotted one
    // (every_epoch) is measured after every epoch, the others after the last only.
    const auto run = [&](const RegNetConfig& c, std::uint64_t s, bool every_epoch, bool record) {
        nn::Rng rng(s);
        RegNet model(c, rng);
        const double start = sum_sq(model);
        Curve r = train(model, d, Optimizer::sgd, lr, batch, epochs, s, every_epoch);
        if (record) {
            sum_sq_start.push_back(start);
            sum_sq_end.push_back(sum_sq(model));
        }
        return r;
    };
    const auto plotted = [&](std::size_t k) { return k == kPlain || k == kL2 || k == kDropout; };
    for (std::size_t k = 0; k < cases.size(); ++k) {
        const Curve r = run(cases[k].config, seed, plotted(k), true);
        const double gap = r.train_acc.back() - r.test_acc.back();
        readings.push_back(reading(r.train_acc.back(), gap));
        rows.push_back({cases[k].name, fmt::format("{:.4f}", r.train_acc.back()),
                        fmt::format("{:.4f}", r.test_acc.back()), fmt::format("{:.4f}", gap),
                        readings.back()});
        gaps.push_back(gap);
        tests.push_back(r.test_acc.back());
        if (plotted(k)) {
            p.series.push_back(series(cases[k].name + ", train", r.train_acc, "lines"));
            p.series.push_back(series(cases[k].name + ", test", r.test_acc));
        }
    }
    nn::print_table({"model", "train accuracy", "test accuracy", "gap", "reading"}, rows, "lrrrl");
    // The deck's three panels, filled from the readings: which models landed in each.
    const auto with_reading = [&](const std::string& r) {
        std::vector<std::string> names;
        for (std::size_t k = 0; k < cases.size(); ++k)
            if (readings[k] == r) names.push_back(cases[k].name);
        if (names.empty()) return std::string("none here");
        std::string s;
        for (std::size_t i = 0; i < names.size(); ++i)
            s += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
        return s;
    };
    fmt::print(
        "The deck's three panels, as measured:\n"
        "  underfit (high bias):      {};\n"
        "  good fit:                  {};\n"
        "  overfit (high variance):   {}.\n",
        with_reading("underfit: high bias"), with_reading("good fit"),
        with_reading("overfit: high variance"));
    fmt::print(
        "Against the unregularized {}:\n"
        "  L2 with λ {}: {};\n  L2 with λ {}: {};\n  dropout {}: {}.\n",
        net, reg.l2_small, change(gaps[kPlain], gaps[kL2], tests[kPlain], tests[kL2]), reg.l2_large,
        change(gaps[kPlain], gaps[kL2Large], tests[kPlain], tests[kL2Large]), reg.dropout,
        change(gaps[kPlain], gaps[kDropout], tests[kPlain], tests[kDropout]));
    fmt::print(
        "ΣW² over the {}'s weights: {:.0f} at the start, {:.0f} after training without a penalty,\n"
        "{:.0f} with λ {}: the penalty {} the weights the large start gave.\n",
        net, sum_sq_start[kPlain], sum_sq_end[kPlain], sum_sq_end[kL2], reg.l2_small,
        sum_sq_end[kL2] < sum_sq_end[kPlain] && sum_sq_end[kL2] < sum_sq_start[kL2] ? "shrinks"
                                                                                    : "does not shrink");
    // The same three runs from other starts and shuffles: is the change more than one seed's luck?
    // (--quick: one other seed, so that the sanitizer build runs the tests in minutes.)
    std::vector<std::uint64_t> seeds = {seed, seed + 1};
    if (!quick) seeds.push_back(seed + 2);
    std::vector<double> l2_gain = {tests[kL2] - tests[kPlain]},
                        dropout_gain = {tests[kDropout] - tests[kPlain]};
    for (std::size_t i = 1; i < seeds.size(); ++i) {
        const double plain = run(cases[kPlain].config, seeds[i], false, false).test_acc.back();
        l2_gain.push_back(run(cases[kL2].config, seeds[i], false, false).test_acc.back() - plain);
        dropout_gain.push_back(run(cases[kDropout].config, seeds[i], false, false).test_acc.back() - plain);
    }
    fmt::print(
        "The same three networks from seeds {} (start, shuffles, dropout's masks), test accuracy\n"
        "minus the unregularized network's:\n  L2 (λ {}): {};\n  dropout {}: {}.\n",
        fmt::format("{} and {}", fmt::join(seeds.begin(), seeds.end() - 1, ", "), seeds.back()), reg.l2_small,
        over_seeds(l2_gain), reg.dropout, over_seeds(dropout_gain));
    fmt::print(
        "The L2 penalty pulls every weight toward 0 at each step (weight decay); dropout trains thinned\n"
        "networks, so that no unit can rely on particular others, and evaluates the whole one: that is\n"
        "why it scales the kept units by 1/(1 − p), exercise 13.3.\n");
    opt.plot(p, quick ? "13-overfitting-quick.png" : "13-overfitting.png");
}

void batch_normalization(const nn::LessonOptions& opt, const Data& d, bool quick) {
    nn::heading(
        "3. Batch normalization on a deeper network (Intro-ANN slides 78–79, \"Batch Normalization\")");
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
        ->check(nn::finite_range(0.0, 1.0))
        ->capture_default_str();
    lesson.cli()
        .add_option("--l2-large", reg.l2_large, "the larger λ in section 2")
        ->check(nn::finite_range(0.0, 1.0))
        ->capture_default_str();
    lesson.cli()
        .add_option("--dropout", reg.dropout, "dropout probability in section 2")
        ->check(nn::finite_range(0.0, 0.95))
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
