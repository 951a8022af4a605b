#pragma once
// The hand-over code as a QR code: the modules of Nayuki's QR Code generator (.deps/, scripts/setup), for the
// hand-over screen to draw.
#include <cstdint>
#include <string>
#include <vector>

namespace ssi::app {

struct QrModules {
  int size = 0;                    // modules per side (21 for version 1, 4 more per version)
  std::vector<std::uint8_t> dark;  // size × size, row by row: 1 = dark
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x] != 0; }
};

// The QR code of `text` (UTF-8, no NUL; at most a few hundred bytes) with error correction level M (15 %: a
// reflection on a phone's screen may hide some of it), the smallest version that holds it.
QrModules qr_modules(const std::string& text);

}  // namespace ssi::app
