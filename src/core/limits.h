// SSI Self-Check — one set of input limits for every reader of text from elsewhere: the stored document, export
// and import, the hand-over and group files, a trainer's questionnaire, saved answers. Every reader takes its
// numbers from here; docs/data-format.md ("Limits") shows them as one table. Plain constants, no code.
//
// Index of this file:
// [SECTION] Storage budget
// [SECTION] File sizes per kind
// [SECTION] Shape of any file
// [SECTION] Identifiers and names
#pragma once

#include <cstddef>

namespace ssi::limits {

//-----------------------------------------------------------------------------
// [SECTION] Storage budget
//-----------------------------------------------------------------------------
// Browsers give an origin about 5 MiB of localStorage (5 242 880 UTF-16 code units in Chromium and Firefox).
// The document is capped well below that, so a kept copy of an unreadable one (which the app wrote, so it is
// at most as large) and a trainer's questionnaire still fit beside it: 2 + 2 + 0.25 MiB < 5 MiB.
inline constexpr std::size_t kStorageQuotaBytes = 5 * 1024 * 1024;  // assumed when the browser cannot say
inline constexpr std::size_t kMaxStoredBytes = 2 * 1024 * 1024;     // the document as the app writes it
inline constexpr std::size_t kMaxEntries = 1500;                    // self-checks and real entries together

//-----------------------------------------------------------------------------
// [SECTION] File sizes per kind (bytes of the file as read)
//-----------------------------------------------------------------------------
inline constexpr std::size_t kMaxStoredReadBytes = 5 * 1024 * 1024;  // a stored text larger than this is kept, not read
inline constexpr std::size_t kMaxImportBytes =
    5 * 1024 * 1024;                                         // an export of a full document is ~1.5x its stored size
inline constexpr std::size_t kMaxHandoverBytes = 64 * 1024;  // a real hand-over is under 1 KiB
inline constexpr std::size_t kMaxGroupBytes = 1024 * 1024;   // 200 results: ~80 KiB
inline constexpr std::size_t kMaxQuestionnaireBytes = 256 * 1024;  // ours is ~70 KiB; stored beside the document
inline constexpr std::size_t kMaxAnswersBytes = 256 * 1024;        // a saved answers file is ~10 KiB
// Files picked or dropped at once (a trainer may select a folder): one is read up to kMaxImportBytes, each of
// several up to kMaxGroupBytes; files past these two limits are not read at all, only named as skipped.
inline constexpr std::size_t kMaxPickedFiles = 250;
inline constexpr std::size_t kMaxPickedTotalBytes = 64 * 1024 * 1024;

//-----------------------------------------------------------------------------
// [SECTION] Shape of any file
//-----------------------------------------------------------------------------
inline constexpr int kMaxDepth = 32;                   // nesting of [ and {, checked before parsing
inline constexpr std::size_t kMaxStringBytes = 10000;  // any string or key (UTF-8 bytes), notes included
inline constexpr std::size_t kMaxProblems = 50;        // problems reported per file
// Integers are read as signed 64-bit values; anything beyond (18446744073709551516) is out of range, never wrapped.

//-----------------------------------------------------------------------------
// [SECTION] Identifiers and names
//-----------------------------------------------------------------------------
inline constexpr std::size_t kMaxIdBytes = 64;             // entry ids, a questionnaire's id
inline constexpr std::size_t kMaxVersionBytes = 32;        // a questionnaire's version
inline constexpr std::size_t kMaxNicknameCharacters = 40;  // user-perceived characters (grapheme clusters)
inline constexpr int kMaxGroupParticipants = 200;

}  // namespace ssi::limits
