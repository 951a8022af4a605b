#pragma once
// Dear ImGui compile-time configuration for SSI Self-Check (set through IMGUI_USER_CONFIG).

// The product never shows ImGui's demo or its debug/metrics tools; compiling them out saves ~100 KB of wasm.
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_DEBUG_TOOLS
// Keep the API honest: only current, non-deprecated functions.
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_KEYIO
// No imgui.ini, no OS shell or clipboard helpers: settings live in the app's own storage and the
// platform layer provides the clipboard.
#define IMGUI_DISABLE_FILE_FUNCTIONS
#define IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS
#define IMGUI_DISABLE_WIN32_FUNCTIONS
// 32-bit indices: the dashboard's anti-aliased arcs and long translated texts can exceed 64k vertices
// in one draw list on a large screen.
#define ImDrawIdx unsigned int
// ImVec2/ImVec4 arithmetic (a + b, a * s) everywhere in the app's layout code.
#define IMGUI_DEFINE_MATH_OPERATORS
