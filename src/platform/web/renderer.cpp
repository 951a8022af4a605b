#include "platform/web/renderer.h"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <emscripten/emscripten.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "app/gauge.h"
#include "assets/assets.h"
#include "platform/web/web_backend.h"

namespace ssi::platform {
namespace {

Renderer* g_active = nullptr;  // the renderer whose gauge program the draw callback uses

unsigned start_shader(unsigned type, std::string_view source) {
  unsigned shader = glCreateShader(type);
  const char* text = source.data();
  const int length = static_cast<int>(source.size());
  glShaderSource(shader, 1, &text, &length);
  glCompileShader(shader);
  return shader;
}

}  // namespace

// Hands both shaders and the link to the GPU without asking how they went: asking waits for it.
Renderer::Pending Renderer::start_link(const char* vert, const char* frag) {
  Pending p{.vert = vert, .frag = frag};
  const std::string_view vs = assets::get(vert), fs = assets::get(frag);
  if (vs.empty() || fs.empty()) return p;
  p.vs = start_shader(GL_VERTEX_SHADER, vs);
  p.fs = start_shader(GL_FRAGMENT_SHADER, fs);
  p.program = glCreateProgram();
  glAttachShader(p.program, p.vs);
  glAttachShader(p.program, p.fs);
  glLinkProgram(p.program);
  return p;
}

// The linked program, or 0 and a message naming the shader (with its compile log) or the link.
unsigned Renderer::finish_link(Pending& p, std::string* error) {
  if (!p.program) {
    *error = std::string("shaders ") + p.vert + " + " + p.frag + ": not embedded in the build";
    return 0;
  }
  int ok = 0;
  glGetProgramiv(p.program, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    for (auto [shader, name] : {std::pair{p.vs, p.vert}, std::pair{p.fs, p.frag}}) {
      int compiled = 0;
      glGetShaderiv(shader, GL_COMPILE_STATUS, &compiled);
      if (compiled) continue;
      glGetShaderInfoLog(shader, sizeof log, nullptr, log);
      *error = std::string("shader ") + name + " failed to compile: " + log;
      break;
    }
    if (error->empty()) {
      glGetProgramInfoLog(p.program, sizeof log, nullptr, log);
      *error = std::string("shaders ") + p.vert + " + " + p.frag + " failed to link: " + log;
    }
    glDeleteProgram(p.program);
  }
  glDeleteShader(p.vs);
  glDeleteShader(p.fs);
  const unsigned program = ok ? p.program : 0;
  p = Pending{};
  return program;
}

void Renderer::start() {
  imgui_start_ = start_link("shaders/imgui.vert", "shaders/imgui.frag");
  gauge_start_ = start_link("shaders/gauge.vert", "shaders/gauge.frag");
}

bool Renderer::init(std::string* error) {
  // The gauges' program is asked for when first drawn (a first visit's welcome screen has none), so its compile
  // overlaps the start instead of delaying the first frame.
  program_ = finish_link(imgui_start_, error);
  if (!program_) return false;
  loc_projection_ = glGetUniformLocation(program_, "u_projection");
  loc_texture_ = glGetUniformLocation(program_, "u_texture");

  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glGenBuffers(1, &ibo_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
  const int pos = glGetAttribLocation(program_, "a_position");
  const int uv = glGetAttribLocation(program_, "a_uv");
  const int col = glGetAttribLocation(program_, "a_color");
  glEnableVertexAttribArray(pos);
  glEnableVertexAttribArray(uv);
  glEnableVertexAttribArray(col);
  glVertexAttribPointer(pos, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), (void*)offsetof(ImDrawVert, pos));
  glVertexAttribPointer(uv, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), (void*)offsetof(ImDrawVert, uv));
  glVertexAttribPointer(col, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), (void*)offsetof(ImDrawVert, col));
  glBindVertexArray(0);

  app::set_gauge_drawer(&Renderer::draw_gauge_callback);
  g_active = this;
  return true;
}

// The gauge pipeline is optional: when it failed, the app draws ImDrawList arcs from the next frame on.
bool Renderer::gauges_ready() {
  if (gauges_ != Gauges::Pending) return gauges_ == Gauges::Ready;
  std::string error;
  gauge_program_ = finish_link(gauge_start_, &error);
  if (!gauge_program_) {
    gauges_ = Gauges::Failed;
    emscripten_log(EM_LOG_WARN, "%s", error.c_str());
    app::set_gauge_drawer(nullptr);
    web_backend::request_frame();
    return false;
  }
  static const float corners[] = {0, 0, 1, 0, 0, 1, 1, 1};
  glGenVertexArrays(1, &gauge_vao_);
  glGenBuffers(1, &gauge_vbo_);
  glBindVertexArray(gauge_vao_);
  glBindBuffer(GL_ARRAY_BUFFER, gauge_vbo_);
  glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
  const int corner = glGetAttribLocation(gauge_program_, "a_corner");
  glEnableVertexAttribArray(corner);
  glVertexAttribPointer(corner, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindVertexArray(0);
  gauges_ = Gauges::Ready;
  return true;
}

void Renderer::upload_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  // One byte per texel (coverage; imgui.frag makes it white with that alpha): no RGBA copy, a quarter of the upload.
  io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
  if (!font_texture_) glGenTextures(1, &font_texture_);
  glBindTexture(GL_TEXTURE_2D, font_texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
  io.Fonts->ClearTexData();  // the CPU copy is not needed once the GPU has it
}

void Renderer::setup_state(const ImDrawData* data, int fb_width, int fb_height) {
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  glViewport(0, 0, fb_width, fb_height);
  // Orthographic projection from CSS pixels (ImGui's coordinates) to clip space.
  const float l = data->DisplayPos.x, r = data->DisplayPos.x + data->DisplaySize.x;
  const float t = data->DisplayPos.y, b = data->DisplayPos.y + data->DisplaySize.y;
  const float ortho[16] = {
      2.0f / (r - l), 0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1.0f, 0, (r + l) / (l - r), (t + b) / (b - t), 0, 1.0f,
  };
  for (int i = 0; i < 16; ++i) projection_[i] = ortho[i];
  glUseProgram(program_);
  glUniformMatrix4fv(loc_projection_, 1, GL_FALSE, projection_);
  glUniform1i(loc_texture_, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
}

void Renderer::render(const ImDrawData* data, float clear_rgba[4]) {
  const int fb_width = static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x);
  const int fb_height = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
  glViewport(0, 0, fb_width, fb_height);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(clear_rgba[0], clear_rgba[1], clear_rgba[2], clear_rgba[3]);
  glClear(GL_COLOR_BUFFER_BIT);
  if (fb_width <= 0 || fb_height <= 0) return;
  g_active = this;
  setup_state(data, fb_width, fb_height);

  const ImVec2 clip_off = data->DisplayPos;
  const ImVec2 clip_scale = data->FramebufferScale;
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, list->VtxBuffer.Size * static_cast<int>(sizeof(ImDrawVert)), list->VtxBuffer.Data,
                 GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, list->IdxBuffer.Size * static_cast<int>(sizeof(ImDrawIdx)),
                 list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      // Clip rectangle in framebuffer pixels (GL's origin is bottom-left).
      const float x0 = (cmd.ClipRect.x - clip_off.x) * clip_scale.x;
      const float y0 = (cmd.ClipRect.y - clip_off.y) * clip_scale.y;
      const float x1 = (cmd.ClipRect.z - clip_off.x) * clip_scale.x;
      const float y1 = (cmd.ClipRect.w - clip_off.y) * clip_scale.y;
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor(static_cast<int>(x0), static_cast<int>(fb_height - y1), static_cast<int>(x1 - x0),
                static_cast<int>(y1 - y0));
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        setup_state(data, fb_width, fb_height);
        continue;
      }
      glBindTexture(GL_TEXTURE_2D, static_cast<unsigned>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
      glDrawElements(GL_TRIANGLES, static_cast<int>(cmd.ElemCount),
                     sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
    }
  }
  glDisable(GL_SCISSOR_TEST);
}

void Renderer::draw_gauge_callback(const ImDrawList*, const ImDrawCmd* cmd) {
  Renderer* self = g_active;
  const auto* spec = static_cast<const app::GaugeSpec*>(cmd->UserCallbackData);
  if (!self || !spec || !self->gauges_ready()) return;
  const unsigned p = self->gauge_program_;
  glUseProgram(p);
  // The quad covers the ring plus the outer band and tick, with two pixels of margin for anti-aliasing.
  const float extent = app::gauge_outer_radius(*spec) + 2.0f;
  glUniformMatrix4fv(glGetUniformLocation(p, "u_projection"), 1, GL_FALSE, self->projection_);
  glUniform4f(glGetUniformLocation(p, "u_rect"), spec->center.x - extent, spec->center.y - extent, 2 * extent,
              2 * extent);
  glUniform2f(glGetUniformLocation(p, "u_center"), spec->center.x, spec->center.y);
  glUniform1f(glGetUniformLocation(p, "u_radius"), spec->radius);
  glUniform1f(glGetUniformLocation(p, "u_thickness"), spec->thickness);
  glUniform1f(glGetUniformLocation(p, "u_start"), spec->start);
  glUniform1f(glGetUniformLocation(p, "u_sweep"), spec->sweep);
  glUniform1f(glGetUniformLocation(p, "u_value"), spec->value);
  glUniform4fv(glGetUniformLocation(p, "u_track"), 1, &spec->track.x);
  glUniform4fv(glGetUniformLocation(p, "u_fill"), 1, &spec->fill.x);
  glUniform1i(glGetUniformLocation(p, "u_band_count"), spec->band_count);
  glUniform4fv(glGetUniformLocation(p, "u_band_stops"), 1, spec->band_stops);
  glUniform4fv(glGetUniformLocation(p, "u_band_colors"), 4, &spec->band_colors[0].x);
  glUniform1f(glGetUniformLocation(p, "u_tick"), spec->tick);
  glUniform4fv(glGetUniformLocation(p, "u_tick_color"), 1, &spec->tick_color.x);
  const app::GaugeShape& k = app::kGaugeShape;
  glUniform3f(glGetUniformLocation(p, "u_band_shape"), k.band_offset, k.band_half, k.band_gap);
  glUniform2f(glGetUniformLocation(p, "u_tick_shape"), k.tick_overhang, k.tick_half);
  glBindVertexArray(self->gauge_vao_);
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

}  // namespace ssi::platform
