#define BOOST_TEST_MODULE nn data loading
#include <boost/test/unit_test.hpp>

#include <unistd.h>
#include <zlib.h>
#include <filesystem>
#include <fstream>

#include "nn/data.hpp"

namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("nn_data_test_" + std::to_string(getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
    fs::path write(const std::string& name, const std::string& bytes) const {
        std::ofstream(path / name, std::ios::binary) << bytes;
        return path / name;
    }
};

// The message of the nn::Error that f throws ("" if it throws none).
template <class F>
std::string error_of(F f) {
    try {
        f();
    } catch (const nn::Error& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string be32(std::uint32_t v) { return {char(v >> 24), char(v >> 16), char(v >> 8), char(v)}; }
std::string idx_images(std::uint32_t count, std::uint32_t rows, std::uint32_t cols, std::size_t bytes) {
    return be32(0x803) + be32(count) + be32(rows) + be32(cols) + std::string(bytes, '\x7f');
}
std::string idx_labels(std::uint32_t count, std::size_t bytes, char value = 3) {
    return be32(0x801) + be32(count) + std::string(bytes, value);
}

const std::vector<std::string> kClasses = {"Iris-setosa", "Iris-versicolor", "Iris-virginica"};
const std::string kHeader = "sepal_length,sepal_width,petal_length,petal_width,species\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(csv)

BOOST_AUTO_TEST_CASE(the_shipped_iris_has_150_flowers_50_per_class) {
    const auto iris = nn::load_iris(nn::default_data_dir() / "iris.csv");
    BOOST_TEST(iris.X.rows() == 4);
    BOOST_TEST(iris.X.cols() == 150);
    BOOST_TEST(iris.feature_names.front() == "sepal_length");
    for (int c = 0; c < 3; ++c) BOOST_TEST(std::count(iris.labels.begin(), iris.labels.end(), c) == 50);
    // The second row is IBM-1's first example, 4.9 3.0 1.4 0.2 Iris-setosa.
    BOOST_TEST(iris.X(0, 1) == 4.9);
    BOOST_TEST(iris.X(1, 1) == 3.0);
    BOOST_TEST(iris.X(2, 1) == 1.4);
    BOOST_TEST(iris.X(3, 1) == 0.2);
    BOOST_TEST(iris.labels[1] == 0);
    BOOST_TEST(iris.labels[149] == 2);
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_named) {
    const auto msg = error_of([] { nn::load_iris("/nonexistent/iris.csv"); });
    BOOST_TEST(contains(msg, "/nonexistent/iris.csv"));
    BOOST_TEST(contains(msg, "no such file"));
}

BOOST_AUTO_TEST_CASE(a_non_numeric_field_is_named_with_its_line) {
    TempDir d;
    const auto f = d.write("bad.csv", kHeader + "5.1,3.5,1.4,0.2,Iris-setosa\n4.9,abc,1.4,0.2,Iris-setosa\n");
    const auto msg = error_of([&] { nn::load_iris(f); });
    BOOST_TEST(contains(msg, "bad.csv:3"));
    BOOST_TEST(contains(msg, "sepal_width"));
    BOOST_TEST(contains(msg, "'abc'"));
}

BOOST_AUTO_TEST_CASE(a_number_with_trailing_junk_is_rejected) {
    TempDir d;
    const auto f = d.write("junk.csv", kHeader + "5.1x,3.5,1.4,0.2,Iris-setosa\n");
    BOOST_TEST(contains(error_of([&] { nn::load_iris(f); }), "not a number"));
}

BOOST_AUTO_TEST_CASE(an_unknown_class_is_named) {
    TempDir d;
    const auto f = d.write("cls.csv", kHeader + "5.1,3.5,1.4,0.2,Iris-robusta\n");
    const auto msg = error_of([&] { nn::load_iris(f); });
    BOOST_TEST(contains(msg, "unknown class 'Iris-robusta'"));
    BOOST_TEST(contains(msg, "cls.csv:2"));
}

BOOST_AUTO_TEST_CASE(a_row_with_the_wrong_number_of_fields_is_rejected) {
    TempDir d;
    const auto f = d.write("short.csv", kHeader + "5.1,3.5,1.4,Iris-setosa\n");
    BOOST_TEST(contains(error_of([&] { nn::load_iris(f); }), "expected 5 fields, found 4"));
}

BOOST_AUTO_TEST_CASE(an_empty_file_or_one_without_rows_is_rejected) {
    TempDir d;
    BOOST_TEST(contains(error_of([&] { nn::load_iris(d.write("empty.csv", "")); }), "empty"));
    BOOST_TEST(contains(error_of([&] { nn::load_iris(d.write("hdr.csv", kHeader)); }), "no data rows"));
}

BOOST_AUTO_TEST_CASE(nan_and_infinity_are_not_data) {
    // std::from_chars reads these as numbers; the loader must not (lesson 11 trained on NaN).
    TempDir d;
    const std::string good = "5.1,3.5,1.4,0.2,Iris-setosa\n";
    int k = 0;
    for (const std::string v : {"nan", "NaN", "-nan", "inf", "-inf", "infinity", "-INFINITY"}) {
        const std::string name = "nonfinite" + std::to_string(k++) + ".csv";
        const auto f = d.write(name, kHeader + good + "4.9,3.0," + v + ",0.2,Iris-setosa\n");
        const auto msg = error_of([&] { nn::load_iris(f); });
        BOOST_TEST(contains(msg, name + ":3"), v << ": " << msg);
        BOOST_TEST(contains(msg, "petal_length"), v << ": " << msg);
        BOOST_TEST(contains(msg, "'" + v + "'"), v << ": " << msg);
    }
}

BOOST_AUTO_TEST_CASE(a_number_beyond_a_double_is_rejected) {
    TempDir d;
    const auto f = d.write("huge.csv", kHeader + "5.1,1e999,1.4,0.2,Iris-setosa\n");
    const auto msg = error_of([&] { nn::load_iris(f); });
    BOOST_TEST(contains(msg, "huge.csv:2"));
    BOOST_TEST(contains(msg, "'1e999'"));
    BOOST_TEST(contains(msg, "out of range"));
}

BOOST_AUTO_TEST_CASE(empty_fields_and_ragged_rows_name_their_line) {
    TempDir d;
    const auto f = d.write("empty.csv", kHeader + "5.1,3.5,1.4,0.2,Iris-setosa\n5.1,,1.4,0.2,Iris-setosa\n");
    const auto msg = error_of([&] { nn::load_iris(f); });
    BOOST_TEST(contains(msg, "empty.csv:3"));
    BOOST_TEST(contains(msg, "empty"));
    const auto g =
        d.write("ragged.csv", kHeader + "5.1,3.5,1.4,0.2,Iris-setosa\n5.1,3.5,1.4,0.2,0.3,Iris-setosa\n");
    const auto ragged = error_of([&] { nn::load_iris(g); });
    BOOST_TEST(contains(ragged, "ragged.csv:3"));
    BOOST_TEST(contains(ragged, "expected 5 fields, found 6"));
    const auto h = d.write("noclass.csv", kHeader + "5.1,3.5,1.4,0.2,\n");
    BOOST_TEST(contains(error_of([&] { nn::load_iris(h); }), "noclass.csv:2"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(one_hot_encoding)

BOOST_AUTO_TEST_CASE(labels_become_columns_with_a_single_one) {
    // IBM-1's labels 1, 3, 2, 2, 1, 3 (0-based here) as one-hot columns.
    const nn::Matrix Y = nn::one_hot({0, 2, 1, 1, 0, 2}, 3);
    nn::Matrix expected(3, 6);
    expected << 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1;
    BOOST_TEST((Y == expected));
    BOOST_TEST((nn::argmax_columns(Y) == std::vector<int>{0, 2, 1, 1, 0, 2}));
}

BOOST_AUTO_TEST_CASE(a_label_out_of_range_is_rejected) {
    BOOST_CHECK_THROW(nn::one_hot({0, 3}, 3), std::invalid_argument);
    BOOST_CHECK_THROW(nn::one_hot({-1}, 3), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(moving_images)

BOOST_AUTO_TEST_CASE(moved_shifts_every_column_and_drops_what_leaves) {
    // Two 3×4 images, 1..12 and its negative, row by row; moved 1 down and 2 left, then 2 right.
    nn::Matrix X(12, 2);
    for (int i = 0; i < 12; ++i) X(i, 0) = i + 1, X(i, 1) = -(i + 1);
    const nn::Matrix down_left = (nn::Matrix(12, 1) << 0, 0, 0, 0, 3, 4, 0, 0, 7, 8, 0, 0).finished();
    nn::Matrix expected(12, 2);
    expected << down_left, -down_left;
    BOOST_TEST((nn::moved(X, 3, 4, 1, -2) == expected));
    const nn::Matrix right = (nn::Matrix(12, 1) << 0, 0, 1, 2, 0, 0, 5, 6, 0, 0, 9, 10).finished();
    BOOST_TEST((nn::moved(X.col(0), 3, 4, 0, 2) == right));
    BOOST_TEST((nn::moved(X, 3, 4, 0, 0) == X));
    BOOST_TEST((nn::moved(X, 3, 4, -3, 0) == nn::Matrix::Zero(12, 2)));
    BOOST_TEST((nn::moved(X, 3, 4, 0, 9) == nn::Matrix::Zero(12, 2)));
    // A 4×3 reading of the same 12 numbers moves differently: rows and columns are not swapped.
    BOOST_TEST((nn::moved(X.col(0), 4, 3, 0, 1) ==
                (nn::Matrix(12, 1) << 0, 1, 2, 0, 4, 5, 0, 7, 8, 0, 10, 11).finished()));
}

BOOST_AUTO_TEST_CASE(moved_up_to_m_gives_image_k_its_own_move) {
    // Eleven 3×4 images, each 1..12 times its number; with m = 1 image k moves by
    // (k mod 3 − 1, ⌊k / 3⌋ mod 3 − 1): (−1, −1), (0, −1), (1, −1), (−1, 0), ..., then round again.
    nn::Matrix X(12, 11);
    for (int k = 0; k < 11; ++k)
        for (int i = 0; i < 12; ++i) X(i, k) = (k + 1) * (i + 1);
    const nn::Matrix M = nn::moved_up_to(X, 3, 4, 1);
    for (int k = 0; k < 11; ++k) {
        const nn::Matrix expected = nn::moved(X.col(k), 3, 4, k % 3 - 1, (k / 3) % 3 - 1);
        BOOST_TEST((M.col(k) == expected),
                   "image " << k << " moved by (" << k % 3 - 1 << ", " << (k / 3) % 3 - 1 << ")");
    }
    BOOST_TEST((nn::moved_up_to(X, 3, 4, 0) == X));
    BOOST_TEST((nn::moved_up_to(X, 3, 4, 2).col(7) == nn::moved(X.col(7), 3, 4, 0, -1)));
    BOOST_CHECK_THROW(nn::moved_up_to(X, 3, 4, -1), std::invalid_argument);
    BOOST_CHECK_THROW(nn::moved_up_to(nn::Matrix(11, 0), 3, 4, 1), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(moved_refuses_a_size_that_is_not_rows_times_cols) {
    try {
        nn::moved(nn::Matrix::Zero(12, 1), 3, 5, 1, 1);
        BOOST_ERROR("12 rows taken for images of 3x5 pixels");
    } catch (const std::invalid_argument& e) {
        BOOST_TEST(contains(e.what(), "3x5"), "the message names the image size: " << e.what());
    }
    BOOST_CHECK_THROW(nn::moved(nn::Matrix::Zero(0, 1), 0, 0, 0, 0), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(idx)

BOOST_AUTO_TEST_CASE(a_well_formed_pair_loads) {
    TempDir d;
    d.write("train-images-idx3-ubyte", idx_images(2, 28, 28, 2 * 784));
    d.write("train-labels-idx1-ubyte", idx_labels(2, 2));
    const auto m = nn::load_mnist(d.path, "train");
    BOOST_TEST(m.size() == 2u);
    BOOST_TEST(m.images.rows == 28u);
    BOOST_TEST(m.labels[1] == 3);
    const nn::Matrix X = m.X(0, 2);
    BOOST_TEST(X.rows() == 784);
    BOOST_TEST(X.cols() == 2);
    BOOST_TEST(std::abs(X(5, 1) - 127.0 / 255) < 1e-15);
}

BOOST_AUTO_TEST_CASE(mnist_batches_by_index) {
    // Three 2x2 images: image k has every pixel 50·(k + 1); labels 7, 0, 4.
    nn::Mnist m;
    m.images = {3, 2, 2, {50, 50, 50, 50, 100, 100, 100, 100, 150, 150, 150, 150}};
    m.labels = {7, 0, 4};
    const nn::Matrix X = m.X(std::vector<nn::Index>{2, 0});
    BOOST_TEST_REQUIRE(X.rows() == 4);
    BOOST_TEST_REQUIRE(X.cols() == 2);
    BOOST_TEST(X(3, 0) == 150 / 255.0);
    BOOST_TEST(X(0, 1) == 50 / 255.0);
    BOOST_TEST((m.X(std::vector<nn::Index>{1, 2}) == m.X(1, 2)));  // the same as a range
    const nn::Matrix Y = m.Y(std::vector<nn::Index>{2, 0});
    BOOST_TEST_REQUIRE(Y.rows() == 10);
    BOOST_TEST(Y(4, 0) == 1.0);
    BOOST_TEST(Y(7, 1) == 1.0);
    BOOST_TEST(Y.sum() == 2.0);
    BOOST_TEST((m.Y(0, 3) == nn::one_hot({7, 0, 4}, 10)));
    BOOST_TEST((m.labels_of(1, 2) == std::vector<int>{0, 4}));
    BOOST_CHECK_THROW(m.X(std::vector<nn::Index>{3}), std::out_of_range);
    BOOST_CHECK_THROW(m.Y(std::vector<nn::Index>{-1}), std::out_of_range);
    BOOST_CHECK_THROW(m.labels_of(2, 2), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(a_wrong_magic_number_is_named) {
    TempDir d;
    // A label file where an image file is expected.
    const auto f = d.write("imgs", idx_labels(2, 2));
    const auto msg = error_of([&] { nn::load_idx_images(f); });
    BOOST_TEST(contains(msg, "wrong IDX magic number 0x00000801"));
    BOOST_TEST(contains(msg, "imgs"));
}

BOOST_AUTO_TEST_CASE(a_truncated_file_is_named) {
    TempDir d;
    const auto f = d.write("imgs", idx_images(3, 28, 28, 2 * 784));  // one image short
    const auto msg = error_of([&] { nn::load_idx_images(f); });
    BOOST_TEST(contains(msg, "truncated"));
    const auto g = d.write("tiny", "\x00\x00");
    BOOST_TEST(contains(error_of([&] { nn::load_idx_labels(g); }), "truncated"));
}

BOOST_AUTO_TEST_CASE(a_file_longer_than_its_header_says_is_rejected) {
    TempDir d;
    const auto f = d.write("labels", idx_labels(2, 5));
    BOOST_TEST(contains(error_of([&] { nn::load_idx_labels(f); }), "too long"));
}

BOOST_AUTO_TEST_CASE(image_and_label_counts_must_agree) {
    TempDir d;
    d.write("t10k-images-idx3-ubyte", idx_images(2, 28, 28, 2 * 784));
    d.write("t10k-labels-idx1-ubyte", idx_labels(3, 3));
    const auto msg = error_of([&] { nn::load_mnist(d.path, "t10k"); });
    BOOST_TEST(contains(msg, "2 images but"));
    BOOST_TEST(contains(msg, "3 labels"));
}

BOOST_AUTO_TEST_CASE(a_label_that_is_not_a_digit_is_rejected) {
    TempDir d;
    const auto f = d.write("labels", idx_labels(2, 2, 12));
    BOOST_TEST(contains(error_of([&] { nn::load_idx_labels(f); }), "not a digit"));
}

BOOST_AUTO_TEST_CASE(gzipped_files_load_and_corrupt_ones_are_named) {
    TempDir d;
    const std::string images = idx_images(2, 28, 28, 2 * 784);
    gzFile gz = gzopen((d.path / "train-images-idx3-ubyte.gz").c_str(), "wb");
    gzwrite(gz, images.data(), unsigned(images.size()));
    gzclose(gz);
    d.write("train-labels-idx1-ubyte", idx_labels(2, 2));
    BOOST_TEST(nn::load_mnist(d.path, "train").size() == 2u);
    // The same .gz cut in half: its compressed stream ends early.
    std::ifstream in(d.path / "train-images-idx3-ubyte.gz", std::ios::binary);
    std::string whole((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto cut = d.write("cut-images.gz", whole.substr(0, whole.size() / 2));
    const auto msg = error_of([&] { nn::load_idx_images(cut); });
    BOOST_TEST(contains(msg, "cut-images.gz"));
    BOOST_TEST((contains(msg, "truncated") || contains(msg, "corrupt")));
}

BOOST_AUTO_TEST_CASE(a_header_whose_size_overflows_is_rejected) {
    // 16 bytes claiming 2^31 images of 2^31 x 2^31 pixels (about 10^28): the product is 2^93,
    // 0 modulo 2^64, so an unchecked size check saw a file of exactly the right length.
    TempDir d;
    const auto f = d.write("huge-images", idx_images(0x80000000u, 0x80000000u, 0x80000000u, 0));
    const auto msg = error_of([&] { nn::load_idx_images(f); });
    BOOST_TEST(contains(msg, "huge-images"));
    BOOST_TEST(contains(msg, "too large"));
    // Other large claims over a short file: truncated, whatever the product.
    const auto g = d.write("big-images", idx_images(0xffffffffu, 0xffffffffu, 0xffffffffu, 10));
    BOOST_TEST(contains(error_of([&] { nn::load_idx_images(g); }), "big-images"));
    const auto h = d.write("many-labels", idx_labels(0xffffffffu, 3));
    BOOST_TEST(contains(error_of([&] { nn::load_idx_labels(h); }), "truncated"));
}

BOOST_AUTO_TEST_CASE(images_without_pixels_are_rejected) {
    TempDir d;
    const auto f = d.write("flat-images", idx_images(1000, 0, 28, 0));
    const auto msg = error_of([&] { nn::load_idx_images(f); });
    BOOST_TEST(contains(msg, "flat-images"));
    BOOST_TEST(contains(msg, "0x28"));
}

BOOST_AUTO_TEST_CASE(a_truncated_header_is_named) {
    TempDir d;
    const auto f = d.write("half-header", idx_images(2, 28, 28, 0).substr(0, 10));
    const auto msg = error_of([&] { nn::load_idx_images(f); });
    BOOST_TEST(contains(msg, "half-header"));
    BOOST_TEST(contains(msg, "truncated"));
}

namespace {
fs::path write_gz(const fs::path& file, const std::string& bytes) {
    gzFile gz = gzopen(file.c_str(), "wb9");
    gzwrite(gz, bytes.data(), unsigned(bytes.size()));
    gzclose(gz);
    return file;
}
}  // namespace

BOOST_AUTO_TEST_CASE(gzipped_headers_are_checked_like_plain_ones) {
    TempDir d;
    // The overflowing header, gzipped.
    const auto f = write_gz(d.path / "huge.gz", idx_images(0x80000000u, 0x80000000u, 0x80000000u, 0));
    const auto msg = error_of([&] { nn::load_idx_images(f); });
    BOOST_TEST(contains(msg, "huge.gz"));
    BOOST_TEST(contains(msg, "too large"));
    // A bomb: 50 MB of zeros (about 50 KB gzipped) behind a header that promises two images. The
    // reader stops soon after the promised 1,584 bytes instead of inflating everything.
    const auto g = write_gz(d.path / "bomb.gz", idx_images(2, 28, 28, 50'000'000));
    BOOST_TEST(fs::file_size(g) < 200'000u);
    const auto bomb = error_of([&] { nn::load_idx_images(g); });
    BOOST_TEST(contains(bomb, "bomb.gz"));
    BOOST_TEST(contains(bomb, "too long"));
    // A header that promises 60,000 images over a few bytes.
    const auto h = write_gz(d.path / "short.gz", idx_images(60000, 28, 28, 100));
    const auto cut = error_of([&] { nn::load_idx_images(h); });
    BOOST_TEST(contains(cut, "short.gz"));
    BOOST_TEST(contains(cut, "truncated"));
}

BOOST_AUTO_TEST_CASE(missing_mnist_files_point_to_nn_data) {
    TempDir d;
    BOOST_TEST(contains(error_of([&] { nn::load_mnist(d.path, "train"); }), "./nn data"));
}

BOOST_AUTO_TEST_SUITE_END()
