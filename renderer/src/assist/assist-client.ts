import type { AssistReply, AssistRequest } from "./assist-protocol";
import type { PaintedMask, PixelRect, StoredMask, StrokeBits } from "./mask-paint";

export interface WandResult {
  readonly region: { x: number; y: number; w: number; h: number; data: Uint8Array } | null;
  readonly polygon: number[] | null;
}

/** Anything that can run the assist protocol: the real worker, or the same code in-process (tests). */
export interface AssistPort {
  postMessage(message: AssistRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<AssistReply>) => void) | null;
  terminate(): void;
}

/**
 * The canvas's side of the assisted-drawing worker. The image's pixels are read from the decoded
 * image (already in memory, decrypted by core) on the first request and sent once; requests are
 * answered in order by id.
 */
export class AssistClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (reply: AssistReply) => void; reject: (e: Error) => void }>();
  /** Started on first use, so a task nobody uses the wand on never starts it. */
  private port: AssistPort | null = null;
  /** The image's pixels are sent on the first wand or scissors request (brush strokes need none). */
  private imageSent = false;

  constructor(
    private readonly startPort: () => AssistPort,
    private readonly image: { readonly source: CanvasImageSource; readonly width: number; readonly height: number },
  ) {}

  static start(image: {
    readonly source: CanvasImageSource;
    readonly width: number;
    readonly height: number;
  }): AssistClient {
    return new AssistClient(
      () =>
        new Worker(new URL("./assist-worker.ts", import.meta.url), {
          type: "module",
          name: "assist",
        }) as unknown as AssistPort,
      image,
    );
  }

  private start(): AssistPort {
    if (this.port) return this.port;
    const port = this.startPort();
    this.port = port;
    port.onmessage = (event) => {
      const waiting = this.pending.get(event.data.id);
      if (!waiting) return;
      this.pending.delete(event.data.id);
      if (event.data.type === "error") waiting.reject(new Error(event.data.message));
      else waiting.resolve(event.data);
    };
    return port;
  }

  private load(): AssistPort {
    const port = this.start();
    if (this.imageSent) return port;
    this.imageSent = true;
    const { width, height } = this.image;
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    if (!ctx) throw new Error("no 2D context to read the image");
    ctx.drawImage(this.image.source, 0, 0);
    const pixels = ctx.getImageData(0, 0, width, height).data.buffer;
    port.postMessage({ type: "image", width, height, pixels }, [pixels]);
    return port;
  }

  private request(
    make: (id: number) => AssistRequest,
    port = this.load(),
    transfer: Transferable[] = [],
  ): Promise<AssistReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      port.postMessage(make(id), transfer);
    });
  }

  async wand(x: number, y: number, tolerance: number, polygon: boolean, simplify = 1): Promise<WandResult> {
    const reply = await this.request((id) => ({ type: "wand", id, x, y, tolerance, polygon, simplify }));
    return reply.type === "wand" ? { region: reply.region, polygon: reply.polygon } : { region: null, polygon: null };
  }

  async wire(from: readonly [number, number], to: readonly [number, number]): Promise<number[]> {
    const reply = await this.request((id) => ({ type: "wire", id, from, to }));
    return reply.type === "wire" ? reply.points : [];
  }

  /**
   * Lands a lifted brush stroke in a large mask off the UI thread (see paintMask). The stroke's
   * buffer is transferred, not copied, and so is the painted mask's on the way back.
   */
  async paintMask(
    base: StoredMask | null,
    area: PixelRect,
    stroke: StrokeBits,
    value: 0 | 1,
  ): Promise<PaintedMask | null> {
    const reply = await this.request((id) => ({ type: "paint", id, base, area, stroke, value }), this.start(), [
      stroke.data.buffer,
    ]);
    if (reply.type !== "paint" || !reply.mask) return null;
    const { data, ...stored } = reply.mask;
    return { ...stored, bits: { w: stored.w, h: stored.h, data } };
  }

  dispose(): void {
    for (const waiting of this.pending.values()) waiting.reject(new Error("the canvas closed"));
    this.pending.clear();
    this.port?.terminate();
    this.port = null;
  }
}
