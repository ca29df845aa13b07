#define BOOST_TEST_MODULE nn model files
#include <boost/test/unit_test.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>

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
