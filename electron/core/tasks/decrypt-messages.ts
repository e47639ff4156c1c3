export interface DecryptRequest {
  readonly id: number;
  readonly cipher: Uint8Array;
  readonly key: Uint8Array;
}

export type DecryptReply =
  | { readonly id: number; readonly ok: true; readonly plain: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly code: string; readonly message: string };
