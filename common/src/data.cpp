#include "nn/data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <zlib.h>

namespace nn {

namespace fs = std::filesystem;

fs::path default_data_dir() {
    // NN_DATA_DIR moves it, for ./nn and the lessons alike.
    const char* env = std::getenv("NN_DATA_DIR");
    return env && *env ? fs::path(env) : fs::path(NN_SOURCE_DIR) / "data";
}

namespace {

std::vector<std::string> split_csv_line(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, ',')) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    return fields;
}

std::string trim(std::string s) {
    const auto not_space = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
    s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
    return s;
}

std::ifstream open_or_throw(const fs::path& file, std::ios::openmode mode = std::ios::in) {
    if (!fs::exists(file)) throw Error(fmt::format("{}: no such file", file.string()));
    if (fs::is_directory(file)) throw Error(fmt::format("{}: is a folder, not a file", file.string()));
    std::ifstream in(file, mode);
    if (!in) throw Error(fmt::format("{}: cannot be opened", file.string()));
    return in;
}

}  // namespace

LabelledData load_labelled_csv(const fs::path& file, const std::vector<std::string>& class_names) {
    std::ifstream in = open_or_throw(file);
    std::string line;
    if (!std::getline(in, line)) throw Error(fmt::format("{}: the file is empty", file.string()));
    LabelledData data;
    data.class_names = class_names;
    const auto header = split_csv_line(trim(line));
    if (header.size() < 2)
        throw Error(fmt::format("{}:1: expected a header with features and a class column", file.string()));
    for (std::size_t c = 0; c + 1 < header.size(); ++c) data.feature_names.push_back(trim(header[c]));
    const std::size_t features = data.feature_names.size();

    std::vector<double> values;
    int line_no = 1;
    while (std::getline(in, line)) {
        ++line_no;
        line = trim(line);
        if (line.empty()) continue;
        const auto fields = split_csv_line(line);
        if (fields.size() != features + 1)
            throw Error(fmt::format("{}:{}: expected {} fields, found {}", file.string(), line_no,
                                    features + 1, fields.size()));
        for (std::size_t c = 0; c < features; ++c) {
            const std::string field = trim(fields[c]);
            double v = 0;
            const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), v);
            if (field.empty() || ec != std::errc() || end != field.data() + field.size())
                throw Error(fmt::format("{}:{}: field {} ({}) is not a number: '{}'", file.string(), line_no,
                                        c + 1, data.feature_names[c], field));
            values.push_back(v);
        }
        const std::string name = trim(fields[features]);
        const auto it = std::find(class_names.begin(), class_names.end(), name);
        if (it == class_names.end())
            throw Error(fmt::format("{}:{}: unknown class '{}' (expected one of: {})", file.string(), line_no,
                                    name, fmt::join(class_names, ", ")));
        data.labels.push_back(int(it - class_names.begin()));
    }
    if (data.labels.empty()) throw Error(fmt::format("{}: no data rows after the header", file.string()));
    const auto n = std::ssize(data.labels);
    // values holds the samples one after another: exactly a column-major (features, N) matrix.
    data.X = Eigen::Map<const Matrix>(values.data(), Index(features), n);
    return data;
}

LabelledData load_iris(const fs::path& file) {
    auto data = load_labelled_csv(file, {"Iris-setosa", "Iris-versicolor", "Iris-virginica"});
    if (data.X.rows() != 4)
        throw Error(fmt::format("{}: expected 4 feature columns, found {}", file.string(), data.X.rows()));
    return data;
}

Matrix one_hot(const std::vector<int>& labels, int classes) {
    Matrix Y = Matrix::Zero(classes, std::ssize(labels));
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0 || labels[i] >= classes)
            throw std::invalid_argument(
                fmt::format("one_hot: label {} of sample {} is outside 0..{}", labels[i], i, classes - 1));
        Y(labels[i], Index(i)) = 1;
    }
    return Y;
}

std::vector<int> argmax_columns(const Matrix& P) {
    std::vector<int> out(std::size_t(P.cols()));
    for (Index j = 0; j < P.cols(); ++j) {
        Index row = 0;
        P.col(j).maxCoeff(&row);
        out[std::size_t(j)] = int(row);
    }
    return out;
}

namespace {

// The whole file, decompressed if it is gzip (Fashion-MNIST ships as .gz).
std::vector<std::uint8_t> read_all(const fs::path& file) {
    if (!fs::exists(file)) throw Error(fmt::format("{}: no such file", file.string()));
    gzFile gz = gzopen(file.c_str(), "rb");  // reads plain files unchanged
    if (!gz) throw Error(fmt::format("{}: cannot be opened", file.string()));
    std::vector<std::uint8_t> bytes;
    std::uint8_t buf[1 << 16];
    int n = 0;
    while ((n = gzread(gz, buf, sizeof buf)) > 0) bytes.insert(bytes.end(), buf, buf + n);
    int err = 0;
    const char* msg = n < 0 ? gzerror(gz, &err) : nullptr;
    const std::string why = msg ? msg : "";
    gzclose(gz);
    if (n < 0) throw Error(fmt::format("{}: corrupt or truncated gzip data ({})", file.string(), why));
    return bytes;
}

std::uint32_t be32(const std::vector<std::uint8_t>& b, std::size_t at) {
    return std::uint32_t{b[at]} << 24 | std::uint32_t{b[at + 1]} << 16 | std::uint32_t{b[at + 2]} << 8 |
           b[at + 3];
}

// Checks an IDX header (magic number, dimensions) against the bytes that follow it; returns
// the dimensions. The data starts at 4·(1 + dims).
std::vector<std::uint32_t> check_idx(const std::vector<std::uint8_t>& b, const fs::path& file,
                                     std::uint32_t magic, std::size_t dims) {
    const std::uint64_t header_bytes = 4 * (1 + dims);
    if (b.size() < 4)
        throw Error(
            fmt::format("{}: truncated: {} bytes, too short for an IDX file", file.string(), b.size()));
    const std::uint32_t found = be32(b, 0);
    if (found != magic)
        throw Error(fmt::format("{}: wrong IDX magic number 0x{:08x}, expected 0x{:08x} ({})", file.string(),
                                found, magic, dims == 3 ? "images" : "labels"));
    if (b.size() < header_bytes)
        throw Error(fmt::format("{}: truncated: {} bytes, shorter than the {}-byte IDX header", file.string(),
                                b.size(), header_bytes));
    std::vector<std::uint32_t> d(dims);
    std::uint64_t payload = 1;
    for (std::size_t k = 0; k < dims; ++k) {
        d[k] = be32(b, 4 * (k + 1));
        payload *= d[k];
    }
    if (b.size() != header_bytes + payload)
        throw Error(fmt::format("{}: {}: the header promises {} bytes of data, the file has {}",
                                file.string(), b.size() < header_bytes + payload ? "truncated" : "too long",
                                payload, b.size() - header_bytes));
    return d;
}

}  // namespace

IdxImages load_idx_images(const fs::path& file) {
    const auto bytes = read_all(file);
    const auto d = check_idx(bytes, file, 0x00000803, 3);
    return {d[0], d[1], d[2], std::vector<std::uint8_t>(bytes.begin() + 16, bytes.end())};
}

std::vector<std::uint8_t> load_idx_labels(const fs::path& file) {
    const auto bytes = read_all(file);
    check_idx(bytes, file, 0x00000801, 1);
    std::vector<std::uint8_t> labels(bytes.begin() + 8, bytes.end());
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] > 9)
            throw Error(
                fmt::format("{}: label {} of item {} is not a digit 0-9", file.string(), labels[i], i));
    return labels;
}

Matrix Mnist::X(std::size_t first, std::size_t n) const {
    if (first + n > size()) throw std::out_of_range("Mnist::X: columns beyond the data set");
    std::vector<Index> idx(n);
    for (std::size_t j = 0; j < n; ++j) idx[j] = Index(first + j);
    return X(idx);
}

Matrix Mnist::X(const std::vector<Index>& idx) const {
    const std::size_t d = images.rows * images.cols;
    Matrix out(Index(d), std::ssize(idx));
    for (std::size_t j = 0; j < idx.size(); ++j) {
        if (idx[j] < 0 || std::size_t(idx[j]) >= size())
            throw std::out_of_range("Mnist::X: an image beyond the data set");
        const std::uint8_t* p = images.pixels.data() + std::size_t(idx[j]) * d;
        for (std::size_t i = 0; i < d; ++i) out(Index(i), Index(j)) = p[i] / 255.0;
    }
    return out;
}

std::vector<int> Mnist::labels_of(std::size_t first, std::size_t n) const {
    if (first + n > size()) throw std::out_of_range("Mnist::labels_of: labels beyond the data set");
    return {labels.begin() + std::ptrdiff_t(first), labels.begin() + std::ptrdiff_t(first + n)};
}

Matrix Mnist::Y(std::size_t first, std::size_t n) const { return one_hot(labels_of(first, n), 10); }

Matrix Mnist::Y(const std::vector<Index>& idx) const {
    std::vector<int> picked;
    picked.reserve(idx.size());
    for (Index i : idx) {
        if (i < 0 || std::size_t(i) >= size())
            throw std::out_of_range("Mnist::Y: a label beyond the data set");
        picked.push_back(labels[std::size_t(i)]);
    }
    return one_hot(picked, 10);
}

Mnist load_mnist(const fs::path& dir, const std::string& split) {
    // Plain IDX files (./nn data) or gzipped ones (Debian's Fashion-MNIST).
    auto find = [&](const std::string& name) {
        const fs::path plain = dir / name, gz = dir / (name + ".gz");
        return !fs::exists(plain) && fs::exists(gz) ? gz : plain;
    };
    const fs::path images_file = find(split + "-images-idx3-ubyte");
    const fs::path labels_file = find(split + "-labels-idx1-ubyte");
    if (!fs::exists(images_file) && !fs::exists(labels_file))
        throw Error(
            fmt::format("{}: no MNIST {} files here (run ./nn data to fetch them)", dir.string(), split));
    Mnist m{load_idx_images(images_file), load_idx_labels(labels_file)};
    if (m.images.count != m.labels.size())
        throw Error(fmt::format("{} has {} images but {} has {} labels", images_file.string(), m.images.count,
                                labels_file.string(), m.labels.size()));
    return m;
}

}  // namespace nn
