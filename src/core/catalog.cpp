// The localised message catalogue (content/messages.json, content/ui.json).
#include <algorithm>

#include "core/codes.h"
#include "core/json_util.h"
#include "core/ssi.h"

namespace ssi {
namespace {

bool placeholder_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Length of the placeholder name starting after '{' at text[open], or 0 if text[open..] is no placeholder.
std::size_t placeholder_at(std::string_view text, std::size_t open) {
  std::size_t i = open + 1;
  while (i < text.size() && placeholder_char(text[i])) ++i;
  if (i == open + 1 || i >= text.size() || text[i] != '}') return 0;
  return i - open - 1;
}

}  // namespace

std::vector<std::string> placeholders(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    if (std::size_t n = placeholder_at(text, i)) {
      out.emplace_back(text.substr(i + 1, n));
      i += n + 1;
    }
  }
  return out;
}

CatalogLoad Catalog::load(std::string_view text) {
  CatalogLoad out;
  detail::Reporter r{out.problems};
  std::optional<detail::json> doc = detail::parse(text, out.problems);
  if (!doc) return out;
  if (!doc->is_object()) {
    r.add(code::kNotObject, "");
    return out;
  }
  Catalog catalog;
  for (auto it = doc->begin(); it != doc->end(); ++it) {
    const std::string& key = it.key();
    if (key.empty()) {
      r.add(code::kEmptyKey, "");
      continue;
    }
    std::optional<Text> t = r.text_value(it.value(), key);
    if (!t) continue;
    std::vector<std::string> de = placeholders(t->de), en = placeholders(t->en);
    std::sort(de.begin(), de.end());
    de.erase(std::unique(de.begin(), de.end()), de.end());
    std::sort(en.begin(), en.end());
    en.erase(std::unique(en.begin(), en.end()), en.end());
    if (de != en) {
      auto list = [](const std::vector<std::string>& names) {
        std::string s;
        for (const auto& n : names) s += (s.empty() ? "{" : ", {") + n + "}";
        return s.empty() ? std::string("-") : s;
      };
      r.add(code::kPlaceholderMismatch, key, {{"de", list(de)}, {"en", list(en)}});
      continue;
    }
    catalog.entries_.emplace(key, std::move(*t));
  }
  if (out.problems.empty()) out.catalog = std::move(catalog);
  return out;
}

bool Catalog::merge(const Catalog& other, std::vector<std::string>* duplicates) {
  bool ok = true;
  for (const auto& [key, text] : other.entries_) {
    if (!entries_.emplace(key, text).second) {
      ok = false;
      if (duplicates) duplicates->push_back(key);
    }
  }
  return ok;
}

std::string Catalog::format(std::string_view key, Lang lang, const Args& args) const {
  const Text* t = find(key);
  if (!t) return std::string(key);
  std::string_view text = t->get(lang);
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      if (std::size_t n = placeholder_at(text, i)) {
        std::string_view name = text.substr(i + 1, n);
        auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
        if (arg != args.end()) {
          out += arg->second;
          i += n + 1;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

bool Catalog::has(std::string_view key) const { return entries_.find(key) != entries_.end(); }

const Text* Catalog::find(std::string_view key) const {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

std::vector<std::string> Catalog::keys() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const auto& [key, text] : entries_) out.push_back(key);
  return out;
}

std::string describe(const Catalog& messages, const Problem& problem, Lang lang) {
  std::string message = messages.format(problem.code, lang, problem.args);
  if (problem.path.empty()) return message;
  if (!messages.has("problem.at_path")) return problem.path + ": " + message;
  return messages.format("problem.at_path", lang, {{"path", problem.path}, {"message", message}});
}

}  // namespace ssi

namespace ssi {

TextsJoin join_texts(std::string_view skeleton, std::string_view texts_de, std::string_view texts_en,
                     std::string_view rare_de, std::string_view rare_en) {
  constexpr char kMark = '\x01', kRare = '\x02';
  TextsJoin out;
  auto lines = [](std::string_view texts) {
    std::vector<std::string_view> result;
    for (std::size_t start = 0; start < texts.size();) {
      std::size_t end = texts.find('\n', start);
      if (end == std::string_view::npos) end = texts.size();
      result.push_back(texts.substr(start, end - start));
      start = end + 1;
    }
    return result;
  };
  const auto count = [&](std::string_view lang, const std::vector<std::string_view>& texts, std::size_t marks) {
    if (!texts.empty() && texts.size() != marks)
      out.problems.push_back(Problem{
          std::string(code::kTextsCount),
          "",
          {{"lang", std::string(lang)}, {"found", std::to_string(texts.size())}, {"expected", std::to_string(marks)}}});
  };
  const std::vector<std::string_view> de = lines(texts_de), en = lines(texts_en);
  const std::vector<std::string_view> rde = lines(rare_de), ren = lines(rare_en);
  const auto marks = static_cast<std::size_t>(std::count(skeleton.begin(), skeleton.end(), kMark));
  const auto rare_marks = static_cast<std::size_t>(std::count(skeleton.begin(), skeleton.end(), kRare));
  count("de", de, marks);
  count("en", en, marks);
  count("de", rde, rare_marks);
  count("en", ren, rare_marks);
  if (de.empty() && en.empty() && marks > 0)
    out.problems.push_back(Problem{
        std::string(code::kTextsCount), "", {{"lang", "de"}, {"found", "0"}, {"expected", std::to_string(marks)}}});
  if (!out.problems.empty()) return out;
  out.rare_missing = rde.empty() && ren.empty() && rare_marks > 0;
  const std::vector<std::string_view>& first = de.empty() ? en : de;
  const std::vector<std::string_view>& second = en.empty() ? de : en;
  const std::vector<std::string_view>& rare_first = rde.empty() ? ren : rde;
  const std::vector<std::string_view>& rare_second = ren.empty() ? rde : ren;
  const std::string stand_in = "\"" + std::string(kRareStandIn) + "\"";
  std::string file;
  std::size_t next = 0, next_rare = 0;
  auto add = [&] {
    const std::size_t space = std::min(file.find(' '), file.size());
    out.files[file.substr(0, space)] = file.substr(std::min(space + 1, file.size()));
    file.clear();
  };
  auto text = [&](std::string_view in_de, std::string_view in_en) {
    file.append("{\"de\":").append(in_de).append(",\"en\":").append(in_en).append("}");
  };
  for (std::size_t at = 0; at < skeleton.size();) {
    const std::size_t stop = std::min(skeleton.find_first_of("\n\x01\x02", at), skeleton.size());
    file.append(skeleton.substr(at, stop - at));
    if (stop < skeleton.size() && skeleton[stop] == kMark) {
      text(first[next], second[next]);
      ++next;
    } else if (stop < skeleton.size() && skeleton[stop] == kRare) {
      if (out.rare_missing)
        text(stand_in, stand_in);
      else
        text(rare_first[next_rare], rare_second[next_rare]);
      ++next_rare;
    } else if (stop < skeleton.size()) {
      add();
    }
    at = stop + 1;
  }
  if (!file.empty()) add();
  return out;
}

}  // namespace ssi
