import { describe, expect, it } from "vitest";
import { WireFormatError, decodeWire, encodeWire } from "../../../../shared/api";

describe("WebSocket wire format", () => {
  it("round-trips nested JSON with byte arrays in place", () => {
    const image = new Uint8Array([0, 1, 2, 255]);
    const message = { type: "reply", id: 7, ok: true, value: { image, meta: { nested: [new Uint8Array(0), "x"] } } };
    const back = decodeWire(encodeWire(message)) as typeof message;
    expect(back.value.image).toEqual(image);
    expect(back.value.meta.nested[0]).toEqual(new Uint8Array(0));
    expect(back.value.meta.nested[1]).toBe("x");
  });

  it.each([
    ["an empty frame", new Uint8Array(0)],
    ["a header longer than the frame", new Uint8Array([255, 0, 0, 0, 1])],
    [
      "invalid JSON",
      (() => {
        const f = new Uint8Array(6);
        new DataView(f.buffer).setUint32(0, 2, true);
        f.set([123, 123], 4);
        return f;
      })(),
    ],
    [
      "a truncated attachment",
      (() => {
        const good = encodeWire({ b: new Uint8Array(10) });
        return good.subarray(0, good.length - 3);
      })(),
    ],
    [
      "a reference to a missing attachment",
      (() => {
        const json = new TextEncoder().encode('{"$bytes":3}');
        const f = new Uint8Array(4 + json.length);
        new DataView(f.buffer).setUint32(0, json.length, true);
        f.set(json, 4);
        return f;
      })(),
    ],
  ])("rejects %s with a WireFormatError", (_name, frame) => {
    expect(() => decodeWire(frame)).toThrow(WireFormatError);
  });
});
