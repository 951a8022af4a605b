// libFuzzer target: importing a file (core/store.h preview_import + merge) into a small document.
// A refused file must add nothing; an accepted one must merge without duplicates, and importing the
// merged export again must add nothing.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>

#include "core/store.h"
#include "shipped.h"

namespace {
// The document the file is imported into: one real entry whose id the seeds also use.
const ssi::store::Document& existing() {
  static const ssi::store::Document d = [] {
    ssi::store::Document doc;
    ssi::store::RealEntry e;
    e.id = "r-20261118-x";
    e.date = "2026-11-18";
    e.component_centi = {1000, 1000, 1000, 1000};
    doc.real.push_back(e);
    return doc;
  }();
  return d;
}

template <typename T>
bool unique_ids(const std::vector<T>& items) {
  std::set<std::string> ids;
  for (const T& x : items)
    if (!ids.insert(x.id).second) return false;
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace store = ssi::store;
  const ssi::Questionnaire& q = ssi::fuzz::shipped();
  const store::Document& into = existing();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const store::ImportPreview p = store::preview_import(text, into, q);
  const std::string before = store::write_document(into);
  const store::Document merged = store::merge(into, p);
  if (!p.ok()) {
    if (!p.new_checks.empty() || !p.new_real.empty()) __builtin_trap();
    if (store::write_document(merged) != before) __builtin_trap();
    return 0;
  }
  if (merged.checks.size() != into.checks.size() + p.new_checks.size()) __builtin_trap();
  if (merged.real.size() != into.real.size() + p.new_real.size()) __builtin_trap();
  if (!unique_ids(merged.checks) || !unique_ids(merged.real)) __builtin_trap();
  // What was merged exports, and that export imports into the merged document as nothing new.
  const std::string exported = store::export_all(merged, "fuzz", "2026-01-01T00:00:00Z");
  const store::ImportPreview again = store::preview_import(exported, merged, q);
  if (!again.ok() || !again.new_checks.empty() || !again.new_real.empty()) __builtin_trap();
  if (store::merge(merged, again) != merged) __builtin_trap();
  // And into an empty document it gives back the same bytes.
  const store::Document fresh = store::merge(store::Document{}, store::preview_import(exported, store::Document{}, q));
  if (store::export_all(fresh, "fuzz", "2026-01-01T00:00:00Z") != exported) __builtin_trap();
  // The stored form of the merged document reads back to it.
  const store::DocumentLoad load = store::read_document(store::write_document(merged), q);
  if (!load.document || *load.document != merged || !load.dropped.empty()) __builtin_trap();
  // An accepted import always fits the storage budget (refused up front otherwise).
  if (store::check_fits(merged)) __builtin_trap();
  return 0;
}
