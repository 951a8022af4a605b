// The JSON form of scoring results (nlohmann/json), kept out of ssi.h so the UI header stays light.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/ssi.h"

namespace ssi {

// What the browser test hook exposes as state().result and what saved files contain:
// { "components": [brand, find, engage, relationships], "total", "exactTotal", "corridor",
//   "reach", "salesNavigator", "range": {"low","high"}, "weakest": [keys],
//   "advice": [{"question","from","option","component","gain"}], "plan": [same], "answered", "visible" }
// Numbers are centi / 100, printed by nlohmann's own shortest round-trip formatter: identical everywhere.
nlohmann::json result_json(const Result& result);

// One advice entry in the form above.
nlohmann::json advice_json(const Advice& advice);

// `text` parsed, or a discarded value when it is no JSON. Everyone parses through a pointer pair, as the core's
// loaders do: the page then holds one nlohmann parser instantiation instead of one per input type.
nlohmann::json parse_json(std::string_view text);

}  // namespace ssi
