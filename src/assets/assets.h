#pragma once
// Files embedded into the binary at build time: the content's skeleton (cmake/split_texts.py), fonts, shaders; for
// tests (ssi_assets) also the content files whole and both languages' texts. The page links ssi_page_assets.
#include <string_view>
#include <vector>

namespace ssi::assets {
// The bytes of an embedded file by its path relative to the repository root (e.g. "fonts/icons.ttf"),
// or an empty view when there is no such file. The data is NUL-terminated beyond size().
std::string_view get(std::string_view name);
// Every embedded path, sorted.
std::vector<std::string_view> names();
}  // namespace ssi::assets
