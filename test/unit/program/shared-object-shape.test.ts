// The committed program has the exact shape the SBF loader accepts (DESIGN §9), and binds only
// allow-listed syscalls.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { syscallHash } from "../../../program/tools/murmur3";
import { ALLOWED_SYSCALLS } from "../../../program/tools/syscalls";

const so = new Uint8Array(readFileSync("program/dist/amplify.so"));
const view = new DataView(so.buffer, so.byteOffset, so.byteLength);

interface Section {
  name: string;
  type: number;
  addr: number;
  offset: number;
  size: number;
  link: number;
}

function sections(): Section[] {
  const shoff = Number(view.getBigUint64(40, true));
  const count = view.getUint16(60, true);
  const strtabIndex = view.getUint16(62, true);
  const raw = Array.from({ length: count }, (_, i) => {
    const at = shoff + i * 64;
    return {
      nameOffset: view.getUint32(at, true),
      type: view.getUint32(at + 4, true),
      addr: Number(view.getBigUint64(at + 16, true)),
      offset: Number(view.getBigUint64(at + 24, true)),
      size: Number(view.getBigUint64(at + 32, true)),
      link: view.getUint32(at + 40, true),
    };
  });
  const strtab = raw[strtabIndex];
  if (!strtab) throw new Error("no section name table");
  const name = (offset: number): string => {
    let end = strtab.offset + offset;
    while (so[end] !== 0) end++;
    return new TextDecoder().decode(so.subarray(strtab.offset + offset, end));
  };
  return raw.map(({ nameOffset, ...rest }) => ({ ...rest, name: name(nameOffset) }));
}

describe("program/dist/amplify.so", () => {
  it("is an SBPF v0 ET_DYN for e_machine 247 without program headers", () => {
    expect(Array.from(so.subarray(0, 6))).toEqual([0x7f, 0x45, 0x4c, 0x46, 2, 1]);
    expect(view.getUint16(16, true)).toBe(3);
    expect(view.getUint16(18, true)).toBe(247);
    expect(view.getUint32(48, true)).toBe(0);
    expect(view.getUint16(56, true)).toBe(0);
    expect(view.getUint16(54, true)).toBe(56);
  });

  it("lays sections out in ascending order with sh_addr == sh_offset and short names", () => {
    const list = sections();
    expect(list[0]?.type).toBe(0);
    const names = list.slice(1).map((s) => s.name);
    expect(names).toEqual([".text", ".rodata", ".dynsym", ".dynstr", ".rel.dyn", ".dynamic", ".shstrtab"]);
    for (const [i, s] of list.slice(1).entries()) {
      expect(s.addr).toBe(s.offset);
      expect(s.name.length).toBeLessThanOrEqual(15);
      const previous = list[i];
      if (i > 0 && previous) expect(s.offset).toBeGreaterThanOrEqual(previous.offset + previous.size);
    }
    const text = list.find((s) => s.name === ".text");
    const entry = Number(view.getBigUint64(24, true));
    expect(text && entry >= text.offset && entry < text.offset + text.size).toBe(true);
  });

  it("imports only allow-listed syscalls", () => {
    const list = sections();
    const dynsym = list.find((s) => s.name === ".dynsym");
    const dynstr = list.find((s) => s.name === ".dynstr");
    if (!dynsym || !dynstr) throw new Error("missing dynamic symbol tables");
    const names: string[] = [];
    for (let at = dynsym.offset + 24; at < dynsym.offset + dynsym.size; at += 24) {
      let end = dynstr.offset + view.getUint32(at, true);
      const start = end;
      while (so[end] !== 0) end++;
      names.push(new TextDecoder().decode(so.subarray(start, end)));
    }
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(ALLOWED_SYSCALLS.has(name), name).toBe(true);
  });
});

describe("program/dist/amplify-v3.so", () => {
  const v3 = new Uint8Array(readFileSync("program/dist/amplify-v3.so"));
  const v = new DataView(v3.buffer, v3.byteOffset, v3.byteLength);
  const header = (i: number) => {
    const at = 64 + i * 56;
    return {
      type: v.getUint32(at, true),
      flags: v.getUint32(at + 4, true),
      offset: Number(v.getBigUint64(at + 8, true)),
      vaddr: v.getBigUint64(at + 16, true),
      paddr: v.getBigUint64(at + 24, true),
      filesz: Number(v.getBigUint64(at + 32, true)),
      memsz: Number(v.getBigUint64(at + 40, true)),
    };
  };

  it("has the strict SBPF v3 header: e_flags 3, program headers right after it", () => {
    expect(Array.from(v3.subarray(0, 16))).toEqual([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(v.getUint16(18, true)).toBe(247);
    expect(v.getUint32(48, true)).toBe(3);
    expect(Number(v.getBigUint64(32, true))).toBe(64);
    expect(v.getUint16(54, true)).toBe(56);
    expect(v.getUint16(56, true)).toBe(2);
  });

  it("maps read-only data at 0x0 then bytecode at 0x1_0000_0000, back to back, with the entrypoint in the bytecode", () => {
    const [rodata, text] = [header(0), header(1)];
    expect(rodata).toMatchObject({ type: 1, flags: 4, offset: 64 + 2 * 56, vaddr: 0n, paddr: 0n });
    expect(text).toMatchObject({
      type: 1,
      flags: 1,
      offset: rodata.offset + rodata.filesz,
      vaddr: 0x1_0000_0000n,
      paddr: 0x1_0000_0000n,
    });
    for (const h of [rodata, text]) {
      expect(h.filesz).toBe(h.memsz);
      expect(h.filesz % 8).toBe(0);
    }
    const entry = v.getBigUint64(24, true);
    expect(entry >= text.vaddr && entry < text.vaddr + BigInt(text.filesz) && entry % 8n === 0n).toBe(true);
  });

  it("calls syscalls statically: every call is internal (src 1) or an allow-listed syscall's hash (src 0)", () => {
    const text = header(1);
    const hashes = new Set([...ALLOWED_SYSCALLS].map(syscallHash));
    let syscalls = 0;
    for (let at = text.offset; at < text.offset + text.filesz; at += 8) {
      const opcode = v3[at];
      if (opcode === 0x18) at += 8;
      if (opcode !== 0x85) continue;
      const src = (v3[at + 1] ?? 0) >> 4;
      expect([0, 1]).toContain(src);
      if (src === 0) {
        expect(hashes.has(v.getUint32(at + 4, true))).toBe(true);
        syscalls++;
      }
    }
    expect(syscalls).toBeGreaterThan(0);
  });
});
