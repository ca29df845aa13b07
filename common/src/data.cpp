#include "nn/data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
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
            const auto where = [&] {
                return fmt::format("{}:{}: field {} ({})", file.string(), line_no, c + 1,
                                   data.feature_names[c]);
            };
            if (field.empty()) throw Error(fmt::format("{} is empty", where()));
            double v = 0;
            const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), v);
            if (ec == std::errc::result_out_of_range && end == field.data() + field.size())
                throw Error(fmt::format("{} is out of range of a double: '{}'", where(), field));
            if (ec != std::errc() || end != field.data() + field.size())
                throw Error(fmt::format("{} is not a number: '{}'", where(), field));
            // from_chars reads "nan" and "inf" too; a NaN in the data would make every loss NaN.
            if (!std::isfinite(v))
                throw Error(fmt::format("{} is not a finite number: '{}'", where(), field));
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

Matrix moved(const Matrix& X, Index rows, Index cols, Index dr, Index dc) {
    if (rows < 1 || cols < 1 || X.rows() != rows * cols)
        throw std::invalid_argument(fmt::format("moved: images of {}x{} pixels need {} rows, X has {}", rows,
                                                cols, rows * cols, X.rows()));
    Matrix out = Matrix::Zero(X.rows(), X.cols());
    for (Index n = 0; n < X.cols(); ++n)
        for (Index r = std::max<Index>(0, -dr); r < std::min(rows, rows - dr); ++r)
            for (Index c = std::max<Index>(0, -dc); c < std::min(cols, cols - dc); ++c)
                out((r + dr) * cols + c + dc, n) = X(r * cols + c, n);
    return out;
}

Matrix moved_up_to(const Matrix& X, Index rows, Index cols, Index m) {
    if (m < 0) throw std::invalid_argument(fmt::format("moved_up_to: m is {}, not a number of pixels", m));
    Matrix out(X.rows(), X.cols());
    const Index side = 2 * m + 1;
    for (Index k = 0; k < X.cols(); ++k)
        out.col(k) = moved(X.col(k), rows, cols, k % side - m, (k / side) % side - m);
    if (X.cols() == 0) moved(X, rows, cols, 0, 0);  // the size check, for an empty batch too
    return out;
}

namespace {

// An IDX file, plain or gzipped, read through zlib (gzread passes a plain file through as it is).
class IdxFile {
public:
    explicit IdxFile(const fs::path& file) : file_(file) {
        if (!fs::exists(file)) throw Error(fmt::format("{}: no such file", file.string()));
        if (fs::is_directory(file)) throw Error(fmt::format("{}: is a folder, not a file", file.string()));
        gz_ = gzopen(file.c_str(), "rb");
        if (!gz_) throw Error(fmt::format("{}: cannot be opened", file.string()));
    }
    ~IdxFile() { gzclose(gz_); }
    IdxFile(const IdxFile&) = delete;
    IdxFile& operator=(const IdxFile&) = delete;

    // Up to n bytes into out (fewer only at the end of the data).
    std::size_t read(std::uint8_t* out, std::size_t n) {
        std::size_t done = 0;
        while (done < n) {
            const unsigned chunk = unsigned(std::min<std::size_t>(n - done, 1 << 20));
            const int got = gzread(gz_, out + done, chunk);
            if (got < 0) {
                int err = 0;
                const char* msg = gzerror(gz_, &err);
                throw Error(fmt::format("{}: corrupt or truncated gzip data ({})", file_.string(),
                                        msg ? msg : "unknown zlib error"));
            }
            if (got == 0) break;
            done += std::size_t(got);
        }
        return done;
    }
    // How many bytes follow, counting no further than limit + 1: a plain file's size says it, a
    // gzipped one is inflated into a small buffer and thrown away (nothing is kept, so a header or
    // a gzip bomb cannot make it allocate).
    std::uint64_t count_rest(std::uint64_t at, std::uint64_t limit) {
        if (gzdirect(gz_) && fs::is_regular_file(file_)) {
            const std::uint64_t size = fs::file_size(file_);
            return size > at ? size - at : 0;
        }
        std::uint8_t buf[1 << 14];
        std::uint64_t rest = 0;
        while (rest <= limit) {
            const std::size_t got = read(buf, sizeof buf);
            if (got == 0) break;
            rest += got;
        }
        return rest;
    }
    void rewind() {
        if (gzrewind(gz_) != 0) throw Error(fmt::format("{}: cannot be read again", file_.string()));
    }

private:
    fs::path file_;
    gzFile gz_ = nullptr;
};

std::uint32_t be32(const std::uint8_t* b) {
    return std::uint32_t{b[0]} << 24 | std::uint32_t{b[1]} << 16 | std::uint32_t{b[2]} << 8 | b[3];
}

// An IDX file's dimensions and data, with every claim of its header checked before anything is
// allocated by it: the magic number, the product of the dimensions (without overflow), and that
// exactly that many bytes follow the header.
struct Idx {
    std::vector<std::uint32_t> dims;
    std::vector<std::uint8_t> data;
};
Idx read_idx(const fs::path& file, std::uint32_t magic, std::size_t dims) {
    const char* kind = dims == 3 ? "images" : "labels";
    IdxFile in(file);
    const std::size_t header_bytes = 4 * (1 + dims);
    std::uint8_t header[16] = {};
    const std::size_t got = in.read(header, header_bytes);
    if (got < 4)
        throw Error(fmt::format("{}: truncated: {} bytes, too short for an IDX file", file.string(), got));
    const std::uint32_t found = be32(header);
    if (found != magic)
        throw Error(fmt::format("{}: wrong IDX magic number 0x{:08x}, expected 0x{:08x} ({})", file.string(),
                                found, magic, kind));
    if (got < header_bytes)
        throw Error(fmt::format("{}: truncated: {} bytes, shorter than the {}-byte IDX header", file.string(),
                                got, header_bytes));
    Idx idx;
    std::uint64_t payload = 1;
    for (std::size_t k = 0; k < dims; ++k) {
        idx.dims.push_back(be32(header + 4 * (k + 1)));
        if (__builtin_mul_overflow(payload, std::uint64_t{idx.dims.back()}, &payload))
            throw Error(fmt::format("{}: corrupt: the header claims {} {} of {}, too large to exist",
                                    file.string(), idx.dims[0], kind,
                                    fmt::join(idx.dims.begin() + 1, idx.dims.end(), "x")));
    }
    if (dims == 3 && (idx.dims[1] == 0 || idx.dims[2] == 0))
        throw Error(
            fmt::format("{}: corrupt: images of {}x{} pixels", file.string(), idx.dims[1], idx.dims[2]));
    const std::uint64_t rest = in.count_rest(header_bytes, payload);
    if (rest != payload)
        throw Error(fmt::format("{}: {}: the header promises {} bytes of data, the file has {}{}",
                                file.string(), rest < payload ? "truncated" : "too long", payload,
                                rest > payload ? "more than " : "", rest > payload ? payload : rest));
    // The length is confirmed: now read it.
    in.rewind();
    idx.data.resize(std::size_t(payload));
    if (in.read(header, header_bytes) != header_bytes || in.read(idx.data.data(), idx.data.size()) != payload)
        throw Error(fmt::format("{}: truncated while it was read (did the file change?)", file.string()));
    return idx;
}

}  // namespace

IdxImages load_idx_images(const fs::path& file) {
    Idx idx = read_idx(file, 0x00000803, 3);
    return {idx.dims[0], idx.dims[1], idx.dims[2], std::move(idx.data)};
}

std::vector<std::uint8_t> load_idx_labels(const fs::path& file) {
    std::vector<std::uint8_t> labels = read_idx(file, 0x00000801, 1).data;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] > 9)
            throw Error(
                fmt::format("{}: label {} of item {} is not a digit 0-9", file.string(), labels[i], i));
    return labels;
}

Matrix Mnist::X(std::size_t first, std::size_t n) const {
    if (n > size() || first > size() - n) throw std::out_of_range("Mnist::X: columns beyond the data set");
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
    if (n > size() || first > size() - n)
        throw std::out_of_range("Mnist::labels_of: labels beyond the data set");
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
