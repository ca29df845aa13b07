// libFuzzer harness: the gzipped IDX readers. The first byte chooses what the file is:
//   0: the rest of the input, gzipped         (headers and lengths as a .gz brings them)
//   1: the same, its compressed bytes cut at a point the second byte chooses (a truncated .gz)
//   2: the rest of the input as it is, named .gz (corrupt streams; small bombs)
// Every input either loads into a consistent object or throws nn::Error naming the file.
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.hpp"
#include "nn/data.hpp"
#include "nn/mlp.hpp"

namespace {
std::vector<std::uint8_t> gzip(const std::uint8_t* data, std::size_t size) {
    z_stream z{};
    // windowBits 15 + 16: a gzip header and trailer, as gzopen writes them.
    NN_FUZZ_REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::vector<std::uint8_t> out(deflateBound(&z, uLong(size)));
    z.next_in = const_cast<Bytef*>(data);
    z.avail_in = uInt(size);
    z.next_out = out.data();
    z.avail_out = uInt(out.size());
    NN_FUZZ_REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::uint8_t mode = data[0] % 3, cut = data[1];
    std::vector<std::uint8_t> content(data + 2, data + size), file_bytes;
    if (mode == 2) {
        file_bytes = content;
    } else {
        file_bytes = gzip(content.data(), content.size());
        if (mode == 1) file_bytes.resize(file_bytes.size() * cut / 256);
    }
    const auto file = nn_fuzz::write_input("idx.gz", file_bytes.data(), file_bytes.size());
    try {
        const nn::IdxImages images = nn::load_idx_images(file);
        NN_FUZZ_REQUIRE(images.rows > 0 && images.cols > 0);
        NN_FUZZ_REQUIRE(images.pixels.size() == images.count * images.rows * images.cols);
        if (mode == 0) NN_FUZZ_REQUIRE(images.pixels.size() + 16 == content.size());
        if (images.count > 0) {
            nn::Mnist m{images, std::vector<std::uint8_t>(images.count, 0)};
            const nn::Matrix X = m.X(m.size() - 1, 1);
            NN_FUZZ_REQUIRE(X.rows() == nn::Index(images.rows * images.cols) && X.allFinite());
        }
    } catch (const nn::Error& e) {
        NN_FUZZ_REQUIRE(std::string(e.what()).find(file.string()) != std::string::npos);
    }
    try {
        const auto labels = nn::load_idx_labels(file);
        if (mode == 0) NN_FUZZ_REQUIRE(labels.size() + 8 == content.size());
        for (const auto l : labels) NN_FUZZ_REQUIRE(l <= 9);
    } catch (const nn::Error& e) {
        NN_FUZZ_REQUIRE(std::string(e.what()).find(file.string()) != std::string::npos);
    }
    return 0;
}
