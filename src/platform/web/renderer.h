#pragma once
// WebGL2 renderer for Dear ImGui draw data and for the app's shader-drawn gauges.
// Shaders come from shaders/*.vert|frag, embedded at build time.
#include <string>

struct ImDrawData;
struct ImDrawList;
struct ImDrawCmd;

namespace ssi::platform {

class Renderer {
 public:
  // Compiles the shaders and creates buffers. Returns false (and a message naming the shader) when the
  // ImGui pipeline cannot be built; the gauge pipeline failing is not fatal: gauges fall back to
  // ImDrawList arcs and gauge_error() says why.
  bool init(std::string* error);

  // Uploads ImGui's font atlas as a texture (call after every atlas rebuild).
  void upload_fonts();

  // Draws one frame: clear colour, then the draw lists, in device pixels (data->FramebufferScale = devicePixelRatio).
  void render(const ImDrawData* data, float clear_rgba[4]);

  bool gauges_available() const { return gauge_program_ != 0; }
  const std::string& gauge_error() const { return gauge_error_; }

 private:
  void setup_state(const ImDrawData* data, int fb_width, int fb_height);
  static void draw_gauge_callback(const ImDrawList* list, const ImDrawCmd* cmd);

  unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, font_texture_ = 0;
  int loc_projection_ = -1, loc_texture_ = -1;

  unsigned gauge_program_ = 0, gauge_vao_ = 0, gauge_vbo_ = 0;
  std::string gauge_error_;
  float projection_[16] = {};
};

}  // namespace ssi::platform
