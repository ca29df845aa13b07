#include "lesson.hpp"

#include <fmt/core.h>

#include "nn/losses.hpp"
#include "nn/optim.hpp"
#include "nn/progress.hpp"

namespace lesson12 {

namespace fs = std::filesystem;

DataSet load_dataset(const fs::path& data_dir, const std::string& name) {
    if (name == "mnist")
        return {"MNIST", nn::load_mnist(data_dir / "mnist", "train"), nn::load_mnist(data_dir / "mnist", "t10k"),
                {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}};
    if (name == "fashion") {
        fs::path dir = data_dir / "fashion-mnist";
        if (!fs::exists(dir)) dir = "/usr/share/datasets/fashion-mnist";
        if (!fs::exists(dir))
            throw nn::Error("Fashion-MNIST not found: install Debian's dataset-fashion-mnist (./nn does this)");
        return {"Fashion-MNIST", nn::load_mnist(dir, "train"), nn::load_mnist(dir, "t10k"),
                {"T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Boot"}};
    }
    throw nn::Error(fmt::format("unknown data set '{}' (mnist or fashion)", name));
}

nn::Matrix pixels(const nn::Mnist& m, const std::vector<nn::Index>& idx) {
    const std::size_t d = m.images.rows * m.images.cols;
    nn::Matrix X(static_cast<nn::Index>(d), static_cast<nn::Index>(idx.size()));
    for (std::size_t j = 0; j < idx.size(); ++j) {
        const std::uint8_t* p = m.images.pixels.data() + static_cast<std::size_t>(idx[j]) * d;
        for (std::size_t i = 0; i < d; ++i) X(static_cast<nn::Index>(i), static_cast<nn::Index>(j)) = p[i] / 255.0;
    }
    return X;
}

nn::Matrix one_hot_labels(const nn::Mnist& m, const std::vector<nn::Index>& idx) {
    nn::Matrix Y = nn::Matrix::Zero(10, static_cast<nn::Index>(idx.size()));
    for (std::size_t j = 0; j < idx.size(); ++j) Y(m.labels[static_cast<std::size_t>(idx[j])], static_cast<nn::Index>(j)) = 1;
    return Y;
}

std::vector<int> labels_of(const nn::Mnist& m, std::size_t first, std::size_t n) {
    return {m.labels.begin() + static_cast<std::ptrdiff_t>(first), m.labels.begin() + static_cast<std::ptrdiff_t>(first + n)};
}

nn::Matrix scores(const nn::Mlp& model, const nn::Mnist& m, std::size_t first, std::size_t n) {
    nn::Matrix S(model.layers.back().W.rows(), static_cast<nn::Index>(n));
    for (std::size_t start = 0; start < n; start += 1000) {
        const std::size_t k = std::min<std::size_t>(1000, n - start);
        S.middleCols(static_cast<nn::Index>(start), static_cast<nn::Index>(k)) = model.predict(m.X(first + start, k));
    }
    return S;
}

RunResult run(const DataSet& data, const RunConfig& c) {
    nn::Rng rng(c.seed);
    std::vector<nn::Activation> acts(c.sizes.size() - 2, c.hidden);
    acts.push_back(nn::Activation::identity);  // softmax is in the loss
    RunResult r{nn::Mlp(c.sizes, acts, nn::Init::glorot_uniform, rng), {}, {}, 0};
    const auto n_train = static_cast<nn::Index>(c.train_limit ? std::min(c.train_limit, data.train.size()) : data.train.size());
    const std::size_t n_test = c.test_limit ? std::min(c.test_limit, data.test.size()) : data.test.size();
    const std::vector<int> test_labels = labels_of(data.test, 0, n_test);
    nn::Sgd sgd{c.lr};
    nn::Adam adam;
    adam.lr = c.lr;
    for (int e = 1; e <= c.epochs; ++e) {
        nn::ProgressBar bar(fmt::format("epoch {}/{}", e, c.epochs), static_cast<std::size_t>(n_train));
        double loss = 0;
        std::size_t seen = 0;
        int right = 0;
        for (const auto& idx : minibatch_indices(n_train, c.batch, rng)) {  // exercise 12.1
            const nn::Matrix X = pixels(data.train, idx), Y = one_hot_labels(data.train, idx);
            const nn::Matrix& logits = r.model.forward(X);
            const auto lg = nn::softmax_cross_entropy(logits, Y);
            for (nn::Index j = 0; j < logits.cols(); ++j) {
                nn::Index p = 0, t = 0;
                logits.col(j).maxCoeff(&p);
                Y.col(j).maxCoeff(&t);
                right += p == t;
            }
            const auto grads = r.model.backward(lg.grad);
            if (c.optimizer == Optimizer::adam)
                adam.step(r.model, grads);
            else
                sgd.step(r.model, grads);
            loss += lg.loss * static_cast<double>(idx.size());
            seen += idx.size();
            bar.update(seen, fmt::format("loss {:.4f}  acc {:.4f}", loss / static_cast<double>(seen),
                                         static_cast<double>(right) / static_cast<double>(seen)));
        }
        r.seconds += bar.seconds();
        bar.finish();
        r.loss.push_back(loss / static_cast<double>(seen));
        r.test_accuracy.push_back(evaluate(scores(r.model, data.test, 0, n_test), test_labels, 10).accuracy);  // 12.2
        fmt::print("  epoch {}/{}: loss {:.4f}  test accuracy {:.4f}\n", e, c.epochs, r.loss.back(), r.test_accuracy.back());
    }
    return r;
}

std::vector<std::string> ascii_digit(const nn::Mnist& m, std::size_t index) {
    static const char ramp[] = " .:-=+*#%@";
    std::vector<std::string> lines;
    const std::uint8_t* p = m.images.pixels.data() + index * 784;
    for (int r = 0; r < 28; ++r) {
        std::string line;
        for (int c = 0; c < 28; ++c) line += ramp[p[r * 28 + c] * 9 / 255];
        lines.push_back(line);
    }
    return lines;
}

}  // namespace lesson12
