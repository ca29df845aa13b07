// Lesson 07 — backpropagation by hand, then in general.
// Deck Intro-ANN: "Forward Pass – Example", "Error Calculation", "Backword Pass – Update W6",
// "Backword Pass – Update W1", "Weight Update through Error propagation", "Backward Pass –
// Example", "Back Propagation Algorithm".
// Run: ./nn run 07        Exercises: exercises/07_backprop_by_hand.cpp, ./nn check 07
#include <fmt/core.h>
#include <fmt/ranges.h>

#include <cmath>

#include "exercise.hpp"
#include "nn/data.hpp"
#include "nn/gradcheck.hpp"
#include "nn/lesson.hpp"
#include "nn/mlp.hpp"
#include "nn/print.hpp"
#include "nn/rng.hpp"
#include "nn/training.hpp"
#include "slide.hpp"

using namespace lesson07;

namespace {

double error_of(const HandNet& n) {
    const double p = hand_forward(n, slide::i1, slide::i2).prediction;
    return 0.5 * (p - slide::actual) * (p - slide::actual);
}

// A number as the deck writes it: .11 for 0.11, 2 for 2, −0.034 with a true minus sign (at least
// min_decimals decimals; the leading zero only if asked).
std::string deck(double v, int decimals = 6, int min_decimals = 0, bool leading_zero = false) {
    std::string s = nn::format_number(std::abs(v), decimals, min_decimals);
    if (!leading_zero && s.rfind("0.", 0) == 0) s.erase(0, 1);
    return v < 0 ? "−" + s : s;
}
// [−0.034, −0.019]: slide values at their own decimals.
std::string deck_list(std::initializer_list<nn::SlideValue> values) {
    std::string s;
    for (const nn::SlideValue& v : values)
        s += (s.empty() ? "" : ", ") + deck(v.value, v.decimals, v.decimals, true);
    return "[" + s + "]";
}

void forward_pass() {
    nn::heading("1. Forward pass (Intro-ANN slide 46, \"Forward Pass – Example\")");
    const HandNet& w = slide::initial;
    fmt::print(
        "Inputs [{}, {}], target {}, w1..w6 = {}, {}, {}, {}, {}, {}. The worked example's\n"
        "units are linear: h1 = i1·w1 + i2·w2, h2 = i1·w3 + i2·w4, prediction = h1·w5 + h2·w6.\n"
        "(The deck's \"Forward Propagation\" slide writes activations f and g2 around them; its\n"
        "numbers use none, and neither does this lesson.)\n\n",
        slide::i1, slide::i2, slide::actual, deck(w.w1), deck(w.w2), deck(w.w3), deck(w.w4), deck(w.w5),
        deck(w.w6));
    const HandForward f = hand_forward(w, slide::i1, slide::i2);
    nn::SlideTable t;
    t.row(fmt::format("h1 = {}×{} + {}×{}", slide::i1, deck(w.w1), slide::i2, deck(w.w2)), f.h1, slide::h1);
    t.row(fmt::format("h2 = {}×{} + {}×{}", slide::i1, deck(w.w3), slide::i2, deck(w.w4)), f.h2, slide::h2);
    t.row(fmt::format("prediction = {}×{} + {}×{}", deck(slide::h1.value), deck(w.w5), deck(slide::h2.value),
                      deck(w.w6)),
          f.prediction, slide::prediction);
    t.row("Δ = prediction − actual", f.prediction - slide::actual, slide::delta);
    t.print();
    fmt::print("Error = ½ (prediction − actual)² = {:.7f}\n", error_of(w));
}

void backward_pass() {
    nn::heading(
        fmt::format("2. Backward pass, every term (Intro-ANN slide 52, \"Backward Pass – Example\", η = {})",
                    slide::eta));
    const HandForward f = hand_forward(slide::initial, slide::i1, slide::i2);
    const double d = f.prediction - slide::actual, eta = slide::eta;
    const HandNet& w = slide::initial;
    fmt::print(
        "∂E/∂w6 = Δ·h2 and ∂E/∂w5 = Δ·h1 (the chain through the prediction); ∂E/∂w1 = Δ·w5·i1\n"
        "(through h1, which w5 weighs), and so on. The terms η·(...) the deck subtracts (it writes\n"
        "the learning rate η as a):\n\n");
    nn::SlideTable t("term");
    // "Backword Pass – Update W6" writes one step as ½(prediction − actual)² · ∂prediction/∂W6: the
    // error itself where its derivative ∂E/∂prediction = Δ belongs. Its next line is right again.
    const double E0 = 0.5 * d * d;
    t.row("η·Δ·h1 (for w5)", eta * d * f.h1, slide::term_w5);
    t.row("η·Δ·h2 (for w6)", eta * d * f.h2, slide::term_w6);
    t.row("η·Δ·i1·w5 (for w1)", eta * d * slide::i1 * w.w5, slide::term_w1);
    t.row("η·Δ·i1·w6 (for w3)", eta * d * slide::i1 * w.w6, slide::term_w3);
    t.row("η·Δ·i2·w5 (for w2)", eta * d * slide::i2 * w.w5, slide::term_w2);
    t.row("η·Δ·i2·w6 (for w4)", eta * d * slide::i2 * w.w6, slide::term_w4);
    t.print();
    fmt::print(
        "\n(One line of the deck's \"Update W6\" slide writes ∂E/∂w6 = ½(prediction − actual)²·h2: the\n"
        "error E where ∂E/∂prediction = Δ belongs. Here that would be E·h2 = {:.4f} instead of\n"
        "Δ·h2 = {:.4f}; the slide's next line, 2·½(prediction − actual)·h2 = Δ·h2, is right.)\n",
        E0 * f.h2, d * f.h2);

    const HandNet n = hand_update(slide::initial, slide::i1, slide::i2, slide::actual, slide::eta);
    fmt::print("\nThe new weights, exactly and at the deck's two decimals:\n");
    nn::SlideTable u("weight");
    u.row("w1", n.w1, slide::new_w1, "", 5);
    u.row("w2", n.w2, slide::new_w2, "", 5);
    u.row("w3", n.w3, slide::new_w3, "", 5);
    u.row("w4", n.w4, slide::new_w4, "", 5);
    u.row("w5", n.w5, slide::new_w5, "", 5);
    u.row("w6", n.w6, slide::new_w6, "", 5);
    u.print();
    fmt::print(
        "The deck rounds the new weights to two decimals (w4 = {} shows as {}); every\n"
        "term uses the old w5 and w6, as it must: one gradient, taken at one point.\n",
        nn::format_number(n.w4, 7),
        deck(slide::new_w4.value, slide::new_w4.decimals, slide::new_w4.decimals));

    const HandForward g = hand_forward(n, slide::i1, slide::i2);
    fmt::print("\nForward again with the new weights: h1 = {:.6f}, h2 = {:.6f}, prediction = {:.6f}\n", g.h1,
               g.h2, g.prediction);
    fmt::print("Error: {:.6f} -> {:.6f}. One step moved the prediction from {} {} {}.\n",
               error_of(slide::initial), error_of(n), nn::format_number(f.prediction, 6),
               std::abs(g.prediction - slide::actual) < std::abs(f.prediction - slide::actual) ? "towards"
                                                                                               : "away from",
               slide::actual);
}

void matrix_form() {
    nn::heading(
        "3. The same update in matrix form (Intro-ANN slide 51, \"Weight Update through Error "
        "propagation\")");
    const HandNet& w = slide::initial;
    const HandForward f = hand_forward(w, slide::i1, slide::i2);
    const double d = f.prediction - slide::actual, eta = slide::eta;
    const nn::Matrix W1 = (nn::Matrix(2, 2) << w.w1, w.w3, w.w2, w.w4).finished();  // the deck's layout
    const nn::Matrix W2 = (nn::Matrix(2, 1) << w.w5, w.w6).finished();
    const nn::Matrix i = (nn::Matrix(2, 1) << slide::i1, slide::i2).finished();
    const nn::Matrix h = (nn::Matrix(2, 1) << f.h1, f.h2).finished();
    fmt::print(
        "[w5; w6] − ηΔ·[h1; h2], and [[w1, w3], [w2, w4]] − ηΔ·[i1; i2]·[w5 w6] (an outer product):\n");
    // Seven decimals: the exact values end there (0.1743825 would round either way at six).
    const nn::Matrix T2 = eta * d * h, T1 = eta * d * i * W2.transpose();
    const nn::Matrix W2_new = W2 - T2, W1_new = W1 - T1;
    nn::print_matrix("ηΔ·[h1; h2]", T2, 7);
    nn::print_matrix("[w5; w6] new", W2_new, 7);
    nn::print_matrix("ηΔ·i·[w5 w6]", T1, 7);
    nn::print_matrix("[[w1, w3], [w2, w4]] new", W1_new, 7);
    // Against the deck's rounded terms, and against section 2's hand_update.
    const bool terms_match = nn::matches(T2(0), slide::term_w5) && nn::matches(T2(1), slide::term_w6) &&
                             nn::matches(T1(0, 0), slide::term_w1) && nn::matches(T1(0, 1), slide::term_w3) &&
                             nn::matches(T1(1, 0), slide::term_w2) && nn::matches(T1(1, 1), slide::term_w4);
    const HandNet n = hand_update(w, slide::i1, slide::i2, slide::actual, eta);
    const nn::Matrix by_hand = (nn::Matrix(2, 3) << n.w1, n.w3, n.w5, n.w2, n.w4, n.w6).finished();
    nn::Matrix by_matrix(2, 3);
    by_matrix << W1_new, W2_new;
    const bool same = (by_hand - by_matrix).cwiseAbs().maxCoeff() < 1e-12;
    fmt::print(
        "Rounded to three decimals these {} the deck's {} and\n"
        "[{}, {}]; the results {} section 2.\n",
        terms_match ? "are" : "are NOT all", deck_list({slide::term_w5, slide::term_w6}),
        deck_list({slide::term_w1, slide::term_w3}), deck_list({slide::term_w2, slide::term_w4}),
        same ? "match" : "do NOT match");
}

void general_algorithm(const nn::LessonOptions& opt) {
    nn::heading("4. The general back_propagation (Intro-ANN slide 53, \"Back Propagation Algorithm\")");
    const std::vector<int> sizes = {4, 6, 5, 3};
    constexpr nn::Index flowers = 10, every = 15;  // every 15th flower: spread over the three classes
    constexpr double eps = 1e-6, tolerance = 1e-7;
    auto power_of_ten = [](double v) { return fmt::format("1e{}", std::lround(std::log10(v))); };
    fmt::print(
        "An L-layer network: a_k = W_k·h_(k−1) + b_k, h_k = σ(a_k), ŷ = softmax(a_L), loss −Σ log ŷ_y.\n"
        "Checked on a {} network (seeded) on {} Iris flowers (every {}th) against central\n"
        "differences (eps {}, lesson 06), by the relative error ‖a − n‖/(‖a‖ + ‖n‖):\n\n",
        fmt::join(sizes, "-"), flowers, every, power_of_ten(eps));
    const auto iris = nn::load_iris(opt.data_dir / "iris.csv");
    nn::Rng rng(7);
    std::vector<nn::Index> idx;
    for (nn::Index k = 0; k < flowers; ++k) idx.push_back(k * every);
    const nn::Matrix X = nn::gather_columns(iris.X, idx);
    const nn::Matrix Y = nn::one_hot(nn::gather(iris.labels, idx), 3);
    std::vector<Layer> layers;
    for (std::size_t k = 0; k + 1 < sizes.size(); ++k)
        layers.push_back({rng.normal_matrix(sizes[k + 1], sizes[k], 0, 0.5),
                          rng.normal_matrix(sizes[k + 1], 1, 0, 0.5).col(0)});
    const auto grads = back_propagation(layers, forward(layers, X), Y);
    std::vector<std::vector<std::string>> rows;
    double worst = 0;
    for (std::size_t k = 0; k < layers.size(); ++k) {
        auto cost = [&] { return loss(forward(layers, X), Y); };
        const double eW = nn::rel_error(grads[k].dW, nn::central_gradient(cost, layers[k].W, eps));
        const double eb = nn::rel_error(grads[k].db, nn::central_gradient(cost, layers[k].b, eps));
        worst = std::max({worst, eW, eb});
        rows.push_back({fmt::format("{}", k + 1),
                        fmt::format("{}x{}", layers[k].W.rows(), layers[k].W.cols()),
                        nn::measured(eW, "{:.1e}"), nn::measured(eb, "{:.1e}")});
    }
    nn::print_table({"layer k", "W_k", "rel. error ∇W_k", "rel. error ∇b_k"}, rows, "llrr");
    fmt::print(
        "Every gradient agrees to {} {}: one forward and one backward pass give what\n"
        "2 × {} extra forward passes estimate.\n",
        worst < tolerance ? "better than" : "WORSE than", power_of_ten(tolerance),
        nn::dense_parameter_count(sizes));
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    return lesson.run(argc, argv, [](const nn::LessonOptions& opt) {
        forward_pass();
        backward_pass();
        matrix_form();
        general_algorithm(opt);
    });
}
