#version 300 es
// Vertex colour times white at the atlas's coverage: the atlas is one channel (R8, renderer.cpp), and its opaque
// texel under untextured shapes leaves their colour as it is.
precision mediump float;
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
out vec4 o_color;
void main() {
  o_color = v_color * vec4(1.0, 1.0, 1.0, texture(u_texture, v_uv).r);
}
