// The two text codecs exist in every runtime shared/ runs in (Node, Chromium, Electron);
// declaring them here keeps shared/ free of both the DOM and the Node type sets.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
