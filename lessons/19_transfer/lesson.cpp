// Lesson 19's own code: see lesson.hpp.
#include "lesson.hpp"

#include <algorithm>
#include <cmath>

#include "exercise.hpp"
#include "nn/losses.hpp"
#include "nn/training.hpp"

namespace lesson19 {

std::vector<nn::Index> positions_of(const std::vector<int>& labels, int first, int classes) {
    std::vector<nn::Index> out;
    for (nn::Index i = 0; i < std::ssize(labels); ++i)
        if (labels[std::size_t(i)] >= first && labels[std::size_t(i)] < first + classes) out.push_back(i);
    return out;
}

Digits digits(const nn::Mnist& set, int first, int classes, nn::Index limit) {
    const std::vector<int> all = set.labels_of(0, set.size());
    std::vector<nn::Index> idx = positions_of(all, first, classes);
    if (limit > 0 && std::ssize(idx) > limit) idx.resize(std::size_t(limit));
    Digits d{.X = set.X(idx), .labels = {}};
    for (const nn::Index i : idx) d.labels.push_back(all[std::size_t(i)] - first);
    return d;
}

nn::Mlp make_network(std::uint64_t seed) {
    nn::Rng rng(seed);
    return nn::Mlp(kSizes, {nn::Activation::relu, nn::Activation::relu, nn::Activation::identity},
                   nn::Init::he_normal, rng);
}

std::string name(Way way) {
    switch (way) {
        case Way::scratch:
            return "from scratch";
        case Way::frozen:
            return "frozen";
        case Way::fine_tuned:
            return "fine-tuned";
        case Way::augmented:
            return "augmented";
    }
    return "?";
}

std::vector<double> layer_rates(Way way, nn::Index layers, double lr, double fine) {
    std::vector<double> r(std::size_t(layers), lr);
    for (nn::Index l = 0; l + 1 < layers; ++l)
        r[std::size_t(l)] = way == Way::frozen ? 0.0 : way == Way::fine_tuned ? lr * fine : lr;
    return r;
}

nn::Matrix randomly_moved(const nn::Matrix& X, nn::Index m, nn::Rng& rng) {
    constexpr nn::Index side = 28;
    nn::Matrix out(X.rows(), X.cols());
    for (nn::Index j = 0; j < X.cols(); ++j) {
        const auto dr = nn::Index(rng.below(std::uint64_t(2 * m + 1))) - m;
        const auto dc = nn::Index(rng.below(std::uint64_t(2 * m + 1))) - m;
        out.col(j) = nn::moved(X.col(j), side, side, dr, dc);
    }
    return out;
}

int epochs_for(nn::Index N, nn::Index batch, nn::Index steps) {
    const nn::Index b = std::min(batch, N);
    const nn::Index per_epoch = (N + b - 1) / b;
    return int(std::max<nn::Index>(1, (steps + per_epoch / 2) / per_epoch));
}

double train_target(nn::Mlp& model, const nn::Matrix& X, const std::vector<int>& labels,
                    const std::vector<double>& rates, const TargetTraining& t) {
    const nn::Index N = X.cols(), batch = std::min(t.batch, N);
    const int classes = int(model.layers.back().W.rows());
    const nn::Matrix Y = nn::one_hot(labels, classes);
    nn::Rng rng(t.seed), moves(t.seed + 1);
    const auto get = [&](const std::vector<nn::Index>& idx) {
        nn::Matrix Xb = nn::gather_columns(X, idx);
        if (t.max_shift > 0) Xb = randomly_moved(Xb, t.max_shift, moves);
        return nn::Batch{Xb, nn::gather_columns(Y, idx)};
    };
    const auto step = [&](const nn::Matrix& Xb, const nn::Matrix& Yb) {
        const auto lg = nn::softmax_cross_entropy(model.forward(Xb), Yb);
        step_layers(model, model.backward(lg.grad), rates);  // exercise 19.3
        return lg.loss;
    };
    double loss = 0;
    for (int e = epochs_for(N, t.batch, t.steps); e > 0; --e)
        loss = nn::train_epoch(nn::minibatches, N, batch, rng, get, step);
    return loss;
}

double test_accuracy(const nn::Mlp& model, const Digits& test) {
    return nn::accuracy(nn::argmax_columns(model.predict(test.X)), test.labels);
}

}  // namespace lesson19
