#include "core/keys.h"

namespace ssi::key {

namespace {
std::string join(std::string_view head, std::string_view name, std::string_view tail = {}) {
  std::string out;
  out.reserve(head.size() + name.size() + tail.size());
  out.append(head).append(name).append(tail);
  return out;
}
}  // namespace

std::string component(Component c) { return join("component.", component_key(c)); }
std::string component_description(Component c) { return join("component.", component_key(c), ".description"); }
std::string corridor(Corridor c) { return join("corridor.", corridor_key(c)); }
std::string corridor_description(Corridor c) { return join("corridor.", corridor_key(c), ".description"); }
std::string compare(Component c, bool higher) {
  return join("compare.", component_key(c), higher ? ".higher" : ".lower");
}
std::string workshop_advice(Component c) { return join("workshop.advice.", component_key(c)); }
std::string component_short(Component c) { return join("ui.component.", component_key(c), ".short"); }

}  // namespace ssi::key
