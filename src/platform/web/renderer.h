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
  // Hands both pipelines' shaders to the GPU to compile, without waiting for them.
  void start();
  // Waits for the ImGui pipeline and creates its buffers. Returns false (and a message naming the shader) when it
  // cannot be built. The gauge pipeline is finished when a gauge is first drawn; its failing is not fatal: the
  // console says why and gauges fall back to ImDrawList arcs.
  bool init(std::string* error);

  // Uploads ImGui's font atlas as a texture (call after every atlas rebuild).
  void upload_fonts();

  // Draws one frame: clear colour, then the draw lists, in device pixels (data->FramebufferScale = devicePixelRatio).
  void render(const ImDrawData* data, float clear_rgba[4]);

 private:
  // A program whose compile and link were started, not yet asked about.
  struct Pending {
    unsigned program = 0, vs = 0, fs = 0;
    const char* vert = "";
    const char* frag = "";
  };
  static Pending start_link(const char* vert, const char* frag);
  static unsigned finish_link(Pending& pending, std::string* error);
  bool gauges_ready();
  void setup_state(const ImDrawData* data, int fb_width, int fb_height);
  static void draw_gauge_callback(const ImDrawList* list, const ImDrawCmd* cmd);

  unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, font_texture_ = 0;
  int loc_projection_ = -1, loc_texture_ = -1;

  enum class Gauges { Pending, Ready, Failed } gauges_ = Gauges::Pending;
  Pending imgui_start_, gauge_start_;
  unsigned gauge_program_ = 0, gauge_vao_ = 0, gauge_vbo_ = 0;
  float projection_[16] = {};
};

}  // namespace ssi::platform
