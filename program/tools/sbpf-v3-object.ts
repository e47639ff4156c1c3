// Writes an SBPF v3 executable in the shape solana-sbpf's strict ELF parser demands
// (`Executable::load_with_strict_parser`, SIMD-0189): the ELF header, then the program header
// table right after it (e_phoff 64), then one PT_LOAD per region in this order and back to back:
// read-only data (PF_R, vaddr = paddr = 0x0) and bytecode (PF_X, vaddr = paddr = 0x1_0000_0000),
// each at an 8-byte multiple offset and size, filesz == memsz. No dynamic section, no symbols, no
// relocations: everything is resolved at link time. Section headers are not read by the loader;
// a minimal table (.rodata, .text, .shstrtab) is kept so objdump-style tools can name the bytes.
import * as elf from "./elf-writer";
import { E_FLAGS, MM_BYTECODE_START, MM_RODATA_START } from "./sbpf-version";

const PT_LOAD = 1;
const PF_X = 1;
const PF_R = 4;

export interface V3ObjectInput {
  /** Multiple of 8; may be empty (then there is no read-only program header). */
  rodata: Uint8Array;
  text: Uint8Array;
  entryOffset: number;
}

/** File offset of the read-only data (it follows the program header table). */
export function v3RodataFileOffset(hasRodata: boolean): number {
  return elf.ELF_HEADER_SIZE + elf.PROGRAM_HEADER_SIZE * (hasRodata ? 2 : 1);
}

export function writeSbpfV3Object(input: V3ObjectInput): Uint8Array {
  if (input.rodata.length % 8 !== 0 || input.text.length % 8 !== 0)
    throw new Error("v3 regions must be multiples of 8 bytes");
  const hasRodata = input.rodata.length > 0;
  const rodataOffset = v3RodataFileOffset(hasRodata);
  const textOffset = rodataOffset + input.rodata.length;
  const out = new elf.ByteWriter();
  out.pad(elf.ELF_HEADER_SIZE);
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

  const shstrtab = elf.stringTable([".rodata", ".text", ".shstrtab"]);
  const [rodataName = 0, textName = 0, shstrtabName = 0] = shstrtab.offsets;
  const shstrtabOffset = out.length;
  out.bytes(shstrtab.bytes);
  out.pad(elf.alignUp(out.length, 8));
  const shoff = out.length;
  out.pad(shoff + elf.SECTION_HEADER_SIZE); // section 0: SHT_NULL
  let sectionCount = 1;
  if (hasRodata) {
    elf.writeSectionHeader(out, {
      name: rodataName,
      type: elf.SHT_PROGBITS,
      flags: elf.SHF_ALLOC,
      addr: MM_RODATA_START,
      offset: rodataOffset,
      size: input.rodata.length,
      align: 8,
    });
    sectionCount++;
  }
  elf.writeSectionHeader(out, {
    name: textName,
    type: elf.SHT_PROGBITS,
    flags: elf.SHF_ALLOC | elf.SHF_EXECINSTR,
    addr: MM_BYTECODE_START,
    offset: textOffset,
    size: input.text.length,
    align: 8,
  });
  elf.writeSectionHeader(out, {
    name: shstrtabName,
    type: elf.SHT_STRTAB,
    flags: 0n,
    addr: 0n,
    offset: shstrtabOffset,
    size: shstrtab.bytes.length,
    align: 1,
  });
  sectionCount += 2;

  const file = out.result();
  elf.fillElfHeader(file, {
    entry: MM_BYTECODE_START + BigInt(input.entryOffset),
    phoff: BigInt(elf.ELF_HEADER_SIZE), // right after this header
    phnum: hasRodata ? 2 : 1,
    shoff,
    shnum: sectionCount,
    flags: E_FLAGS.v3,
  });
  return file;
}
