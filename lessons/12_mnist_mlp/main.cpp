// Lesson 12 — an MLP on MNIST.
// Deck FruitPunch: "An informed look into first example" (the 784-30-30-10 model, its summary with
// 24,790 parameters, compiled with SGD(lr=0.001), categorical cross-entropy, batch 32, 5 epochs).
// Deck Matrix-view: "Model for digit recognition", "Gradient Descent" (batch against mini-batch),
// "One Hot encoding" (keras.utils.to_categorical).
// Run: ./nn run 12 [--dataset fashion] [--quick]   Exercises: exercises/12_mnist_mlp.cpp
#include <fmt/core.h>

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

struct Settings {
    std::string dataset = "mnist";
    bool quick = false;  // a subset and one epoch: what ./nn test checks
    std::string save = "models/12-{}.nnm";
};

void the_data(const DataSet& d) {
    nn::heading(fmt::format("1. {} (Matrix-view, \"Model for digit recognition\")", d.name));
    fmt::print("{} training and {} test images of {}x{} bytes. Each becomes a column of 784 pixels\n"
               "divided by 255, so in [0, 1]; each label becomes a one-hot column (Keras's\n"
               "to_categorical(train_y, 10)). The first training image is a {} ({}):\n",
               d.train.size(), d.test.size(), d.train.images.rows, d.train.images.cols,
               d.train.labels[0], d.class_names[d.train.labels[0]]);
    const nn::Matrix y = one_hot_labels(d.train, {0});
    nn::print_matrix("to_categorical", y.transpose(), 0);
}

void the_model() {
    nn::heading("2. The deck's model: Dense(30) relu – Dense(30) relu – Dense(10) softmax (FruitPunch)");
    nn::Rng rng(12);
    nn::Mlp m(slide::sizes, {nn::Activation::relu, nn::Activation::relu, nn::Activation::identity},
              nn::Init::glorot_uniform, rng);
    m.print_summary(true);
    nn::SlideTable t("parameters");
    t.row("dense_1: 784×30 + 30", static_cast<double>(m.layers[0].W.size() + m.layers[0].b.size()), slide::dense_1, "", 0);
    t.row("dense_2: 30×30 + 30", static_cast<double>(m.layers[1].W.size() + m.layers[1].b.size()), slide::dense_2, "", 0);
    t.row("dense_3: 30×10 + 10", static_cast<double>(m.layers[2].W.size() + m.layers[2].b.size()), slide::dense_3, "", 0);
    t.row("total", static_cast<double>(m.parameter_count()), slide::total, "", 0);
    fmt::print("\n");
    t.print();
}

void print_timing_of(const nn::LessonOptions& opt, const RunResult& r, std::size_t samples_per_epoch) {
    nn::print_timing(opt, fmt::format("  {} s per epoch, {} samples/s",
                                      nn::measured(r.seconds / static_cast<double>(r.loss.size()), "{:.2f}"),
                                      nn::measured(static_cast<double>(samples_per_epoch) *
                                                       static_cast<double>(r.loss.size()) / r.seconds, "{:.0f}")));
}

void batch_against_minibatch(const nn::LessonOptions& opt, const DataSet& d, const Settings& s) {
    nn::heading("5. Batch against mini-batch gradient descent on the same budget (Matrix-view)");
    const std::size_t n = s.quick ? 6000 : d.train.size();
    const int budget_epochs = s.quick ? 1 : 3;
    fmt::print("Both get the same budget, {} pass{} over {} samples: the same arithmetic, so the same time.\n"
               "Batch gradient descent takes one step per pass over all of them; mini-batch takes one\n"
               "step per 32 samples.\n", budget_epochs, budget_epochs == 1 ? "" : "es", n);
    std::vector<std::vector<std::string>> rows;
    for (const int batch : {static_cast<int>(n), 32}) {
        RunConfig c{batch == 32 ? "mini-batch" : "batch", slide::sizes};
        c.lr = 0.1;
        c.batch = batch;
        c.epochs = budget_epochs;
        c.train_limit = n;
        c.test_limit = s.quick ? 2000 : 0;
        const RunResult r = run(d, c);
        rows.push_back({c.title, fmt::format("{}", batch), fmt::format("{}", budget_epochs * ((static_cast<int>(n) + batch - 1) / batch)),
                        fmt::format("{:.4f}", r.loss.back()), fmt::format("{:.4f}", r.test_accuracy.back())});
        print_timing_of(opt, r, n);
    }
    nn::print_table({"method", "batch", "steps", "training loss", "test accuracy"}, rows, "lrrrr");
    fmt::print("For the same arithmetic, many small noisy steps beat a few exact ones by far: a full\n"
               "pass over the data buys one step of batch descent but {} of mini-batch descent.\n", (n + 31) / 32);
}

void mistakes(const nn::LessonOptions& opt, const DataSet& d, const nn::Mlp& model, std::size_t n_test, bool quick) {
    nn::heading("6. Where it goes wrong");
    const Evaluation e = evaluate(scores(model, d.test, 0, n_test), labels_of(d.test, 0, n_test), 10);
    fmt::print("Confusion matrix of the larger model on {} test images (rows: true, columns: predicted):\n", n_test);
    nn::print_confusion_matrix(e.confusion, d.class_names);
    std::vector<std::size_t> wrong;
    const nn::Matrix S = scores(model, d.test, 0, n_test);
    for (std::size_t j = 0; j < n_test && wrong.size() < 8; ++j) {
        nn::Index p = 0;
        S.col(static_cast<nn::Index>(j)).maxCoeff(&p);
        if (p != d.test.labels[j]) wrong.push_back(j);
    }
    if (wrong.empty()) return;
    fmt::print("\nThe first misclassified test images:\n");
    const std::size_t shown = std::min<std::size_t>(3, wrong.size());
    std::vector<std::vector<std::string>> art;
    for (std::size_t k = 0; k < shown; ++k) art.push_back(ascii_digit(d.test, wrong[k]));
    std::string captions;
    for (std::size_t k = 0; k < shown; ++k) {
        nn::Index p = 0;
        S.col(static_cast<nn::Index>(wrong[k])).maxCoeff(&p);
        captions += fmt::format("{:<32}", fmt::format("#{}: true {}, predicted {}", wrong[k], d.test.labels[wrong[k]], p));
    }
    while (!captions.empty() && captions.back() == ' ') captions.pop_back();
    fmt::print("{}\n", captions);
    for (int r = 0; r < 28; ++r) {
        std::string line;
        for (std::size_t k = 0; k < shown; ++k) line += art[k][static_cast<std::size_t>(r)] + "    ";
        while (!line.empty() && line.back() == ' ') line.pop_back();
        fmt::print("{}\n", line);
    }
    nn::plot::ImageGrid g;
    g.title = fmt::format("{}: misclassified test images", d.name);
    g.rows = g.cols = 28;
    for (std::size_t j : wrong) {
        std::vector<double> img(784);
        for (int i = 0; i < 784; ++i) img[static_cast<std::size_t>(i)] = d.test.images.pixels[j * 784 + static_cast<std::size_t>(i)] / 255.0;
        g.images.push_back(img);
        nn::Index p = 0;
        S.col(static_cast<nn::Index>(j)).maxCoeff(&p);
        g.captions.push_back(fmt::format("#{}: {} as {}", j, d.class_names[d.test.labels[j]], d.class_names[static_cast<std::size_t>(p)]));
    }
    g.per_row = 4;
    opt.plot(g, quick ? "12-misclassified-quick.png" : "12-misclassified.png");
}

void save_and_load(const nn::Mlp& model, const DataSet& d, const std::string& file, std::size_t n_test) {
    nn::heading("7. Saving the model and loading it back");
    nn::save_model(model, file);
    const nn::Mlp back = nn::load_model(file, 784, 10);
    const auto a = nn::argmax_columns(scores(model, d.test, 0, n_test)), b = nn::argmax_columns(scores(back, d.test, 0, n_test));
    std::size_t same = 0;
    for (std::size_t k = 0; k < a.size(); ++k) same += a[k] == b[k];
    fmt::print("Saved to {} ({} bytes: the format is in common/include/nn/model_io.hpp).\n"
               "Loaded back: {} of {} test predictions identical; the weights are equal bit for bit: {}.\n",
               file, std::filesystem::file_size(file), same, a.size(),
               back.layers[0].W == model.layers[0].W && back.layers.back().b == model.layers.back().b ? "yes" : "NO");
    fmt::print("Lesson 14 serves this file over HTTP.\n");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson({"12", "An MLP on MNIST", "FruitPunch, Matrix-view",
                       "The deck's 784-30-30-10 model and its 24,790 parameters, trained as the deck "
                       "compiles it, at a better rate, and larger with Adam; batch against mini-batch."});
    Settings s;
    lesson.cli().add_option("--dataset", s.dataset, "mnist, or fashion (Debian's Fashion-MNIST)")
        ->check(CLI::IsMember({"mnist", "fashion"}))->capture_default_str();
    lesson.cli().add_flag("--quick", s.quick, "a subset and one epoch per run (what ./nn test checks)");
    lesson.cli().add_option("--save", s.save, "where to save the larger model ({} is the data set)")->capture_default_str();
    return lesson.run(argc, argv, [&](const nn::LessonOptions& opt) {
        const DataSet d = load_dataset(opt.data_dir, s.dataset);
        const std::size_t train_n = s.quick ? 10000 : 0, test_n = s.quick ? 2000 : d.test.size();
        if (s.quick) fmt::print("(--quick: {} training images, {} test images, one epoch per run)\n", train_n, test_n);
        the_data(d);
        the_model();

        nn::heading("3. Trained as the deck compiles it: SGD(lr=0.001), batch 32, 5 epochs");
        RunConfig deck{"deck", slide::sizes, nn::Activation::relu, Optimizer::sgd, slide::lr, slide::batch,
                       s.quick ? 1 : slide::epochs, train_n, test_n};
        const RunResult a = run(d, deck);
        print_timing_of(opt, a, train_n ? train_n : d.train.size());
        fmt::print("Test accuracy after {} epochs at lr 0.001: {:.4f}. The deck shows no accuracy; this is\n"
                   "what its settings give. lr 0.001 takes small steps: the model is still learning.\n",
                   deck.epochs, a.test_accuracy.back());
        RunConfig faster = deck;
        faster.lr = 0.1;
        fmt::print("\nThe same at lr 0.1:\n");
        const RunResult b = run(d, faster);
        print_timing_of(opt, b, train_n ? train_n : d.train.size());

        nn::heading("4. A larger model: 784-256-128-10 with Adam (lr 1e-3), batch 128");
        RunConfig large{"large", {784, 256, 128, 10}, nn::Activation::relu, Optimizer::adam, 1e-3, 128,
                        s.quick ? 1 : 10, train_n, test_n};
        const RunResult c = run(d, large);
        print_timing_of(opt, c, train_n ? train_n : d.train.size());
        fmt::print("Test accuracy {:.4f}{}.\n", c.test_accuracy.back(),
                   s.quick ? " (one epoch on a subset)" : c.test_accuracy.back() >= 0.975 ? ", at least 0.975" : ", BELOW 0.975");
        nn::plot::LinePlot p{fmt::format("{}: test accuracy per epoch", d.name), "epoch", "test accuracy", {}};
        for (const auto& [name, r] : {std::pair{"784-30-30-10, SGD lr 0.001", &a}, std::pair{"784-30-30-10, SGD lr 0.1", &b},
                                      std::pair{"784-256-128-10, Adam", &c}}) {
            nn::plot::Series ser{name, {}, r->test_accuracy, "linespoints"};
            for (std::size_t e = 1; e <= r->test_accuracy.size(); ++e) ser.x.push_back(static_cast<double>(e));
            p.series.push_back(ser);
        }
        opt.plot(p, s.quick ? "12-test-accuracy-quick.png" : "12-test-accuracy.png");

        batch_against_minibatch(opt, d, s);
        mistakes(opt, d, c.model, test_n, s.quick);
        save_and_load(c.model, d, fmt::format(fmt::runtime(s.save), s.dataset), test_n);
    });
}
