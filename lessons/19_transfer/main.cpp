// Lesson 19 — transfer learning: the hidden layers of a network trained on MNIST's digits 0-4 reused
// for digits 5-9, of which only a few are labelled.
// Deck Intro-ANN: slide 80, "Problem with Deep Neural Networks" (deep networks need enormous amounts of data,
// which real applications seldom have; transfer learning addresses it) and the agenda of "What will
// you learn in these Sessions...?" (slide 2). The deck names transfer learning without showing it: this lesson
// draws the few labels (exercise 19.1), builds the new network from the old one (19.2), trains it
// frozen or fine-tuned (19.3) and measures both against training from scratch, with and without
// data augmentation (the deck's other answer), on the same labels; then on Fashion-MNIST, further away.
// Run: ./nn run 19 [--quick]   Exercises: exercises/19_transfer.cpp, ./nn check 19
#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "lesson.hpp"
#include "nn/data.hpp"
#include "nn/lesson.hpp"
#include "nn/losses.hpp"
#include "nn/optim.hpp"
#include "nn/print.hpp"
#include "nn/progress.hpp"
#include "nn/training.hpp"

using namespace lesson19;

namespace {

constexpr int kSourceFirst = 0, kTargetFirst = 5, kClasses = 5;  // digits 0-4, then 5-9

struct Settings {
    bool quick = false;      // fewer images, labels, seeds and steps: what ./nn test checks
    nn::Index source_n = 0;  // source training images (0: all of 0-4)
    int source_epochs = 3;
    nn::Index test_n = 0;  // target test images (0: all of 5-9)
    std::vector<nn::Index> per_class = {1, 2, 5, 10, 20, 50, 100, 500};
    std::vector<nn::Index> fashion_per_class = {1, 5, 20, 100};
    int seeds = 5;
    TargetTraining target{.max_shift = 2};
    std::uint64_t seed = 19;
};

// Debian's Fashion-MNIST (dataset-fashion-mnist, which ./nn installs with MNIST), or a copy in the
// data folder.
std::filesystem::path fashion_dir(const nn::LessonOptions& opt) {
    std::filesystem::path dir = opt.data_dir / "fashion-mnist";
    if (!std::filesystem::exists(dir)) dir = "/usr/share/datasets/fashion-mnist";
    if (!std::filesystem::exists(dir))
        throw nn::Error("Fashion-MNIST not found: install Debian's dataset-fashion-mnist (./nn does this)");
    return dir;
}

// Section 1: the source network, trained with Adam on digits 0-4.
nn::Mlp train_source(const Digits& train, const Digits& test, const Settings& s) {
    nn::Mlp model = make_network(s.seed);
    nn::Adam adam{.lr = 1e-3};
    nn::Rng rng(s.seed);
    const nn::Matrix Y = nn::one_hot(train.labels, kClasses);
    const auto get = [&](const std::vector<nn::Index>& idx) {
        return nn::Batch{nn::gather_columns(train.X, idx), nn::gather_columns(Y, idx)};
    };
    const auto step = [&](const nn::Matrix& X, const nn::Matrix& Yb) {
        const auto lg = nn::softmax_cross_entropy(model.forward(X), Yb);
        adam.step(model, model.backward(lg.grad));
        return lg.loss;
    };
    std::vector<std::vector<std::string>> rows;
    for (int e = 1; e <= s.source_epochs; ++e) {
        nn::ProgressBar bar(fmt::format("source epoch {}/{}", e, s.source_epochs),
                            std::size_t(train.X.cols()));
        const auto progress = [&](nn::Index seen, double loss) {
            bar.update(std::size_t(seen), fmt::format("loss {:.4f}", loss));
        };
        const double loss = nn::train_epoch(nn::minibatches, train.X.cols(), 64, rng, get, step, progress);
        bar.finish();
        rows.push_back({fmt::format("{}", e), fmt::format("{:.4f}", loss),
                        fmt::format("{:.4f}", test_accuracy(model, test))});
    }
    nn::print_table({"epoch", "loss", "test accuracy (0-4)"}, rows, "rrr");
    return model;
}

struct Stats {
    double mean = 0, lo = 0, hi = 0;
};
Stats stats(const std::vector<double>& v) {
    Stats st{
        .mean = 0, .lo = *std::min_element(v.begin(), v.end()), .hi = *std::max_element(v.begin(), v.end())};
    for (const double x : v) st.mean += x / double(v.size());
    return st;
}
std::string cell(const Stats& st) { return fmt::format("{:.3f} ({:.3f}-{:.3f})", st.mean, st.lo, st.hi); }

constexpr Way kWays[] = {Way::scratch, Way::frozen, Way::fine_tuned, Way::augmented};
constexpr std::size_t kW = std::size(kWays);

// The three ways on n labels per class of (train, first .. first + 4), for every n and draw.
struct Comparison {
    std::vector<std::array<Stats, kW>> results;  // per n: scratch, frozen, fine-tuned, augmented
    double frozen_moved = 0;  // the largest change of a frozen layer's weight, over every run
    std::size_t runs = 0;
    double seconds = 0;
};
Comparison compare(const nn::Mlp& source, const nn::Mnist& train, int first, const Digits& test,
                   const std::vector<nn::Index>& per_class, int seeds, const TargetTraining& training,
                   const std::string& label) {
    const std::vector<int> labels = train.labels_of(0, train.size());
    const auto L = std::ssize(source.layers);
    Comparison c;
    nn::ProgressBar bar(label, per_class.size() * std::size_t(seeds) * kW, "runs");
    for (const nn::Index n : per_class) {
        std::array<std::vector<double>, kW> acc;
        for (int seed = 1; seed <= seeds; ++seed) {
            nn::Rng draw{std::uint64_t(seed)};
            const FewLabels f = few_labels(labels, first, kClasses, n, draw);  // exercise 19.1
            const nn::Matrix X = train.X(f.idx);
            TargetTraining t = training;
            t.seed = std::uint64_t(seed);
            for (std::size_t w = 0; w < kW; ++w) {
                nn::Rng head{std::uint64_t(1000 + seed)};
                t.max_shift = kWays[w] == Way::augmented ? training.max_shift : 0;
                nn::Mlp model = kWays[w] == Way::scratch || kWays[w] == Way::augmented
                                    ? make_network(std::uint64_t(1000 + seed))
                                    : transferred(source, kClasses, nn::Init::he_normal, head);  // 19.2
                train_target(model, X, f.labels, layer_rates(kWays[w], L, t.lr, t.fine), t);     // 19.3
                if (kWays[w] == Way::frozen)
                    for (nn::Index l = 0; l + 1 < L; ++l)
                        c.frozen_moved = std::max(
                            c.frozen_moved, (model.layers[std::size_t(l)].W - source.layers[std::size_t(l)].W)
                                                .cwiseAbs()
                                                .maxCoeff());
                acc[w].push_back(test_accuracy(model, test));
                bar.update(++c.runs);
            }
        }
        c.results.push_back({stats(acc[0]), stats(acc[1]), stats(acc[2]), stats(acc[3])});
    }
    c.seconds = bar.seconds();
    bar.finish();
    return c;
}

// The table, and the sentences computed from it; `unit` is "digit" or "class".
void report(const nn::LessonOptions& opt, const Comparison& c, const std::vector<nn::Index>& per_class,
            const std::string& unit) {
    const auto& r = c.results;
    std::vector<std::vector<std::string>> rows;
    for (std::size_t k = 0; k < per_class.size(); ++k)
        rows.push_back({fmt::format("{}", per_class[k]), fmt::format("{}", kClasses * per_class[k]),
                        cell(r[k][0]), cell(r[k][1]), cell(r[k][2]), cell(r[k][3])});
    std::vector<std::string> header = {"n per " + unit, "labels"};
    for (const Way w : kWays) header.push_back(name(w));
    nn::print_table(header, rows, "rrrrrr");
    nn::print_timing(opt, fmt::format("  ({} runs in {} s)", c.runs, nn::measured(c.seconds, "{:.1f}")));
    fmt::print("After training, the frozen layers differ from the source's by at most {:g}: {}.\n\n",
               c.frozen_moved,
               c.frozen_moved == 0 ? "bit for bit the same" : "they MOVED, so they were not frozen");
    // The lead of the better transferred network over from scratch, per n.
    std::size_t best = 0;
    std::vector<double> gap;
    for (std::size_t k = 0; k < r.size(); ++k) {
        gap.push_back(std::max(r[k][1].mean, r[k][2].mean) - r[k][0].mean);
        if (gap[k] > gap[best]) best = k;
    }
    const auto better = [&](std::size_t k) {
        return r[k][2].mean > r[k][1].mean ? std::string("fine-tuned") : std::string("frozen");
    };
    fmt::print(
        "With {} label(s) per {} the better transferred network ({}) scores {:.3f}, from scratch {:.3f}.\n",
        per_class.front(), unit, better(0), std::max(r[0][1].mean, r[0][2].mean), r[0][0].mean);
    std::vector<std::string> ahead;  // the n where a transferred network is ahead
    for (std::size_t k = 0; k < r.size(); ++k)
        if (gap[k] > 0) ahead.push_back(fmt::format("{}", per_class[k]));
    if (gap[best] > 0) {
        std::string list;
        for (std::size_t k = 0; k < ahead.size(); ++k)
            list += (k == 0 ? "" : k + 1 == ahead.size() ? " and " : ", ") + ahead[k];
        fmt::print(
            "Transfer helps most at n = {}: {:+.3f} ({} against from scratch); it is ahead at n = {}{}.\n",
            per_class[best], gap[best], better(best), list, ahead.size() == r.size() ? " (every n)" : "");
    } else {
        fmt::print(
            "Transfer never beats training from scratch here: the reused features do not fit this task.\n");
    }
    const double last_gap = gap.back();
    if (gap[best] > 0 && last_gap <= 0)
        fmt::print(
            "By n = {} the gap has closed and turned: from scratch {:.3f}, the better transfer {:.3f}.\n",
            per_class.back(), r.back()[0].mean, r.back()[0].mean + last_gap);
    else if (gap[best] > 0 && last_gap < gap[best])
        fmt::print("The gap narrows as labels grow: {:+.3f} at n = {}, {:+.3f} at n = {}.\n", gap[best],
                   per_class[best], last_gap, per_class.back());
    else if (gap[best] > 0)
        fmt::print("The gap does not narrow: {:+.3f} at n = {}, {:+.3f} at n = {}.\n", gap.front(),
                   per_class.front(), last_gap, per_class.back());
    const std::size_t last = r.size() - 1;
    fmt::print("Fine-tuned against frozen: {} at n = {}, {} at n = {}.\n",
               r[0][2].mean > r[0][1].mean ? "fine-tuned ahead" : "frozen ahead or level", per_class.front(),
               r[last][2].mean > r[last][1].mean ? "fine-tuned ahead" : "frozen ahead or level",
               per_class.back());
    // The deck's last claim: transfer learning does better than data augmentation.
    std::string wins, losses;
    for (std::size_t k = 0; k < r.size(); ++k)
        (std::max(r[k][1].mean, r[k][2].mean) > r[k][3].mean ? wins : losses) += fmt::format(
            "{}{}", (std::max(r[k][1].mean, r[k][2].mean) > r[k][3].mean ? wins : losses).empty() ? "" : ", ",
            per_class[k]);
    fmt::print(
        "Transfer against augmentation (the deck says transfer does better): the better transferred\n"
        "network is ahead of from scratch with augmentation at n = {};\nbehind or level at n = {}.\n",
        wins.empty() ? "none" : wins, losses.empty() ? "none" : losses);
}

nn::plot::LinePlot accuracy_plot(const Comparison& c, const std::vector<nn::Index>& per_class,
                                 const std::string& title, const std::string& unit) {
    nn::plot::LinePlot lp{.title = title,
                          .xlabel = "labelled images per " + unit,
                          .ylabel = "test accuracy",
                          .series = {},
                          .log_x = true,
                          .log_y = false,
                          .legend = nn::plot::Legend::bottom_right};
    for (std::size_t w = 0; w < kW; ++w) {
        nn::plot::Series ser{.title = name(kWays[w]), .x = {}, .y = {}, .style = "linespoints"};
        for (std::size_t k = 0; k < c.results.size(); ++k) {
            ser.x.push_back(double(per_class[k]));
            ser.y.push_back(c.results[k][w].mean);
        }
        lp.series.push_back(ser);
    }
    return lp;
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    Settings s;
    lesson.cli().add_flag("--quick", s.quick,
                          "fewer images, labels, seeds and steps (what ./nn test checks)");
    lesson.cli()
        .add_option("--seeds", s.seeds, "draws of the few labels per number of labels (full run)")
        ->check(CLI::Range(1, 20))
        ->capture_default_str();
    return lesson.run(argc, argv, [&](const nn::LessonOptions& opt) {
        const nn::Mnist train = nn::load_mnist(opt.data_dir / "mnist", "train");
        const nn::Mnist test = nn::load_mnist(opt.data_dir / "mnist", "t10k");
        if (s.quick) {
            s.source_n = 6000;
            s.source_epochs = 1;
            s.test_n = 1000;
            s.per_class = {1, 10, 100};
            s.fashion_per_class = {1, 10};
            s.seeds = 2;
            s.target.steps = 100;
            fmt::print(
                "(--quick: {} source images and {} epoch, {} test images per task, {} draws of {} to {}\n"
                "labels per class ({} to {} for Fashion-MNIST), {} steps)\n",
                s.source_n, s.source_epochs, s.test_n, s.seeds, s.per_class.front(), s.per_class.back(),
                s.fashion_per_class.front(), s.fashion_per_class.back(), s.target.steps);
        }

        nn::heading(
            "1. The source task: digits 0-4 (Intro-ANN slide 80, \"Problem with Deep Neural Networks\")");
        const Digits source_train = digits(train, kSourceFirst, kClasses, s.source_n);
        const Digits source_test = digits(test, kSourceFirst, kClasses);
        fmt::print(
            "The deck: deep networks need enormous amounts of data, which most applications do not\n"
            "have, and transfer learning addresses this: train on a task with plenty of labels, then reuse\n"
            "the learned layers for the task with few. Here the plenty is MNIST's digits 0-4 and the\n"
            "scarcity digits 5-9, of which we pretend to have only a few labelled images. First a network\n"
            "learns 0-4 from {} images: {} (ReLU, He-normal), {} parameters, Adam at rate\n"
            "0.001, batch 64. Tested on the {} test images of 0-4:\n\n",
            source_train.X.cols(), "784-128-64-5", nn::thousands(make_network(s.seed).parameter_count()),
            source_test.X.cols());
        const nn::Mlp source = train_source(source_train, source_test, s);

        nn::heading("2. A few labels of the new task (exercise 19.1)");
        const std::vector<int> train_labels = train.labels_of(0, train.size());
        nn::Rng demo(s.seed);
        const FewLabels few = few_labels(train_labels, kTargetFirst, kClasses, 2, demo);
        fmt::print(
            "Exercise 19.1 draws n images of each digit 5-9 from the 60,000 training images (a shuffle of\n"
            "each digit's positions, its first n) and counts their labels from 0. With n = 2, seed {}:\n\n",
            s.seed);
        std::vector<std::vector<std::string>> rows;
        for (std::size_t k = 0; k < few.idx.size(); ++k)
            rows.push_back({fmt::format("{}", few.idx[k]),
                            fmt::format("{}", train_labels[std::size_t(few.idx[k])]),
                            fmt::format("{}", few.labels[k])});
        nn::print_table({"position", "digit", "label"}, rows, "rrr");
        std::vector<int> counts(kClasses, 0);
        for (const int i : positions_of(train_labels, kTargetFirst, kClasses))
            ++counts[std::size_t(train_labels[std::size_t(i)] - kTargetFirst)];
        fmt::print(
            "The training set has {}, {}, {}, {} and {} images of 5, 6, 7, 8 and 9: n can be at most {}.\n",
            counts[0], counts[1], counts[2], counts[3], counts[4],
            *std::min_element(counts.begin(), counts.end()));

        nn::heading("3. From scratch, frozen, fine-tuned and augmented on n labels per digit");
        const Digits target_test = digits(test, kTargetFirst, kClasses, s.test_n);
        fmt::print(
            "Four ways, each with the same {0} network, the same few labels, the same plain SGD at\n"
            "rate {1:g}, batch min({2}, 5n), about {3} steps, and the same order of batches:\n"
            "  from scratch  new weights everywhere, every layer at rate {1:g};\n"
            "  frozen        the source's two hidden layers (exercise 19.2: copied, with a new 64-5 head)\n"
            "                held still (rate 0, exercise 19.3), only the head learns;\n"
            "  fine-tuned    the same start, the copied layers at rate {4:g}, the head at {1:g};\n"
            "  augmented     from scratch, every image of every batch moved by −{5} .. {5} pixels down and\n"
            "                right at random (nn::moved: lesson 17's data augmentation, shifts only).\n"
            "{6} draws of the labels (seeds 1 .. {6}) per n; tested on {7} test images of 5-9. Mean\n"
            "accuracy and, in brackets, the lowest and highest of the draws:\n\n",
            "784-128-64-5", s.target.lr, s.target.batch, s.target.steps, s.target.lr * s.target.fine,
            s.target.max_shift, s.seeds, target_test.X.cols());
        const Comparison digits_5_9 =
            compare(source, train, kTargetFirst, target_test, s.per_class, s.seeds, s.target, "digits 5-9");
        report(opt, digits_5_9, s.per_class, "digit");
        opt.plot(accuracy_plot(digits_5_9, s.per_class,
                               "19: digits 5-9 from few labels, a network of 0-4 reused (mean of the draws)",
                               "digit"),
                 s.quick ? "19-digits-quick.png" : "19-digits.png");

        nn::heading("4. A task further away: Fashion-MNIST");
        const nn::Mnist fashion_train = nn::load_mnist(fashion_dir(opt), "train");
        const nn::Mnist fashion_test_set = nn::load_mnist(fashion_dir(opt), "t10k");
        const Digits fashion_test = digits(fashion_test_set, 0, kClasses, s.test_n);
        fmt::print(
            "The same source network (digits 0-4) and the same four ways, now for Fashion-MNIST's\n"
            "first five classes (T-shirt, trouser, pullover, dress, coat: 28x28 grey images like MNIST's,\n"
            "of clothes). Are the strokes of digits as good a start for clothes as for other digits?\n"
            "{} draws per n; tested on {} test images of those classes:\n\n",
            s.seeds, fashion_test.X.cols());
        const Comparison clothes = compare(source, fashion_train, 0, fashion_test, s.fashion_per_class,
                                           s.seeds, s.target, "fashion");
        report(opt, clothes, s.fashion_per_class, "class");
        // The two tasks side by side at the smallest n: how much the digits' features buy each.
        const double lead_digits = std::max(digits_5_9.results[0][1].mean, digits_5_9.results[0][2].mean) -
                                   digits_5_9.results[0][0].mean;
        const double lead_clothes =
            std::max(clothes.results[0][1].mean, clothes.results[0][2].mean) - clothes.results[0][0].mean;
        fmt::print(
            "\nWith {} label(s) per class, the better transferred network's lead over from scratch is\n"
            "{:+.3f} on digits 5-9 and {:+.3f} on clothes: {}.\n",
            s.per_class.front(), lead_digits, lead_clothes,
            lead_clothes < lead_digits
                ? "the digits' layers help less on the task further from their own"
                : "the digits' layers help the clothes as much or more, against the expectation");
        opt.plot(
            accuracy_plot(clothes, s.fashion_per_class,
                          "19: Fashion-MNIST classes 0-4 from few labels, a network of digits 0-4 reused",
                          "class"),
            s.quick ? "19-fashion-quick.png" : "19-fashion.png");
    });
}
