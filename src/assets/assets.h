#pragma once
// Files embedded into the binary at build time (content/*.json, fonts, shaders).
// Embedding keeps the page to a handful of static files and makes the app work offline from the first load.
#include <string_view>
#include <vector>

namespace ssi::assets {
// The bytes of an embedded file by its path relative to the repository root (e.g. "content/ui.json"),
// or an empty view when there is no such file. The data is NUL-terminated beyond size().
std::string_view get(std::string_view name);
// Every embedded path, sorted.
std::vector<std::string_view> names();
}  // namespace ssi::assets
