// libFuzzer target: message catalogues (content/messages.json, content/ui.json) and formatting.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/ssi.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ssi::CatalogLoad load = ssi::Catalog::load(text);
  if (load.catalog.has_value() != load.problems.empty()) __builtin_trap();
  // Formatting the fuzzed texts with fuzzed arguments, and describing every problem.
  const ssi::Args args = {{"n", std::string(text.substr(0, 8))}, {"path", "x"}, {"message", "{n}"}};
  if (load.catalog) {
    for (const std::string& key : load.catalog->keys()) {
      (void)load.catalog->format(key, ssi::Lang::De, args);
      (void)load.catalog->format(key, ssi::Lang::En, args);
    }
  }
  static const ssi::Catalog fixed = [] {
    ssi::Catalog c;
    c.set("problem.at_path", {"{path}: {message}", "{path}: {message}"});
    c.set("text.empty", {"Der Text „{lang}“ ist leer.", "The \"{lang}\" text is empty."});
    return c;
  }();
  for (const ssi::Problem& p : load.problems) (void)ssi::describe(fixed, p, ssi::Lang::De);
  (void)ssi::placeholders(text);
  return 0;
}
