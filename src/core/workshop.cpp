// Workshop mode: the hand-over file a participant gives the trainer, and the group view built from many of
// them (core/workshop.h). Formats: docs/data-format.md.
//
// These files come from other people's devices, so they are read like imports (store_read.cpp): the size first,
// then detail::parse_limited (nesting depth and NaN/Infinity scanned before nlohmann parses anything),
// detail::check_values (every string and number), and only then the fields, through the type-checked
// readers of json_util.h. Component values are JSON numbers in points ("12.5"). They become exact hundredths
// through the shortest text that gives back the same double (nlohmann prints 0.29 as "0.29") and
// detail::parse_centi: no double is ever multiplied, so 0.29 is 29, never 28.
#include "core/workshop.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <utility>

#include "core/codes.h"
#include "core/handover_code.h"
#include "core/json_util.h"
#include "core/sorting.h"
#include "core/store.h"

namespace ssi::workshop {

using detail::json;

namespace {

// Strings anywhere in a hand-over or group file: no control characters, at most 10 000 bytes (like an import).
constexpr detail::ValueRules kValueRules{store::kMaxStringBytes, ""};

std::size_t at(Component c) { return static_cast<std::size_t>(c); }

// ---------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------

void too_large(detail::Reporter& r) {
  // Said with the hand-over's limit: a refused file is larger than that too, and a hand-over is what is asked for.
  r.add(code::kWorkshopTooLarge, "", {{"max", std::to_string(kMaxHandoverBytes / 1024)}});
}

// The root object of a file, parsed within the limits; nothing (and problems) otherwise.
std::optional<json> open_file(std::string_view text, detail::Reporter& r) {
  if (detail::blank(text)) {
    r.add(code::kWorkshopEmpty, "");
    return std::nullopt;
  }
  std::optional<json> doc = detail::parse_limited(text, store::kMaxDepth, /*look_for_literals=*/true, r.problems);
  if (!doc) return std::nullopt;
  if (!doc->is_object()) {
    r.add(code::kNotObject, "");
    return std::nullopt;
  }
  return doc;
}

// The "type" of a root object; "" when absent or not a string.
std::string_view type_of(const json& root) {
  const json* type = detail::member(root, "type");
  const std::string* s = type ? detail::as_string(*type) : nullptr;
  return s ? std::string_view(*s) : std::string_view();
}

// Whether a root object is a readable file of the expected type: what kind of file it is is said first (a
// wrong file gets one clear message, not fifty), then its version, then every string and number in it.
bool check_kind(detail::Reporter& r, const json& root, std::string_view expected_type, int current_version) {
  const std::size_t before = r.problems.size();
  const std::string_view type = type_of(root);
  if (type != expected_type) {
    if (type == store::kExportType)
      r.add(code::kWorkshopExportFile, "type");
    else
      r.add(code::kWorkshopWrongType, "type", {{"found", detail::shorten(type)}});
    return false;
  }
  if (!r.version_field(root, current_version, code::kWorkshopFutureVersion, code::kWorkshopUnknownVersion))
    return false;
  detail::check_values(root, "", kValueRules, r);
  if (r.problems.size() != before) return false;
  r.string_field(root, "", "appVersion", /*required=*/false);
  return r.problems.size() == before;
}

// A component value in points: a JSON number from 0 to 25 with at most two decimals, as exact hundredths.
std::optional<int> centi_value(detail::Reporter& r, const json& v, const std::string& path) {
  const auto out_of_range = [&] {
    r.add(code::kOutOfRange, path,
          {{"value", detail::describe_value(v)}, {"min", "0"}, {"max", std::to_string(kComponentMax)}});
    return std::nullopt;
  };
  if (std::optional<std::int64_t> n = detail::as_integer(v)) {
    if (*n < 0 || *n > kComponentMax) return out_of_range();
    return static_cast<int>(*n * 100);
  }
  if (v.is_number_unsigned()) return out_of_range();  // beyond int64
  const auto* f = v.get_ptr<const json::number_float_t*>();
  if (!f) {
    r.add(code::kNotNumber, path);
    return std::nullopt;
  }
  if (!(*f >= 0.0) || *f > kComponentMax) return out_of_range();
  // The shortest form that reads back as the same double: "12.5", "0.29", "-0.0"; "1e-05" for tiny values.
  const std::string text = v.dump();
  const detail::CentiParse p = text.find_first_of("eE") != std::string::npos
                                   ? detail::CentiParse{0, detail::CentiError::TooManyDecimals}
                                   : detail::parse_centi(text, kComponentMax * 100);
  switch (p.error) {
    case detail::CentiError::None: return p.centi;
    case detail::CentiError::TooManyDecimals: r.add(code::kTooManyDecimals, path, {{"value", text}}); break;
    case detail::CentiError::OutOfRange: return out_of_range();
    case detail::CentiError::NotANumber: r.add(code::kNotNumber, path); break;
  }
  return std::nullopt;
}

// The fields of one result: a hand-over file's root, or one entry of a group file's "participants".
std::optional<Handover> read_result(detail::Reporter& r, const json& v, const std::string& path) {
  if (!v.is_object()) {
    r.add(code::kNotObjectField, path);
    return std::nullopt;
  }
  const std::size_t before = r.problems.size();
  Handover h;
  if (const json* ref = r.object_field(v, path, "questionnaire")) {
    const std::string rp = detail::join(path, "questionnaire");
    if (const std::string* id = r.string_field(*ref, rp, "id")) {
      h.questionnaire_id = *id;
      if (!detail::valid_questionnaire_id(*id))
        r.add(code::kInvalidQuestionnaireId, detail::join(rp, "id"),
              {{"id", detail::shorten(*id)}, {"max", std::to_string(limits::kMaxIdBytes)}});
    }
    if (const std::string* version = r.string_field(*ref, rp, "version")) {
      h.questionnaire_version = *version;
      if (!detail::valid_questionnaire_version(*version))
        r.add(code::kInvalidVersion, detail::join(rp, "version"),
              {{"version", detail::shorten(*version)}, {"max", std::to_string(limits::kMaxVersionBytes)}});
    }
  }
  if (const std::string* nickname = r.string_field(v, path, "nickname", /*required=*/false)) {
    if (std::optional<Problem> p = check_nickname(*nickname)) {
      p->path = detail::join(path, "nickname");
      r.problems.push_back(std::move(*p));
    } else {
      h.nickname = std::string(detail::trim(*nickname));
    }
  }
  bool components_ok = false;
  if (const json* components = r.object_field(v, path, "components")) {
    components_ok = true;
    const std::string cp = detail::join(path, "components");
    for (Component c : kComponents) {
      const std::string_view key = component_key(c);
      const json* value = detail::member(*components, key);
      std::optional<int> centi;
      if (!value)
        r.add(code::kMissingField, detail::join(cp, key), {{"field", std::string(key)}});
      else
        centi = centi_value(r, *value, detail::join(cp, key));
      if (centi)
        h.component_centi[at(c)] = *centi;
      else
        components_ok = false;
    }
  }
  const std::optional<int> total = r.int_field(v, path, "total", 0, kComponentCount * kComponentMax);
  if (total) {
    h.total = *total;
    int sum = 0;
    for (int c : h.component_centi) sum += c;
    if (components_ok && round_total(sum) != *total)
      r.add(code::kWorkshopTotalMismatch, detail::join(path, "total"),
            {{"found", std::to_string(*total)}, {"expected", std::to_string(round_total(sum))}});
  }
  if (const std::string* corridor = r.string_field(v, path, "corridor")) {
    if (total) {
      h.corridor = corridor_for(*total);
      // Questionnaire 1.0.0 called exactly 80 "top"; it is the cap without Sales Navigator now.
      const bool legacy_cap = *total == kComponentCount * kBaseMax && *corridor == corridor_key(Corridor::Top);
      if (*corridor != corridor_key(h.corridor) && !legacy_cap)
        r.add(code::kWorkshopCorridorMismatch, detail::join(path, "corridor"),
              {{"found", detail::shorten(*corridor)}, {"expected", std::string(corridor_key(h.corridor))}});
    }
  }
  if (r.problems.size() != before) return std::nullopt;
  return h;
}

std::optional<Handover> handover_from(detail::Reporter& r, const json& root) {
  if (!check_kind(r, root, kHandoverType, kHandoverVersion)) return std::nullopt;
  return read_result(r, root, "");
}

// One result of a file with the path its problems would carry ("" for a hand-over file).
struct Found {
  Handover handover;
  std::string path;
};

// The valid participants of a group file; the others are reported (at most kMaxProblems problems per file).
void group_from(detail::Reporter& r, const json& root, std::vector<Found>& found) {
  if (!check_kind(r, root, kGroupType, kGroupVersion)) return;
  const json* list = r.array_field(root, "", "participants");
  if (!list) return;
  std::size_t i = 0;
  for (const json& item : *list) {
    std::vector<Problem> problems;
    detail::Reporter one{problems};
    std::string path = detail::index("participants", i++);
    if (std::optional<Handover> h = read_result(one, item, path)) found.push_back({std::move(*h), std::move(path)});
    for (Problem& p : problems)
      if (r.problems.size() < detail::kMaxProblems) r.problems.push_back(std::move(p));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------------

// The fields of one result into j (a hand-over file's root, or one entry of a group file's "participants").
void put_result(json& j, const Handover& h) {
  j["questionnaire"] = json{{"id", h.questionnaire_id}, {"version", h.questionnaire_version}};
  j["nickname"] = h.nickname;
  json components = json::object();
  for (Component c : kComponents) components[std::string(component_key(c))] = h.component_centi[at(c)] / 100.0;
  j["components"] = std::move(components);
  j["total"] = h.total;
  j["corridor"] = std::string(corridor_key(h.corridor));
}

json file_json(std::string_view type, int version, std::string_view app_version) {
  json j = json::object();
  j["type"] = std::string(type);
  j["schemaVersion"] = version;
  j["appVersion"] = std::string(app_version);
  return j;
}

json points(int centi) { return centi / 100.0; }

json keys(const std::vector<Component>& components) {
  json j = json::array();
  for (Component c : components) j.push_back(std::string(component_key(c)));
  return j;
}

// ---------------------------------------------------------------------------------------------------------
// Group statistics
// ---------------------------------------------------------------------------------------------------------

// a / b rounded half away from zero (b > 0).
std::int64_t div_round_away(std::int64_t a, std::int64_t b) {
  return a >= 0 ? (2 * a + b) / (2 * b) : -((2 * -a + b) / (2 * b));
}

// The components holding the lowest (or highest) value, in LinkedIn's order.
std::vector<Component> extremes(const std::array<int, kComponentCount>& values, bool lowest) {
  int best = values[0];
  for (int v : values) best = lowest ? std::min(best, v) : std::max(best, v);
  std::vector<Component> out;
  for (Component c : kComponents)
    if (values[at(c)] == best) out.push_back(c);
  return out;
}

void summarize(GroupPart& part) {
  std::vector<int> totals;
  std::array<std::vector<int>, kComponentCount> components;
  part.corridors = {};
  part.top_advice = {};
  for (const Participant& p : part.participants) {
    const Handover& h = p.handover;
    totals.push_back(h.total * 100);
    for (Component c : kComponents) components[at(c)].push_back(h.component_centi[at(c)]);
    ++part.corridors[static_cast<std::size_t>(h.corridor)];
    ++part.top_advice[at(extremes(h.component_centi, /*lowest=*/true).front())];
  }
  part.total = stats_of(std::move(totals));
  std::array<int, kComponentCount> means{};
  for (Component c : kComponents) {
    part.components[at(c)] = stats_of(std::move(components[at(c)]));
    means[at(c)] = part.components[at(c)].mean_centi;
  }
  part.weakest = extremes(means, /*lowest=*/true);
  part.most_frequent_advice = extremes(part.top_advice, /*lowest=*/false);
}

// Every participant of the group, in the order they were added.
std::vector<Participant> in_order(const Group& group) {
  std::vector<Participant> all;
  for (const GroupPart& part : group.parts) all.insert(all.end(), part.participants.begin(), part.participants.end());
  ssi::stable_sort(all.begin(), all.end(),
                   [](const Participant& a, const Participant& b) { return a.number < b.number; });
  return all;
}

// Parts by questionnaire (id, version), largest first, then by id and version.
void rebuild(Group& group, const std::vector<Participant>& all) {
  std::map<std::pair<std::string, std::string>, GroupPart> parts;
  for (const Participant& p : all) {
    GroupPart& part = parts[{p.handover.questionnaire_id, p.handover.questionnaire_version}];
    part.questionnaire_id = p.handover.questionnaire_id;
    part.questionnaire_version = p.handover.questionnaire_version;
    part.participants.push_back(p);
  }
  group.parts.clear();
  for (auto& [key, part] : parts) {
    summarize(part);
    group.parts.push_back(std::move(part));
  }
  ssi::stable_sort(group.parts.begin(), group.parts.end(), [](const GroupPart& a, const GroupPart& b) {
    return a.participants.size() > b.participants.size();
  });
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Hand-over file
//-----------------------------------------------------------------------------

Handover make_handover(const Questionnaire& questionnaire, const Result& result, std::string_view nickname) {
  Handover h;
  h.questionnaire_id = questionnaire.id;
  h.questionnaire_version = questionnaire.version;
  const std::string_view trimmed = detail::trim(nickname);
  const std::vector<std::size_t> starts = detail::grapheme_starts(trimmed);
  const std::string_view cut = detail::trim(trimmed.substr(0, starts[std::min(starts.size() - 1, kMaxNicknameChars)]));
  if (!check_nickname(cut)) h.nickname = std::string(cut);  // else anonymous: the file must stay readable
  int sum = 0;
  for (Component c : kComponents) {
    h.component_centi[at(c)] = std::clamp(result.component_centi[at(c)], 0, kComponentMax * 100);
    sum += h.component_centi[at(c)];
  }
  h.total = round_total(sum);
  h.corridor = corridor_for(h.total);
  return h;
}

std::string handover_json(const Handover& handover, std::string_view app_version) {
  json j = file_json(kHandoverType, kHandoverVersion, app_version);
  put_result(j, handover);
  return detail::dump_pretty(j);
}

std::optional<Problem> check_nickname(std::string_view nickname) {
  const std::string_view trimmed = detail::trim(nickname);
  const std::optional<std::u32string> cps = detail::code_points(trimmed);
  if (!cps || detail::control_character(trimmed, /*allow_line_breaks=*/false))
    return Problem{std::string(code::kNicknameInvalid), "", {}};
  // A direction override makes the group view show the name (and what follows it) reversed or reordered.
  if (std::any_of(cps->begin(), cps->end(), detail::bidi_control))
    return Problem{std::string(code::kNicknameDirection), "", {}};
  if (!cps->empty() && std::all_of(cps->begin(), cps->end(), detail::invisible))
    return Problem{std::string(code::kNicknameInvisible), "", {}};
  if (detail::grapheme_count(trimmed) > kMaxNicknameChars)
    return Problem{std::string(code::kNicknameTooLong), "", {{"max", std::to_string(kMaxNicknameChars)}}};
  return std::nullopt;
}

HandoverLoad read_handover(std::string_view text) {
  HandoverLoad out;
  detail::Reporter r{out.problems};
  if (text.size() > kMaxHandoverBytes) {
    too_large(r);
    return out;
  }
  if (std::optional<json> root = open_file(text, r)) out.handover = handover_from(r, *root);
  if (!out.problems.empty()) out.handover.reset();
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Group view
//-----------------------------------------------------------------------------

Stats stats_of(std::vector<int> values_centi) {
  Stats s;
  if (values_centi.empty()) return s;
  std::sort(values_centi.begin(), values_centi.end());
  const std::size_t n = values_centi.size();
  s.count = static_cast<int>(n);
  s.min_centi = values_centi.front();
  s.max_centi = values_centi.back();
  std::int64_t sum = 0;
  for (int v : values_centi) sum += v;
  s.mean_centi = static_cast<int>(div_round_away(sum, static_cast<std::int64_t>(n)));
  const std::size_t mid = n / 2;
  s.median_centi =
      n % 2 == 1
          ? values_centi[mid]
          : static_cast<int>(div_round_away(static_cast<std::int64_t>(values_centi[mid - 1]) + values_centi[mid], 2));
  return s;
}

int Group::participants() const {
  int n = 0;
  for (const GroupPart& part : parts) n += static_cast<int>(part.participants.size());
  return n;
}

void add_files(Group& group, const std::vector<GroupFile>& files) {
  std::vector<Participant> all = in_order(group);
  int next = 1;
  for (const Participant& p : all) next = std::max(next, p.number + 1);
  for (std::size_t i = 0; i < files.size(); ++i) {
    FileError error{static_cast<int>(i), files[i].name, {}};
    detail::Reporter r{error.problems};
    const std::string_view text = files[i].text;
    std::vector<Found> found;
    if (text.size() > kMaxGroupBytes) {
      too_large(r);
    } else if (looks_like_code(text) || (files[i].code && detail::trim(text).substr(0, 1) != "{")) {
      // A code (scanned or typed text that is no JSON object too) is refused as a code, not as broken JSON.
      CodeLoad code = read_handover_code(text);
      for (Problem& p : code.problems) error.problems.push_back(std::move(p));
      if (code.handover) found.push_back({std::move(*code.handover), ""});
    } else if (std::optional<json> root = open_file(text, r)) {
      if (type_of(*root) == kGroupType)
        group_from(r, *root, found);
      else if (text.size() > kMaxHandoverBytes)
        too_large(r);
      else if (std::optional<Handover> h = handover_from(r, *root))
        found.push_back({std::move(*h), ""});
    }
    for (Found& f : found) {
      if (static_cast<int>(all.size()) >= kMaxGroupFiles) {
        r.add(code::kWorkshopTooManyFiles, f.path, {{"max", std::to_string(kMaxGroupFiles)}});
        break;
      }
      all.push_back({f.handover.nickname, next++, std::move(f.handover)});
    }
    if (!error.problems.empty()) group.errors.push_back(std::move(error));
  }
  rebuild(group, all);
}

std::string group_json(const Group& group, std::string_view app_version) {
  json j = file_json(kGroupType, kGroupVersion, app_version);
  json participants = json::array();
  for (const Participant& p : in_order(group)) {
    json one = json::object();
    put_result(one, p.handover);
    participants.push_back(std::move(one));
  }
  j["participants"] = std::move(participants);
  return detail::dump_pretty(j);
}

std::string part_json(const GroupPart& part) {
  const auto stats = [](const Stats& s) {
    return json{{"mean", points(s.mean_centi)},
                {"median", points(s.median_centi)},
                {"min", points(s.min_centi)},
                {"max", points(s.max_centi)}};
  };
  json j = json::object();
  j["participants"] = part.participants.size();
  j["questionnaire"] = json{{"id", part.questionnaire_id}, {"version", part.questionnaire_version}};
  j["total"] = stats(part.total);
  json components = json::array();
  for (Component c : kComponents) components.push_back(stats(part.components[at(c)]));
  j["components"] = std::move(components);
  j["corridors"] = part.corridors;
  j["weakest"] = keys(part.weakest);
  j["topAdvice"] = keys(part.most_frequent_advice);
  return detail::dump_compact(j);
}

}  // namespace ssi::workshop

namespace ssi::workshop {

//-----------------------------------------------------------------------------
// [SECTION] Before and after
//-----------------------------------------------------------------------------

namespace {

// The total of a result in hundredths (the rounded total, like the group view's statistics).
int total_centi(const Handover& h) { return h.total * 100; }

ComparedSide side_of(const GroupPart& part) {
  ComparedSide side;
  side.part = part;
  std::vector<int> totals;
  std::array<std::vector<int>, kComponentCount> components;
  for (const Participant& p : part.participants) {
    totals.push_back(total_centi(p.handover));
    for (Component c : kComponents) components[at(c)].push_back(p.handover.component_centi[at(c)]);
  }
  side.total_spread_centi = spread_of(totals);
  for (Component c : kComponents) side.component_spread_centi[at(c)] = spread_of(components[at(c)]);
  return side;
}

// Nicknames that occur exactly once in a part, with their result.
std::map<std::string, const Handover*> unique_nicknames(const GroupPart& part, std::map<std::string, int>& seen) {
  for (const Participant& p : part.participants)
    if (!p.name.empty()) ++seen[p.name];
  std::map<std::string, const Handover*> out;
  for (const Participant& p : part.participants)
    if (!p.name.empty() && seen[p.name] == 1) out[p.name] = &p.handover;
  return out;
}

std::string csv_points(int centi) {
  const int a = centi < 0 ? -centi : centi;
  const int frac = a % 100;
  return std::string(centi < 0 ? "-" : "") + std::to_string(a / 100) + "." + (frac < 10 ? "0" : "") +
         std::to_string(frac);
}

}  // namespace

int spread_of(const std::vector<int>& values_centi) {
  const std::int64_t n = static_cast<std::int64_t>(values_centi.size());
  if (n < 2) return 0;
  // Variance × n² = n·Σx² − (Σx)², exact for hundredths of points (values ≤ 10 000, n ≤ 200 fit easily).
  std::int64_t sum = 0, squares = 0;
  for (int v : values_centi) {
    sum += v;
    squares += static_cast<std::int64_t>(v) * v;
  }
  const std::int64_t scaled = n * squares - sum * sum;  // ≥ 0
  // round(sqrt(scaled) / n) half up = the largest r with ((2r − 1)·n)² ≤ 4·scaled.
  std::int64_t r = static_cast<std::int64_t>(std::sqrt(static_cast<double>(scaled)) / static_cast<double>(n) + 0.5);
  const auto fits = [&](std::int64_t k) { return k <= 0 || ((2 * k - 1) * n) * ((2 * k - 1) * n) <= 4 * scaled; };
  while (r > 0 && !fits(r)) --r;
  while (fits(r + 1)) ++r;
  return static_cast<int>(r);
}

Comparison compare_groups(const Group& before, const Group& after) {
  Comparison out;
  if (before.parts.empty()) out.problems.push_back({std::string(code::kCompareBeforeEmpty), "", {}});
  if (after.parts.empty()) out.problems.push_back({std::string(code::kCompareAfterEmpty), "", {}});
  if (after.parts.empty()) {
    if (!before.parts.empty()) out.before = side_of(before.parts.front());
    return out;
  }
  const GroupPart& later = after.parts.front();
  out.questionnaire_id = later.questionnaire_id;
  out.questionnaire_version = later.questionnaire_version;
  out.after = side_of(later);
  const GroupPart* earlier = nullptr;
  for (const GroupPart& part : before.parts)
    if (part.questionnaire_id == later.questionnaire_id && part.questionnaire_version == later.questionnaire_version)
      earlier = &part;
  if (!earlier) {
    if (!before.parts.empty())
      out.problems.push_back({std::string(code::kCompareOtherQuestionnaire),
                              "",
                              {{"id", later.questionnaire_id}, {"version", later.questionnaire_version}}});
    return out;
  }
  out.before = side_of(*earlier);
  std::map<std::string, int> seen_before, seen_after;
  const std::map<std::string, const Handover*> first = unique_nicknames(*earlier, seen_before);
  const std::map<std::string, const Handover*> second = unique_nicknames(later, seen_after);
  std::map<std::string, int> twice;  // nicknames left out: said once each
  for (const auto& [name, count] : seen_before)
    if (count > 1 && seen_after.count(name)) twice[name] = 1;
  for (const auto& [name, count] : seen_after)
    if (count > 1 && seen_before.count(name)) twice[name] = 1;
  for (const auto& [name, one] : twice)
    out.problems.push_back({std::string(code::kCompareNicknameTwice), "", {{"nickname", name}}});
  for (const Participant& p : later.participants) {
    const auto a = first.find(p.name), b = second.find(p.name);
    if (a == first.end() || b == second.end() || b->second != &p.handover) continue;
    out.people.push_back({p.name, *a->second, p.handover});
    const int from = static_cast<int>(a->second->corridor), to = static_cast<int>(p.handover.corridor);
    ++(to > from ? out.moved_up : to < from ? out.moved_down : out.stayed);
  }
  return out;
}

std::string comparison_json(const Comparison& c) {
  const auto stats = [](const Stats& s, int spread) {
    return json{{"mean", points(s.mean_centi)},
                {"median", points(s.median_centi)},
                {"spread", points(spread)},
                {"min", points(s.min_centi)},
                {"max", points(s.max_centi)}};
  };
  const auto side = [&](const ComparedSide& s) {
    json components = json::array();
    for (Component k : kComponents)
      components.push_back(stats(s.part.components[at(k)], s.component_spread_centi[at(k)]));
    return json{{"participants", s.part.participants.size()},
                {"total", stats(s.part.total, s.total_spread_centi)},
                {"components", std::move(components)},
                {"corridors", s.part.corridors}};
  };
  json people = json::array();
  for (const PersonChange& p : c.people)
    people.push_back({{"nickname", p.nickname}, {"before", p.before.total}, {"after", p.after.total}});
  json problems = json::array();
  for (const Problem& p : c.problems) problems.push_back(p.code);
  json j = json::object();
  j["questionnaire"] = json{{"id", c.questionnaire_id}, {"version", c.questionnaire_version}};
  j["before"] = side(c.before);
  j["after"] = side(c.after);
  j["movedUp"] = c.moved_up;
  j["movedDown"] = c.moved_down;
  j["stayed"] = c.stayed;
  j["people"] = std::move(people);
  j["problems"] = std::move(problems);
  return detail::dump_compact(j);
}

std::string comparison_csv(const Comparison& c, std::string_view before_name, std::string_view after_name) {
  const std::string names[2] = {store::csv_field(before_name), store::csv_field(after_name)};
  const ComparedSide* sides[2] = {&c.before, &c.after};
  std::string out = std::string(kComparisonCsvHeader) + "\r\n";
  // One line: five values (four components and the total) in hundredths, then corridor and count.
  const auto line = [&](std::string_view row, const std::string& name, const std::string& session,
                        const std::array<int, kComponentCount + 1>& values, std::string_view corridor,
                        const std::string& count) {
    out += std::string(row) + "," + name + "," + session;
    for (int v : values) out += "," + csv_points(v);
    out += "," + std::string(corridor) + "," + count + "\r\n";
  };
  const auto measure = [&](std::string_view row, auto value_of) {
    std::array<int, kComponentCount + 1> v[2];
    for (int s = 0; s < 2; ++s) {
      v[s] = value_of(*sides[s]);
      line(row, "", names[s], v[s], "", std::to_string(sides[s]->part.participants.size()));
    }
    std::array<int, kComponentCount + 1> change{};
    for (std::size_t i = 0; i < change.size(); ++i) change[i] = v[1][i] - v[0][i];
    line(row, "", "change", change, "", "");
  };
  measure("mean", [](const ComparedSide& s) {
    return std::array<int, kComponentCount + 1>{s.part.components[0].mean_centi, s.part.components[1].mean_centi,
                                                s.part.components[2].mean_centi, s.part.components[3].mean_centi,
                                                s.part.total.mean_centi};
  });
  measure("median", [](const ComparedSide& s) {
    return std::array<int, kComponentCount + 1>{s.part.components[0].median_centi, s.part.components[1].median_centi,
                                                s.part.components[2].median_centi, s.part.components[3].median_centi,
                                                s.part.total.median_centi};
  });
  measure("spread", [](const ComparedSide& s) {
    return std::array<int, kComponentCount + 1>{s.component_spread_centi[0], s.component_spread_centi[1],
                                                s.component_spread_centi[2], s.component_spread_centi[3],
                                                s.total_spread_centi};
  });
  for (int s = 0; s < 2; ++s)
    for (int k = 0; k < 4; ++k)
      out += "corridor," + std::string(corridor_key(static_cast<Corridor>(k))) + "," + names[s] + ",,,,,,," +
             std::to_string(sides[s]->part.corridors[static_cast<std::size_t>(k)]) + "\r\n";
  out += "moved,up,,,,,,,," + std::to_string(c.moved_up) + "\r\n";
  out += "moved,down,,,,,,,," + std::to_string(c.moved_down) + "\r\n";
  out += "moved,same,,,,,,,," + std::to_string(c.stayed) + "\r\n";
  for (const PersonChange& p : c.people) {
    const std::string name = store::csv_field(p.nickname);
    const Handover* h[2] = {&p.before, &p.after};
    std::array<int, kComponentCount + 1> v[2];
    for (int s = 0; s < 2; ++s) {
      for (Component k : kComponents) v[s][at(k)] = h[s]->component_centi[at(k)];
      v[s][kComponentCount] = total_centi(*h[s]);
      line("person", name, names[s], v[s], corridor_key(h[s]->corridor), "");
    }
    std::array<int, kComponentCount + 1> change{};
    for (std::size_t i = 0; i < change.size(); ++i) change[i] = v[1][i] - v[0][i];
    const int moved = static_cast<int>(p.after.corridor) - static_cast<int>(p.before.corridor);
    line("person", name, "change", change, moved > 0 ? "up" : moved < 0 ? "down" : "same", "");
  }
  return out;
}

}  // namespace ssi::workshop
