#version 300 es
// Atlas sample times vertex colour. The atlas is white where there is no glyph, so untextured shapes work too.
precision mediump float;
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
out vec4 o_color;
void main() {
  o_color = v_color * texture(u_texture, v_uv);
}
