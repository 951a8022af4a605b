// libFuzzer target: hand-over files and saved group sessions (read_handover, add_files), with the invariants
// the group view relies on: a file reads back to what it says, and the statistics stay inside their values.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/workshop.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ssi::workshop::HandoverLoad load = ssi::workshop::read_handover(text);
  if (load.handover.has_value() != load.problems.empty()) __builtin_trap();
  if (load.handover) {
    // What is accepted is written and read back identically.
    const std::string written = ssi::workshop::handover_json(*load.handover, "fuzz");
    ssi::workshop::HandoverLoad back = ssi::workshop::read_handover(written);
    if (!back.ok() || *back.handover != *load.handover) __builtin_trap();
  }
  ssi::workshop::Group group;
  ssi::workshop::add_files(group, {{"a.json", std::string(text)}, {"b.json", std::string(text)}});
  int participants = 0;
  for (const ssi::workshop::GroupPart& part : group.parts) {
    const int n = static_cast<int>(part.participants.size());
    participants += n;
    if (part.total.count != n) __builtin_trap();
    for (const ssi::workshop::Stats* s : {&part.total, &part.components[0], &part.components[3]})
      if (s->min_centi > s->mean_centi || s->mean_centi > s->max_centi || s->min_centi > s->median_centi ||
          s->median_centi > s->max_centi)
        __builtin_trap();
    int corridors = 0;
    for (int c : part.corridors) corridors += c;
    if (corridors != n) __builtin_trap();
    (void)ssi::workshop::part_json(part);
  }
  if (participants != group.participants() || participants > ssi::workshop::kMaxGroupFiles) __builtin_trap();
  (void)ssi::workshop::group_json(group, "fuzz");
  return 0;
}
