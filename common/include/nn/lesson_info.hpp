// A lesson program's facts, from its line in lessons/lessons.txt. CMake writes the one definition
// of nn::this_lesson into each lesson program, so the title is written in one place. Kept apart
// from nn/lesson.hpp so that the generated file compiles in a moment (no CLI11 to parse).
#pragma once

#include <string>

namespace nn {

struct LessonInfo {
    std::string number;   // "00"
    std::string title;    // "Matrix multiplication"
    std::string decks;    // "Matrix-view"
    std::string summary;  // one sentence for --help
};

// The running lesson's facts.
extern const LessonInfo this_lesson;

}  // namespace nn
