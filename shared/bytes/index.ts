// Little-endian byte helpers for instruction data and account decoding (no Node Buffer here:
// this code runs in the renderer too).
import { getAddressDecoder, getAddressEncoder, getUtf8Decoder, getUtf8Encoder } from "@solana/kit";
import type { Address } from "@solana/kit";

const addressEncoder = getAddressEncoder();
const addressDecoder = getAddressDecoder();
const utf8Encoder = getUtf8Encoder();
const utf8Decoder = getUtf8Decoder();

export function encodeUtf8(text: string): Uint8Array {
  return new Uint8Array(utf8Encoder.encode(text));
}

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

export function addressBytes(value: Address): Uint8Array {
  return new Uint8Array(addressEncoder.encode(value));
}

export class ByteWriter {
  private readonly bytes: number[] = [];

  u8(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RangeError(`u8 out of range: ${value}`);
    this.bytes.push(value);
    return this;
  }

  u16(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new RangeError(`u16 out of range: ${value}`);
    return this.u8(value & 0xff).u8(value >> 8);
  }

  u32(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`u32 out of range: ${value}`);
    return this.u16(value & 0xffff).u16(value >>> 16);
  }

  /** u64 or i64 (two's complement), written as 8 little-endian bytes. */
  u64(value: bigint): this {
    const v = BigInt.asUintN(64, value);
    for (let i = 0n; i < 8n; i++) this.bytes.push(Number((v >> (8n * i)) & 0xffn));
    return this;
  }

  raw(data: Uint8Array, expectedLength?: number): this {
    if (expectedLength !== undefined && data.length !== expectedLength) {
      throw new RangeError(`expected ${expectedLength} bytes, got ${data.length}`);
    }
    for (const b of data) this.bytes.push(b);
    return this;
  }

  address(value: Address): this {
    return this.raw(addressBytes(value), 32);
  }

  /** A u8 length followed by the bytes: the program's URI encoding. */
  shortBytes(data: Uint8Array, maxLength: number): this {
    if (data.length > maxLength) throw new RangeError(`at most ${maxLength} bytes allowed, got ${data.length}`);
    return this.u8(data.length).raw(data);
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export class ByteReader {
  private readonly view: DataView;

  constructor(private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  u8(at: number): number {
    return this.view.getUint8(at);
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  u64(at: number): bigint {
    return this.view.getBigUint64(at, true);
  }
  i64(at: number): bigint {
    return this.view.getBigInt64(at, true);
  }
  bytes(at: number, length: number): Uint8Array {
    return this.data.slice(at, at + length);
  }
  address(at: number): Address {
    return addressDecoder.decode(this.data.subarray(at, at + 32));
  }
}
