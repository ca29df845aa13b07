// Lesson 05 — Iris as vectors: weights, bias, activations, the squared error and the delta rule.
// Deck IBM-1: "Looking at Data", "Another way to vectorise labels (One-Hot)", "Weights", "Bias",
// "Training Process (Finding the values of W,b)", "Activations".
// Deck IBM-2: "Training Process" (E_total = 84.25, ∂E/∂out, the delta rule), "Fully Connected
// Layer" (23 parameters).
// Run: ./nn run 05        Exercises: exercises/05_iris_forward.cpp, ./nn check 05
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "exercise.hpp"
#include "nn/activations.hpp"
#include "nn/data.hpp"
#include "nn/lesson.hpp"
#include "nn/print.hpp"
#include "slide.hpp"

using namespace lesson05;

namespace {

// [4.9, 3.0, 1.4, 0.2]: values at one decimal, as the slide lists them.
std::string list(const auto& values, int decimals = 1) {
    std::vector<std::string> s;
    for (double v : values) s.push_back(nn::format_number(v, decimals, decimals));
    return fmt::format("[{}]", fmt::join(s, ", "));
}

// The column of iris.csv's data that holds the flower (the first match; -1 if none).
nn::Index find_flower(const nn::LabelledData& iris, const std::array<double, 4>& x) {
    for (nn::Index j = 0; j < iris.X.cols(); ++j)
        if (iris.X(0, j) == x[0] && iris.X(1, j) == x[1] && iris.X(2, j) == x[2] && iris.X(3, j) == x[3])
            return j;
    return -1;
}

void looking_at_data(const nn::LessonOptions& opt) {
    nn::heading("1. Iris as vectors (IBM-1 slides 5–8, \"Looking at Data\")");
    const auto file = opt.data_dir / "iris.csv";
    const nn::LabelledData iris = nn::load_iris(file);
    fmt::print("data/iris.csv: {} flowers, {} features ({}), {} classes.\n", iris.X.cols(), iris.X.rows(),
               fmt::join(iris.feature_names, ", "), iris.class_names.size());
    fmt::print(
        "The six flowers of the slide, found in the file (line = data row + 2, after the header):\n\n");
    std::vector<std::vector<std::string>> rows;
    std::vector<int> labels;
    for (const auto& flower : slide::flowers) {
        const nn::Index j = find_flower(iris, flower.x);
        if (j < 0)
            throw nn::Error(fmt::format("{}: the slide's flower {} is not in the file", file.string(),
                                        fmt::join(flower.x, ", ")));
        const int label = iris.labels[std::size_t(j)];
        labels.push_back(label);
        rows.push_back({fmt::format("{}", j + 2), nn::format_number(iris.X(0, j), 1, 1),
                        nn::format_number(iris.X(1, j), 1, 1), nn::format_number(iris.X(2, j), 1, 1),
                        nn::format_number(iris.X(3, j), 1, 1), iris.class_names[std::size_t(label)],
                        fmt::format("{}", label + 1), fmt::format("{}", flower.label),
                        label + 1 == flower.label ? "ok" : "MISMATCH"});
    }
    nn::print_table(
        {"line", "sepal l", "sepal w", "petal l", "petal w", "species", "label", "slide", "check"}, rows,
        "rrrrrlrrl");
    fmt::print(
        "\nThe labels as one-hot vectors (IBM-1 slide 8, \"Another way to vectorise labels\").\n"
        "Ours is a (3, N) matrix with one column per flower; printed transposed, one row per flower,\n"
        "as on the slide:\n");
    nn::print_matrix("Yᵀ", one_hot(labels, 3).transpose(), 0);
    fmt::print(
        "Numbers 1, 2, 3 would tell the network that virginica is \"more\" than versicolor;\n"
        "one-hot gives every class its own output and no order.\n");

    // Matrix-view's colours, with the same one_hot.
    std::vector<int> colour_labels;
    for (const char* c : slide::colours) {
        const auto* at = std::find_if(slide::colour_classes.begin(), slide::colour_classes.end(),
                                      [&](const char* k) { return std::string_view(k) == c; });
        colour_labels.push_back(int(at - slide::colour_classes.begin()));
    }
    const nn::Matrix colour_hot = one_hot(colour_labels, int(slide::colour_classes.size())).transpose();
    std::vector<std::vector<std::string>> colour_rows;
    for (std::size_t i = 0; i < slide::colours.size(); ++i) {
        std::vector<std::string> row{slide::colours[i]};
        for (nn::Index k = 0; k < colour_hot.cols(); ++k)
            row.push_back(nn::format_number(colour_hot(nn::Index(i), k), 0));
        colour_rows.push_back(row);
    }
    fmt::print("\nMatrix-view's colours (\"One Hot encoding\"), classes {}:\n",
               fmt::join(slide::colour_classes, ", "));
    nn::print_table({"colour", slide::colour_classes[0], slide::colour_classes[1], slide::colour_classes[2]},
                    colour_rows, "lrrr");
    bool prefix = true;  // the slide's rows are our first rows
    for (std::size_t i = 0; i < slide::colour_table.size(); ++i)
        for (std::size_t k = 0; k < 3; ++k)
            prefix = prefix && colour_hot(nn::Index(i), nn::Index(k)) == slide::colour_table[i][k];
    const bool last_left_out = prefix && slide::colour_table.size() + 1 == slide::colours.size();
    fmt::print("{} colours give {} rows; the slide's table has {}{}.\n", slide::colours.size(),
               colour_hot.rows(), slide::colour_table.size(),
               last_left_out ? fmt::format(": it leaves out the last {}", slide::colours.back())
                             : ", which are NOT our first rows");
}

void weights_and_bias() {
    nn::heading("2. Weights: x (1×4) · W (4×3) (IBM-1 slide 23, \"Training Process\", step 2)");
    const auto& f = slide::flowers[0].x;
    const nn::Matrix x = (nn::Matrix(4, 1) << f[0], f[1], f[2], f[3]).finished();
    const nn::Matrix W = nn::Matrix::Ones(3, 4);
    std::vector<std::string> terms;
    for (double v : f) terms.push_back(nn::format_number(v, 1, 1));
    fmt::print(
        "The slide multiplies the row x = {} by a 4×3 W of ones. We keep one\n"
        "sample per column, so x is (4×1), our W is the slide's transposed, (3×4), and\n"
        "z = W·x is (3×1): zᵀ = xᵀ·Wᵀ is the slide's row. Each entry is {}.\n\n",
        list(f), fmt::join(terms, " + "));
    const nn::Matrix z = pre_activation(W, nn::Vector::Zero(3), x);
    nn::print_matrix("zᵀ", z.transpose(), 6);
    nn::SlideTable t;
    for (int k = 0; k < 3; ++k) t.row(fmt::format("z{}", k + 1), z(k, 0), slide::z, "", 0);
    t.print();

    nn::heading("3. Bias: Input · Weights + Bias (IBM-1 slides 16–20, \"Bias\")");
    fmt::print("The slide's two lines, y = {0}x and y = {0}x + {1}:\n", slide::line_m, slide::line_c);
    std::vector<std::vector<std::string>> line_rows;
    for (const double xv : {0.0, 1.0, 2.0})
        line_rows.push_back({nn::format_number(xv, 0), nn::format_number(slide::line_m * xv, 0),
                             nn::format_number(slide::line_m * xv + slide::line_c, 0)});
    nn::print_table(
        {"x", fmt::format("{}x", slide::line_m), fmt::format("{}x + {}", slide::line_m, slide::line_c)},
        line_rows, "rrr");
    fmt::print("Without c every line passes through (0, 0); c = {} lifts it by {} everywhere.\n",
               slide::line_c, slide::line_c);
    const nn::Vector b = (nn::Vector(3) << 0.5, 0, -0.5).finished();
    auto minus = [](double v) { return v < 0 ? "−" + nn::format_number(-v, 6) : nn::format_number(v, 6); };
    fmt::print(
        "A line y = mx + c needs its c to leave the origin; a layer needs one bias per output.\n"
        "With b = ({}, {}, {}) (the slide gives the layer none; any values show the shift):\n",
        minus(b(0)), minus(b(1)), minus(b(2)));
    nn::print_matrix("(W·x + b)ᵀ", pre_activation(W, b, x).transpose(), 6);
    fmt::print("The same b is added to every sample: Z = W·X + b for a batch X of columns.\n");
    const auto& g = slide::flowers[1].x;  // the slide's second flower
    const nn::Matrix X2 = (nn::Matrix(4, 2) << f[0], g[0], f[1], g[1], f[2], g[2], f[3], g[3]).finished();
    nn::print_matrix("W·X + b for two flowers", pre_activation(W, b, X2), 6);

    nn::heading("4. Activations: σ of the pre-activations (IBM-1 slides 31–32 and 36, \"Activations\")");
    const nn::Matrix a = nn::sigmoid(z);
    nn::SlideTable ta;
    for (int k = 0; k < 3; ++k) ta.row(fmt::format("σ(z{})", k + 1), a(k, 0), slide::a, "", 0);
    ta.print();
}

void squared_error_and_delta_rule() {
    nn::heading(
        fmt::format("5. The squared error against the label [{}] (IBM-1 slides 24–26 and IBM-2 slides 6–8, "
                    "\"Training Process\")",
                    fmt::join(slide::target, ", ")));
    const auto& f = slide::flowers[0].x;
    const nn::Matrix x = (nn::Matrix(4, 1) << f[0], f[1], f[2], f[3]).finished();
    nn::Matrix W = nn::Matrix::Ones(3, 4);
    const nn::Vector zero = nn::Vector::Zero(3);
    const nn::Matrix out = pre_activation(W, zero, x);  // the slide compares the 9.5s themselves
    const nn::Matrix t =
        (nn::Matrix(3, 1) << slide::target[0], slide::target[1], slide::target[2]).finished();
    const double E = squared_error(t, out);
    const double slide_way = (t - out).squaredNorm() / double(t.rows());  // what the slide's 84.25 is
    std::vector<std::string> outputs, differences, squares;
    for (nn::Index k = 0; k < t.rows(); ++k) {
        outputs.push_back(nn::format_number(out(k, 0), 6));
        differences.push_back(fmt::format("({} − {})²", t(k, 0), nn::format_number(out(k, 0), 6)));
        squares.push_back(nn::format_number((t(k, 0) - out(k, 0)) * (t(k, 0) - out(k, 0)), 6));
    }
    fmt::print(
        "The slide's output is the prediction [{}] itself (no activation yet):\n"
        "  Σ ½ (t − o)² = ½ [{}] = ½ [{}]\n\n",
        fmt::join(outputs, ", "), fmt::join(differences, " + "), fmt::join(squares, " + "));
    nn::SlideTable te;
    te.row("E_total = Σ ½ (t − o)²", E, slide::E_total,
           fmt::format("the slide's {} = {} / {} is the mean of (t − o)² over the {} outputs, without "
                       "the ½; its own formula gives {}",
                       nn::format_number(slide::E_total.value, slide::E_total.decimals),
                       nn::format_number(2 * E, 6), t.rows(), t.rows(), nn::format_number(E, 6)));
    te.row("mean (t − o)² (what the slide computed)", slide_way, slide::E_total);
    te.print();
    const nn::Matrix a = nn::sigmoid(out);
    fmt::print(
        "With the sigmoid applied first (section 4) the outputs are {}, and\n"
        "Σ ½ (t − σ(z))² = {:.6f}; the slide gives no value for it.\n",
        a.minCoeff() > 0.99 ? "all near 1" : "not all near 1", squared_error(t, a));

    fmt::print("\n∂E/∂out = −(target − out) (IBM-1's derivation: 2·½ (t − o)^(2−1)·(−1)):\n");
    const nn::Matrix dE_dout = squared_error_grad(t, out);
    nn::print_matrix("(∂E/∂out)ᵀ", dE_dout.transpose(), 6);

    nn::heading("6. One delta-rule step (IBM-1 slide 28 and IBM-2 slide 9, \"Training Process\", step 5)");
    const double eta = 0.01;
    // out = W·x, so ∂E/∂W = ∂E/∂out · xᵀ: row k of the gradient is output k's error times x.
    const nn::Matrix dE_dW = dE_dout * x.transpose();
    fmt::print("out = W·x, so ∂E/∂W = (∂E/∂out)·xᵀ, (3×1)·(1×4) = (3×4); η = {}:\n", eta);
    nn::print_matrix("∂E/∂W", dE_dW, 4);
    W -= eta * dE_dW;
    nn::print_matrix("W − η·∂E/∂W", W, 4);
    const nn::Matrix out2 = pre_activation(W, zero, x);
    nn::print_matrix("new outᵀ", out2.transpose(), 6);
    fmt::print(
        "(IBM-1 and IBM-2 draw the output after this update as {} {} {} again: that is the output\n"
        "before the step.)\n",
        nn::format_number(out(0, 0), 1), nn::format_number(out(1, 0), 1), nn::format_number(out(2, 0), 1));
    // Rows of W that start equal and see the same error stay equal: the symmetry that random
    // starting weights (IBM-1's step 1) break.
    const bool twins = W.row(1) == W.row(2);
    fmt::print(
        "W started as all ones, so outputs 2 and 3, with the same target, got the same update:\n"
        "rows 2 and 3 of W are {}, and with equal rows and equal targets they stay so at\n"
        "every step. Random starting weights (IBM-1's step 1) let units of a layer learn different\n"
        "things.\n",
        twins ? "still identical" : "NOT identical");
    // The words follow the step: whether δ varies, whether every output is above its target (then
    // every weight shrinks), how far each output is off, and which input moves its weights most.
    const bool varies = dE_dW.maxCoeff() != dE_dW.minCoeff();
    const bool all_above = dE_dout.minCoeff() > 0;
    const bool first_less = dE_dout(0, 0) < dE_dout(1, 0) && dE_dout(1, 0) == dE_dout(2, 0);
    fmt::print(
        "E: {} -> {:.6f}. The slide writes every entry as 1 − δ; in fact δ {} by\n"
        "entry. {}: those of\n"
        "the first output (off by {}) {} the others (off by {}), and each\n"
        "in proportion to the input it multiplies ({} moves most, {} least).\n",
        nn::format_number(E, 4), squared_error(t, out2), varies ? "differs" : "does not differ",
        all_above ? "All three outputs are above their targets, so every weight shrinks"
                  : "Not every output is above its target, so not every weight shrinks",
        nn::format_number(dE_dout(0, 0), 6), first_less ? "a little less than" : "unlike",
        nn::format_number(dE_dout(1, 0), 6), nn::format_number(x.maxCoeff(), 1, 1),
        nn::format_number(x.minCoeff(), 1, 1));

    nn::heading("7. Counting parameters (IBM-2 slide 17, \"Fully Connected Layer\")");
    const auto [n0, n1, n2] = slide::sizes_4_3_2;
    const int params = (n0 * n1 + n1) + (n1 * n2 + n2);
    fmt::print("A {}-{}-{} network: layer 1 has a {}×{} W and {} biases, layer 2 a {}×{} W and {} biases.\n",
               n0, n1, n2, n1, n0, n1, n2, n1, n2);
    nn::SlideTable tp;
    tp.row(fmt::format("(({}×{}) + {}) + (({}×{}) + {})", n0, n1, n1, n1, n2, n2), params,
           slide::parameters_4_3_2, "", 0);
    tp.print();
    const int one_layer = slide::slide_inputs * slide::slide_outputs + slide::slide_outputs;
    const int with_three = (n0 * n1 + n1) + (n1 * slide::slide_outputs + slide::slide_outputs);
    fmt::print(
        "The slide writes \"Input: {}, Output: {}\" beside this count, but 23 needs {} outputs: the\n"
        "last layer's (({}×{}) + {}) is the 3-to-2 layer. With {} outputs, a {}-{}-{} network has {}\n"
        "parameters, and one {}-to-{} layer alone has {}.\n",
        slide::slide_inputs, slide::slide_outputs, n2, n1, n2, n2, slide::slide_outputs, n0, n1,
        slide::slide_outputs, with_three, slide::slide_inputs, slide::slide_outputs, one_layer);
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    return lesson.run(argc, argv, [](const nn::LessonOptions& opt) {
        looking_at_data(opt);
        weights_and_bias();
        squared_error_and_delta_rule();
    });
}
