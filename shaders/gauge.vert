#version 300 es
// A gauge is one screen-space quad; the fragment shader draws the arcs from their distance fields.
precision highp float;
uniform mat4 u_projection;
uniform vec4 u_rect;      // x, y, w, h of the quad in CSS pixels
in vec2 a_corner;         // (0,0) .. (1,1)
out vec2 v_pos;           // CSS pixels, same space as the uniforms below
void main() {
  v_pos = u_rect.xy + a_corner * u_rect.zw;
  gl_Position = u_projection * vec4(v_pos, 0.0, 1.0);
}
