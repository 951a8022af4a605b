// The hand-over as a short text for a QR code (core/handover_code.h). It comes from another person's device like
// a hand-over file, so it is read with the same limits and messages: the size, the encoding, the kind and version,
// then (once the checksum shows the text arrived whole) every field, with the same identifier, value and nickname
// rules as the file.
#include "core/handover_code.h"

#include <array>
#include <cstdint>

#include "core/codes.h"
#include "core/json_util.h"
#include "core/store.h"

namespace ssi::workshop {
namespace {

constexpr char kSeparator = ';';
constexpr std::size_t kFixedFields = 9;  // tag … date; then the nickname and the checksum

// CRC-32 (IEEE 802.3, reflected, as zlib computes it), bit by bit: a code is a few dozen bytes.
std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char b : bytes) {
    crc ^= b;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::string hex8(std::uint32_t v) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = kDigits[v & 15u];
  return out;
}

// The byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t invalid_utf8_at(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char lead = static_cast<unsigned char>(s[i]);
    const std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (i + n > s.size() || !detail::utf8_length(s.substr(i, n))) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::string component_path(Component c) { return detail::join("components", component_key(c)); }

}  // namespace

std::string handover_code(const Handover& h, std::string_view date) {
  std::string body = std::string(kCodeTag) + kSeparator + std::to_string(kCodeVersion) + kSeparator +
                     h.questionnaire_id + kSeparator + h.questionnaire_version;
  for (Component c : kComponents) body += kSeparator + std::to_string(h.component_centi[static_cast<std::size_t>(c)]);
  body += kSeparator + std::string(date) + kSeparator + h.nickname;
  return body + kSeparator + hex8(crc32(body));
}

bool looks_like_code(std::string_view text) {
  const std::string_view t = detail::trim(text);
  return t.size() > kCodeTag.size() && t.substr(0, kCodeTag.size()) == kCodeTag && t[kCodeTag.size()] == kSeparator;
}

CodeLoad read_handover_code(std::string_view text) {
  CodeLoad out;
  detail::Reporter r{out.problems};
  if (text.size() > kMaxHandoverBytes) {
    r.add(code::kWorkshopTooLarge, "", {{"max", std::to_string(kMaxHandoverBytes / 1024)}});
    return out;
  }
  if (detail::blank(text)) {
    r.add(code::kWorkshopEmpty, "");
    return out;
  }
  const std::string_view t = detail::trim(text);
  if (const std::size_t nul = t.find('\0'); nul != std::string_view::npos) {
    r.add(code::kNulByte, "", {{"line", "1"}, {"column", std::to_string(nul + 1)}});
    return out;
  }
  if (const std::size_t bad = invalid_utf8_at(t); bad != std::string_view::npos) {
    r.add(code::kInvalidUtf8, "", {{"line", "1"}, {"column", std::to_string(bad + 1)}});
    return out;
  }
  if (detail::control_character(t, /*allow_line_breaks=*/false)) {
    r.add(code::kControlCharacter, "");
    return out;
  }
  // The fixed fields from the left; the checksum after the last separator; the nickname in between.
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (fields.size() < kFixedFields) {
    const std::size_t end = t.find(kSeparator, start);
    if (end == std::string_view::npos) break;
    fields.push_back(t.substr(start, end - start));
    start = end + 1;
  }
  const std::string_view tag = fields.empty() ? t.substr(0, t.find(kSeparator)) : fields[0];
  if (tag != kCodeTag) {
    r.add(code::kWorkshopWrongType, "", {{"found", detail::shorten(tag)}});
    return out;
  }
  const std::string_view version = fields.size() > 1 ? fields[1] : t.substr(start);
  if (!detail::digits(version) || version.size() > 9) {
    r.add(code::kNotInteger, "version");
    return out;
  }
  const int v = detail::to_int(version);
  if (v > kCodeVersion) {
    r.add(code::kWorkshopFutureVersion, "version",
          {{"found", std::string(version)}, {"expected", std::to_string(kCodeVersion)}});
    return out;
  }
  if (v < 1) {
    r.add(code::kWorkshopUnknownVersion, "version", {{"found", std::string(version)}});
    return out;
  }
  const std::size_t last = t.rfind(kSeparator);
  if (fields.size() < kFixedFields || last < start) {
    r.add(code::kCodeFields, "", {{"expected", std::to_string(kFixedFields + 2)}});
    return out;
  }
  const std::string_view checksum = t.substr(last + 1);
  if (checksum != hex8(crc32(t.substr(0, last)))) {
    r.add(code::kCodeChecksum, "checksum");
    return out;
  }
  Handover h;
  h.questionnaire_id = std::string(fields[2]);
  h.questionnaire_version = std::string(fields[3]);
  if (!detail::valid_questionnaire_id(fields[2]))
    r.add(code::kInvalidQuestionnaireId, "questionnaire.id",
          {{"id", detail::shorten(fields[2])}, {"max", std::to_string(limits::kMaxIdBytes)}});
  if (!detail::valid_questionnaire_version(fields[3]))
    r.add(code::kInvalidVersion, "questionnaire.version",
          {{"version", detail::shorten(fields[3])}, {"max", std::to_string(limits::kMaxVersionBytes)}});
  int sum = 0;
  for (Component c : kComponents) {
    const std::string_view value = fields[4 + static_cast<std::size_t>(c)];
    const std::string path = component_path(c);
    if (!detail::digits(value) || value.size() > 9) {
      r.add(code::kNotInteger, path);
    } else if (const int centi = detail::to_int(value); centi > kComponentMax * 100) {
      r.add(code::kOutOfRange, path,
            {{"value", std::string(value)}, {"min", "0"}, {"max", std::to_string(kComponentMax * 100)}});
    } else {
      h.component_centi[static_cast<std::size_t>(c)] = centi;
      sum += centi;
    }
  }
  if (std::optional<Problem> p = store::check_date(fields[8])) {
    p->path = "date";
    out.problems.push_back(std::move(*p));
  }
  const std::string_view nickname = t.substr(start, last - start);
  if (std::optional<Problem> p = check_nickname(nickname)) {
    p->path = "nickname";
    out.problems.push_back(std::move(*p));
  } else {
    h.nickname = std::string(detail::trim(nickname));
  }
  if (!out.problems.empty()) return out;
  h.total = round_total(sum);
  h.corridor = corridor_for(h.total);
  out.date = std::string(fields[8]);
  out.handover = std::move(h);
  return out;
}

}  // namespace ssi::workshop
