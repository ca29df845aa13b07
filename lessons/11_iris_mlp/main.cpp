// Lesson 11 — an MLP on Iris.
// Deck IBM-1: "Summary" (the five steps of training), "Keras Code". Deck IBM-2: "Training Process",
// "Fully Connected Layer" (4-3-2, 23 parameters). Deck Matrix-view: "Fully Connected Network"
// (Dense(4, relu, input 8) – Dense(2, relu) – Dense(1)).
// Run: ./nn run 11 [--hidden H] [--epochs E] [--seed S]   Exercise: exercises/11_iris_mlp.cpp
#include <fmt/core.h>
#include <fmt/ranges.h>

#include <cmath>
#include <vector>

#include "exercise.hpp"
#include "nn/data.hpp"
#include "nn/lesson.hpp"
#include "nn/losses.hpp"
#include "nn/print.hpp"
#include "nn/progress.hpp"
#include "nn/training.hpp"
#include "slide.hpp"

using namespace lesson11;

namespace {

struct Settings {
    int hidden = 8;
    int epochs = 200;
    int batch = 16;
    double lr = 0.1;
    std::uint64_t seed = 11;
};

struct Prepared {
    nn::Matrix X_train, X_test, Y_train;
    std::vector<int> train_labels, test_labels;
    nn::Standardizer scaler;
};

// The stratified 80/20 split and the standardization, with statistics of the training part only.
Prepared prepare(const nn::LabelledData& iris, const std::vector<int>& rows, std::uint64_t seed) {
    nn::Rng rng(seed);
    const nn::Split split = nn::stratified_split(iris.labels, 3, 0.2, rng);
    nn::Matrix X(std::ssize(rows), iris.X.cols());
    nn::Index r = 0;
    for (const int row : rows) X.row(r++) = iris.X.row(row);
    Prepared p;
    const nn::Matrix train_raw = nn::gather_columns(X, split.train);
    p.scaler = nn::Standardizer::fit(train_raw);
    p.X_train = p.scaler.apply(train_raw);
    p.X_test = p.scaler.apply(nn::gather_columns(X, split.test));
    p.train_labels = nn::gather(iris.labels, split.train);
    p.test_labels = nn::gather(iris.labels, split.test);
    p.Y_train = nn::one_hot(p.train_labels, 3);
    return p;
}

struct History {
    std::vector<double> loss, train_acc, test_acc;
};

// Mini-batch SGD with exercise 11.1's train_step. Prints every `report` epochs (0: never).
History train(nn::Mlp& model, const Prepared& d, const Settings& s, nn::Rng& rng, int report) {
    History h;
    nn::ProgressBar bar("training", std::size_t(s.epochs), "epochs");
    // nn::minibatches is exercise 12.1, written by the learner in the next lesson.
    const auto get = [&](const std::vector<nn::Index>& idx) {
        return nn::Batch{nn::gather_columns(d.X_train, idx), nn::gather_columns(d.Y_train, idx)};
    };
    const auto step = [&](const nn::Matrix& X, const nn::Matrix& Y) { return train_step(model, X, Y, s.lr); };
    for (int e = 1; e <= s.epochs; ++e) {
        try {
            h.loss.push_back(nn::train_epoch(nn::minibatches, d.X_train.cols(), s.batch, rng, get, step));
        } catch (const nn::Error& err) {  // a non-finite loss: say in which epoch, and which knob
            throw nn::Error(fmt::format("epoch {}: {} (lr is {}; try a smaller --lr)", e, err.what(), s.lr));
        }
        h.train_acc.push_back(nn::accuracy(nn::argmax_columns(model.predict(d.X_train)), d.train_labels));
        h.test_acc.push_back(nn::accuracy(nn::argmax_columns(model.predict(d.X_test)), d.test_labels));
        bar.update(std::size_t(e),
                   fmt::format("loss {:.4f}  train acc {:.3f}", h.loss.back(), h.train_acc.back()));
        if (report && (e % report == 0 || e == 1))
            fmt::print("  epoch {:>3}: loss {:.4f}  train accuracy {:.3f}  test accuracy {:.3f}\n", e,
                       h.loss.back(), h.train_acc.back(), h.test_acc.back());
    }
    bar.finish();
    return h;
}

nn::Mlp make_model(int inputs, const Settings& s, nn::Rng& rng) {
    return nn::Mlp({inputs, s.hidden, 3}, {nn::Activation::relu, nn::Activation::identity},
                   nn::Init::he_normal, rng);
}

void summaries(const Settings& s) {
    nn::heading(
        "1. The model (IBM-2 slides 10 and 17, \"Fully Connected Layer\"; Matrix-view slide 6, \"Fully "
        "Connected Network\")");
    nn::Rng rng(s.seed);
    fmt::print("The network trained here, 4-{}-3: ReLU hidden units, softmax on the output:\n", s.hidden);
    make_model(4, s, rng).print_summary(false);
    fmt::print("\nIBM-2's {} network:\n", fmt::join(slide::ibm2_sizes, "-"));
    nn::Mlp ibm(slide::ibm2_sizes, {nn::Activation::sigmoid, nn::Activation::sigmoid},
                nn::Init::glorot_uniform, rng);
    ibm.print_summary(false);
    nn::SlideTable t;
    std::vector<std::string> ibm_terms;
    for (std::size_t l = 0; l + 1 < slide::ibm2_sizes.size(); ++l)
        ibm_terms.push_back(fmt::format("(({}×{}) + {})", slide::ibm2_sizes[l], slide::ibm2_sizes[l + 1],
                                        slide::ibm2_sizes[l + 1]));
    t.row(fmt::format("{}", fmt::join(ibm_terms, " + ")), double(ibm.parameter_count()),
          slide::ibm2_parameters, "", 0);
    t.print();
    const auto& mvs = slide::matrix_view_sizes;
    fmt::print("\nMatrix-view's Keras model Dense({}, relu, input {}) – Dense({}, relu) – Dense({}):\n",
               mvs[1], mvs[0], mvs[2], mvs[3]);
    nn::Mlp mv(slide::matrix_view_sizes,
               {nn::Activation::relu, nn::Activation::relu, nn::Activation::identity},
               nn::Init::glorot_uniform, rng);
    mv.print_summary(false);
    std::string terms, counts;
    for (const auto& layer : mv.layers) {
        const std::string sep = terms.empty() ? "" : " + ";
        terms += fmt::format("{}({}×{} + {})", sep, layer.W.cols(), layer.W.rows(), layer.b.size());
        counts += fmt::format("{}{}", sep, layer.W.size() + layer.b.size());
    }
    fmt::print("{} = {} = {}; the slide shows no count.\n", terms, counts, mv.parameter_count());
}

void five_steps() {
    nn::heading("2. The five steps of training, in this lesson's code (IBM-1 slide 43, \"Summary\")");
    nn::print_table(
        {"IBM-1 slide 43, \"Summary\"", "where it happens"},
        {{"1. weights and bias randomly assigned", "nn::Mlp model({4, H, 3}, ..., nn::Init::he_normal, rng)"},
         {"2. vector -> matrix multiplication -> activation", "model.forward(X)   (train_step, line 1)"},
         {"3. calculate the loss", "nn::softmax_cross_entropy(logits, Y)   (line 2)"},
         {"4. backpropagate the gradients", "model.backward(loss.grad)   (line 3)"},
         {"5. update the weights, repeat from step 2", "model.sgd_step(grads, lr), in train()'s loops"}},
        "ll");
    fmt::print(
        "IBM-1 names the mean squared error in step 3; for classes, softmax with cross-entropy\n"
        "is the better choice (lesson 10), and it is the one used here.\n");
}

void train_on_iris(const nn::LessonOptions& opt, const Settings& s, const nn::LabelledData& iris) {
    nn::heading("3. Training on Iris");
    const Prepared d = prepare(iris, {0, 1, 2, 3}, s.seed);
    fmt::print(
        "A stratified split (seed {}): {} flowers to train on, {} to test, 10 of each class in the\n"
        "test part. Features standardized with the training part's statistics only:\n",
        s.seed, d.X_train.cols(), d.X_test.cols());
    std::vector<std::vector<std::string>> rows;
    for (int f = 0; f < 4; ++f)
        rows.push_back({iris.feature_names[std::size_t(f)], fmt::format("{:.4f}", d.scaler.mean(f)),
                        fmt::format("{:.4f}", d.scaler.stddev(f))});
    nn::print_table({"feature", "mean", "std"}, rows);
    fmt::print("\nMini-batch SGD, batch {}, lr {}, {} epochs:\n", s.batch, s.lr, s.epochs);
    nn::Rng rng(s.seed);
    nn::Mlp model = make_model(4, s, rng);
    const History h = train(model, d, s, rng, 25);
    const auto predicted = nn::argmax_columns(model.predict(d.X_test));
    const double acc = nn::accuracy(predicted, d.test_labels);
    fmt::print("\nTest accuracy {:.4f} ({} of {}). Confusion matrix on the test flowers:\n", acc,
               int(std::lround(acc * double(d.test_labels.size()))), d.test_labels.size());
    nn::print_confusion_matrix(nn::confusion_matrix(predicted, d.test_labels, 3), iris.class_names);
    fmt::print("{}\n",
               acc >= 0.93
                   ? "At least 0.93, as the lesson promises for its default seed."
                   : "Below 0.93 with this seed (the default, 11, reaches it); see the spread below.");

    nn::plot::LinePlot p{.title = "Iris 4-8-3: loss and accuracy per epoch", .xlabel = "epoch"};
    nn::plot::Series l{.title = "training loss", .y = h.loss},
        a{.title = "training accuracy", .y = h.train_acc}, t{.title = "test accuracy", .y = h.test_acc};
    for (int e = 1; e <= s.epochs; ++e)
        for (auto* x : {&l, &a, &t}) x->x.push_back(e);
    p.series = {l, a, t};
    opt.plot(p, "11-training.png");

    fmt::print("\nThe same training over ten seeds (each its own split and start):\n");
    std::vector<double> accs, train_accs;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const Prepared ds = prepare(iris, {0, 1, 2, 3}, seed);
        nn::Rng r(seed);
        nn::Mlp m = make_model(4, s, r);
        train_accs.push_back(train(m, ds, s, r, 0).train_acc.back());
        accs.push_back(nn::accuracy(nn::argmax_columns(m.predict(ds.X_test)), ds.test_labels));
    }
    double mean = 0;
    for (double x : accs) mean += x / 10;
    double var = 0;
    for (double x : accs) var += (x - mean) * (x - mean) / 9;
    std::string list;
    for (double x : accs) list += fmt::format(" {:.3f}", x);
    fmt::print(
        "  test accuracies:{}\n  mean {:.4f}, standard deviation {:.4f}, lowest {:.4f}, highest {:.4f}\n",
        list, mean, std::sqrt(var), *std::min_element(accs.begin(), accs.end()),
        *std::max_element(accs.begin(), accs.end()));
    const auto n_test = double(d.test_labels.size());
    fmt::print(
        "With {} test flowers one mistake costs {:.3f} of accuracy. The spread comes from both the\n"
        "split (which flowers are tested) and the start; the training accuracy ends between {:.3f}\n"
        "and {:.3f}. A data set this small gives a noisy estimate: report the spread, not one run.\n",
        d.test_labels.size(), 1 / n_test, *std::min_element(train_accs.begin(), train_accs.end()),
        *std::max_element(train_accs.begin(), train_accs.end()));
}

void decision_regions(const nn::LessonOptions& opt, const Settings& s, const nn::LabelledData& iris) {
    nn::heading("4. Decision regions of a two-feature model (petal length × petal width)");
    const Prepared d = prepare(iris, {2, 3}, s.seed);
    nn::Rng rng(s.seed);
    nn::Mlp model = make_model(2, s, rng);
    train(model, d, s, rng, 0);
    const double acc = nn::accuracy(nn::argmax_columns(model.predict(d.X_test)), d.test_labels);
    fmt::print("A 2-{}-3 network on the two petal measurements only: test accuracy {:.4f}.\n", s.hidden, acc);
    nn::plot::RegionPlot p{.title = "Iris, petal length × petal width: the 2-8-3 network's regions",
                           .xlabel = "petal length (cm)",
                           .ylabel = "petal width (cm)"};
    for (int k = 0; k <= 150; ++k) p.grid_x.push_back(0.5 + k * 6.7 / 150);
    for (int k = 0; k <= 150; ++k) p.grid_y.push_back(-0.1 + k * 2.8 / 150);
    nn::Matrix G(2, 151 * 151);
    for (int i = 0; i <= 150; ++i)
        for (int j = 0; j <= 150; ++j)
            G.col(i * 151 + j) << p.grid_x[std::size_t(j)], p.grid_y[std::size_t(i)];
    const auto cls = nn::argmax_columns(model.predict(d.scaler.apply(G)));
    p.grid_class.resize(151, 151);
    for (int i = 0; i <= 150; ++i)
        for (int j = 0; j <= 150; ++j) p.grid_class(i, j) = cls[std::size_t(i * 151 + j)];
    for (nn::Index n = 0; n < iris.X.cols(); ++n) {
        p.px.push_back(iris.X(2, n));
        p.py.push_back(iris.X(3, n));
        p.pclass.push_back(iris.labels[std::size_t(n)]);
    }
    p.class_names = iris.class_names;
    opt.plot(p, "11-decision-regions.png");
    fmt::print(
        "Setosa sits apart; the boundary between versicolor and virginica runs through the few\n"
        "flowers where the two overlap.\n");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    Settings s;
    lesson.cli()
        .add_option("--hidden", s.hidden, "hidden units")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    lesson.cli()
        .add_option("--epochs", s.epochs, "epochs")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    lesson.cli()
        .add_option("--lr", s.lr, "learning rate")
        ->check(nn::finite_range(1e-6, 10.0))
        ->capture_default_str();
    lesson.cli()
        .add_option("--seed", s.seed, "seed of the split and the start")
        ->check(nn::seed_value())
        ->capture_default_str();
    return lesson.run(argc, argv, [&](const nn::LessonOptions& opt) {
        const auto iris = nn::load_iris(opt.data_dir / "iris.csv");
        summaries(s);
        five_steps();
        train_on_iris(opt, s, iris);
        decision_regions(opt, s, iris);
    });
}
