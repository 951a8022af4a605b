// SSI Self-Check — the hand-over as a short text for a QR code: what a participant's screen shows as a QR code
// (and as numbers to type), and what the trainer's group view reads from a scan or typed by hand. Plain C++20
// like the rest of the core: every function is total and reports problems instead of failing.
//
// Index of this file:
// [SECTION] Format
// [SECTION] Writing and reading
// The format is documented in docs/data-format.md ("The hand-over code").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/workshop.h"

namespace ssi::workshop {

//-----------------------------------------------------------------------------
// [SECTION] Format
//-----------------------------------------------------------------------------
// Fields separated by ';', the checksum last:
//   SSIH;1;ssi-selfcheck;1.0.0;1250;1000;725;1530;2026-11-29;Anna;4F2A9C1B
//   tag; version; questionnaire id; questionnaire version; brand; find; engage; relationships (hundredths,
//   0–2500); the day handed over (YYYY-MM-DD); nickname (may be empty, may hold ';'); CRC-32 (IEEE) of everything
//   before the last ';', eight upper-case hex digits.
// The total and corridor are not carried: they follow from the components as in a hand-over file.
inline constexpr std::string_view kCodeTag = "SSIH";
inline constexpr int kCodeVersion = 1;

//-----------------------------------------------------------------------------
// [SECTION] Writing and reading
//-----------------------------------------------------------------------------

// The code of a hand-over made on `date` (YYYY-MM-DD).
std::string handover_code(const Handover& handover, std::string_view date);

// Whether a text is meant as a hand-over code (it starts with the tag and a ';', after blanks): the group view
// then reads it as one, and a wrong one is refused as a code.
bool looks_like_code(std::string_view text);

struct CodeLoad {
  std::optional<Handover> handover;  // set only when there are no problems
  std::string date;                  // the day it was handed over
  std::vector<Problem> problems;
  bool ok() const { return handover.has_value() && problems.empty(); }
};

// Reads a code with the limits and messages of a hand-over file (docs/data-format.md): size (workshop.too_large),
// empty (workshop.empty), invalid UTF-8, NUL or control characters (json.invalid_utf8, json.nul_byte,
// json.control_character), another tag (workshop.wrong_type), a version not 1 (field.not_integer,
// workshop.future_version, workshop.unknown_version), too few fields (workshop.code_fields), a wrong checksum
// (workshop.code_checksum), questionnaire id and version rules, components that are not 0–2500 hundredths
// (field.not_integer, field.out_of_range), the date (date.malformed, date.invalid), the nickname rules
// (check_nickname). Blanks around the whole code (a scanner's line break) are ignored.
CodeLoad read_handover_code(std::string_view text);

}  // namespace ssi::workshop
