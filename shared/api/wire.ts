/**
 * The WebSocket wire format. JSON cannot carry bytes cheaply, and decrypted images are bytes,
 * so a message is one binary frame: u32 JSON length, the JSON, then every Uint8Array in order.
 * In the JSON a byte array is replaced by {"$bytes": index}. Used by both ends of the bridge.
 */
const BYTES_TAG = "$bytes";

export function encodeWire(message: unknown): Uint8Array {
  const attachments: Uint8Array[] = [];
  const json = JSON.stringify(message, (_key, value: unknown) => {
    if (value instanceof Uint8Array) {
      attachments.push(value);
      return { [BYTES_TAG]: attachments.length - 1 };
    }
    return value;
  });
  const jsonBytes = new TextEncoder().encode(json);
  let total = 4 + jsonBytes.length;
  for (const a of attachments) total += 4 + a.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, jsonBytes.length, true);
  out.set(jsonBytes, 4);
  let offset = 4 + jsonBytes.length;
  for (const a of attachments) {
    view.setUint32(offset, a.length, true);
    out.set(a, offset + 4);
    offset += 4 + a.length;
  }
  return out;
}

export class WireFormatError extends Error {
  override name = "WireFormatError";
}

export function decodeWire(frame: Uint8Array): unknown {
  if (frame.length < 4) throw new WireFormatError("frame shorter than its header");
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const jsonLength = view.getUint32(0, true);
  if (4 + jsonLength > frame.length) throw new WireFormatError("frame truncated inside its JSON");
  const attachments: Uint8Array[] = [];
  let offset = 4 + jsonLength;
  while (offset < frame.length) {
    if (offset + 4 > frame.length) throw new WireFormatError("frame truncated inside an attachment header");
    const length = view.getUint32(offset, true);
    if (offset + 4 + length > frame.length) throw new WireFormatError("frame truncated inside an attachment");
    attachments.push(frame.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(frame.subarray(4, 4 + jsonLength)));
  } catch {
    throw new WireFormatError("frame JSON is not valid UTF-8 JSON");
  }
  return revive(parsed, attachments);
}

/**
 * Keys that reach an object's prototype machinery. `JSON.parse` makes "__proto__" an own key,
 * and copying it with `out[key] = …` would set the copy's prototype: a schema would then read
 * fields the sender never sent. A message naming any of them is refused outright.
 */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function revive(value: unknown, attachments: Uint8Array[]): unknown {
  if (Array.isArray(value)) return value.map((v) => revive(v, attachments));
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === BYTES_TAG && typeof record[BYTES_TAG] === "number") {
      const bytes = attachments[record[BYTES_TAG]];
      if (!bytes) throw new WireFormatError("frame refers to a missing attachment");
      return bytes;
    }
    // Null-prototype copies: nothing is inherited, whatever a schema looks up.
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of keys) {
      if (RESERVED_KEYS.has(key)) throw new WireFormatError(`frame JSON uses the reserved key "${key}"`);
      out[key] = revive(record[key], attachments);
    }
    return out;
  }
  return value;
}
