#version 300 es
// Signed-distance arc gauge: a track, up to four coloured bands (corridors), the value arc with rounded
// caps and a tick mark. Anti-aliased from the distance's screen-space derivative, so it stays crisp at
// any devicePixelRatio without multisampling.
precision highp float;

uniform vec2  u_center;        // CSS pixels
uniform float u_radius;        // centre line of the ring
uniform float u_thickness;     // ring width
uniform float u_start;         // start angle in radians: 0 at 12 o'clock, clockwise positive (-0.75 pi = 7:30)
uniform float u_sweep;         // total sweep of the scale in radians (> 0, clockwise)
uniform float u_value;         // 0..1 of the scale that is filled
uniform vec4  u_track;         // colour of the unfilled track
uniform vec4  u_fill;          // colour of the value arc
uniform int   u_band_count;    // 0..4 corridor bands drawn as a thin outer ring
uniform vec4  u_band_stops;    // band ends as fractions of the scale (ascending)
uniform vec4  u_band_colors[4];
uniform float u_tick;          // fraction of the scale where a tick is drawn (< 0: none)
uniform vec4  u_tick_color;
uniform vec3  u_band_shape;    // in ring widths: space to the ring, half width; and the gap in parts of the sweep
uniform vec2  u_tick_shape;    // in ring widths: overhang past ring and band, half width

in vec2 v_pos;
out vec4 o_color;

const float PI = 3.14159265358979;

// Distance to an arc of the ring's centre line from angle 0 to `len` along the scale (clockwise from
// u_start), as a capsule: round caps fall out of taking the distance to the arc's end points.
float arc_distance(vec2 p, float radius, float from, float to) {
  float r = length(p);
  float a = atan(p.x, -p.y);                                  // 0 at 12 o'clock, clockwise positive
  float t = mod(a - u_start + 4.0 * PI, 2.0 * PI);            // angle along the scale
  if (t >= from && t <= to) return abs(r - radius);
  vec2 e0 = radius * vec2(sin(u_start + from), -cos(u_start + from));
  vec2 e1 = radius * vec2(sin(u_start + to), -cos(u_start + to));
  return min(length(p - e0), length(p - e1));
}

vec4 over(vec4 top, vec4 bottom) {
  float a = top.a + bottom.a * (1.0 - top.a);
  if (a <= 0.0) return vec4(0.0);
  return vec4((top.rgb * top.a + bottom.rgb * bottom.a * (1.0 - top.a)) / a, a);
}

void main() {
  vec2 p = v_pos - u_center;
  float aa = max(fwidth(length(p)), 1e-3);                    // one device pixel, in CSS pixels
  float half_width = 0.5 * u_thickness;
  vec4 color = vec4(0.0);

  // Track and value arc.
  float d_track = arc_distance(p, u_radius, 0.0, u_sweep) - half_width;
  color = over(vec4(u_track.rgb, u_track.a * clamp(0.5 - d_track / aa, 0.0, 1.0)), color);
  if (u_value > 0.0) {
    float d_fill = arc_distance(p, u_radius, 0.0, u_sweep * clamp(u_value, 0.0, 1.0)) - half_width;
    color = over(vec4(u_fill.rgb, u_fill.a * clamp(0.5 - d_fill / aa, 0.0, 1.0)), color);
  }

  // Corridor bands: a thin ring just outside the track.
  float band_radius = u_radius + half_width + u_band_shape.x * u_thickness;
  float band_half = u_band_shape.y * u_thickness;
  float from = 0.0;
  for (int i = 0; i < 4; ++i) {
    if (i >= u_band_count) break;
    float to = u_band_stops[i];
    float gap = u_band_shape.z * u_sweep;                      // keep neighbouring bands apart
    float d_band = arc_distance(p, band_radius, from * u_sweep + gap, to * u_sweep - gap) - band_half;
    color = over(vec4(u_band_colors[i].rgb, u_band_colors[i].a * clamp(0.5 - d_band / aa, 0.0, 1.0)), color);
    from = to;
  }

  // Tick: a short radial line across the ring and the bands.
  if (u_tick >= 0.0) {
    float ang = u_start + u_tick * u_sweep;
    vec2 dir = vec2(sin(ang), -cos(ang));
    float along = dot(p, dir);
    float across = abs(dot(p, vec2(-dir.y, dir.x)));
    float inner = u_radius - half_width - u_tick_shape.x * u_thickness;
    float outer = band_radius + band_half + u_tick_shape.x * u_thickness;
    float d_tick = max(across - max(u_tick_shape.y * u_thickness, 1.0), max(inner - along, along - outer));
    color = over(vec4(u_tick_color.rgb, u_tick_color.a * clamp(0.5 - d_tick / aa, 0.0, 1.0)), color);
  }

  if (color.a <= 0.0) discard;
  o_color = color;
}
