// Lesson 12 — an MLP on MNIST.
// Deck FruitPunch: "An informed look into first example" (the 784-30-30-10 model, its summary with
// 24,790 parameters, compiled with SGD(lr=0.001), categorical cross-entropy, batch 32, 5 epochs).
// Deck Matrix-view: "Model for digit recognition", "Gradient Descent" (batch against mini-batch),
// "One Hot encoding" (keras.utils.to_categorical).
// Deck Intro-ANN: "Why Deep Learning...?" (slide 5: with more data, machine learning is said to get
// worse while deep learning holds up), measured as a linear model against an MLP.
// Run: ./nn run 12 [--dataset fashion] [--quick]   Exercises: exercises/12_mnist_mlp.cpp
#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "exercise.hpp"
#include "lesson.hpp"
#include "nn/lesson.hpp"
#include "nn/losses.hpp"
#include "nn/model_io.hpp"
#include "nn/print.hpp"
#include "nn/timing.hpp"
#include "nn/training.hpp"
#include "slide.hpp"

using namespace lesson12;

namespace {

// How much higher a test accuracy must be to call one run ahead of another.
constexpr double kClearlyAhead = 0.05;

struct Settings {
    std::string dataset = "mnist";
    bool quick = false;  // a subset and one epoch: what ./nn test checks
    std::string save = "models/12-{}.nnm";
    // --quick's model, a subset's, does not replace the full run's: lesson 14 serves that one.
    std::string save_quick = "models/12-{}-quick.nnm";
};

void the_data(const DataSet& d) {
    nn::heading(fmt::format("1. {} (Matrix-view slide 12, \"Model for digit recognition\")", d.name));
    const int label = d.train.labels[0];
    const std::string& name = d.class_names[std::size_t(label)];
    fmt::print(
        "{} training and {} test images of {}x{} bytes. Each becomes a column of {} pixels\n"
        "divided by 255, so in [0, 1]; each label becomes a one-hot column (Keras's\n"
        "to_categorical(train_y, {})). The first training image is a {}{}:\n",
        d.train.size(), d.test.size(), d.train.images.rows, d.train.images.cols,
        d.train.images.rows * d.train.images.cols, d.class_names.size(), label,
        name == std::to_string(label) ? "" : fmt::format(" ({})", name));  // MNIST's names are the digits
    const nn::Matrix y = d.train.Y(std::vector<nn::Index>{0});
    nn::print_matrix("to_categorical", y.transpose(), 0);
}

void the_model() {
    nn::heading(fmt::format(
        "2. The deck's model: Dense({}) relu – Dense({}) relu – Dense({}) softmax (FruitPunch slide 25)",
        slide::sizes[1], slide::sizes[2], slide::sizes[3]));
    nn::Rng rng(12);
    nn::Mlp m(slide::sizes, {nn::Activation::relu, nn::Activation::relu, nn::Activation::identity},
              nn::Init::glorot_uniform, rng);
    m.print_summary(true);
    nn::SlideTable t("parameters");
    const nn::SlideValue per_layer[] = {slide::dense_1, slide::dense_2, slide::dense_3};
    for (std::size_t l = 0; l < m.layers.size(); ++l) {
        const auto& L = m.layers[l];
        t.row(fmt::format("dense_{}: {}×{} + {}", l + 1, L.W.cols(), L.W.rows(), L.b.size()),
              double(L.W.size() + L.b.size()), per_layer[l], "", 0);
    }
    t.row("total", double(m.parameter_count()), slide::total, "", 0);
    fmt::print("\n");
    t.print();
}

void print_timing_of(const nn::LessonOptions& opt, const RunResult& r, std::size_t samples_per_epoch) {
    nn::print_timing(
        opt, fmt::format(
                 "  {} s per epoch, {} samples/s", nn::measured(r.seconds / double(r.loss.size()), "{:.2f}"),
                 nn::measured(double(samples_per_epoch) * double(r.loss.size()) / r.seconds, "{:.0f}")));
}

void batch_against_minibatch(const nn::LessonOptions& opt, const DataSet& d, const Settings& s) {
    nn::heading(
        "5. Batch against mini-batch gradient descent on the same budget (Matrix-view slide 13, \"Gradient "
        "Descent\")");
    const std::size_t n = s.quick ? 6000 : d.train.size();
    const int budget_epochs = s.quick ? 1 : 3;
    fmt::print(
        "Both get the same budget, {} pass{} over {} samples: the same arithmetic, so the same time.\n"
        "Batch gradient descent takes one step per pass over all of them; mini-batch takes one\n"
        "step per 32 samples.\n",
        budget_epochs, budget_epochs == 1 ? "" : "es", n);
    std::vector<std::vector<std::string>> rows;
    std::vector<double> accuracy;  // batch, then mini-batch
    for (const int batch : {int(n), 32}) {
        const RunConfig c{.title = batch == 32 ? "mini-batch" : "batch",
                          .sizes = slide::sizes,
                          .lr = 0.1,
                          .batch = batch,
                          .epochs = budget_epochs,
                          .train_limit = n,
                          .test_limit = s.quick ? 2000u : 0u};
        const RunResult r = run(d, c);
        rows.push_back({c.title, fmt::format("{}", batch),
                        fmt::format("{}", budget_epochs * ((int(n) + batch - 1) / batch)),
                        fmt::format("{:.4f}", r.loss.back()), fmt::format("{:.4f}", r.test_accuracy.back())});
        print_timing_of(opt, r, n);
        accuracy.push_back(r.test_accuracy.back());
    }
    nn::print_table({"method", "batch", "steps", "training loss", "test accuracy"}, rows, "lrrrr");
    fmt::print(
        "For the same arithmetic, many small noisy steps {} a few exact ones{}: a full\n"
        "pass over the data buys one step of batch descent but {} of mini-batch descent.\n",
        accuracy[1] > accuracy[0] ? "beat" : "do not beat",
        accuracy[1] > accuracy[0] + kClearlyAhead ? " by far" : "", (n + 31) / 32);
}

// S: the larger model's scores on the first n_test test images.
void mistakes(const nn::LessonOptions& opt, const DataSet& d, const nn::Matrix& S, bool quick) {
    nn::heading("6. Where it goes wrong");
    const auto n_test = std::size_t(S.cols());
    const Evaluation e = evaluate(S, d.test.labels_of(0, n_test), int(d.class_names.size()));
    fmt::print("Confusion matrix of the larger model on {} test images (rows: true, columns: predicted):\n",
               n_test);
    nn::print_confusion_matrix(e.confusion, d.class_names);
    std::vector<std::size_t> wrong;
    const std::vector<int> predicted = nn::argmax_columns(S);
    for (std::size_t j = 0; j < n_test && wrong.size() < 8; ++j)
        if (predicted[j] != d.test.labels[j]) wrong.push_back(j);
    if (wrong.empty()) return;
    fmt::print("\nThe first misclassified test images:\n");
    const std::size_t shown = std::min<std::size_t>(3, wrong.size());
    std::vector<std::vector<std::string>> art;
    for (std::size_t k = 0; k < shown; ++k) art.push_back(ascii_digit(d.test, wrong[k]));
    std::string captions;
    for (std::size_t k = 0; k < shown; ++k)
        captions += fmt::format("{:<32}", fmt::format("#{}: true {}, predicted {}", wrong[k],
                                                      d.test.labels[wrong[k]], predicted[wrong[k]]));
    while (!captions.empty() && captions.back() == ' ') captions.pop_back();
    fmt::print("{}\n", captions);
    for (std::size_t r = 0; r < d.test.images.rows; ++r) {
        std::string line;
        for (std::size_t k = 0; k < shown; ++k) line += art[k][std::size_t(r)] + "    ";
        while (!line.empty() && line.back() == ' ') line.pop_back();
        fmt::print("{}\n", line);
    }
    nn::plot::ImageGrid g{.title = fmt::format("{}: misclassified test images", d.name),
                          .rows = int(d.test.images.rows),
                          .cols = int(d.test.images.cols),
                          .per_row = 4};
    for (std::size_t j : wrong) {
        const nn::Matrix img = d.test.X(j, 1);
        g.images.emplace_back(img.data(), img.data() + img.size());
        g.captions.push_back(fmt::format("#{}: {} as {}", j, d.class_names[d.test.labels[j]],
                                         d.class_names[std::size_t(predicted[j])]));
    }
    opt.plot(g, quick ? "12-misclassified-quick.png" : "12-misclassified.png");
}

// S: the model's scores on the first S.cols() test images, as for mistakes().
void save_and_load(const nn::Mlp& model, const DataSet& d, const std::string& file, const nn::Matrix& S,
                   bool served) {
    nn::heading("7. Saving the model and loading it back");
    nn::save_model(model, file);
    const nn::Mlp back =
        nn::load_model(file, int(d.test.images.rows * d.test.images.cols), int(d.class_names.size()));
    const auto a = nn::argmax_columns(S),
               b = nn::argmax_columns(scores(back, d.test, 0, std::size_t(S.cols())));
    std::size_t same = 0;
    for (std::size_t k = 0; k < a.size(); ++k) same += a[k] == b[k];
    fmt::print(
        "Saved to {} ({} bytes: the format is in common/include/nn/model_io.hpp).\n"
        "Loaded back: {} of {} test predictions identical; the weights are equal bit for bit: {}.\n",
        file, std::filesystem::file_size(file), same, a.size(),
        back.layers[0].W == model.layers[0].W && back.layers.back().b == model.layers.back().b ? "yes"
                                                                                               : "NO");
    if (served)
        fmt::print("Lesson 14 serves this file over HTTP.\n");
    else
        fmt::print(
            "A quick run's model is kept apart from the full run's, which lesson 14 serves\n"
            "(./nn run 14 --model {} serves this one).\n",
            file);
}

}  // namespace

// Intro-ANN, slide 5: the same training images, from a few hundred to all of them, given to a linear
// model (softmax regression, a classic machine-learning model: one layer, 784-10) and to an MLP.
// Each size is trained on about the same number of samples, so the small sets get more epochs.
constexpr double kMoreDataLr = 5e-3;

void more_data(const nn::LessonOptions& opt, const DataSet& d, bool quick, std::size_t test_n) {
    nn::heading("8. More data: a linear model against an MLP (Intro-ANN slide 5, \"Why Deep Learning...?\")");
    const std::vector<std::size_t> sizes =
        quick ? std::vector<std::size_t>{250, 500, 1000, 2000, 5000}
              : std::vector<std::size_t>{500, 1000, 2000, 5000, 10000, 20000, d.train.size()};
    const double budget = quick ? 10000 : 300000;  // training samples seen per size, at least
    const int pixels = int(d.train.images.rows * d.train.images.cols), classes = int(d.class_names.size());
    fmt::print(
        "The slide says that as the data grows, machine learning's performance decreases while deep\n"
        "learning's holds. Below, the first n training images train softmax regression ({}-{}, one\n"
        "layer: a classic linear model) and an MLP ({}-100-{}, ReLU), both with Adam (lr {}), batch 64,\n"
        "for about {:.0f} samples each (at least {} passes); accuracy on {} test images:\n\n",
        pixels, classes, pixels, classes, kMoreDataLr, budget, quick ? 2 : 5, test_n);
    std::vector<std::vector<std::string>> rows;
    std::vector<double> linear, mlp;
    nn::plot::LinePlot p{
        .title = fmt::format("{}: test accuracy against the number of training images", d.name),
        .xlabel = "training images",
        .ylabel = "test accuracy",
        .series = {{.title = "softmax regression (linear)", .style = "linespoints"},
                   {.title = fmt::format("MLP {}-100-{}", pixels, classes), .style = "linespoints"}},
        .log_x = true,
        .legend = nn::plot::Legend::bottom_right};
    for (const std::size_t n : sizes) {
        const int epochs = std::max(quick ? 2 : 5, int(std::ceil(budget / double(n))));
        RunConfig c{.title = "linear",
                    .sizes = {pixels, classes},
                    .hidden = nn::Activation::relu,
                    .optimizer = Optimizer::adam,
                    .lr = kMoreDataLr,
                    .batch = 64,
                    .epochs = epochs,
                    .train_limit = n,
                    .test_limit = test_n,
                    .seed = 5,
                    .every_epoch = false};
        linear.push_back(run(d, c).test_accuracy.back());
        c.title = "mlp";
        c.sizes = {pixels, 100, classes};
        mlp.push_back(run(d, c).test_accuracy.back());
        rows.push_back({fmt::format("{}", n), fmt::format("{}", epochs), fmt::format("{:.4f}", linear.back()),
                        fmt::format("{:.4f}", mlp.back())});
        for (auto* s : {&p.series[0], &p.series[1]}) s->x.push_back(double(n));
        p.series[0].y.push_back(linear.back());
        p.series[1].y.push_back(mlp.back());
    }
    nn::print_table({"training images", "epochs", "linear", "MLP"}, rows, "rrrr");
    double worst_drop = 0;  // the linear model's largest fall from one size to the next
    for (std::size_t i = 1; i < linear.size(); ++i)
        worst_drop = std::max(worst_drop, linear[i - 1] - linear[i]);
    const double lead_first = mlp.front() - linear.front(), lead_last = mlp.back() - linear.back();
    fmt::print(
        "From {} to {} images the linear model goes from {:.4f} to {:.4f} and the MLP from {:.4f} to "
        "{:.4f}.\n",
        sizes.front(), sizes.back(), linear.front(), linear.back(), mlp.front(), mlp.back());
    fmt::print("{}.\n", worst_drop <= 0.005
                            ? "The linear model never gets worse with more data (no fall above 0.005)"
                            : fmt::format("The linear model falls by up to {:.4f} from one size to "
                                          "the next",
                                          worst_drop));
    fmt::print("The slide's \"decreases\" {}.\nThe MLP's lead {} from {:.4f} to {:.4f}{}\n",
               worst_drop <= 0.005 ? "is not what happens" : "shows here, by the amount above",
               lead_last > lead_first ? "grows" : "does not grow", lead_first, lead_last,
               lead_last > lead_first
                   ? ": more data is worth more to the model that\ncan bend its boundaries between the "
                     "classes (one linear layer draws only straight ones)."
                   : ".");
    opt.plot(p, quick ? "12-more-data-quick.png" : "12-more-data.png");
}

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    Settings s;
    lesson.cli()
        .add_option("--dataset", s.dataset, "mnist, or fashion (Debian's Fashion-MNIST)")
        ->check(CLI::IsMember({"mnist", "fashion"}))
        ->capture_default_str();
    lesson.cli().add_flag("--quick", s.quick, "a subset and one epoch per run (what ./nn test checks)");
    const CLI::Option* save =
        lesson.cli()
            .add_option(
                "--save", s.save,
                fmt::format("where to save the larger model ({{}} is the data set; with --quick and no "
                            "--save: {})",
                            s.save_quick))
            ->capture_default_str();
    return lesson.run(argc, argv, [&](const nn::LessonOptions& opt) {
        const DataSet d = load_dataset(opt.data_dir, s.dataset);
        const std::size_t train_n = s.quick ? 10000 : 0, test_n = s.quick ? 2000 : d.test.size();
        if (s.quick)
            fmt::print("(--quick: {} training images, {} test images, one epoch per run)\n", train_n, test_n);
        the_data(d);
        the_model();

        nn::heading(fmt::format(
            "3. Trained as the deck compiles it (FruitPunch slide 25): SGD(lr={}), batch {}, {} epochs{}",
            slide::lr, slide::batch, slide::epochs, s.quick ? " (--quick: 1)" : ""));
        const RunConfig deck{.title = "deck",
                             .sizes = slide::sizes,
                             .hidden = nn::Activation::relu,
                             .optimizer = Optimizer::sgd,
                             .lr = slide::lr,
                             .batch = slide::batch,
                             .epochs = s.quick ? 1 : slide::epochs,
                             .train_limit = train_n,
                             .test_limit = test_n};
        const RunResult a = run(d, deck);
        print_timing_of(opt, a, train_n ? train_n : d.train.size());
        const std::string epochs = fmt::format("{} epoch{}", deck.epochs, deck.epochs == 1 ? "" : "s");
        fmt::print(
            "Test accuracy after {} at lr {}: {:.4f}. The deck shows no accuracy; this is\n"
            "what its settings give.\n",
            epochs, deck.lr, a.test_accuracy.back());
        RunConfig faster = deck;
        faster.lr = 0.1;
        fmt::print("\nThe same at lr {}:\n", faster.lr);
        const RunResult b = run(d, faster);
        print_timing_of(opt, b, train_n ? train_n : d.train.size());
        const double ahead = b.test_accuracy.back() - a.test_accuracy.back();
        fmt::print(
            "{}\n",
            ahead > kClearlyAhead
                ? fmt::format("lr {} takes small steps: after the same {} it is {:.4f} behind lr {}.",
                              deck.lr, epochs, ahead, faster.lr)
                : fmt::format("After {} the two rates end within {} of each other.", epochs, kClearlyAhead));

        nn::heading("4. A larger model: 784-256-128-10 with Adam (lr 1e-3), batch 128");
        const int pixels = int(d.train.images.rows * d.train.images.cols);
        const RunConfig large{.title = "large",
                              .sizes = {pixels, 256, 128, int(d.class_names.size())},
                              .hidden = nn::Activation::relu,
                              .optimizer = Optimizer::adam,
                              .lr = 1e-3,
                              .batch = 128,
                              .epochs = s.quick ? 1 : 10,
                              .train_limit = train_n,
                              .test_limit = test_n};
        const RunResult c = run(d, large);
        print_timing_of(opt, c, train_n ? train_n : d.train.size());
        fmt::print("Test accuracy {:.4f}{}.\n", c.test_accuracy.back(),
                   s.quick                           ? " (one epoch on a subset)"
                   : c.test_accuracy.back() >= 0.975 ? ", at least 0.975"
                                                     : ", BELOW 0.975");
        nn::plot::LinePlot p{.title = fmt::format("{}: test accuracy per epoch", d.name),
                             .xlabel = "epoch",
                             .ylabel = "test accuracy"};
        const auto sizes = [](const RunConfig& rc) { return fmt::format("{}", fmt::join(rc.sizes, "-")); };
        for (const auto& [name, r] : {std::pair{fmt::format("{}, SGD lr {}", sizes(deck), deck.lr), &a},
                                      std::pair{fmt::format("{}, SGD lr {}", sizes(faster), faster.lr), &b},
                                      std::pair{fmt::format("{}, Adam", sizes(large)), &c}}) {
            nn::plot::Series ser{.title = name, .y = r->test_accuracy, .style = "linespoints"};
            for (std::size_t e = 1; e <= r->test_accuracy.size(); ++e) ser.x.push_back(double(e));
            p.series.push_back(ser);
        }
        opt.plot(p, s.quick ? "12-test-accuracy-quick.png" : "12-test-accuracy.png");

        batch_against_minibatch(opt, d, s);
        const nn::Matrix S = scores(c.model, d.test, 0, test_n);  // once: 10,000 forward passes
        mistakes(opt, d, S, s.quick);
        const bool quick_file = s.quick && save->count() == 0;
        save_and_load(c.model, d, fmt::format(fmt::runtime(quick_file ? s.save_quick : s.save), s.dataset), S,
                      !quick_file);
        more_data(opt, d, s.quick, test_n);
    });
}
