// Printing in the slides' layout: matrices as nested brackets, headings, and the rows that put
// a computed number beside the slide's own:
//
//   quantity        computed   slide   check
//   prediction         0.191   0.191   ok
//   E_total          126.375   84.25   differs: the slide averages over 3 outputs ...
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nn/types.hpp"

namespace nn {

// A number as a slide prints it: its value and how many decimals the slide shows.
struct SlideValue {
    double value;
    int decimals;
};

// True when `computed`, rounded to the slide's decimals, is what the slide prints: it lies within
// half a unit of the slide's last digit.
bool matches(double computed, SlideValue slide);

// `value` with `decimals` decimals (trailing zeros dropped down to `min_decimals`).
std::string format_number(double value, int decimals, int min_decimals = 0);

// [[140, 146],
//  [320, 335]]     entries at up to `decimals` decimals, columns aligned.
std::string format_matrix(const Matrix& M, int decimals = 6);
void print_matrix(std::string_view name, const Matrix& M, int decimals = 6);

// "== 1. Matrix multiplication ==" and a blank line before it.
void heading(std::string_view title);

// computed | slide | check rows. A row that does not match must say why (the slide rounds
// differently, or is wrong); a row that does not match and says nothing prints MISMATCH, which
// the lesson's output test catches.
class SlideTable {
public:
    explicit SlideTable(std::string quantity_header = "quantity");
    // `extra_decimals`: how many more decimals than the slide's to print the computed value with.
    void row(std::string quantity, double computed, SlideValue slide, std::string note = "",
             int extra_decimals = 3);
    // A row for a value the slide only gives roughly ("≈ 0"): it matches when
    // |computed − slide| ≤ `tolerance` (absolute); computed is printed with `decimals` decimals,
    // the slide's value as "≈ 0", and a matching row's check names the tolerance ("ok: within 0.005").
    void near_row(std::string quantity, double computed, double slide, double tolerance, int decimals,
                  std::string note = "");
    // A row whose slide side is not a number (e.g. a truth table's 0/1 written as text).
    void text_row(std::string quantity, std::string computed, std::string slide, bool ok,
                  std::string note = "");
    void print() const;
    bool all_match() const { return all_match_; }

private:
    struct Row {
        std::string quantity, computed, slide, check;
    };
    std::string header_;
    std::vector<Row> rows_;
    bool all_match_ = true;
};

// Columns a string takes on a terminal (UTF-8 characters, not bytes), and the string padded to
// `width` columns on the right (left = true) or on the left.
std::size_t display_width(std::string_view s);
std::string pad(std::string_view s, std::size_t width, bool left);

// A plain aligned table: a header row, a rule, and text cells. `align` has one letter a column,
// 'l' or 'r'; by default the first column is left-aligned and the others right-aligned.
void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                 std::string_view align = "");

}  // namespace nn
