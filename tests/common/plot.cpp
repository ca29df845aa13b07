#define BOOST_TEST_MODULE nn::plot
#include <boost/test/unit_test.hpp>

#include <fmt/core.h>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "nn/plot.hpp"

namespace fs = std::filesystem;

namespace {
fs::path temp_dir() {
    const fs::path d = fs::temp_directory_path() / ("nn_plot_test_" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
}
bool is_png(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    char sig[8] = {};
    in.read(sig, 8);
    return fs::file_size(p) > 1000 && std::string(sig + 1, 3) == "PNG";
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_line_plot_is_a_png) {
    nn::plot::LinePlot p{.title = "loss",
                         .xlabel = "epoch",
                         .ylabel = "loss",
                         .series = {{.title = "train", .x = {0, 1, 2, 3}, .y = {1.0, 0.5, 0.3, 0.2}}}};
    p.log_y = true;
    const auto file = temp_dir() / "line.png";
    nn::plot::save(p, file);
    BOOST_TEST(is_png(file));
    BOOST_TEST(!fs::exists(temp_dir() / "line.script"));  // the script is cleaned up
}

// Ten series, ten colours; the legend inside the plot area where it is asked to be.
BOOST_AUTO_TEST_CASE(a_line_plot_gives_each_series_its_colour_and_places_its_legend) {
    std::set<std::string> colours;
    for (std::size_t k = 0; k < 10; ++k) colours.insert(nn::plot::line_colour(k));
    BOOST_TEST(colours.size() == 10u);
    BOOST_TEST(nn::plot::line_colour(10) == nn::plot::line_colour(0));
    nn::plot::LinePlot p{.title = "accuracy", .xlabel = "epoch", .ylabel = "accuracy", .series = {}};
    for (int k = 0; k < 10; ++k)
        p.series.push_back(
            {.title = fmt::format("s{}", k), .x = {0, 1, 2}, .y = {0.5, 0.7 + k / 100.0, 0.9}});
    const auto count = [](const std::string& script, const std::string& what) {
        int n = 0;
        for (auto at = script.find(what); at != std::string::npos; at = script.find(what, at + 1)) ++n;
        return n;
    };
    const std::string outside = nn::plot::gnuplot_script(p, "a.png");
    BOOST_TEST(count(outside, "set key inside") == 0);
    for (std::size_t k = 0; k < 10; ++k)
        BOOST_TEST(count(outside, fmt::format("'{}'", nn::plot::line_colour(k))) == 1);
    p.legend = nn::plot::Legend::bottom_right;
    BOOST_TEST(count(nn::plot::gnuplot_script(p, "a.png"), "set key inside right bottom") == 1);
    p.legend = nn::plot::Legend::top_left;
    BOOST_TEST(count(nn::plot::gnuplot_script(p, "a.png"), "set key inside left top") == 1);
    const auto file = temp_dir() / "legend.png";
    nn::plot::save(p, file);
    BOOST_TEST(is_png(file));
}

BOOST_AUTO_TEST_CASE(a_region_plot_is_a_png) {
    nn::plot::RegionPlot p{.title = "regions \"quoted\"",
                           .xlabel = "x",
                           .ylabel = "y",
                           .grid_x = {0, 1, 2},
                           .grid_y = {0, 1},
                           .grid_class = nn::Matrix::Zero(2, 3),
                           .px = {0.5, 1.5},
                           .py = {0.5, 0.5},
                           .pclass = {0, 1},
                           .class_names = {"a", "b"}};
    p.grid_class(1, 2) = 1;
    const auto file = temp_dir() / "regions.png";
    nn::plot::save(p, file);
    BOOST_TEST(is_png(file));
}

BOOST_AUTO_TEST_CASE(a_surface_plot_with_a_path_is_a_png) {
    nn::plot::SurfacePlot p;
    for (int i = 0; i < 20; ++i) p.grid_x.push_back(i / 10.0 - 1);
    p.grid_y = p.grid_x;
    p.z.resize(20, 20);
    for (int i = 0; i < 20; ++i)
        for (int j = 0; j < 20; ++j) p.z(i, j) = p.grid_x[j] * p.grid_x[j] + p.grid_y[i] * p.grid_y[i];
    p.paths.push_back({.title = "descent", .x = {0.9, 0.5, 0.1}, .y = {0.9, 0.4, 0.05}});
    const auto file = temp_dir() / "surface.png";
    nn::plot::save(p, file);
    BOOST_TEST(is_png(file));
}

BOOST_AUTO_TEST_CASE(a_dot_graph_is_a_png) {
    const auto file = temp_dir() / "graph.png";
    nn::plot::save(nn::plot::DotGraph{.dot = "digraph { a -> c; b -> c; }"}, file);
    BOOST_TEST(is_png(file));
}

BOOST_AUTO_TEST_CASE(an_image_grid_is_a_png) {
    const nn::plot::ImageGrid g{.title = "digits",
                                .rows = 4,
                                .cols = 4,
                                .images = {std::vector<double>(16, 0.5), std::vector<double>(16, 1.0)},
                                .captions = {"a", "b"}};
    const auto file = temp_dir() / "grid.png";
    nn::plot::save(g, file);
    BOOST_TEST(is_png(file));
}

BOOST_AUTO_TEST_CASE(an_image_grid_is_as_wide_as_its_images_and_its_title_ask) {
    // The PNG's width is bytes 16-19 of its IHDR chunk, big-endian.
    const auto width = [](const std::filesystem::path& png) {
        std::ifstream in(png, std::ios::binary);
        unsigned char b[24] = {};
        in.read(reinterpret_cast<char*>(b), 24);
        return (b[16] << 24) | (b[17] << 16) | (b[18] << 8) | b[19];
    };
    nn::plot::ImageGrid g{.title = "t", .rows = 2, .cols = 2, .images = {std::vector<double>(4, 0.5)}};
    const auto file = temp_dir() / "wide.png";
    g.pixels = 300;
    nn::plot::save(g, file);
    BOOST_TEST(width(file) == 300);
    g.title = std::string(60, 'x');  // 60 characters need more than 300 pixels
    nn::plot::save(g, file);
    BOOST_TEST(width(file) == 8 * 60 + 40);
    g.pixels = 0;
    BOOST_CHECK_THROW(nn::plot::save(g, file), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(series_of_unequal_lengths_are_rejected) {
    nn::plot::LinePlot p{.title = "t",
                         .xlabel = "x",
                         .ylabel = "y",
                         .series = {{.title = "bad", .x = {0, 1, 2}, .y = {1, 2}}}};
    BOOST_CHECK_THROW(nn::plot::save(p, temp_dir() / "bad.png"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(a_missing_gnuplot_is_a_clear_error) {
    setenv("NN_GNUPLOT", "/nonexistent/gnuplot", 1);
    nn::plot::LinePlot p{
        .title = "t", .xlabel = "x", .ylabel = "y", .series = {{.title = "s", .x = {0, 1}, .y = {1, 2}}}};
    try {
        nn::plot::save(p, temp_dir() / "none.png");
        BOOST_FAIL("no error");
    } catch (const nn::Error& e) {
        BOOST_TEST(std::string(e.what()).find("gnuplot") != std::string::npos);
    }
    unsetenv("NN_GNUPLOT");
    fs::remove_all(temp_dir());
}
