import type { Point, Rect } from "../geometry";

export type { Point, Rect } from "../geometry";

/** Rotated boxes and ellipses: centre, size, angle in degrees clockwise on screen (y down). */
export interface Oriented {
  readonly cx: number;
  readonly cy: number;
  readonly angle: number;
}

const RAD = Math.PI / 180;

export function normalizeAngle(deg: number): number {
  const a = deg % 360;
  const n = a < 0 ? a + 360 : a;
  // 359.9999999 must not round into the schema's excluded 360
  return n >= 360 ? 0 : (Math.round(n * 1e6) / 1e6) % 360;
}

/** A point in the shape's own frame (origin at its centre, axes along its sides). */
export function toLocal(o: Oriented, p: Point): Point {
  const c = Math.cos(o.angle * RAD),
    s = Math.sin(o.angle * RAD);
  const dx = p.x - o.cx,
    dy = p.y - o.cy;
  return { x: dx * c + dy * s, y: -dx * s + dy * c };
}

export function fromLocal(o: Oriented, p: Point): Point {
  const c = Math.cos(o.angle * RAD),
    s = Math.sin(o.angle * RAD);
  return { x: o.cx + p.x * c - p.y * s, y: o.cy + p.x * s + p.y * c };
}

/** Corners clockwise from the box's own top-left. */
export function rotatedBoxCorners(b: Oriented & { readonly w: number; readonly h: number }): Point[] {
  const hw = b.w / 2,
    hh = b.h / 2;
  return [
    { x: -hw, y: -hh },
    { x: hw, y: -hh },
    { x: hw, y: hh },
    { x: -hw, y: hh },
  ].map((p) => fromLocal(b, p));
}

export function rotatedBoxBounds(b: Oriented & { readonly w: number; readonly h: number }): Rect {
  const c = Math.abs(Math.cos(b.angle * RAD)),
    s = Math.abs(Math.sin(b.angle * RAD));
  const hw = (b.w * c + b.h * s) / 2,
    hh = (b.w * s + b.h * c) / 2;
  return { x: b.cx - hw, y: b.cy - hh, w: 2 * hw, h: 2 * hh };
}

export function ellipseBounds(e: Oriented & { readonly rx: number; readonly ry: number }): Rect {
  const c = Math.cos(e.angle * RAD),
    s = Math.sin(e.angle * RAD);
  const hw = Math.sqrt(e.rx * e.rx * c * c + e.ry * e.ry * s * s);
  const hh = Math.sqrt(e.rx * e.rx * s * s + e.ry * e.ry * c * c);
  return { x: e.cx - hw, y: e.cy - hh, w: 2 * hw, h: 2 * hh };
}

export function hitRotatedBox(
  b: Oriented & { readonly w: number; readonly h: number },
  p: Point,
  tolerance: number,
): boolean {
  const l = toLocal(b, p);
  return Math.abs(l.x) <= b.w / 2 + tolerance && Math.abs(l.y) <= b.h / 2 + tolerance;
}

export function hitEllipse(
  e: Oriented & { readonly rx: number; readonly ry: number },
  p: Point,
  tolerance: number,
): boolean {
  const l = toLocal(e, p);
  const rx = e.rx + tolerance,
    ry = e.ry + tolerance;
  return (l.x * l.x) / (rx * rx) + (l.y * l.y) / (ry * ry) <= 1;
}

/** Where the rotation handle sits: above the shape's own top edge, `offset` image pixels out. */
export function rotationHandle(o: Oriented, halfHeight: number, offset: number): Point {
  return fromLocal(o, { x: 0, y: -halfHeight - offset });
}

/** The angle that points the shape's "up" from its centre towards p. */
export function angleTowards(o: Oriented, p: Point): number {
  return normalizeAngle(Math.atan2(p.y - o.cy, p.x - o.cx) / RAD + 90);
}

/** Polygon approximation of an ellipse (for masks, exports and IoU), `n` vertices. */
export function ellipsePolygon(e: Oriented & { readonly rx: number; readonly ry: number }, n = 64): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const p = fromLocal(e, { x: e.rx * Math.cos(t), y: e.ry * Math.sin(t) });
    out.push(p.x, p.y);
  }
  return out;
}
