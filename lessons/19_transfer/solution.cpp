// Lesson 19 — reference solutions (exercise.hpp says what each function must do).
#include <fmt/core.h>

#include <stdexcept>

#include "exercise.hpp"

namespace lesson19 {

FewLabels few_labels(const std::vector<int>& labels, int first, int classes, nn::Index n, nn::Rng& rng) {
    if (classes < 1 || n < 1)
        throw std::invalid_argument(
            fmt::format("few_labels: {} classes and {} per class: both must be at least 1", classes, n));
    FewLabels out;
    for (int c = first; c < first + classes; ++c) {
        std::vector<nn::Index> of_class;  // the positions of class c, in increasing order
        for (nn::Index i = 0; i < std::ssize(labels); ++i)
            if (labels[std::size_t(i)] == c) of_class.push_back(i);
        if (std::ssize(of_class) < n)
            throw std::invalid_argument(fmt::format(
                "few_labels: class {} has {} samples, fewer than the {} asked for", c, of_class.size(), n));
        rng.shuffle(of_class);  // a fair draw: the first n of a shuffled list
        for (nn::Index k = 0; k < n; ++k) {
            out.idx.push_back(of_class[std::size_t(k)]);
            out.labels.push_back(c - first);  // digit c is output c − first
        }
    }
    return out;
}

nn::Mlp transferred(const nn::Mlp& source, int classes, nn::Init init, nn::Rng& rng) {
    if (std::ssize(source.layers) < 2 || classes < 1)
        throw std::invalid_argument(fmt::format(
            "transferred: a source of {} layers and {} classes: it needs at least 2 layers and 1 class",
            source.layers.size(), classes));
    nn::Mlp out;
    // Every layer but the source's head, copied: the features the source task learned.
    out.layers.assign(source.layers.begin(), source.layers.end() - 1);
    const nn::Index in = out.layers.back().W.rows();  // the last copied layer's outputs
    // A fresh head for the new question, drawn as a new network's last layer is.
    out.layers.push_back({.W = nn::init_weights(init, classes, in, rng),
                          .b = nn::Vector::Zero(classes),
                          .act = nn::Activation::identity});
    return out;
}

void step_layers(nn::Mlp& model, const std::vector<nn::DenseGrads>& grads, const std::vector<double>& rates) {
    const auto layers = std::ssize(model.layers);
    if (std::ssize(grads) != layers || std::ssize(rates) != layers)
        throw std::invalid_argument(fmt::format("step_layers: {} layers, but {} gradients and {} rates",
                                                layers, grads.size(), rates.size()));
    for (const double r : rates)
        if (r < 0) throw std::invalid_argument(fmt::format("step_layers: a negative rate, {}", r));
    for (nn::Index l = 0; l < layers; ++l) {
        const double r = rates[std::size_t(l)];
        if (r == 0) continue;  // frozen: not even W − 0·dW, which NaN or −0 would change
        auto& layer = model.layers[std::size_t(l)];
        layer.W -= r * grads[std::size_t(l)].dW;
        layer.b -= r * grads[std::size_t(l)].db;
    }
}

}  // namespace lesson19
