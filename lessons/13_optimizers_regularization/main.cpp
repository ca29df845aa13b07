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
    Data d{train.X(0, n_train), nn::Matrix::Zero(10, static_cast<nn::Index>(n_train)), test.X(0, n_test), {}, {}};
    for (std::size_t i = 0; i < n_train; ++i) {
        d.train_labels.push_back(train.labels[i]);
        d.Y_train(train.labels[i], static_cast<nn::Index>(i)) = 1;
    }
    for (std::size_t i = 0; i < n_test; ++i) d.test_labels.push_back(test.labels[i]);
    return d;
}

struct Curve {
    std::vector<double> loss, train_acc, test_acc;
};

double accuracy_of(RegNet& net, const nn::Matrix& X, const std::vector<int>& labels, nn::Rng& rng) {
    return nn::accuracy(nn::argmax_columns(net.forward(X, false, rng)), labels);  // evaluation mode
}

Curve train(RegNet& net, const Data& d, Optimizer opt, double lr, int batch, int epochs, std::uint64_t seed) {
    nn::Rng rng(seed);
    Curve c;
    for (int e = 1; e <= epochs; ++e) {
        nn::ProgressBar bar(fmt::format("epoch {}/{}", e, epochs), static_cast<std::size_t>(d.X_train.cols()));
        double loss = 0;
        std::size_t seen = 0;
        for (const auto& idx : nn::minibatches(d.X_train.cols(), batch, rng)) {
            const nn::Matrix X = nn::gather_columns(d.X_train, idx), Y = nn::gather_columns(d.Y_train, idx);
            const auto lg = nn::softmax_cross_entropy(net.forward(X, true, rng), Y);
            net.backward(lg.grad);
            net.step(opt, lr);
            loss += (lg.loss + net.l2_penalty()) * static_cast<double>(idx.size());
            seen += idx.size();
            bar.update(seen, fmt::format("loss {:.4f}", loss / static_cast<double>(seen)));
        }
        bar.finish();
        c.loss.push_back(loss / static_cast<double>(seen));
        c.train_acc.push_back(accuracy_of(net, d.X_train, d.train_labels, rng));
        c.test_acc.push_back(accuracy_of(net, d.X_test, d.test_labels, rng));
    }
    return c;
}

nn::plot::Series series(const std::string& name, const std::vector<double>& y) {
    nn::plot::Series s{name, {}, y, "linespoints"};
    for (std::size_t e = 1; e <= y.size(); ++e) s.x.push_back(static_cast<double>(e));
    return s;
}

void optimizers(const nn::LessonOptions& opt, const Data& d, bool quick) {
    nn::heading("1. SGD, momentum and Adam on the same network and data (Intro-ANN, \"Optimizers\")");
    const int epochs = quick ? 2 : 5;
    fmt::print("784-64-10 ReLU, batch 64, the same seeded start, {} training images, {} epochs:\n\n", d.X_train.cols(), epochs);
    std::vector<std::vector<std::string>> rows;
    nn::plot::LinePlot p{"Training loss per epoch: three optimizers", "epoch", "training loss", {}};
    p.log_y = true;
    for (const auto& [name, o, lr] : {std::tuple{"SGD", Optimizer::sgd, 0.05}, std::tuple{"momentum (β 0.9)", Optimizer::momentum, 0.05},
                                      std::tuple{"Adam", Optimizer::adam, 1e-3}}) {
        nn::Rng rng(13);
        RegNet net({{784, 64, 10}}, rng);
        const Curve c = train(net, d, o, lr, 64, epochs, 13);
        rows.push_back({name, nn::format_number(lr, 3), fmt::format("{:.4f}", c.loss.front()), fmt::format("{:.4f}", c.loss.back()),
                        fmt::format("{:.4f}", c.test_acc.back())});
        p.series.push_back(series(name, c.loss));
    }
    nn::print_table({"optimizer", "lr", "loss, epoch 1", "last epoch", "test accuracy"}, rows, "lrrrr");
    fmt::print("Momentum keeps moving along directions the gradients agree on and averages out their\n"
               "zig-zag; Adam scales each parameter's step by its own gradient history, so the rarely\n"
               "active input pixels still learn. Both beat plain SGD at the same number of steps here.\n");
    opt.plot(p, quick ? "13-optimizers-quick.png" : "13-optimizers.png");
}

struct Regularization {
    double l2_small = 0.005, l2_large = 0.05, dropout = slide::dropout_p;
};

// "narrows the gap from 0.111 to 0.102 and raises the test accuracy from 0.8888 to 0.8973"
std::string change(double gap0, double gap1, double test0, double test1) {
    return fmt::format("{} the gap from {:.3f} to {:.3f} and {} the test accuracy from {:.4f} to {:.4f}",
                       gap1 < gap0 ? "narrows" : "widens", gap0, gap1, test1 >= test0 ? "raises" : "lowers", test0, test1);
}

void overfitting(const nn::LessonOptions& opt, const nn::Mnist& train_set, const nn::Mnist& test_set, bool quick,
                 const Regularization& reg) {
    nn::heading("2. Underfit, good fit, overfit, and what closes the gap (Intro-ANN, bias and variance)");
    const std::size_t n = quick ? 300 : 1000;
    const int epochs = quick ? 15 : 40;
    const Data d = subset(train_set, test_set, n, quick ? 1000 : 10000);
    fmt::print("Only {} training images, {} epochs of SGD with momentum (lr 0.02, β 0.9, batch 32). Accuracy on\n"
               "the training images against {} test images:\n\n", n, epochs, d.X_test.cols());
    struct Case {
        std::string name;
        RegNetConfig config;
    };
    const std::vector<Case> cases = {
        {"784-2-10 (too small)", {{784, 2, 10}}},
        {"784-256-256-10", {{784, 256, 256, 10}}},
        {fmt::format("784-256-256-10 + L2 (λ {})", reg.l2_small), {{784, 256, 256, 10}, nn::Activation::relu, false, 0, reg.l2_small}},
        {fmt::format("784-256-256-10 + L2 (λ {})", reg.l2_large), {{784, 256, 256, 10}, nn::Activation::relu, false, 0, reg.l2_large}},
        {fmt::format("784-256-256-10 + dropout {}", reg.dropout), {{784, 256, 256, 10}, nn::Activation::relu, false, reg.dropout, 0}},
    };
    std::vector<std::vector<std::string>> rows;
    std::vector<double> gaps, tests;
    nn::plot::LinePlot p{"Training and test accuracy per epoch", "epoch", "accuracy", {}};
    for (const auto& c : cases) {
        nn::Rng rng(21);
        RegNet net(c.config, rng);
        const Curve r = train(net, d, Optimizer::momentum, 0.02, 32, epochs, 21);
        const double gap = r.train_acc.back() - r.test_acc.back();
        const char* verdict = r.train_acc.back() < 0.9 ? "underfit: high bias" : gap > 0.08 ? "overfit: high variance" : "good fit";
        rows.push_back({c.name, fmt::format("{:.4f}", r.train_acc.back()), fmt::format("{:.4f}", r.test_acc.back()),
                        fmt::format("{:.4f}", gap), verdict});
        gaps.push_back(gap);
        tests.push_back(r.test_acc.back());
        if (c.name != cases[0].name) {
            p.series.push_back(series(c.name + ", train", r.train_acc));
            p.series.push_back(series(c.name + ", test", r.test_acc));
        }
    }
    nn::print_table({"model", "train accuracy", "test accuracy", "gap", "reading"}, rows, "lrrrl");
    fmt::print(
        "Two hidden units cannot represent the digits: both accuracies are low (high bias). The large\n"
        "network learns its {} images by heart (training accuracy near 1) but does worse on new ones\n"
        "(high variance). The L2 penalty keeps the weights small; dropout keeps any unit from relying\n"
        "on particular others. Measured here:\n"
        "  L2 with λ {}: {};\n  L2 with λ {}: {};\n  dropout {}: {}.\n"
        "The deck's bias-variance picture says a little regularization should buy test accuracy and\n"
        "a lot should trade training fit for it. On {} images the effects are a point or two and\n"
        "their sign depends on the setting (compare ./nn run 13 and ./nn run 13 --quick): with this\n"
        "little data, the missing examples, not the missing regularizer, cause most of the gap.\n"
        "(Dropout trains thinned networks and evaluates the whole one: that is why it scales the\n"
        "kept units by 1/(1 − p), exercise 13.3.)\n",
        n, reg.l2_small, change(gaps[1], gaps[2], tests[1], tests[2]), reg.l2_large,
        change(gaps[1], gaps[3], tests[1], tests[3]), reg.dropout, change(gaps[1], gaps[4], tests[1], tests[4]), n);
    opt.plot(p, quick ? "13-overfitting-quick.png" : "13-overfitting.png");
}

void batch_normalization(const nn::LessonOptions& opt, const Data& d, bool quick) {
    nn::heading("3. Batch normalization on a deeper network (Intro-ANN, \"Batch Normalization\")");
    const int epochs = quick ? 2 : 5;
    fmt::print("784-64-64-64-64-64-10 with sigmoid units (which saturate, lesson 10), SGD lr 0.5,\n"
               "batch 64, {} epochs, without and with batch normalization before each activation:\n\n", epochs);
    std::vector<std::vector<std::string>> rows;
    nn::plot::LinePlot p{"A 6-layer sigmoid network with and without batch norm", "epoch", "test accuracy", {}};
    RegNet* kept = nullptr;
    std::vector<RegNet> nets;
    nets.reserve(2);
    for (const bool bn : {false, true}) {
        nn::Rng rng(31);
        nets.emplace_back(RegNetConfig{{784, 64, 64, 64, 64, 64, 10}, nn::Activation::sigmoid, bn, 0, 0}, rng);
        const Curve c = train(nets.back(), d, Optimizer::sgd, 0.5, 64, epochs, 31);
        rows.push_back({bn ? "with batch norm" : "without", fmt::format("{:.4f}", c.loss.front()), fmt::format("{:.4f}", c.loss.back()),
                        fmt::format("{:.4f}", c.test_acc.back())});
        p.series.push_back(series(bn ? "with batch norm" : "without", c.test_acc));
        kept = &nets.back();
    }
    nn::print_table({"network", "loss, epoch 1", "last epoch", "test accuracy"}, rows, "lrrr");
    fmt::print("Normalizing each unit's input over the batch keeps the sigmoids in their steep middle\n"
               "whatever the layers below do, so the gradient reaches the first layers and a large rate\n"
               "is safe; γ and β (learned) can undo the normalization where that helps.\n");
    // Training uses the batch's statistics; evaluation the running ones, so one image's output
    // does not depend on which other images share its batch.
    nn::Rng rng(1);
    const nn::Matrix alone = kept->forward(d.X_test.leftCols(1), false, rng);
    const nn::Matrix in_batch = kept->forward(d.X_test.leftCols(100), false, rng);
    fmt::print("Evaluation mode: the first test image's logits alone and inside a batch of 100 differ by\n"
               "{}: the running statistics make a prediction independent of its batch.\n",
               nn::measured((alone.col(0) - in_batch.col(0)).cwiseAbs().maxCoeff(), "{:.1e}"));
    opt.plot(p, quick ? "13-batchnorm-quick.png" : "13-batchnorm.png");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson({"13", "Optimizers and regularization", "Intro-ANN",
                       "SGD, momentum and Adam side by side; underfitting and overfitting, closed "
                       "by L2 and dropout; batch normalization on a deeper network."});
    bool quick = false;
    Regularization reg;
    lesson.cli().add_flag("--quick", quick, "smaller subsets and fewer epochs (what ./nn test checks)");
    lesson.cli().add_option("--l2", reg.l2_small, "the smaller λ of the L2 penalty in section 2")->check(CLI::Range(0.0, 1.0))->capture_default_str();
    lesson.cli().add_option("--l2-large", reg.l2_large, "the larger λ in section 2")->check(CLI::Range(0.0, 1.0))->capture_default_str();
    lesson.cli().add_option("--dropout", reg.dropout, "dropout probability in section 2")->check(CLI::Range(0.0, 0.95))->capture_default_str();
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
