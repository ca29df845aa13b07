#include "lesson.hpp"

#include "nn/rng.hpp"

namespace lesson04 {

double sigmoid_error(Params p, const std::vector<double>& X, const std::vector<double>& Y) {
    double err = 0;
    for (std::size_t i = 0; i < X.size(); ++i) {
        const double fx = f(p.w, p.b, X[i]);
        err += 0.5 * (fx - Y[i]) * (fx - Y[i]);
    }
    return err;
}

Regression make_regression_data(std::uint64_t seed, int m) {
    nn::Rng rng(seed);
    Regression d{nn::Matrix(3, m), nn::Vector(m)};
    for (int i = 0; i < m; ++i) {
        const double x1 = rng.uniform(), x2 = rng.uniform();
        d.X.col(i) << 1, x1, x2;
        d.y(i) = true_theta[0] + true_theta[1] * x1 + true_theta[2] * x2 + rng.normal(0, noise_sigma);
    }
    return d;
}

double cost(const nn::Vector& theta, const Regression& d) {
    const nn::RowVector residual = theta.transpose() * d.X - d.y.transpose();
    return residual.squaredNorm() / (2.0 * double(d.y.size()));
}

nn::Vector cost_gradient(const nn::Vector& theta, const Regression& d) {
    const nn::Vector residual = (theta.transpose() * d.X).transpose() - d.y;  // h − y, (m)
    return d.X * residual / double(d.y.size());
}

nn::Vector least_squares(const Regression& d) {
    const nn::Matrix A = d.X.transpose();  // (m, 3): one sample per row, as the normal equations
    return A.colPivHouseholderQr().solve(d.y);
}

double largest_stable_rate(const Regression& d) {
    const nn::Matrix H = d.X * d.X.transpose() / double(d.y.size());
    Eigen::SelfAdjointEigenSolver<nn::Matrix> eigen(H);
    return 2.0 / eigen.eigenvalues().maxCoeff();
}

}  // namespace lesson04
