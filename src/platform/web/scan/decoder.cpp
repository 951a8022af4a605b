// The scanner's own QR decoder (scan.wasm): ZXing's QR reader over one grey-level camera frame. The page loads it
// only when the scanner opens in a browser without BarcodeDetector (src/platform/web/browser.cpp, ssi_js_scanner).
#include <emscripten/emscripten.h>
#include <zxing/BinaryBitmap.h>
#include <zxing/DecodeHints.h>
#include <zxing/Exception.h>
#include <zxing/common/GreyscaleLuminanceSource.h>
#include <zxing/common/HybridBinarizer.h>
#include <zxing/qrcode/QRCodeReader.h>

#include <cstdint>
#include <string>
#include <vector>

namespace {
std::vector<zxing::byte> frame;
std::string text;
}  // namespace

extern "C" {
// Where the page writes the next frame (w × h grey levels, row by row); reused while the size stays.
EMSCRIPTEN_KEEPALIVE uint8_t* ssi_scan_frame(int w, int h) {
  frame.resize(static_cast<size_t>(w > 0 ? w : 0) * static_cast<size_t>(h > 0 ? h : 0));
  return frame.data();
}

// The QR code's text in the frame (UTF-8, valid until the next call), or null when there is none to read.
EMSCRIPTEN_KEEPALIVE const char* ssi_scan_decode(int w, int h) {
  if (w <= 0 || h <= 0 || frame.size() != static_cast<size_t>(w) * static_cast<size_t>(h)) return nullptr;
  try {
    QSharedPointer<std::vector<zxing::byte>> grey(new std::vector<zxing::byte>(frame));
    QSharedPointer<zxing::LuminanceSource> source(new zxing::GreyscaleLuminanceSource(grey, w, h, 0, 0, w, h));
    QSharedPointer<zxing::Binarizer> binarizer(new zxing::HybridBinarizer(source));
    QSharedPointer<zxing::BinaryBitmap> bitmap(new zxing::BinaryBitmap(binarizer));
    zxing::DecodeHints hints(zxing::DecodeHints::QR_CODE_HINT);
    hints.setTryHarder(true);
    zxing::qrcode::QRCodeReader reader;
    text = reader.decode(bitmap, hints)->getText()->getText();
    return text.c_str();
  } catch (const zxing::Exception&) {
    return nullptr;  // ZXing says "no code here" (or an unreadable one) by throwing
  }
}
}
