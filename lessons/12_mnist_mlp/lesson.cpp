#include "lesson.hpp"

#include <fmt/core.h>

#include "nn/losses.hpp"
#include "nn/optim.hpp"
#include "nn/progress.hpp"
#include "nn/training.hpp"

namespace lesson12 {

namespace fs = std::filesystem;

DataSet load_dataset(const fs::path& data_dir, const std::string& name) {
    if (name == "mnist")
        return {"MNIST",
                nn::load_mnist(data_dir / "mnist", "train"),
                nn::load_mnist(data_dir / "mnist", "t10k"),
                {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}};
    if (name == "fashion") {
        fs::path dir = data_dir / "fashion-mnist";
        if (!fs::exists(dir)) dir = "/usr/share/datasets/fashion-mnist";
        if (!fs::exists(dir))
            throw nn::Error(
                "Fashion-MNIST not found: install Debian's dataset-fashion-mnist (./nn does this)");
        return {
            "Fashion-MNIST",
            nn::load_mnist(dir, "train"),
            nn::load_mnist(dir, "t10k"),
            {"T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Boot"}};
    }
    throw nn::Error(fmt::format("unknown data set '{}' (mnist or fashion)", name));
}

nn::Matrix scores(const nn::Mlp& model, const nn::Mnist& m, std::size_t first, std::size_t n) {
    nn::Matrix S(model.layers.back().W.rows(), nn::Index(n));
    for (std::size_t start = 0; start < n; start += 1000) {
        const std::size_t k = std::min<std::size_t>(1000, n - start);
        S.middleCols(nn::Index(start), nn::Index(k)) = model.predict(m.X(first + start, k));
    }
    return S;
}

RunResult run(const DataSet& data, const RunConfig& c) {
    nn::Rng rng(c.seed);
    std::vector<nn::Activation> acts(c.sizes.size() - 2, c.hidden);
    acts.push_back(nn::Activation::identity);  // softmax is in the loss
    RunResult r{nn::Mlp(c.sizes, acts, nn::Init::glorot_uniform, rng), {}, {}, 0};
    const auto n_train =
        nn::Index(c.train_limit ? std::min(c.train_limit, data.train.size()) : data.train.size());
    const std::size_t n_test = c.test_limit ? std::min(c.test_limit, data.test.size()) : data.test.size();
    const std::vector<int> test_labels = data.test.labels_of(0, n_test);
    nn::Sgd sgd{.lr = c.lr};
    nn::Adam adam{.lr = c.lr};
    int right = 0;  // training predictions right so far this epoch, for the progress bar
    const auto get = [&](const std::vector<nn::Index>& idx) {
        return nn::Batch{data.train.X(idx), data.train.Y(idx)};
    };
    const auto step = [&](const nn::Matrix& X, const nn::Matrix& Y) {
        const nn::Matrix& logits = r.model.forward(X);
        const auto lg = nn::softmax_cross_entropy(logits, Y);
        const auto predicted = nn::argmax_columns(logits), truth = nn::argmax_columns(Y);
        for (std::size_t j = 0; j < predicted.size(); ++j) right += predicted[j] == truth[j];
        const auto grads = r.model.backward(lg.grad);
        if (c.optimizer == Optimizer::adam)
            adam.step(r.model, grads);
        else
            sgd.step(r.model, grads);
        return lg.loss;
    };
    for (int e = 1; e <= c.epochs; ++e) {
        nn::ProgressBar bar(fmt::format("epoch {}/{}", e, c.epochs), std::size_t(n_train));
        right = 0;
        const auto progress = [&](nn::Index seen, double loss) {
            bar.update(std::size_t(seen),
                       fmt::format("loss {:.4f}  acc {:.4f}", loss, double(right) / double(seen)));
        };
        r.loss.push_back(
            nn::train_epoch(minibatch_indices, n_train, c.batch, rng, get, step, progress));  // exercise 12.1
        r.seconds += bar.seconds();
        bar.finish();
        if (!c.every_epoch && e < c.epochs) continue;
        r.test_accuracy.push_back(
            evaluate(scores(r.model, data.test, 0, n_test), test_labels, int(data.class_names.size()))
                .accuracy);  // 12.2
        if (c.every_epoch)
            fmt::print("  epoch {}/{}: loss {:.4f}  test accuracy {:.4f}\n", e, c.epochs, r.loss.back(),
                       r.test_accuracy.back());
    }
    return r;
}

std::vector<std::string> ascii_digit(const nn::Mnist& m, std::size_t index) {
    static const char ramp[] = " .:-=+*#%@";
    std::vector<std::string> lines;
    const std::size_t rows = m.images.rows, cols = m.images.cols;
    const std::uint8_t* p = m.images.pixels.data() + index * rows * cols;
    for (std::size_t r = 0; r < rows; ++r) {
        std::string line;
        for (std::size_t c = 0; c < cols; ++c) line += ramp[p[r * cols + c] * 9 / 255];
        lines.push_back(line);
    }
    return lines;
}

}  // namespace lesson12
