// Writes an SBPF v0 shared object in exactly the shape the Solana loader accepts (DESIGN §9):
// ET_DYN, e_machine 247, e_flags 0, no program headers, sections in ascending file order with
// sh_addr == sh_offset, and a .dynamic that carries only DT_REL/DT_RELSZ/DT_RELENT/DT_SYMTAB.

import {
  alignUp,
  ByteWriter,
  ELF_HEADER_SIZE,
  fillElfHeader,
  SECTION_HEADER_SIZE,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHT_PROGBITS,
  SHT_STRTAB,
  stringTable,
  writeSectionHeader,
} from "./elf-writer";

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

const R_BPF_64_32 = 10;
const DT_NULL = 0;
const DT_SYMTAB = 6;
const DT_REL = 17;
const DT_RELSZ = 18;
const DT_RELENT = 19;
const SHT_DYNAMIC = 6;
const SHT_REL = 9;
const SHT_DYNSYM = 11;

/** Where text starts in the file; the linker needs it before the layout to resolve addresses. */
export const TEXT_OFFSET = ELF_HEADER_SIZE;

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
  const dynstr = stringTable(names);
  const dynsym = new ByteWriter();
  dynsym.pad(24); // symbol 0 is the null symbol
  for (const [i] of names.entries()) {
    dynsym.u32(dynstr.offsets[i] ?? 0);
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
  const dynstrRecord = place(".dynstr", SHT_STRTAB, SHF_ALLOC, dynstr.bytes, 1);
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

  const shstrtab = stringTable([...sections.map((s) => s.name), ".shstrtab"]);
  place(".shstrtab", SHT_STRTAB, 0n, shstrtab.bytes, 1);

  // Section 0 is SHT_NULL; the records above are sections 1..n in file order.
  const indexOf = (record: SectionRecord): number => sections.indexOf(record) + 1;
  dynsymRecord.link = indexOf(dynstrRecord);
  dynsymRecord.info = 1;
  dynamicRecord.link = indexOf(dynstrRecord);
  if (relRecord) relRecord.link = indexOf(dynsymRecord);

  out.pad(alignUp(out.length, 8));
  const shoff = out.length;
  out.pad(shoff + SECTION_HEADER_SIZE);
  // sh_addr == sh_offset: the loader maps by address
  sections.forEach((s, i) => writeSectionHeader(out, { ...s, name: shstrtab.offsets[i] ?? 0, addr: s.offset }));

  const file = out.result();
  // no program headers; e_flags 0 = SBPF v0
  fillElfHeader(file, {
    entry: BigInt(TEXT_OFFSET + input.entryOffset),
    phoff: 0n,
    phnum: 0,
    shoff,
    shnum: sections.length + 1,
    flags: 0,
  });
  return file;
}
