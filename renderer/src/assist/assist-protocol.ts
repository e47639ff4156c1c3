import type { PixelRect, StoredMask } from "./mask-paint";

/** Messages between the canvas and the assisted-drawing worker (structured clone, no network). */
export type AssistRequest =
  | { readonly type: "image"; readonly width: number; readonly height: number; readonly pixels: ArrayBuffer }
  | {
      readonly type: "wand";
      readonly id: number;
      readonly x: number;
      readonly y: number;
      readonly tolerance: number;
      readonly polygon: boolean;
      readonly simplify: number;
    }
  | {
      readonly type: "wire";
      readonly id: number;
      readonly from: readonly [number, number];
      readonly to: readonly [number, number];
    }
  /** A lifted brush stroke to land in a large mask (see paintMask); the stroke's buffer is transferred. */
  | {
      readonly type: "paint";
      readonly id: number;
      readonly base: StoredMask | null;
      readonly area: PixelRect;
      readonly stroke: PixelRect & { readonly data: Uint8Array };
      readonly value: 0 | 1;
    };

export type AssistReply =
  | {
      readonly id: number;
      readonly type: "wand";
      readonly region: { x: number; y: number; w: number; h: number; data: Uint8Array } | null;
      readonly polygon: number[] | null;
    }
  | { readonly id: number; readonly type: "wire"; readonly points: number[] }
  /** The painted mask (its bits' buffer transferred back), or null when nothing is left set. */
  | {
      readonly id: number;
      readonly type: "paint";
      readonly mask: (StoredMask & { readonly data: Uint8Array }) | null;
    }
  | { readonly id: number; readonly type: "error"; readonly message: string };
