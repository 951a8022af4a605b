// Text checks every reader shares (json_util.h): control characters, trimming, UTF-8 and its encoding, code
// points and grapheme starts, identifiers, and exact decimals in hundredths. JSON access is in json_util.cpp.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "core/codes.h"
#include "core/json_util.h"

namespace ssi::detail {
namespace {

// Eight bytes at a time: each test sets a byte's high bit where it may hold (false alarms, no misses).
constexpr std::uint64_t kOnes = 0x0101010101010101u, kHigh = kOnes * 0x80;
std::uint64_t eight_bytes(std::string_view s, std::size_t i) {
  std::uint64_t x;
  std::memcpy(&x, s.data() + i, 8);
  return x;
}
constexpr std::uint64_t any_zero(std::uint64_t x) { return (x - kOnes) & ~x & kHigh; }
constexpr std::uint64_t any_equal(std::uint64_t x, unsigned char c) { return any_zero(x ^ (kOnes * c)); }
constexpr std::uint64_t any_below(std::uint64_t x, unsigned char c) { return (x - kOnes * c) & ~x & kHigh; }

}  // namespace

bool control_character(std::string_view s, bool allow_line_breaks) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Eight printable ASCII bytes at once (the bit tricks may send a clean run the slow way, never a control).
    while (s.size() - i >= 8) {
      const std::uint64_t x = eight_bytes(s, i);
      if ((x & kHigh) | any_below(x, 0x20) | any_equal(x, 0x7F)) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0x7F) return true;
    // C1 controls U+0080–U+009F are C2 80 – C2 9F in UTF-8.
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F &&
        static_cast<unsigned char>(s[i + 1]) >= 0x80)
      return true;
    if (c >= 0x20) continue;
    if (allow_line_breaks && (c == '\n' || c == '\r' || c == '\t')) continue;
    return true;
  }
  return false;
}

//-----------------------------------------------------------------------------
// Text helpers
//-----------------------------------------------------------------------------

bool blank(std::string_view text) {
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

std::string_view trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
      s.remove_prefix(1);
    else if (s.substr(0, 2) == "\xC2\xA0")
      s.remove_prefix(2);
    else if (s.substr(0, 3) == "\xE2\x80\xAF")
      s.remove_prefix(3);
    else
      break;
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
      s.remove_suffix(1);
    else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0")
      s.remove_suffix(2);
    else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xAF")
      s.remove_suffix(3);
    else
      break;
  }
  return s;
}

std::string shorten(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return std::string(text.substr(0, cut)) + "...";
}

std::size_t find_special(std::string_view s, std::size_t from, char a, char b) {
  const auto ua = static_cast<unsigned char>(a), ub = static_cast<unsigned char>(b);
  // A byte that may be below 0x20, at or above 0x80, `a` or `b`.
  const auto maybe = [&](std::uint64_t x) {
    return (x & kHigh) | any_below(x, 0x20) | any_equal(x, ua) | any_equal(x, ub);
  };
  std::size_t i = from;
  while (i < s.size()) {
    if (s.size() - i >= 8) {
      if (!maybe(eight_bytes(s, i))) {
        i += 8;
        continue;
      }
    }
    for (const std::size_t stop = std::min(i + 8, s.size()); i < stop; ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 || c >= 0x80 || c == ua || c == ub) return i;
    }
  }
  return s.size();
}

std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF)
    n = 2;
  else if (b0 == 0xE0)
    n = 3, lo = 0xA0;  // no overlong forms
  else if (b0 == 0xED)
    n = 3, hi = 0x9F;  // no surrogates
  else if (b0 >= 0xE1 && b0 <= 0xEF)
    n = 3;
  else if (b0 == 0xF0)
    n = 4, lo = 0x90;
  else if (b0 == 0xF4)
    n = 4, hi = 0x8F;  // at most U+10FFFF
  else if (b0 >= 0xF1 && b0 <= 0xF3)
    n = 4;
  else
    return 0;
  if (i + n > s.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  return n;
}

std::optional<std::size_t> utf8_length(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++count) {
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) return std::nullopt;
    i += n;
  }
  return count;
}

namespace {
// The start of a valid multi-byte sequence that the end of the text cuts short.
bool cut_sequence(std::string_view rest) {
  const auto lead = static_cast<unsigned char>(rest[0]);
  const std::size_t need = lead >= 0xC2 && lead <= 0xDF   ? 2
                           : lead >= 0xE0 && lead <= 0xEF ? 3
                           : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                          : 0;
  if (need == 0 || rest.size() >= need) return false;
  for (std::size_t k = 1; k < rest.size(); ++k)
    if ((static_cast<unsigned char>(rest[k]) & 0xC0) != 0x80) return false;
  return true;
}
}  // namespace

Args place_in(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < std::min(offset, text.size()); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count UTF-8 characters, not bytes
    }
  }
  return Args{{"line", std::to_string(line)}, {"column", std::to_string(column)}};
}

std::optional<Problem> check_encoding(std::string_view& text) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const Problem utf16{std::string(code::kUtf16), "", {}};
  if (text.size() >= 2 && ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF))) return utf16;
  if (text.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) text.remove_prefix(3);
  // JSON starts with an ASCII character: a NUL beside it means two or four bytes per character.
  if (text.size() >= 2 && (byte(0) == 0) != (byte(1) == 0) && (byte(0) | byte(1)) < 0x80) return utf16;
  // The line and column of a problem are counted only for it (place_in): per byte they were half of reading the
  // content.
  for (std::size_t i = 0; i < text.size();) {
    if (text.size() - i >= 8) {
      const std::uint64_t x = eight_bytes(text, i);
      if (((x & kHigh) | any_zero(x)) == 0) {  // eight ASCII bytes, none of them NUL
        i += 8;
        continue;
      }
    }
    if (byte(i) == 0) return Problem{std::string(code::kNulByte), "", place_in(text, i)};
    const std::size_t n = utf8_sequence(text, i);
    if (n == 0 && cut_sequence(text.substr(i))) break;  // cut inside a character: the text broke off
    if (n == 0) return Problem{std::string(code::kInvalidUtf8), "", place_in(text, i)};
    i += n;
  }
  return std::nullopt;
}

//-----------------------------------------------------------------------------
// Identifiers and names
//-----------------------------------------------------------------------------

bool bidi_control(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool invisible(char32_t cp) {
  return cp == 0x00AD || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x1680 || cp == 0x17B4 || cp == 0x17B5 ||
         cp == 0x180E || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
         (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0x1D173 && cp <= 0x1D17A) ||
         (cp >= 0xE0000 && cp <= 0xE0FFF) || cp == 0x00A0;
}

std::optional<std::u32string> code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) return std::nullopt;
    const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
    char32_t cp = n == 1 ? b(0) : n == 2 ? (b(0) & 0x1F) : n == 3 ? (b(0) & 0x0F) : (b(0) & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (b(k) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

namespace {
// Code points that never start a user-perceived character: combining marks of the common scripts, variation
// selectors, skin-tone modifiers, the keycap and enclosing marks, tags, ZWJ and ZWNJ.
bool extends(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) || (cp >= 0x0591 && cp <= 0x05BD) ||
         (cp >= 0x05BF && cp <= 0x05C7) || (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x064B && cp <= 0x065F) ||
         cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED) || (cp >= 0x0900 && cp <= 0x0903) ||
         (cp >= 0x093A && cp <= 0x094F && cp != 0x093D) || (cp >= 0x0951 && cp <= 0x0957) ||
         (cp >= 0x0962 && cp <= 0x0963) || (cp >= 0x0E31 && cp <= 0x0E3A && cp != 0x0E32 && cp != 0x0E33) ||
         (cp >= 0x0E47 && cp <= 0x0E4E) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         cp == 0x200C || cp == 0x200D || (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0x302A && cp <= 0x302F) ||
         cp == 0x3099 || cp == 0x309A || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
         (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}
bool regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }
}  // namespace

std::vector<std::size_t> grapheme_starts(std::string_view s) {
  std::vector<std::size_t> starts;
  bool after_zwj = false, open_flag = false;  // a regional indicator waits for its pair
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence(s, i);
    std::optional<std::u32string> one = n ? code_points(s.substr(i, n)) : std::nullopt;
    const char32_t cp = one ? (*one)[0] : 0xFFFD;
    if (n == 0) n = 1;  // a broken byte is a character of its own
    const bool joins = !starts.empty() && (extends(cp) || after_zwj || (regional_indicator(cp) && open_flag));
    if (!joins) starts.push_back(i);
    open_flag = regional_indicator(cp) && !(joins && open_flag);
    after_zwj = cp == 0x200D;
    i += n;
  }
  starts.push_back(s.size());
  return starts;
}

std::size_t grapheme_count(std::string_view s) { return grapheme_starts(s).size() - 1; }

bool valid_identifier(std::string_view id, std::size_t max, bool lower_only) {
  if (id.empty() || id.size() > max) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
                    (!lower_only && ((c >= 'A' && c <= 'Z') || c == ':'));
    if (!ok) return false;
  }
  return true;
}

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

CentiParse parse_centi(std::string_view s, int max_centi) {
  CentiParse out;
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  const std::size_t sep = s.find_first_of(",.");
  const std::string_view whole = s.substr(0, sep);
  const std::string_view frac = sep == std::string_view::npos ? std::string_view() : s.substr(sep + 1);
  if (!digits(whole) || (sep != std::string_view::npos && !digits(frac))) {
    out.error = CentiError::NotANumber;
    return out;
  }
  if (frac.size() > 2) {
    out.error = CentiError::TooManyDecimals;
    return out;
  }
  // Leading zeros aside, more than seven digits is out of any range here; never overflow.
  std::string_view w = whole;
  while (w.size() > 1 && w.front() == '0') w.remove_prefix(1);
  if (w.size() > 7) {
    out.error = CentiError::OutOfRange;
    return out;
  }
  int centi = to_int(w) * 100;
  if (frac.size() >= 1) centi += (frac[0] - '0') * 10;
  if (frac.size() == 2) centi += frac[1] - '0';
  if ((negative && centi != 0) || centi > max_centi) {
    out.error = CentiError::OutOfRange;
    return out;
  }
  out.centi = centi;
  return out;
}

}  // namespace ssi::detail
