// Lesson 16's code beyond the exercises: the network, its training, and the bridges to lesson 15.
#include "lesson.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "nn/losses.hpp"
#include "nn/optim.hpp"
#include "nn/progress.hpp"
#include "nn/training.hpp"

namespace lesson16 {

std::vector<nn::LayerSpec> network() {
    return {nn::conv(32, 5), nn::relu(),     nn::max_pool(2), nn::conv(64, 5), nn::relu(),
            nn::max_pool(2), nn::dense(128), nn::relu(),      nn::dense(10)};
}

nn::Cnn make_network(nn::Rng& rng) {
    nn::Cnn model({1, 28, 28}, network(), rng);
    model.patches = im2col;           // exercise 16.2
    model.patches_back = col2im_add;  // exercise 16.3
    return model;
}

double rate(const Settings& s, int epoch) {
    return s.lr * std::pow(s.decay, std::max(0, epoch - s.decay_from + 1));
}

namespace {

// The epochs loop both models share: Model has forward, backward, and an Adam step (Step).
template <class Model, class AdamStep>
Curve train_loop(Model& model, AdamStep&& adam_step, nn::Adam& adam, const nn::Mnist& train,
                 const nn::Mnist& test, const Settings& s, const char* name) {
    nn::Rng rng(s.seed);
    Curve c;
    const auto n_train = nn::Index(s.train_n ? std::min(s.train_n, train.size()) : train.size());
    const std::size_t n_test = s.test_n ? std::min(s.test_n, test.size()) : test.size();
    const nn::Matrix X_test = test.X(0, n_test);
    const std::vector<int> labels = test.labels_of(0, n_test);
    const auto get = [&](const std::vector<nn::Index>& idx) { return nn::Batch{train.X(idx), train.Y(idx)}; };
    const auto step = [&](const nn::Matrix& X, const nn::Matrix& Y) {
        const auto lg = nn::softmax_cross_entropy(model.forward(X), Y);
        adam_step(model.backward(lg.grad));
        return lg.loss;
    };
    for (int e = 1; e <= s.epochs; ++e) {
        adam.lr = rate(s, e);
        nn::ProgressBar bar(fmt::format("{} epoch {}/{}", name, e, s.epochs), std::size_t(n_train));
        const auto progress = [&](nn::Index seen, double loss) {
            bar.update(std::size_t(seen), fmt::format("loss {:.4f}", loss));
        };
        c.loss.push_back(nn::train_epoch(nn::minibatches, n_train, s.batch, rng, get, step, progress));
        c.seconds.push_back(bar.seconds());
        bar.finish();
        c.test_accuracy.push_back(nn::accuracy(nn::argmax_columns(model.predict(X_test)), labels));
    }
    return c;
}

}  // namespace

Curve train(nn::Cnn& model, const nn::Mnist& train, const nn::Mnist& test, const Settings& s) {
    nn::Adam adam;
    return train_loop(
        model, [&](const std::vector<nn::Matrix>& grads) { adam.step(model.params(), grads); }, adam, train,
        test, s, "CNN");
}

Curve train(nn::Mlp& model, const nn::Mnist& train, const nn::Mnist& test, const Settings& s) {
    nn::Adam adam;
    return train_loop(
        model, [&](const std::vector<nn::DenseGrads>& grads) { adam.step(model, grads); }, adam, train, test,
        s, "MLP");
}

lesson15::Image to_image(const nn::Matrix& A, nn::Shape s, nn::Index n) {
    lesson15::Image X;
    for (nn::Index c = 0; c < s.C; ++c) {
        nn::Matrix m(s.H, s.W);
        for (nn::Index i = 0; i < s.H; ++i)
            for (nn::Index j = 0; j < s.W; ++j) m(i, j) = A(c, (n * s.H + i) * s.W + j);
        X.push_back(m);
    }
    return X;
}

lesson15::Filters to_filters(const nn::CnnLayer& conv) {
    const nn::Index k = conv.spec.k, C = conv.in.C;
    lesson15::Filters K;
    for (nn::Index o = 0; o < conv.W.rows(); ++o) {
        lesson15::Image f(std::size_t(C), nn::Matrix(k, k));
        for (nn::Index u = 0; u < k; ++u)
            for (nn::Index v = 0; v < k; ++v)
                for (nn::Index c = 0; c < C; ++c) f[std::size_t(c)](u, v) = conv.W(o, (u * k + v) * C + c);
        K.push_back(f);
    }
    return K;
}

}  // namespace lesson16
