// What both program writers (SBPF v0 shared object, SBPF v3 executable) put in an ELF file the
// same way: little-endian bytes, string tables, section headers and the ELF header's common
// fields. What differs between the versions (program headers, dynamic sections, addresses)
// stays in sbf-shared-object.ts and sbpf-v3-object.ts.

export const ELF_HEADER_SIZE = 64;
export const PROGRAM_HEADER_SIZE = 56;
export const SECTION_HEADER_SIZE = 64;
export const SHT_PROGBITS = 1;
export const SHT_STRTAB = 3;
export const SHF_ALLOC = 2n;
export const SHF_EXECINSTR = 4n;

export function alignUp(value: number, alignment: number): number {
  return Math.ceil(value / alignment) * alignment;
}

export class ByteWriter {
  private chunks: number[] = [];
  get length(): number {
    return this.chunks.length;
  }
  bytes(data: Uint8Array): void {
    for (const b of data) this.chunks.push(b);
  }
  pad(toLength: number): void {
    while (this.chunks.length < toLength) this.chunks.push(0);
  }
  u8(v: number): void {
    this.chunks.push(v & 0xff);
  }
  u16(v: number): void {
    this.u8(v);
    this.u8(v >> 8);
  }
  u32(v: number): void {
    this.u16(v & 0xffff);
    this.u16(v >>> 16);
  }
  u64(v: bigint | number): void {
    const big = BigInt(v);
    this.u32(Number(big & 0xffffffffn));
    this.u32(Number(big >> 32n));
  }
  result(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

/** A string table: a NUL, then each name NUL-terminated; `offsets[i]` is where names[i] starts. */
export function stringTable(names: readonly string[]): { bytes: Uint8Array; offsets: number[] } {
  const table = new ByteWriter();
  table.u8(0);
  const offsets = names.map((name) => {
    const at = table.length;
    table.bytes(new TextEncoder().encode(name));
    table.u8(0);
    return at;
  });
  return { bytes: table.result(), offsets };
}

export interface SectionHeader {
  name: number;
  type: number;
  flags: bigint;
  addr: bigint | number;
  offset: number;
  size: number;
  link?: number;
  info?: number;
  align: number;
  entsize?: number;
}

export function writeSectionHeader(out: ByteWriter, s: SectionHeader): void {
  out.u32(s.name);
  out.u32(s.type);
  out.u64(s.flags);
  out.u64(s.addr);
  out.u64(s.offset);
  out.u64(s.size);
  out.u32(s.link ?? 0);
  out.u32(s.info ?? 0);
  out.u64(s.align);
  out.u64(s.entsize ?? 0);
}

export interface ElfHeader {
  entry: bigint;
  /** 0 when there are no program headers (v0). */
  phoff: bigint;
  phnum: number;
  shoff: number;
  shnum: number;
  /** SBPF version flags (0 = v0). */
  flags: number;
}

/**
 * Fills the ELF header into the first 64 bytes of `file`: ELF64, little-endian, EV_CURRENT,
 * ELFOSABI_NONE, ET_DYN, EM_BPF; e_phentsize is set even without program headers (the loader
 * wants it); .shstrtab is the last section.
 */
export function fillElfHeader(file: Uint8Array, h: ElfHeader): void {
  const header = new DataView(file.buffer, file.byteOffset, ELF_HEADER_SIZE);
  file.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
  header.setUint16(16, 3, true); // ET_DYN
  header.setUint16(18, 247, true); // EM_BPF
  header.setUint32(20, 1, true); // EV_CURRENT
  header.setBigUint64(24, h.entry, true);
  header.setBigUint64(32, h.phoff, true);
  header.setBigUint64(40, BigInt(h.shoff), true);
  header.setUint32(48, h.flags, true);
  header.setUint16(52, ELF_HEADER_SIZE, true);
  header.setUint16(54, PROGRAM_HEADER_SIZE, true);
  header.setUint16(56, h.phnum, true);
  header.setUint16(58, SECTION_HEADER_SIZE, true);
  header.setUint16(60, h.shnum, true);
  header.setUint16(62, h.shnum - 1, true);
}
