// Internal: safe, non-throwing access to nlohmann::json for the loaders.
// Emscripten builds without exceptions, where any nlohmann throw is an abort, so every access
// here checks types first and only uses calls that cannot throw (get_ptr, find, iteration).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/ssi.h"

namespace ssi::detail {

using json = nlohmann::json;

// Where and why nlohmann stops on an invalid text: the characters read and its error id
// (101 parse error, 406 number overflow such as 1e400). Walks the text once without building anything.
struct ParseStop {
    std::size_t position = 0;
    int id = 0;
};
ParseStop parse_stop(std::string_view text);

// Parses text; on failure reports code::kInvalidJson with 1-based line/column into problems.
std::optional<json> parse(std::string_view text, std::vector<Problem>& problems);

// Type-checked readers: nullptr / nullopt when the value has another type.
const std::string* as_string(const json& value);
// Any JSON integer (signed or unsigned) that fits in int64.
std::optional<std::int64_t> as_integer(const json& value);
const json* member(const json& object, std::string_view key);  // nullptr if absent or not an object

// Builds JSON paths like "questions[3].options[1].points".
std::string join(std::string_view path, std::string_view key);
std::string index(std::string_view path, std::size_t i);

// Collects problems while a loader walks a document.
struct Reporter {
    std::vector<Problem>& problems;
    void add(std::string_view code, std::string path, Args args = {});

    // Field readers for objects: report missing / wrong type, return nullptr / nullopt then.
    const std::string* string_field(const json& object, std::string_view path, std::string_view key,
                                    bool required = true);
    const json* object_field(const json& object, std::string_view path, std::string_view key,
                             bool required = true);
    const json* array_field(const json& object, std::string_view path, std::string_view key,
                            bool required = true);
    // A {"de": "...", "en": "..."} text; both languages non-empty.
    std::optional<Text> text_field(const json& object, std::string_view path, std::string_view key,
                                   bool required = true);
    std::optional<Text> text_value(const json& value, const std::string& path);
};

// Number rendered for a message argument ("2.5", "true", "\"x\"").
std::string describe_value(const json& value);

}  // namespace ssi::detail
