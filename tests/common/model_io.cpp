#define BOOST_TEST_MODULE nn model files
#include <boost/test/unit_test.hpp>

#include <unistd.h>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <vector>

#include "nn/model_io.hpp"

namespace fs = std::filesystem;

namespace {
struct TempDir {
    fs::path path = fs::temp_directory_path() / ("nn_model_test_" + std::to_string(getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};
nn::Mlp model() {
    nn::Rng rng(3);
    nn::Mlp m({5, 7, 3}, {nn::Activation::relu, nn::Activation::identity}, nn::Init::he_normal, rng);
    m.layers[0].b = rng.normal_matrix(7, 1, 0, 1).col(0);
    return m;
}
std::string bytes_of(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
void write(const fs::path& p, const std::string& b) { std::ofstream(p, std::ios::binary) << b; }
std::string error_of(const fs::path& p, int in = 0, int out = 0) {
    try {
        nn::load_model(p, in, out);
    } catch (const nn::Error& e) {
        return e.what();
    }
    return "";
}
bool contains(const std::string& s, const std::string& p) { return s.find(p) != std::string::npos; }
}  // namespace

BOOST_AUTO_TEST_CASE(a_saved_model_loads_back_bit_for_bit) {
    TempDir d;
    const nn::Mlp m = model();
    nn::save_model(m, d.path / "m.bin");
    const nn::Mlp back = nn::load_model(d.path / "m.bin", 5, 3);
    BOOST_TEST_REQUIRE(back.layers.size() == 2u);
    for (std::size_t l = 0; l < 2; ++l) {
        BOOST_TEST((back.layers[l].W == m.layers[l].W));
        BOOST_TEST((back.layers[l].b == m.layers[l].b));
        BOOST_TEST((back.layers[l].act == m.layers[l].act));
    }
    nn::Rng rng(1);
    const nn::Matrix X = rng.normal_matrix(5, 4, 0, 1);
    BOOST_TEST((back.predict(X) == m.predict(X)));
}

BOOST_AUTO_TEST_CASE(bad_files_are_named_errors) {
    TempDir d;
    nn::save_model(model(), d.path / "good.bin");
    const std::string good = bytes_of(d.path / "good.bin");
    BOOST_TEST(contains(error_of(d.path / "missing.bin"), "no such model file"));
    write(d.path / "text.bin", "hello, this is not a model");
    BOOST_TEST(contains(error_of(d.path / "text.bin"), "not an nnsteps model file"));
    write(d.path / "cut.bin", good.substr(0, good.size() / 2));
    const auto cut = error_of(d.path / "cut.bin");
    BOOST_TEST(contains(cut, "truncated"));
    BOOST_TEST(contains(cut, "cut.bin"));
    std::string flipped = good;
    flipped[good.size() / 2] ^= 0x01;  // one bit of one weight
    write(d.path / "flip.bin", flipped);
    BOOST_TEST(contains(error_of(d.path / "flip.bin"), "checksum"));
    write(d.path / "long.bin", good + "x");
    BOOST_TEST(contains(error_of(d.path / "long.bin"), "unexpected bytes"));
    BOOST_TEST(contains(error_of(d.path / "good.bin", 784, 10), "takes 5 inputs and gives 3 outputs"));
    BOOST_TEST(error_of(d.path / "good.bin", 5, 3).empty());
}

BOOST_AUTO_TEST_CASE(sizes_are_checked_against_the_file_before_anything_is_allocated) {
    // 37 bytes that claim two 100,000 x 100,000 layers (80 GB of weights): an nn::Error naming the
    // file, not std::bad_alloc.
    TempDir d;
    std::string b = "NNSTEPS1";
    const auto u32 = [&](std::uint32_t v) { b.append(reinterpret_cast<const char*>(&v), 4); };
    u32(2);
    for (int l = 0; l < 2; ++l) {
        u32(100000);
        u32(100000);
        u32(3);
    }
    b += 'x';
    BOOST_TEST_REQUIRE(b.size() == 37u);
    write(d.path / "huge.bin", b);
    std::string msg;
    BOOST_CHECK_NO_THROW(msg = error_of(d.path / "huge.bin"));
    BOOST_TEST(contains(msg, "huge.bin"));
    BOOST_TEST(contains(msg, "truncated"));
    BOOST_TEST(contains(msg, "bytes of weights"));
    // Too many layers, and a file that ends inside the layer table.
    std::string many = "NNSTEPS1";
    many.append("\x00\x00\x01\x00", 4);  // 65,536 layers
    write(d.path / "many.bin", many);
    BOOST_TEST(contains(error_of(d.path / "many.bin"), "many.bin: corrupt: 65536 layers"));
    write(d.path / "table.bin", b.substr(0, 20));
    BOOST_TEST(contains(error_of(d.path / "table.bin"), "truncated"));
}

BOOST_AUTO_TEST_CASE(a_folder_is_not_a_model) {
    TempDir d;
    BOOST_TEST(contains(error_of(d.path), "folder"));
}

BOOST_AUTO_TEST_CASE(a_device_is_not_a_model) {
    // /dev/zero never ends: reading it whole would never return.
    BOOST_TEST(contains(error_of("/dev/zero"), "not a regular file"));
}

namespace {
// Lesson 16's kind of network, small: conv, relu, pool, conv with padding, relu, pool, dense.
nn::Cnn cnn() {
    nn::Rng rng(5);
    nn::Cnn m({1, 8, 8},
              {nn::conv(3, 3), nn::relu(), nn::max_pool(2), nn::conv(2, 3, 1), nn::relu(), nn::max_pool(3),
               nn::dense(4)},
              rng);
    for (nn::Matrix* p : m.params()) *p = rng.normal_matrix(p->rows(), p->cols(), 0, 1);  // biases too
    return m;
}
std::string cnn_error_of(const fs::path& p, nn::Shape in = {0, 0, 0}, int out = 0) {
    try {
        nn::load_cnn(p, in, out);
    } catch (const nn::Error& e) {
        return e.what();
    }
    return "";
}
// A CNN file from its header fields, with `weights` float64 zeros and the right checksum.
std::string cnn_file(std::vector<std::uint32_t> head, std::size_t weights) {
    std::string b = "NNSTEPC1";
    for (std::uint32_t v : head) b.append(reinterpret_cast<const char*>(&v), 4);
    b.append(weights * 8, '\0');
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a, as model_io.hpp says
    for (unsigned char c : b) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    b.append(reinterpret_cast<const char*>(&h), 8);
    return b;
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_saved_cnn_loads_back_bit_for_bit) {
    TempDir d;
    const nn::Cnn m = cnn();
    nn::save_model(m, d.path / "c.bin");
    BOOST_TEST((nn::model_kind(d.path / "c.bin") == nn::ModelKind::cnn));
    const nn::Cnn back = nn::load_cnn(d.path / "c.bin", {1, 8, 8}, 4);
    BOOST_TEST((back.input == m.input));
    BOOST_TEST_REQUIRE(back.layers.size() == m.layers.size());
    for (std::size_t l = 0; l < m.layers.size(); ++l) {
        const auto &a = m.layers[l], &b = back.layers[l];
        BOOST_TEST((a.spec.kind == b.spec.kind && a.spec.size == b.spec.size && a.spec.k == b.spec.k &&
                    a.spec.pad == b.spec.pad),
                   "layer " << l);
        BOOST_TEST((a.in == b.in && a.out == b.out), "layer " << l);
        BOOST_TEST((a.W == b.W), "layer " << l);
        BOOST_TEST((a.b == b.b), "layer " << l);
    }
    nn::Rng rng(2);
    const nn::Matrix X = rng.normal_matrix(64, 3, 0, 1);
    BOOST_TEST((back.predict(X) == m.predict(X)));
    // An MLP file is not a CNN, nor a CNN file an MLP, and each says so.
    nn::save_model(model(), d.path / "m.bin");
    BOOST_TEST((nn::model_kind(d.path / "m.bin") == nn::ModelKind::mlp));
    BOOST_TEST(contains(cnn_error_of(d.path / "m.bin"), "an MLP (NNSTEPS1)"));
    BOOST_TEST(contains(error_of(d.path / "c.bin"), "a convolutional network (NNSTEPC1)"));
    write(d.path / "text.bin", "NNSTEPX1 and more");
    std::string msg;
    try {
        nn::model_kind(d.path / "text.bin");
    } catch (const nn::Error& e) {
        msg = e.what();
    }
    BOOST_TEST(contains(msg, "neither NNSTEPS1 nor NNSTEPC1"));
}

BOOST_AUTO_TEST_CASE(bad_cnn_files_are_named_errors) {
    TempDir d;
    nn::save_model(cnn(), d.path / "good.bin");
    const std::string good = bytes_of(d.path / "good.bin");
    write(d.path / "cut.bin", good.substr(0, good.size() - 9));
    BOOST_TEST(contains(cnn_error_of(d.path / "cut.bin"), "truncated"));
    write(d.path / "head.bin", good.substr(0, 30));
    BOOST_TEST(contains(cnn_error_of(d.path / "head.bin"), "truncated"));
    std::string flipped = good;
    flipped[good.size() - 20] ^= 0x10;
    write(d.path / "flip.bin", flipped);
    BOOST_TEST(contains(cnn_error_of(d.path / "flip.bin"), "checksum"));
    write(d.path / "long.bin", good + "xy");
    BOOST_TEST(contains(cnn_error_of(d.path / "long.bin"), "2 unexpected bytes"));
    const std::string wrong = cnn_error_of(d.path / "good.bin", {1, 28, 28}, 10);
    BOOST_TEST(contains(wrong, "takes images of shape (8, 8, 1) and gives 4 outputs"));
    BOOST_TEST(contains(wrong, "(28, 28, 1) and 10 are needed"));
    BOOST_TEST(contains(cnn_error_of(d.path / "good.bin", {1, 8, 8}, 10), "gives 4 outputs"));
    BOOST_TEST(cnn_error_of(d.path / "good.bin", {1, 8, 8}, 4).empty());
    BOOST_TEST(cnn_error_of(d.path / "good.bin").empty());

    // Layer tables that do not fit, each with the weights it claims and the right checksum, so that
    // only the table can be what is refused. Kinds: 0 conv, 1 relu, 2 max_pool, 3 dense.
    const auto refused = [&](const std::string& name, std::vector<std::uint32_t> head, std::size_t weights,
                             const std::string& why) {
        write(d.path / name, cnn_file(std::move(head), weights));
        const std::string e = cnn_error_of(d.path / name);
        BOOST_TEST(contains(e, name), name << ": " << e);
        BOOST_TEST(contains(e, why), name << ": " << e);
    };
    // the well-formed control: conv 2 of 3x3 on (1, 4, 4), then dense 3 of (2, 2, 2)
    write(d.path / "ok.bin", cnn_file({1, 4, 4, 2, 0, 2, 3, 0, 3, 3, 0, 0}, 2 * 9 + 2 + 3 * 8 + 3));
    BOOST_TEST(cnn_error_of(d.path / "ok.bin").empty());
    refused("zero-input.bin", {0, 4, 4, 1, 3, 3, 0, 0}, 0, "corrupt: an input of 0 channels");
    refused("big-input.bin", {1, 1024, 1024, 1, 3, 3, 0, 0}, 0, "corrupt: an input");
    refused("no-layers.bin", {1, 4, 4, 0}, 0, "corrupt: 0 layers");
    refused("kind.bin", {1, 4, 4, 1, 7, 1, 0, 0}, 0, "no kind known");
    refused("kernel.bin", {1, 4, 4, 1, 0, 2, 5, 0}, 0, "does not fit");
    refused("no-filters.bin", {1, 4, 4, 1, 0, 0, 3, 0}, 0, "does not fit");
    refused("no-kernel.bin", {1, 4, 4, 1, 0, 2, 0, 0}, 0, "does not fit");
    refused("pool.bin", {1, 4, 4, 1, 2, 5, 0, 0}, 0, "does not fit");
    refused("pool-zero.bin", {1, 4, 4, 1, 2, 0, 0, 0}, 0, "does not fit");
    refused("relu.bin", {1, 4, 4, 1, 1, 2, 0, 0}, 0, "ReLU with parameters");
    refused("dense-k.bin", {1, 4, 4, 1, 3, 2, 3, 0}, 0, "does not fit");
    // 300,000 filters of 1x1 on a 2x2 input: 1.2 million values per image from a 5 MB file...
    refused("wide.bin", {1, 2, 2, 1, 0, 300000, 1, 0}, 0, "too many values per image");
    // ...and a 3x3 kernel on 64 channels of 64x64 (patches of 2.4 million values per image).
    refused("patches.bin", {64, 64, 64, 1, 0, 1, 3, 1}, 0, "too large a patch matrix");
    // A layer that claims more weights than follow: refused before they are allocated.
    refused("claims.bin", {1, 4, 4, 1, 3, 100000, 0, 0}, 0, "truncated");
    // A NaN weight is named.
    std::string nan = cnn_file({1, 4, 4, 2, 0, 2, 3, 0, 3, 3, 0, 0}, 2 * 9 + 2 + 3 * 8 + 3);
    const double q = std::numeric_limits<double>::quiet_NaN();
    std::memcpy(nan.data() + 8 + 12 * 4, &q, 8);
    std::uint64_t h = 1469598103934665603ULL;
    for (std::size_t i = 0; i + 8 < nan.size(); ++i) {
        h ^= static_cast<unsigned char>(nan[i]);
        h *= 1099511628211ULL;
    }
    std::memcpy(nan.data() + nan.size() - 8, &h, 8);
    write(d.path / "nan.bin", nan);
    BOOST_TEST(contains(cnn_error_of(d.path / "nan.bin"), "layer 1 has weights that are NaN"));
}
