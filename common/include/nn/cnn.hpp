// A convolutional network for training: lesson 15's convolution and max pooling, arranged for speed
// (im2col and one matrix product per group of images, on every core), then dense layers and a
// softmax. Lesson 15 writes each piece by hand, one image at a time; lesson 16 trains this one on
// MNIST and checks that it computes what lesson 15's readable loops compute.
//
// The batch layout, "channel rows": a batch of N images of C channels, H rows and W columns is a
// (C, N·H·W) matrix whose column n·H·W + i·W + j holds the C channel values of pixel (i, j) (row i
// from the top, column j from the left) of image n. With C = 1 its memory is that of the
// (H·W, N) matrix of one image per column that nn::Mnist::X gives (pixels row by row, as in the IDX
// file), so MNIST goes in without a copy. A dense layer's (features, N) batch is the same layout
// with H = W = 1, and the last pooled maps reach the dense head without a copy either: the (C,
// N·H·W) matrix read as (C·H·W, N) is each image's maps flattened, pixel by pixel, channels within.
//
// Results do not depend on the number of threads: every product and every sum is cut into the same
// groups of images in the same order whatever the threads, so a seeded run prints the same digits
// on any machine with the same instruction set.
#pragma once

#include <string>
#include <vector>

#include "nn/rng.hpp"
#include "nn/types.hpp"

namespace nn {

struct Shape {
    Index C = 1, H = 1, W = 1;
    Index size() const { return C * H * W; }
    bool operator==(const Shape&) const = default;
};
std::string to_string(Shape s);  // "(28, 28, 1)": rows, columns, channels, as Keras prints it

enum class LayerKind { conv, relu, max_pool, dense };
// What a layer is before it has weights: conv(out channels, k, pad) is a k×k convolution with stride
// 1 and pad zeros on every side; max_pool(size) takes the maximum of size×size windows moved size at
// a time (what does not fill a window at the right or bottom is dropped, the floor of lesson 15);
// dense(out) flattens its input and computes W·x + b.
struct LayerSpec {
    LayerKind kind;
    Index size = 0;  // conv, dense: outputs; max_pool: the window
    Index k = 0, pad = 0;
};
LayerSpec conv(Index channels, Index k, Index pad = 0);
LayerSpec relu();
LayerSpec max_pool(Index size);
LayerSpec dense(Index outputs);
// Its name as Keras names the layer: "Conv2D(32, 5x5)" ("Conv2D(6, 3x3, pad 1)" with padding), "ReLU",
// "MaxPooling2D(2)", "Dense(10)" (lesson 16's table, lesson 14's /health).
std::string to_string(const LayerSpec& l);

struct CnnLayer {
    LayerSpec spec;
    Shape in, out;
    // conv: (C_out, k·k·C_in), column (u·k + v)·C_in + c holding K[o][c](u, v) (the row order of
    // im2col below); dense: (outputs, inputs). Biases: (outputs, 1). Empty for relu and max_pool.
    Matrix W, b;
};

// The patch matrix of a channel-rows batch A of images of shape s for k×k windows with pad zeros:
// one column per output position, n·Ho·Wo + i·Wo + j, and one row per weight, (u·k + v)·C + c,
// holding image n's channel c at row i + u − pad, column j + v − pad (0 outside the image). Images
// [first, first + count) of A only. Shape (k·k·C, count·Ho·Wo).
Matrix im2col(const Matrix& A, Shape s, Index k, Index pad, Index first, Index count);
// Its adjoint, backward: adds each entry of dP to the input entry it was copied from (nothing for
// the padding) into images [first, first + count) of dA, (C, N·H·W).
void col2im_add(const Matrix& dP, Shape s, Index k, Index pad, Index first, Index count, Matrix& dA);

class Cnn {
public:
    Cnn() = default;
    // Weights He-normal, N(0, √(2 / fan-in)) with fan-in k·k·C_in or the dense inputs; biases 0.
    // The last layer's outputs are the logits (softmax_cross_entropy applies the softmax).
    // Throws nn::Error when a layer does not fit its input (a kernel larger than the padded image).
    Cnn(Shape input, const std::vector<LayerSpec>& layers, Rng& rng);

    // X: (C·H·W, N), one image per column (the channel-rows layout of N images). Returns the logits
    // (classes, N) and keeps what backward needs.
    const Matrix& forward(const Matrix& X);
    // The same, 64 images at a time (larger blocks cost more in page faults than they gain), keeping
    // nothing.
    Matrix predict(const Matrix& X) const;
    // dOut = ∂L/∂logits. Returns ∂L/∂W and ∂L/∂b of every layer with weights, in params() order.
    std::vector<Matrix> backward(const Matrix& dOut);
    // W and b of every layer that has them, first to last.
    std::vector<Matrix*> params();

    std::size_t parameter_count() const;

    Shape input;
    std::vector<CnnLayer> layers;
    // The patch functions of the conv layers: nn::im2col and nn::col2im_add unless replaced (lesson
    // 16 hands in the learner's exercises 16.2 and 16.3, so ./nn try 16 trains with them).
    using Im2col = Matrix (*)(const Matrix& A, Shape s, Index k, Index pad, Index first, Index count);
    using Col2imAdd = void (*)(const Matrix& dP, Shape s, Index k, Index pad, Index first, Index count,
                               Matrix& dA);
    Im2col patches = im2col;
    Col2imAdd patches_back = col2im_add;

private:
    std::vector<Matrix> A_;  // A_[l]: layer l's input (the patch matrix for a conv layer)
    std::vector<Eigen::Matrix<int, Eigen::Dynamic, Eigen::Dynamic>> argmax_;  // per max_pool layer
};

// Images per group: the unit of parallel work and of summation order.
constexpr Index cnn_group = 16;

// Floating-point operations of one training sample (forward, the weight gradients and the input
// gradients of every layer but the first), counting 2 per multiply-add of the products.
double cnn_train_flops_per_sample(const Cnn& model);

}  // namespace nn
