// Lesson 07 — backpropagation by hand, then in general.
// Deck Intro-ANN: "Forward Pass – Example", "Error Calculation", "Backword Pass – Update W6",
// "Backword Pass – Update W1", "Weight Update through Error propagation", "Backward Pass –
// Example", "Back Propagation Algorithm".
// Run: ./nn run 07        Exercises: exercises/07_backprop_by_hand.cpp, ./nn check 07
#include <fmt/core.h>

#include <cmath>

#include "exercise.hpp"
#include "nn/data.hpp"
#include "nn/lesson.hpp"
#include "nn/print.hpp"
#include "nn/rng.hpp"
#include "slide.hpp"

using namespace lesson07;

namespace {

double error_of(const HandNet& n) {
    const double p = hand_forward(n, slide::i1, slide::i2).prediction;
    return 0.5 * (p - slide::actual) * (p - slide::actual);
}

void forward_pass() {
    nn::heading("1. Forward pass (Intro-ANN, \"Forward Pass – Example\")");
    fmt::print("Inputs [2, 3], target 1, w1..w6 = .11, .21, .12, .08, .14, .15. The worked example's\n"
               "units are linear: h1 = i1·w1 + i2·w2, h2 = i1·w3 + i2·w4, prediction = h1·w5 + h2·w6.\n"
               "(The deck's \"Forward Propagation\" slide writes activations f and g2 around them; its\n"
               "numbers use none, and neither does this lesson.)\n\n");
    const HandForward f = hand_forward(slide::initial, slide::i1, slide::i2);
    nn::SlideTable t;
    t.row("h1 = 2×.11 + 3×.21", f.h1, slide::h1);
    t.row("h2 = 2×.12 + 3×.08", f.h2, slide::h2);
    t.row("prediction = .85×.14 + .48×.15", f.prediction, slide::prediction);
    t.row("Δ = prediction − actual", f.prediction - slide::actual, slide::delta);
    t.print();
    fmt::print("Error = ½ (prediction − actual)² = {:.7f}\n", error_of(slide::initial));
}

void backward_pass() {
    nn::heading("2. Backward pass, every term (Intro-ANN, \"Backward Pass – Example\", a = 0.05)");
    const HandForward f = hand_forward(slide::initial, slide::i1, slide::i2);
    const double d = f.prediction - slide::actual, a = slide::a;
    const HandNet& w = slide::initial;
    fmt::print("∂E/∂w6 = Δ·h2 and ∂E/∂w5 = Δ·h1 (the chain through the prediction); ∂E/∂w1 = Δ·w5·i1\n"
               "(through h1, which w5 weighs), and so on. The terms a·(...) the deck subtracts:\n\n");
    nn::SlideTable t("term");
    t.row("a·Δ·h1 (for w5)", a * d * f.h1, slide::term_w5);
    t.row("a·Δ·h2 (for w6)", a * d * f.h2, slide::term_w6);
    t.row("a·Δ·i1·w5 (for w1)", a * d * slide::i1 * w.w5, slide::term_w1);
    t.row("a·Δ·i1·w6 (for w3)", a * d * slide::i1 * w.w6, slide::term_w3);
    t.row("a·Δ·i2·w5 (for w2)", a * d * slide::i2 * w.w5, slide::term_w2);
    t.row("a·Δ·i2·w6 (for w4)", a * d * slide::i2 * w.w6, slide::term_w4);
    t.print();

    const HandNet n = hand_update(slide::initial, slide::i1, slide::i2, slide::actual, slide::a);
    fmt::print("\nThe new weights, exactly and at the deck's two decimals:\n");
    nn::SlideTable u("weight");
    u.row("w1", n.w1, slide::new_w1, "", 5);
    u.row("w2", n.w2, slide::new_w2, "", 5);
    u.row("w3", n.w3, slide::new_w3, "", 5);
    u.row("w4", n.w4, slide::new_w4, "", 5);
    u.row("w5", n.w5, slide::new_w5, "", 5);
    u.row("w6", n.w6, slide::new_w6, "", 5);
    u.print();
    fmt::print("The deck rounds the new weights to two decimals (w4 = 0.0982025 shows as .10); every\n"
               "term uses the old w5 and w6, as it must: one gradient, taken at one point.\n");

    const HandForward g = hand_forward(n, slide::i1, slide::i2);
    fmt::print("\nForward again with the new weights: h1 = {:.6f}, h2 = {:.6f}, prediction = {:.6f}\n", g.h1,
               g.h2, g.prediction);
    fmt::print("Error: {:.6f} -> {:.6f}. One step moved the prediction from 0.191 towards 1.\n",
               error_of(slide::initial), error_of(n));
}

void matrix_form() {
    nn::heading("3. The same update in matrix form (Intro-ANN, \"Weight Update through Error propagation\")");
    const HandNet& w = slide::initial;
    const HandForward f = hand_forward(w, slide::i1, slide::i2);
    const double d = f.prediction - slide::actual, a = slide::a;
    const nn::Matrix W1 = (nn::Matrix(2, 2) << w.w1, w.w3, w.w2, w.w4).finished();  // the deck's layout
    const nn::Matrix W2 = (nn::Matrix(2, 1) << w.w5, w.w6).finished();
    const nn::Matrix i = (nn::Matrix(2, 1) << slide::i1, slide::i2).finished();
    const nn::Matrix h = (nn::Matrix(2, 1) << f.h1, f.h2).finished();
    fmt::print("[w5; w6] − aΔ·[h1; h2], and [[w1, w3], [w2, w4]] − aΔ·[i1; i2]·[w5 w6] (an outer product):\n");
    // Seven decimals: the exact values end there (0.1743825 would round either way at six).
    nn::print_matrix("aΔ·[h1; h2]", a * d * h, 7);
    nn::print_matrix("[w5; w6] new", W2 - a * d * h, 7);
    nn::print_matrix("aΔ·i·[w5 w6]", a * d * i * W2.transpose(), 7);
    nn::print_matrix("[[w1, w3], [w2, w4]] new", W1 - a * d * i * W2.transpose(), 7);
    fmt::print("Rounded to three decimals these are the deck's [−0.034, −0.019] and\n"
               "[[−0.011, −0.012], [−0.017, −0.018]]; the results match section 2.\n");
}

void general_algorithm(const nn::LessonOptions& opt) {
    nn::heading("4. The general back_propagation (Intro-ANN, \"Back Propagation Algorithm\")");
    fmt::print(
        "An L-layer network: a_k = W_k·h_(k−1) + b_k, h_k = σ(a_k), ŷ = softmax(a_L), loss −Σ log ŷ_y.\n"
        "Checked on a 4-6-5-3 network (seeded) on 10 Iris flowers (every 15th) against central\n"
        "differences (eps 1e-6, lesson 06), by the relative error ‖a − n‖/‖a + n‖:\n\n");
    const auto iris = nn::load_iris(opt.data_dir / "iris.csv");
    nn::Rng rng(7);
    std::vector<int> idx;
    for (int k = 0; k < 10; ++k) idx.push_back(k * 15);  // spread over the three classes
    nn::Matrix X(4, 10);
    std::vector<int> labels;
    for (int k = 0; k < 10; ++k) {
        X.col(k) = iris.X.col(idx[static_cast<std::size_t>(k)]);
        labels.push_back(iris.labels[static_cast<std::size_t>(idx[static_cast<std::size_t>(k)])]);
    }
    const nn::Matrix Y = nn::one_hot(labels, 3);
    std::vector<Layer> layers;
    const int sizes[] = {4, 6, 5, 3};
    for (int k = 0; k < 3; ++k)
        layers.push_back({rng.normal_matrix(sizes[k + 1], sizes[k], 0, 0.5), rng.normal_matrix(sizes[k + 1], 1, 0, 0.5).col(0)});
    const auto grads = back_propagation(layers, forward(layers, X), Y);
    std::vector<std::vector<std::string>> rows;
    double worst = 0;
    for (std::size_t k = 0; k < layers.size(); ++k) {
        auto central = [&](auto& P) {  // a weight matrix or a bias vector, nudged in place
            nn::Matrix G(P.rows(), P.cols());
            for (nn::Index e = 0; e < P.size(); ++e) {
                const double saved = P(e);
                P(e) = saved + 1e-6;
                const double up = loss(forward(layers, X), Y);
                P(e) = saved - 1e-6;
                const double down = loss(forward(layers, X), Y);
                P(e) = saved;
                G(e) = (up - down) / 2e-6;
            }
            return G;
        };
        const nn::Matrix nW = central(layers[k].W), nb = central(layers[k].b);
        const double eW = (grads[k].dW - nW).norm() / (grads[k].dW + nW).norm();
        const double eb = (grads[k].db - nb.col(0)).norm() / (grads[k].db + nb.col(0)).norm();
        worst = std::max({worst, eW, eb});
        rows.push_back({fmt::format("{}", k + 1), fmt::format("{}x{}", layers[k].W.rows(), layers[k].W.cols()),
                        nn::measured(eW, "{:.1e}"), nn::measured(eb, "{:.1e}")});
    }
    nn::print_table({"layer k", "W_k", "rel. error ∇W_k", "rel. error ∇b_k"}, rows, "llrr");
    fmt::print("Every gradient agrees to {} 1e-7: one forward and one backward pass give what\n"
               "2 × {} extra forward passes estimate.\n",
               worst < 1e-7 ? "better than" : "WORSE than", 4 * 6 + 6 + 6 * 5 + 5 + 5 * 3 + 3);
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson({"07", "Backpropagation by hand", "Intro-ANN",
                       "The deck's worked example ([2, 3] -> 0.191, Δ = −0.809) update by update, "
                       "its matrix form, and the general algorithm checked against differences."});
    return lesson.run(argc, argv, [](const nn::LessonOptions& opt) {
        forward_pass();
        backward_pass();
        matrix_form();
        general_algorithm(opt);
    });
}
