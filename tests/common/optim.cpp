#define BOOST_TEST_MODULE nn optimizers
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "nn/optim.hpp"

namespace {
nn::Mlp one_weight(double w) {
    nn::Mlp m;
    m.layers.push_back({nn::Matrix::Constant(1, 1, w), nn::Vector::Zero(1), nn::Activation::identity});
    return m;
}
std::vector<nn::DenseGrads> grad(double g) {
    return {{nn::Matrix(), nn::Matrix::Constant(1, 1, g), nn::Vector::Zero(1)}};
}
}  // namespace

BOOST_AUTO_TEST_CASE(adams_first_step_is_lr_times_the_sign) {
    nn::Mlp m = one_weight(1.0);
    nn::Adam opt;
    opt.lr = 0.01;
    opt.step(m, grad(250.0));  // m̂ = g, v̂ = g²: the step is lr·g/|g| whatever the scale
    BOOST_TEST(std::abs(m.layers[0].W(0, 0) - 0.99) < 1e-9);
    opt.step(m, grad(-3.0));
    // m = 0.9·25 − 0.3 = 22.2 → m̂ = 22.2/0.19; v = 0.999·62.5 + 0.009 = 62.4465 → v̂ = v/0.001999
    const double m_hat = (0.9 * 25 + 0.1 * -3.0) / (1 - 0.81);
    const double v_hat = (0.999 * 0.001 * 62500 + 0.001 * 9) / (1 - 0.999 * 0.999);
    BOOST_TEST(std::abs(m.layers[0].W(0, 0) - (0.99 - 0.01 * m_hat / (std::sqrt(v_hat) + 1e-8))) < 1e-12);
}
