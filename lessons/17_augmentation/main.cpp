// Lesson 17 — data augmentation: random shifts and small turns of the training images.
// Deck Intro-ANN: "Problem with Deep Neural Networks" (deep networks need much data; data augmentation
// makes more of it). Deck FruitPunch: "Further questions to expand your knowledge" ("Data
// augmentation?"). Neither deck shows one: this lesson writes the two operations (exercises 17.1 and
// 17.2), trains lesson 12's larger MLP with and without them on the same budget and seed, and
// measures both on MNIST's test set and on lesson 14's moved digits (as lesson 16 measures them).
// Run: ./nn run 17 [--quick]   Exercises: exercises/17_augmentation.cpp, ./nn check 17
#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "nn/data.hpp"
#include "nn/lesson.hpp"
#include "nn/losses.hpp"
#include "nn/mlp.hpp"
#include "nn/optim.hpp"
#include "nn/print.hpp"
#include "nn/progress.hpp"
#include "nn/training.hpp"

using namespace lesson17;

namespace {

constexpr nn::Index kSide = 28;  // MNIST's images are 28x28

struct Settings {
    bool quick = false;  // a subset and two epochs: what ./nn test checks
    int epochs = 12;
    std::size_t train_n = 0, test_n = 0;  // 0: all
    nn::Index batch = 64;
    double lr = 1e-3;
    nn::Index max_shift = 3;  // pixels, each direction
    double max_degrees = 15;  // degrees, each way
    std::uint64_t seed = 17;
};

// A digit as text, one character per pixel, darker characters for more ink.
std::string shade(double v) {
    static const std::string ramp = " .:-=+*#%@";
    const auto k = std::clamp<nn::Index>(nn::Index(v * double(ramp.size())), 0, std::ssize(ramp) - 1);
    return std::string(1, ramp[std::size_t(k)]);
}
// Images (columns of 784) side by side in frames (the field's edges), with their captions.
void print_digits(const nn::Matrix& X, const std::vector<std::string>& captions) {
    const auto print_line = [](const std::string& line) {
        fmt::print("{}\n", line.substr(0, line.find_last_not_of(' ') + 1));
    };
    std::string line, edge;
    for (const std::string& c : captions) {
        line += nn::pad(" " + c, std::size_t(kSide) + 4, true);
        edge += "+" + std::string(std::size_t(kSide), '-') + "+  ";
    }
    print_line(line);
    print_line(edge);
    for (nn::Index r = 0; r < kSide; ++r) {
        line.clear();
        for (nn::Index n = 0; n < X.cols(); ++n) {
            line += "|";
            for (nn::Index c = 0; c < kSide; ++c) line += shade(X(r * kSide + c, n));
            line += "|  ";
        }
        print_line(line);
    }
    print_line(edge);
}

void the_operations(const nn::LessonOptions& opt, const nn::Mnist& train, const Settings& s) {
    nn::heading(
        "1. Turning and moving a digit (FruitPunch slide 24, \"Further questions to expand your knowledge\": "
        "\"Data "
        "augmentation?\")");
    const nn::Matrix x = train.X(0, 1);
    fmt::print(
        "The first training image, a {}, turned by +{:g} degrees (counter-clockwise) and by −{:g} about\n"
        "its centre (13.5, 13.5) with bilinear interpolation (exercise 17.1), and moved 3 pixels right\n"
        "and 2 up by nn::moved:\n\n",
        train.labels[0], s.max_degrees, s.max_degrees);
    nn::Matrix panels(x.rows(), 4);
    panels.col(0) = x;
    panels.col(1) = rotated(x, kSide, kSide, s.max_degrees);
    panels.col(2) = rotated(x, kSide, kSide, -s.max_degrees);
    panels.col(3) = nn::moved(x, kSide, kSide, -2, 3);
    print_digits(panels, {"as drawn", fmt::format("+{:g} degrees", s.max_degrees),
                          fmt::format("−{:g} degrees", s.max_degrees), "moved (−2, +3)"});
    const double ink = x.sum();
    const double ink_change =
        std::max(std::abs(panels.col(1).sum() - ink), std::abs(panels.col(2).sum() - ink)) / ink;
    // A quarter turn of a square image against the image transposed and flipped upside down.
    const nn::Matrix q = rotated(x, kSide, kSide, 90);
    double d = 0;
    for (nn::Index r = 0; r < kSide; ++r)
        for (nn::Index c = 0; c < kSide; ++c)
            d = std::max(d, std::abs(q(r * kSide + c, 0) - x(c * kSide + (kSide - 1 - r), 0)));
    fmt::print(
        "\nInk (the sum of the pixels): {:.2f} as drawn, {:.2f} and {:.2f} turned, {:.2f} moved.\n"
        "{}; a turn by 90 degrees\nmoves pixels onto pixels, {}: its largest difference from the image\n"
        "transposed and flipped upside down is {}.\n",
        ink, panels.col(1).sum(), panels.col(2).sum(), panels.col(3).sum(),
        ink_change < 0.01 ? std::string("Interpolation blurs a stroke a little but keeps the ink within 1%")
                          : fmt::format("The turns change the ink by up to {:.1f}%", 100 * ink_change),
        d < 1e-12 ? "so it is exact to rounding" : "yet this one is NOT exact", nn::measured(d, "{:.1e}"));

    nn::Rng rng(s.seed);
    const nn::Matrix many = x.replicate(1, 16);
    const nn::Matrix aug = augmented(many, kSide, kSide, s.max_shift, s.max_degrees, rng);
    fmt::print(
        "\nExercise 17.2 draws, for every image, a shift of −{0} .. {0} pixels down and right and an angle\n"
        "in [−{1:g}, {1:g}] degrees, turns, then moves. The first 4 of 16 draws for the same digit (seed "
        "{2}):\n\n",
        s.max_shift, s.max_degrees, s.seed);
    print_digits(aug.leftCols(4), {"draw 1", "draw 2", "draw 3", "draw 4"});
    nn::plot::ImageGrid grid{
        .title = fmt::format("17: a {} as drawn and 16 random augmentations (shift up to {} px, "
                             "angle up to {:g} degrees)",
                             train.labels[0], s.max_shift, s.max_degrees),
        .rows = int(kSide),
        .cols = int(kSide),
        .images = {},
        .captions = {},
        .per_row = 9};
    const auto image = [](const nn::Matrix& M, nn::Index n) {
        return std::vector<double>(M.col(n).data(), M.col(n).data() + M.rows());
    };
    grid.images.push_back(image(x, 0));
    grid.captions.push_back("as drawn");
    for (nn::Index n = 0; n < aug.cols(); ++n) {
        grid.images.push_back(image(aug, n));
        grid.captions.push_back(fmt::format("{}", n + 1));
    }
    opt.plot(grid, s.quick ? "17-augmented-quick.png" : "17-augmented.png");
}

struct Curve {
    std::vector<double> loss, test_accuracy;
    double seconds = 0;
};

// Lesson 12's larger MLP, trained with Adam; with `augment`, every mini-batch goes through
// exercise 17.2 first (new draws in every epoch). The same seed gives the same first weights and the
// same batches either way.
Curve train_mlp(nn::Mlp& model, const nn::Mnist& train, const nn::Matrix& X_test,
                const std::vector<int>& labels, const Settings& s, bool augment) {
    nn::Rng batches(s.seed), draws(s.seed + 1);
    nn::Adam adam{.lr = s.lr};
    const auto n_train = nn::Index(s.train_n ? std::min(s.train_n, train.size()) : train.size());
    const auto get = [&](const std::vector<nn::Index>& idx) {
        nn::Matrix X = train.X(idx);
        if (augment) X = augmented(X, kSide, kSide, s.max_shift, s.max_degrees, draws);  // exercise 17.2
        return nn::Batch{X, train.Y(idx)};
    };
    const auto step = [&](const nn::Matrix& X, const nn::Matrix& Y) {
        const auto lg = nn::softmax_cross_entropy(model.forward(X), Y);
        adam.step(model, model.backward(lg.grad));
        return lg.loss;
    };
    Curve c;
    for (int e = 1; e <= s.epochs; ++e) {
        nn::ProgressBar bar(fmt::format("{} epoch {}/{}", augment ? "augmented" : "plain", e, s.epochs),
                            std::size_t(n_train));
        const auto progress = [&](nn::Index seen, double loss) {
            bar.update(std::size_t(seen), fmt::format("loss {:.4f}", loss));
        };
        c.loss.push_back(nn::train_epoch(nn::minibatches, n_train, s.batch, batches, get, step, progress));
        c.seconds += bar.seconds();
        bar.finish();
        c.test_accuracy.push_back(nn::accuracy(nn::argmax_columns(model.predict(X_test)), labels));
    }
    return c;
}

nn::Mlp make_mlp(const Settings& s) {
    nn::Rng rng(s.seed);
    return nn::Mlp({784, 256, 128, 10},
                   {nn::Activation::relu, nn::Activation::relu, nn::Activation::identity},
                   nn::Init::glorot_uniform, rng);
}

// "raises the accuracy by 0.0123", "lowers ..." or "does not change ...": the verb from the sign.
std::string change(double d, int decimals) {
    return d > 0   ? fmt::format("raises the accuracy by {:.{}f}", d, decimals)
           : d < 0 ? fmt::format("lowers the accuracy by {:.{}f}", -d, decimals)
                   : "does not change the accuracy";
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
            s.train_n = 4000;
            s.test_n = 1000;
            fmt::print("(--quick: {} training images, {} test images, {} epochs)\n", s.train_n, s.test_n,
                       s.epochs);
        }
        the_operations(opt, train, s);

        nn::heading(
            "2. The same network with and without augmentation (Intro-ANN slide 80, \"Problem with Deep "
            "Neural "
            "Networks\")");
        const std::size_t n_test = s.test_n ? std::min(s.test_n, test.size()) : test.size();
        const nn::Matrix X_test = test.X(0, n_test);
        const std::vector<int> labels = test.labels_of(0, n_test);
        fmt::print(
            "Lesson 12's larger MLP (784-256-128-10, ReLU, Glorot), softmax cross-entropy and Adam at rate\n"
            "{:g}, batch {}, {} epochs on {} training images, twice from the same first weights and the\n"
            "same batches: once on the images as they are, once with every batch augmented afresh\n"
            "(exercise 17.2: shifts up to {} pixels, angles up to {:g} degrees). Test accuracy on {}\n"
            "test images (never augmented) after each epoch:\n\n",
            s.lr, s.batch, s.epochs, s.train_n ? s.train_n : train.size(), s.max_shift, s.max_degrees,
            n_test);
        nn::Mlp plain = make_mlp(s), aug = make_mlp(s);
        const Curve p = train_mlp(plain, train, X_test, labels, s, false);
        const Curve a = train_mlp(aug, train, X_test, labels, s, true);
        std::vector<std::vector<std::string>> rows;
        for (std::size_t e = 0; e < p.loss.size(); ++e)
            rows.push_back({fmt::format("{}", e + 1), fmt::format("{:.4f}", p.loss[e]),
                            fmt::format("{:.4f}", p.test_accuracy[e]), fmt::format("{:.4f}", a.loss[e]),
                            fmt::format("{:.4f}", a.test_accuracy[e])});
        nn::print_table({"epoch", "plain loss", "plain test", "augmented loss", "augmented test"}, rows,
                        "rrrrr");
        nn::print_timing(
            opt, fmt::format("  training: plain {} s, augmented {} s", nn::measured(p.seconds, "{:.1f}"),
                             nn::measured(a.seconds, "{:.1f}")));
        const double final_p = p.test_accuracy.back(), final_a = a.test_accuracy.back();
        fmt::print(
            "The training loss on augmented batches ends {} than on plain ones ({:.4f} against {:.4f}):\n"
            "{}.\nOn the untouched test images, augmentation {} ({:.4f} against {:.4f}).\n",
            a.loss.back() > p.loss.back() ? "higher" : "not higher", a.loss.back(), p.loss.back(),
            a.loss.back() > p.loss.back()
                ? "a turned or moved digit is harder to fit, and never the same twice"
                : "the network fits the augmented digits as well as the plain ones",
            change(final_a - final_p, 4), final_a, final_p);
        nn::plot::LinePlot lp{.title = "17: test accuracy per epoch, with and without augmentation",
                              .xlabel = "epoch",
                              .ylabel = "test accuracy",
                              .series = {}};
        for (const auto& [name, curve] : {std::pair{"plain", &p}, std::pair{"augmented", &a}}) {
            nn::plot::Series ser{.title = name, .x = {}, .y = curve->test_accuracy, .style = "linespoints"};
            for (std::size_t e = 1; e <= curve->test_accuracy.size(); ++e) ser.x.push_back(double(e));
            lp.series.push_back(ser);
        }
        opt.plot(lp, s.quick ? "17-test-accuracy-quick.png" : "17-test-accuracy.png");

        nn::heading("3. Moved digits (lesson 14's test, as lesson 16 measures it)");
        const std::size_t n = s.quick ? 500 : 1000;
        const nn::Matrix X = test.X(0, n);
        const std::vector<int> moved_labels = test.labels_of(0, n);
        fmt::print(
            "The first {} test images, image k moved by dr = k mod (2m + 1) − m rows and dc =\n"
            "⌊k / (2m + 1)⌋ mod (2m + 1) − m columns: every move of up to m pixels, as lessons 14 and 16\n"
            "move them.\n\n",
            n);
        rows.clear();
        std::vector<double> acc_p, acc_a;
        nn::plot::LinePlot mp{.title = "17: accuracy on test digits moved by up to m pixels",
                              .xlabel = "m (pixels)",
                              .ylabel = "accuracy",
                              .series = {{.title = "plain", .x = {}, .y = {}, .style = "linespoints"},
                                         {.title = "augmented", .x = {}, .y = {}, .style = "linespoints"}}};
        for (const nn::Index m : {0, 1, 2, 3, 4}) {
            const nn::Matrix M = nn::moved_up_to(X, kSide, kSide, m);
            acc_p.push_back(nn::accuracy(nn::argmax_columns(plain.predict(M)), moved_labels));
            acc_a.push_back(nn::accuracy(nn::argmax_columns(aug.predict(M)), moved_labels));
            rows.push_back({fmt::format("{}", m), fmt::format("{:.3f}", acc_p.back()),
                            fmt::format("{:.3f}", acc_a.back()),
                            fmt::format("{:+.3f}", acc_a.back() - acc_p.back())});
            for (auto* ser : {&mp.series[0], &mp.series[1]}) ser->x.push_back(double(m));
            mp.series[0].y.push_back(acc_p.back());
            mp.series[1].y.push_back(acc_a.back());
        }
        nn::print_table({"moved up to m pixels", "plain", "augmented", "difference"}, rows, "rrrr");
        fmt::print(
            "Moved up to 2 pixels, the plain network loses {:.3f} of its accuracy and the augmented one\n"
            "{:.3f}; up to 4, {:.3f} and {:.3f}. At m = 4 augmentation {}.\n{}\n",
            acc_p[0] - acc_p[2], acc_a[0] - acc_a[2], acc_p[0] - acc_p[4], acc_a[0] - acc_a[4],
            change(acc_a[4] - acc_p[4], 3),
            acc_a[4] > acc_p[4]
                ? fmt::format(
                      "An MLP has no notion of a pixel's neighbours: it only recognizes a digit where "
                      "it has seen\none. The augmented batches showed it digits moved by up to {} "
                      "pixels.",
                      s.max_shift)
                : std::string("Here augmentation does not help on digits moved by up to 4 pixels."));
        opt.plot(mp, s.quick ? "17-moved-quick.png" : "17-moved.png");

        nn::heading("4. Turned digits");
        fmt::print("The first {} test images, all turned by the same angle (exercise 17.1):\n\n", n);
        rows.clear();
        std::vector<double> turned_p, turned_a;
        const double a_max = s.max_degrees;
        for (const double deg : {-2 * a_max, -a_max, 0.0, a_max, 2 * a_max}) {
            const nn::Matrix T = rotated(X, kSide, kSide, deg);
            turned_p.push_back(nn::accuracy(nn::argmax_columns(plain.predict(T)), moved_labels));
            turned_a.push_back(nn::accuracy(nn::argmax_columns(aug.predict(T)), moved_labels));
            rows.push_back({fmt::format("{:+g}", deg), fmt::format("{:.3f}", turned_p.back()),
                            fmt::format("{:.3f}", turned_a.back()),
                            fmt::format("{:+.3f}", turned_a.back() - turned_p.back())});
        }
        nn::print_table({"angle (degrees)", "plain", "augmented", "difference"}, rows, "rrrr");
        const double worst_p = std::min(turned_p.front(), turned_p.back()),
                     worst_a = std::min(turned_a.front(), turned_a.back());
        fmt::print(
            "Turned by {:g} degrees, twice the largest angle augmentation drew, the plain network's worse\n"
            "side scores {:.3f} and the augmented one's {:.3f}: augmentation {}.\n",
            2 * a_max, worst_p, worst_a, change(worst_a - worst_p, 3));
    });
}
