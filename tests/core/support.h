// Shared helpers for the core tests: fixtures, the shipped content, a portable PRNG.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "assets/assets.h"
#include "core/ssi.h"

namespace ssi::test {

inline constexpr ScoreOptions kNoAdvice{.advice = false};

inline int points_of(const Question& q, int option) { return q.options[static_cast<std::size_t>(option)].points; }

inline std::string source_path(std::string_view relative) {
  return std::string(SSI_SOURCE_DIR "/") + std::string(relative);
}

// Reads a file from the source tree; empty string (and a test failure) if missing.
inline std::string read_file(std::string_view relative) {
  std::ifstream in(source_path(relative), std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot open " << source_path(relative);
    return {};
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The names of the files in a folder of the source tree (a test failure if it cannot be listed).
inline std::set<std::string> file_names(std::string_view relative) {
  std::set<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(source_path(relative), ec))
    names.insert(entry.path().filename().string());
  if (ec) ADD_FAILURE() << "cannot list " << source_path(relative) << ": " << ec.message();
  return names;
}

inline bool write_file(std::string_view relative, std::string_view text) {
  std::ofstream out(source_path(relative), std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

// The questionnaire the app ships, as embedded in the binary.
inline const Questionnaire& shipped() {
  static const Questionnaire q = [] {
    QuestionnaireLoad load = load_questionnaire(assets::get("content/questionnaire.json"));
    EXPECT_TRUE(load.ok()) << load.problems.size() << " problems, first: "
                           << (load.problems.empty() ? "" : load.problems[0].code + " @ " + load.problems[0].path);
    return load.questionnaire.value_or(Questionnaire{});
  }();
  return q;
}

inline const Catalog& messages() {
  static const Catalog c = [] {
    CatalogLoad load = Catalog::load(assets::get("content/messages.json"));
    EXPECT_TRUE(load.ok());
    return load.catalog.value_or(Catalog{});
  }();
  return c;
}

// SplitMix64: the same sequence on every standard library (std distributions are not).
struct Rng {
  std::uint64_t state;
  explicit Rng(std::uint64_t seed) : state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

// A random answer set: each question unanswered with 1 in 6, else a uniform option.
// Hidden questions get answers too (the UI keeps them when a condition flips).
inline Answers random_answers(const Questionnaire& q, Rng& rng) {
  Answers a;
  for (const Question& question : q.questions) {
    if (rng.below(6) == 0 || question.options.empty()) continue;
    a[question.id] = rng.below(static_cast<int>(question.options.size()));
  }
  return a;
}

}  // namespace ssi::test
