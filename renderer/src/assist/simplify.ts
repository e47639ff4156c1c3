/**
 * Douglas–Peucker: drops vertices closer than `tolerance` (image pixels) to the chord of the
 * ones kept. O(n log n) typical, O(n²) worst case, iterative (no recursion depth limit). Closed
 * polygons are split at the vertex farthest from the first, so the result does not depend on
 * where the ring happened to start.
 */
function perpendicular(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax,
    dy = by - ay;
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(px - ax, py - ay);
  return Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
}

function keepMarks(points: readonly number[], first: number, last: number, tolerance: number, keep: Uint8Array): void {
  const stack: Array<[number, number]> = [[first, last]];
  keep[first] = 1;
  keep[last] = 1;
  while (stack.length > 0) {
    const [a, b] = stack.pop() as [number, number];
    let worst = -1,
      worstDistance = tolerance;
    for (let i = a + 1; i < b; i++) {
      const d = perpendicular(
        points[2 * i] as number,
        points[2 * i + 1] as number,
        points[2 * a] as number,
        points[2 * a + 1] as number,
        points[2 * b] as number,
        points[2 * b + 1] as number,
      );
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
}

/** An open path simplified; its two ends always stay. */
export function simplifyPath(points: readonly number[], tolerance: number): number[] {
  const n = points.length >> 1;
  if (n <= 2) return [...points];
  const keep = new Uint8Array(n);
  keepMarks(points, 0, n - 1, tolerance, keep);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(points[2 * i] as number, points[2 * i + 1] as number);
  return out;
}

/** A closed ring simplified; never below three vertices. */
export function simplifyPolygon(points: readonly number[], tolerance: number): number[] {
  const n = points.length >> 1;
  if (n <= 3) return [...points];
  let far = 0,
    farDistance = -1;
  for (let i = 1; i < n; i++) {
    const d = Math.hypot(
      (points[2 * i] as number) - (points[0] as number),
      (points[2 * i + 1] as number) - (points[1] as number),
    );
    if (d > farDistance) {
      far = i;
      farDistance = d;
    }
  }
  const ring = [...points, points[0] as number, points[1] as number];
  const keep = new Uint8Array(n + 1);
  keepMarks(ring, 0, far, tolerance, keep);
  keepMarks(ring, far, n, tolerance, keep);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(points[2 * i] as number, points[2 * i + 1] as number);
  if (out.length >= 6) return out;
  // too coarse a tolerance: keep the first, the farthest and the vertex farthest from their chord
  let third = 1,
    thirdDistance = -1;
  for (let i = 1; i < n; i++) {
    if (i === far) continue;
    const d = perpendicular(
      points[2 * i] as number,
      points[2 * i + 1] as number,
      points[0] as number,
      points[1] as number,
      points[2 * far] as number,
      points[2 * far + 1] as number,
    );
    if (d > thirdDistance) {
      third = i;
      thirdDistance = d;
    }
  }
  return [0, Math.min(far, third), Math.max(far, third)].flatMap((i) => [
    points[2 * i] as number,
    points[2 * i + 1] as number,
  ]);
}
