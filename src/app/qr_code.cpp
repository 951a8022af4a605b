// QR modules from Nayuki's generator, its C version (a quarter of the C++ version's size in the page). Its only
// failure (data too long) cannot happen for a hand-over code, far below the 2 331 bytes of version 40 at level M;
// it would leave no QR code drawn, and the code still shown as text.
#include "app/qr_code.h"

#include <qrcodegen.h>

namespace ssi::app {

QrModules qr_modules(const std::string& text) {
  std::vector<std::uint8_t> work(qrcodegen_BUFFER_LEN_MAX), code(qrcodegen_BUFFER_LEN_MAX);
  QrModules out;
  if (!qrcodegen_encodeText(text.c_str(), work.data(), code.data(), qrcodegen_Ecc_MEDIUM, qrcodegen_VERSION_MIN,
                            qrcodegen_VERSION_MAX, qrcodegen_Mask_AUTO, true))
    return out;
  out.size = qrcodegen_getSize(code.data());
  out.dark.resize(static_cast<std::size_t>(out.size) * out.size);
  for (int y = 0; y < out.size; ++y)
    for (int x = 0; x < out.size; ++x)
      out.dark[static_cast<std::size_t>(y) * out.size + x] = qrcodegen_getModule(code.data(), x, y) ? 1 : 0;
  return out;
}

}  // namespace ssi::app
