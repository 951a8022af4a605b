// Qt's qglobal.h, as far as ZXing's C++ port bundled by QZXing uses it (scan.wasm only).
#pragma once

#define Q_UNUSED(x) (void)x;
