// Lesson 20's code beyond the exercises (lesson.hpp says what each function does).
#include "lesson.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>
#include <cmath>

namespace lesson20 {

nn::LossAndGrad sequence_loss(const Rnn& p, const nn::Matrix& X, const nn::Vector& h0,
                              const nn::Matrix& targets) {
    return nn::half_squared_error(rnn_forward(p, X, h0).Y, targets);
}

Rnn scaled_rnn(nn::Index D, nn::Index H, nn::Index O, double radius, double in_std, nn::Rng& rng) {
    const nn::Matrix W = rng.normal_matrix(H, H, 0, 1);
    Rnn p{.W_xh = rng.normal_matrix(H, D, 0, in_std),
          .W_hh = W * (radius / spectral_radius(W)),
          .b_h = nn::Vector::Zero(H),
          .W_hy = rng.normal_matrix(O, H, 0, 1 / std::sqrt(double(H))),
          .b_y = nn::Vector::Zero(O)};
    return p;
}

nn::Matrix step_jacobian(const Rnn& p, const nn::Matrix& H, nn::Index t) {
    return (1 - H.col(t).array().square()).matrix().asDiagonal() * p.W_hh;
}

std::vector<double> reach(const Rnn& p, const nn::Matrix& H) {
    const nn::Index T = H.cols() - 1;
    nn::Matrix J = nn::Matrix::Identity(H.rows(), H.rows());  // ∂h_T/∂h_{T−k}, k = 0
    std::vector<double> r{1.0};
    for (nn::Index k = 1; k <= T; ++k) {
        J = J * step_jacobian(p, H, T - k + 1);
        r.push_back(spectral_norm(J));
    }
    return r;
}

double spectral_norm(const nn::Matrix& M) {
    if (M.size() == 0) return 0;
    return Eigen::JacobiSVD<nn::Matrix>(M).singularValues()(0);
}

double spectral_radius(const nn::Matrix& M) {
    if (M.size() == 0) return 0;
    return Eigen::EigenSolver<nn::Matrix>(M, false).eigenvalues().cwiseAbs().maxCoeff();
}

}  // namespace lesson20
