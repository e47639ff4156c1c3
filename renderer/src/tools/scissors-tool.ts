import type { PolygonShape } from "../../../shared/annotation";
import { defaultAttributes } from "../../../shared/annotation";
import type { Point } from "../canvas/geometry/rect";
import { clampPoint, distance } from "../canvas/geometry/rect";
import { simplifyPolygon } from "../assist/simplify";
import type { Draft, PointerInput, Tool, ToolContext } from "./tool";
import { GRAB_RADIUS_PX } from "./tool";

type ScissorsState =
  | { readonly name: "idle" }
  /** Anchors clicked so far joined by their edge-following wires (flat x,y), and the wire to the pointer. */
  | {
      readonly name: "drawing";
      readonly path: readonly number[];
      readonly last: Point;
      readonly first: Point;
      readonly wire: readonly number[];
      readonly hover: Point | null;
    };

/**
 * Intelligent scissors: click (Space) anchors around an object; between anchors the outline
 * follows the strongest edges (live-wire, computed in the assist worker). Enter, or a click on
 * the first anchor, closes it into a polygon (the closing stretch follows edges too); Backspace
 * and Escape as with polygons. The wire to the pointer is recomputed as it moves, one request in
 * flight at a time (the latest pointer wins).
 */
export class ScissorsTool implements Tool {
  readonly id = "scissors" as const;
  private state: ScissorsState = { name: "idle" };
  private inFlight = false;
  private queued: Point | null = null;
  /** Anchor-to-anchor segments, so Backspace can take the last one back. */
  private segments: number[] = [];
  private adding: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: ToolContext,
    private readonly redraw: () => void = () => {},
  ) {}

  down(input: PointerInput): void {
    const p = clampPoint(input.point, this.ctx.image);
    const s = this.state;
    if (s.name === "idle") {
      if (!this.ctx.assist) return;
      this.segments = [];
      this.state = { name: "drawing", path: [p.x, p.y], last: p, first: p, wire: [], hover: p };
      return;
    }
    if (s.path.length >= 6 && distance(s.first, p) <= GRAB_RADIUS_PX * this.ctx.pixelsPerScreenPixel()) {
      void this.close();
      return;
    }
    this.adding = this.adding.then(() => this.addAnchor(p));
  }

  private async addAnchor(p: Point): Promise<void> {
    const s = this.state;
    const assist = this.ctx.assist;
    if (s.name !== "drawing" || !assist) return;
    const wire = await assist.wire([s.last.x, s.last.y], [p.x, p.y]);
    const now = this.state;
    if (now.name !== "drawing") return;
    const tail = wire.length >= 2 ? wire.slice(2) : [p.x, p.y];
    this.segments.push(now.path.length);
    this.state = { ...now, path: [...now.path, ...tail], last: p, wire: [] };
    this.redraw();
  }

  move(input: PointerInput): void {
    const s = this.state;
    if (s.name !== "drawing") return;
    const p = clampPoint(input.point, this.ctx.image);
    this.state = { ...s, hover: p };
    this.requestWire(p);
  }

  private requestWire(p: Point): void {
    const assist = this.ctx.assist;
    if (!assist) return;
    if (this.inFlight) {
      this.queued = p;
      return;
    }
    this.inFlight = true;
    const s = this.state;
    if (s.name !== "drawing") return;
    void assist
      .wire([s.last.x, s.last.y], [p.x, p.y])
      .then((wire) => {
        const now = this.state;
        if (now.name === "drawing" && now.last === s.last) this.state = { ...now, wire };
        this.redraw();
      })
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        const next = this.queued;
        this.queued = null;
        if (next) this.requestWire(next);
      });
  }

  up(): void {}

  private async close(): Promise<boolean> {
    await this.adding;
    const s = this.state;
    const assist = this.ctx.assist;
    if (s.name !== "drawing" || !assist || s.path.length < 6) return false;
    const back = await assist.wire([s.last.x, s.last.y], [s.first.x, s.first.y]);
    const ring = [...s.path, ...back.slice(2, -2)];
    this.state = { name: "idle" };
    const label = this.ctx.activeLabel();
    const attributes = defaultAttributes(label);
    const points = simplifyPolygon(ring, 0.75);
    if (points.length < 6) return false;
    const shape: PolygonShape = {
      id: this.ctx.newShapeId(),
      kind: "polygon",
      label: label.id,
      points,
      source: { kind: "human" },
      ...(attributes ? { attributes } : {}),
    };
    this.ctx.addShapes([shape]);
    this.redraw();
    return true;
  }

  /** Resolves when the anchors clicked so far have their wires (tests, keyboard flows). */
  settled(): Promise<void> {
    return this.adding;
  }

  cancel(): boolean {
    const was = this.state.name !== "idle";
    this.state = { name: "idle" };
    return was;
  }

  finish(): boolean {
    if (this.state.name !== "drawing") return false;
    void this.close();
    return true;
  }

  removeLast(): boolean {
    const s = this.state;
    if (s.name !== "drawing") return false;
    const cut = this.segments.pop();
    if (cut === undefined) {
      this.state = { name: "idle" };
      return true;
    }
    const path = s.path.slice(0, cut);
    this.state = {
      ...s,
      path,
      last: { x: path[path.length - 2] as number, y: path[path.length - 1] as number },
      wire: [],
    };
    return true;
  }

  draft(): Draft | null {
    const s = this.state;
    if (s.name !== "drawing") return null;
    const closable =
      s.path.length >= 6 &&
      s.hover !== null &&
      distance(s.first, s.hover) <= GRAB_RADIUS_PX * this.ctx.pixelsPerScreenPixel();
    return {
      kind: "polygon",
      points: s.path,
      hover: s.wire.length > 0 ? null : s.hover,
      closable,
      label: this.ctx.activeLabel().id,
      wire: s.wire,
    };
  }

  busy(): boolean {
    return this.state.name !== "idle";
  }
}
