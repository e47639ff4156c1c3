// Writes an SBPF v0 shared object in exactly the shape the Solana loader accepts (DESIGN §9):
// ET_DYN, e_machine 247, e_flags 0, no program headers, sections in ascending file order with
// sh_addr == sh_offset, and a .dynamic that carries only DT_REL/DT_RELSZ/DT_RELENT/DT_SYMTAB.

export interface SyscallSite {
  /** File offset (== ELF address) of the call instruction. */
  offset: number;
  name: string;
}

export interface SharedObjectInput {
  text: Uint8Array;
  rodata: Uint8Array;
  /** Offset of the entrypoint inside text. */
  entryOffset: number;
  syscallSites: SyscallSite[];
}

export const ELF_HEADER_SIZE = 64;
const SECTION_HEADER_SIZE = 64;
const R_BPF_64_32 = 10;
const DT_NULL = 0;
const DT_SYMTAB = 6;
const DT_REL = 17;
const DT_RELSZ = 18;
const DT_RELENT = 19;
const SHT_PROGBITS = 1;
const SHT_STRTAB = 3;
const SHT_DYNAMIC = 6;
const SHT_REL = 9;
const SHT_DYNSYM = 11;
const SHF_ALLOC = 2n;
const SHF_EXECINSTR = 4n;

/** Where text starts in the file; the linker needs it before the layout to resolve addresses. */
export const TEXT_OFFSET = ELF_HEADER_SIZE;

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

interface SectionRecord {
  name: string;
  type: number;
  flags: bigint;
  offset: number;
  size: number;
  link: number;
  info: number;
  align: number;
  entsize: number;
}

export function writeSharedObject(input: SharedObjectInput): Uint8Array {
  const names = [...new Set(input.syscallSites.map((s) => s.name))].sort();
  const dynstr = new ByteWriter();
  dynstr.u8(0);
  const nameOffsets = new Map<string, number>();
  for (const name of names) {
    nameOffsets.set(name, dynstr.length);
    dynstr.bytes(new TextEncoder().encode(name));
    dynstr.u8(0);
  }
  const dynsym = new ByteWriter();
  dynsym.pad(24); // symbol 0 is the null symbol
  for (const name of names) {
    dynsym.u32(nameOffsets.get(name) ?? 0);
    dynsym.u8((1 << 4) | 0); // STB_GLOBAL, STT_NOTYPE
    dynsym.u8(0);
    dynsym.u16(0); // undefined: resolved by the loader's syscall registry
    dynsym.u64(0);
    dynsym.u64(0);
  }
  const sites = [...input.syscallSites].sort((a, b) => a.offset - b.offset);
  const relDyn = new ByteWriter();
  for (const site of sites) {
    relDyn.u64(site.offset);
    relDyn.u64((BigInt(names.indexOf(site.name) + 1) << 32n) | BigInt(R_BPF_64_32));
  }

  const out = new ByteWriter();
  out.pad(ELF_HEADER_SIZE);
  const sections: SectionRecord[] = [];
  const place = (
    name: string,
    type: number,
    flags: bigint,
    data: Uint8Array,
    align: number,
    entsize = 0,
  ): SectionRecord => {
    out.pad(alignUp(out.length, align));
    const record = { name, type, flags, offset: out.length, size: data.length, link: 0, info: 0, align, entsize };
    out.bytes(data);
    sections.push(record);
    return record;
  };
  if (out.length !== TEXT_OFFSET) throw new Error("text must start right after the ELF header");
  place(".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, input.text, 8);
  if (input.rodata.length > 0) place(".rodata", SHT_PROGBITS, SHF_ALLOC, input.rodata, 8);
  const dynsymRecord = place(".dynsym", SHT_DYNSYM, SHF_ALLOC, dynsym.result(), 8, 24);
  const dynstrRecord = place(".dynstr", SHT_STRTAB, SHF_ALLOC, dynstr.result(), 1);
  const relRecord = sites.length > 0 ? place(".rel.dyn", SHT_REL, SHF_ALLOC, relDyn.result(), 8, 16) : undefined;

  const dynamic = new ByteWriter();
  const tag = (t: number, v: number): void => {
    dynamic.u64(t);
    dynamic.u64(v);
  };
  if (relRecord) {
    tag(DT_REL, relRecord.offset);
    tag(DT_RELSZ, relRecord.size);
    tag(DT_RELENT, 16);
  }
  tag(DT_SYMTAB, dynsymRecord.offset);
  tag(DT_NULL, 0);
  const dynamicRecord = place(".dynamic", SHT_DYNAMIC, SHF_ALLOC, dynamic.result(), 8, 16);

  const shstrtab = new ByteWriter();
  shstrtab.u8(0);
  const allNames = [...sections.map((s) => s.name), ".shstrtab"];
  const shNameOffsets = allNames.map((name) => {
    const at = shstrtab.length;
    shstrtab.bytes(new TextEncoder().encode(name));
    shstrtab.u8(0);
    return at;
  });
  place(".shstrtab", SHT_STRTAB, 0n, shstrtab.result(), 1);

  // Section 0 is SHT_NULL; the records above are sections 1..n in file order.
  const indexOf = (record: SectionRecord): number => sections.indexOf(record) + 1;
  dynsymRecord.link = indexOf(dynstrRecord);
  dynsymRecord.info = 1;
  dynamicRecord.link = indexOf(dynstrRecord);
  if (relRecord) relRecord.link = indexOf(dynsymRecord);

  out.pad(alignUp(out.length, 8));
  const shoff = out.length;
  out.pad(shoff + SECTION_HEADER_SIZE);
  sections.forEach((s, i) => {
    out.u32(shNameOffsets[i] ?? 0);
    out.u32(s.type);
    out.u64(s.flags);
    out.u64(s.offset); // sh_addr == sh_offset: the loader maps by address
    out.u64(s.offset);
    out.u64(s.size);
    out.u32(s.link);
    out.u32(s.info);
    out.u64(s.align);
    out.u64(s.entsize);
  });

  const file = out.result();
  const header = new DataView(file.buffer);
  file.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0); // ELF64, little-endian, EV_CURRENT, SYSV ABI
  header.setUint16(16, 3, true); // ET_DYN
  header.setUint16(18, 247, true); // EM_BPF
  header.setUint32(20, 1, true);
  header.setBigUint64(24, BigInt(TEXT_OFFSET + input.entryOffset), true);
  header.setBigUint64(32, 0n, true); // no program headers
  header.setBigUint64(40, BigInt(shoff), true);
  header.setUint32(48, 0, true); // e_flags 0 = SBPF v0
  header.setUint16(52, ELF_HEADER_SIZE, true);
  header.setUint16(54, 56, true); // e_phentsize, required even with no program headers
  header.setUint16(56, 0, true);
  header.setUint16(58, SECTION_HEADER_SIZE, true);
  header.setUint16(60, sections.length + 1, true);
  header.setUint16(62, sections.length, true); // .shstrtab is the last section
  return file;
}
