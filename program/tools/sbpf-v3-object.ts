// Writes an SBPF v3 executable in the shape solana-sbpf's strict ELF parser demands
// (`Executable::load_with_strict_parser`, SIMD-0189): the ELF header, then the program header
// table right after it (e_phoff 64), then one PT_LOAD per region in this order and back to back:
// read-only data (PF_R, vaddr = paddr = 0x0) and bytecode (PF_X, vaddr = paddr = 0x1_0000_0000),
// each at an 8-byte multiple offset and size, filesz == memsz. No dynamic section, no symbols, no
// relocations: everything is resolved at link time. Section headers are not read by the loader;
// a minimal table (.rodata, .text, .shstrtab) is kept so objdump-style tools can name the bytes.
import { alignUp, ByteWriter, ELF_HEADER_SIZE } from "./sbf-shared-object";
import { E_FLAGS, MM_BYTECODE_START, MM_RODATA_START } from "./sbpf-version";

export const PROGRAM_HEADER_SIZE = 56;
const SECTION_HEADER_SIZE = 64;
const PT_LOAD = 1;
const PF_X = 1;
const PF_R = 4;
const SHT_PROGBITS = 1;
const SHT_STRTAB = 3;
const SHF_ALLOC = 2n;
const SHF_EXECINSTR = 4n;

export interface V3ObjectInput {
  /** Multiple of 8; may be empty (then there is no read-only program header). */
  rodata: Uint8Array;
  text: Uint8Array;
  entryOffset: number;
}

/** File offset of the read-only data (it follows the program header table). */
export function v3RodataFileOffset(hasRodata: boolean): number {
  return ELF_HEADER_SIZE + PROGRAM_HEADER_SIZE * (hasRodata ? 2 : 1);
}

export function writeSbpfV3Object(input: V3ObjectInput): Uint8Array {
  if (input.rodata.length % 8 !== 0 || input.text.length % 8 !== 0)
    throw new Error("v3 regions must be multiples of 8 bytes");
  const hasRodata = input.rodata.length > 0;
  const rodataOffset = v3RodataFileOffset(hasRodata);
  const textOffset = rodataOffset + input.rodata.length;
  const out = new ByteWriter();
  out.pad(ELF_HEADER_SIZE);
  const programHeader = (flags: number, offset: number, vaddr: bigint, size: number): void => {
    out.u32(PT_LOAD);
    out.u32(flags);
    out.u64(offset);
    out.u64(vaddr);
    out.u64(vaddr);
    out.u64(size);
    out.u64(size);
    out.u64(8);
  };
  if (hasRodata) programHeader(PF_R, rodataOffset, MM_RODATA_START, input.rodata.length);
  programHeader(PF_X, textOffset, MM_BYTECODE_START, input.text.length);
  out.bytes(input.rodata);
  out.bytes(input.text);

  const names = [".rodata", ".text", ".shstrtab"];
  const shstrtab = new ByteWriter();
  shstrtab.u8(0);
  const nameOffsets = names.map((name) => {
    const at = shstrtab.length;
    shstrtab.bytes(new TextEncoder().encode(name));
    shstrtab.u8(0);
    return at;
  });
  const shstrtabOffset = out.length;
  out.bytes(shstrtab.result());
  out.pad(alignUp(out.length, 8));
  const shoff = out.length;
  const sectionHeader = (
    name: number,
    type: number,
    flags: bigint,
    addr: bigint,
    offset: number,
    size: number,
    align: number,
  ): void => {
    out.u32(name);
    out.u32(type);
    out.u64(flags);
    out.u64(addr);
    out.u64(offset);
    out.u64(size);
    out.u32(0);
    out.u32(0);
    out.u64(align);
    out.u64(0);
  };
  out.pad(shoff + SECTION_HEADER_SIZE); // section 0: SHT_NULL
  let sectionCount = 1;
  if (hasRodata) {
    sectionHeader(nameOffsets[0] ?? 0, SHT_PROGBITS, SHF_ALLOC, MM_RODATA_START, rodataOffset, input.rodata.length, 8);
    sectionCount++;
  }
  sectionHeader(
    nameOffsets[1] ?? 0,
    SHT_PROGBITS,
    SHF_ALLOC | SHF_EXECINSTR,
    MM_BYTECODE_START,
    textOffset,
    input.text.length,
    8,
  );
  sectionHeader(nameOffsets[2] ?? 0, SHT_STRTAB, 0n, 0n, shstrtabOffset, shstrtab.length, 1);
  sectionCount += 2;

  const file = out.result();
  const header = new DataView(file.buffer);
  file.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0); // ELF64, little-endian, EV_CURRENT, ELFOSABI_NONE; padding stays 0
  header.setUint16(16, 3, true); // ET_DYN
  header.setUint16(18, 247, true); // EM_BPF
  header.setUint32(20, 1, true); // EV_CURRENT
  header.setBigUint64(24, MM_BYTECODE_START + BigInt(input.entryOffset), true);
  header.setBigUint64(32, BigInt(ELF_HEADER_SIZE), true); // e_phoff: right after this header
  header.setBigUint64(40, BigInt(shoff), true);
  header.setUint32(48, E_FLAGS.v3, true);
  header.setUint16(52, ELF_HEADER_SIZE, true);
  header.setUint16(54, PROGRAM_HEADER_SIZE, true);
  header.setUint16(56, hasRodata ? 2 : 1, true);
  header.setUint16(58, SECTION_HEADER_SIZE, true);
  header.setUint16(60, sectionCount, true);
  header.setUint16(62, sectionCount - 1, true); // .shstrtab is the last section
  return file;
}
