// Exact overlap of two simple polygons (flat x,y lists, any orientation, concave allowed).
// B is split into a fan of triangles from its first vertex; each triangle clips A
// (Sutherland–Hodgman, exact against a convex clip region even for a concave A) and the clipped
// areas are summed with the sign of their triangle, which adds up to A ∩ B for any simple B.
// Cost O(|A|·|B|).

import { polygonArea, signedPolygonArea } from "../../../shared/geometry";

type Pt = [number, number];

function clipByTriangle(subject: Pt[], tri: [Pt, Pt, Pt]): Pt[] {
  // Orient the triangle counter-clockwise (in y-down coordinates "left" is the inside test below).
  const [a, b, c] = tri;
  const ccw = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) > 0;
  const clip: Pt[] = ccw ? [a, b, c] : [a, c, b];
  let out = subject;
  for (let e = 0; e < 3 && out.length > 0; e++) {
    const p = clip[e] as Pt,
      q = clip[(e + 1) % 3] as Pt;
    const side = (r: Pt) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i] as Pt,
        prev = input[(i + input.length - 1) % input.length] as Pt;
      const sc = side(cur),
        sp = side(prev);
      if (sc >= 0) {
        if (sp < 0) out.push(cross(prev, cur, sp, sc));
        out.push(cur);
      } else if (sp >= 0) out.push(cross(prev, cur, sp, sc));
    }
  }
  return out;
}

function cross(a: Pt, b: Pt, sa: number, sb: number): Pt {
  const t = sa / (sa - sb);
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

function pts(flat: readonly number[]): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i] as number, flat[i + 1] as number]);
  return out;
}

export function intersectionArea(a: readonly number[], b: readonly number[]): number {
  const A = pts(a),
    B = pts(b);
  if (A.length < 3 || B.length < 3) return 0;
  const o = B[0] as Pt;
  let sum = 0;
  for (let i = 1; i + 1 < B.length; i++) {
    const t1 = B[i] as Pt,
      t2 = B[i + 1] as Pt;
    const signed = (t1[0] - o[0]) * (t2[1] - o[1]) - (t1[1] - o[1]) * (t2[0] - o[0]);
    if (signed === 0) continue;
    const clipped = clipByTriangle(A, [o, t1, t2]);
    if (clipped.length >= 3) sum += Math.sign(signed) * polygonArea(clipped.flat());
  }
  // The fan's signs follow B's orientation: make the total positive.
  const orientation = Math.sign(signedPolygonArea(b));
  return Math.max(0, sum * orientation);
}
