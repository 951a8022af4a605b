// libFuzzer target: reading the stored document (core/store.h read_document), the text the app finds in
// localStorage at start. Whatever it accepts must write back and read again to the same document, and
// writing is a fixed point (what the app writes, it reads back byte for byte).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/store.h"
#include "shipped.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace store = ssi::store;
  const ssi::Questionnaire& q = ssi::fuzz::shipped();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const store::DocumentLoad load = store::read_document(text, q);
  if (load.document.has_value() != load.problems.empty()) __builtin_trap();
  if (!load.document) {
    if (load.migrated) __builtin_trap();
    return 0;
  }
  if (load.migrated != (load.found_version == 1)) __builtin_trap();
  const std::string written = store::write_document(*load.document);
  const store::DocumentLoad back = store::read_document(written, q);
  if (!back.document || back.migrated || back.found_version != store::kDocumentVersion) __builtin_trap();
  if (store::write_document(*back.document) != written || !back.dropped.empty()) __builtin_trap();
  // The repair reader takes at least what the reader takes, and what it takes reads back whole.
  const store::Salvage salvage = store::salvage_document(text, q);
  if (salvage.document.checks.size() < load.document->checks.size() ||
      salvage.document.real.size() < load.document->real.size())
    __builtin_trap();
  const store::DocumentLoad repaired = store::read_document(store::write_document(salvage.document), q);
  if (!repaired.document || !repaired.dropped.empty()) __builtin_trap();
  // The rest of the API on whatever was accepted: CSV, export, the week's change.
  (void)store::history_csv(*load.document);
  (void)store::export_all(*load.document, "fuzz", "2026-01-01T00:00:00Z");
  (void)store::change_since_last_week(load.document->real);
  return 0;
}
