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
    };

export type AssistReply =
  | {
      readonly id: number;
      readonly type: "wand";
      readonly region: { x: number; y: number; w: number; h: number; data: Uint8Array } | null;
      readonly polygon: number[] | null;
    }
  | { readonly id: number; readonly type: "wire"; readonly points: number[] }
  | { readonly id: number; readonly type: "error"; readonly message: string };
