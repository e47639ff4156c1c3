// Links clang's relocatable BPF objects (clang-19 -target bpfel -mcpu=v1) into one SBPF program,
// v0 or v3 (DESIGN §9, sbpf-version.ts): ld.lld refuses this target. Both versions share the ISA
// clang emits here, so the same objects serve both; what differs is resolved at link time:
//   - addresses: v0 maps the whole file at 0x1_0000_0000; v3 maps read-only data at 0x0 and
//     the bytecode at 0x1_0000_0000 (separate regions);
//   - syscalls: v0 leaves them to the loader (imm -1 + an R_BPF_64_32 dynamic relocation);
//     v3 calls them statically (src 0, imm = murmur3 of the name);
//   - internal calls: pc-relative in both; v3 marks them src 1;
//   - callx: v0 reads the register from imm, v3 from dst (where LLVM puts it).
// The result is verified against the target's rules (sbpf-verify.ts) before it is written.
import { SHN_UNDEF, SHT_NOBITS, STT_SECTION } from "./elf-object";
import { syscallHash } from "./murmur3";
import { alignUp } from "./elf-writer";
import { TEXT_OFFSET, writeSharedObject } from "./sbf-shared-object";
import { verifySbpf } from "./sbpf-verify";
import { writeSbpfV3Object } from "./sbpf-v3-object";
import { MM_BYTECODE_START, MM_PROGRAM_START, MM_RODATA_START } from "./sbpf-version";
import { ALLOWED_SYSCALLS } from "./syscalls";
import type { ElfObject, ObjectSection, ObjectSymbol } from "./elf-object";
import type { SyscallSite } from "./sbf-shared-object";
import type { SbpfVersion } from "./sbpf-version";

const R_BPF_64_64 = 1;
const R_BPF_64_ABS64 = 2;
const R_BPF_64_32 = 10;
const OPCODE_LDDW = 0x18;
const OPCODE_CALL_IMM = 0x85; // clang marks every call src 1 (internal) until a syscall is bound
const OPCODE_CALL_REG = 0x8d;
/**
 * v3 maps read-only data at address 0: a zeroed guard keeps every object off the null pointer,
 * so a pointer to the first string can never compare equal to NULL.
 */
const V3_RODATA_GUARD = 8;

type OutputKind = "text" | "rodata";

function outputKindOf(section: ObjectSection): OutputKind | "ignore" {
  const n = section.name;
  if (n === ".text" || n.startsWith(".text.")) return "text";
  if (n === ".rodata" || n.startsWith(".rodata.") || n === ".data.rel.ro" || n.startsWith(".data.rel.ro."))
    return "rodata";
  const writable = n === ".data" || n.startsWith(".data.") || n === ".bss" || n.startsWith(".bss.") || n === ".sdata";
  if (writable && section.size > 0) {
    throw new Error(`section ${n} holds writable globals, which the SBF loader refuses; make them const`);
  }
  return "ignore";
}

interface Placed {
  kind: OutputKind;
  /** Offset inside the output region (text or rodata). */
  offset: number;
}

export interface LinkOptions {
  entrypoint?: string;
  /** Defaults to v0. */
  sbpfVersion?: SbpfVersion;
}

const SYSCALL_HASHES: ReadonlySet<number> = new Set([...ALLOWED_SYSCALLS].map(syscallHash));

export function linkSbfObjects(objects: ElfObject[], options: LinkOptions = {}): Uint8Array {
  const entryName = options.entrypoint ?? "entrypoint";
  const version = options.sbpfVersion ?? "v0";
  // Pass 1: lay out text then rodata, in object order then section order (deterministic).
  const placement = new Map<ElfObject, Map<number, Placed>>();
  let textSize = 0;
  for (const object of objects) {
    const placed = new Map<number, Placed>();
    for (const section of object.sections) {
      if (section.size === 0 || outputKindOf(section) !== "text") continue;
      textSize = alignUp(textSize, 8);
      placed.set(section.index, { kind: "text", offset: textSize });
      textSize += section.size;
    }
    placement.set(object, placed);
  }
  let rodataSize = version === "v3" ? V3_RODATA_GUARD : 0;
  for (const object of objects) {
    const placed = placement.get(object) ?? new Map<number, Placed>();
    for (const section of object.sections) {
      if (section.size === 0 || outputKindOf(section) !== "rodata") continue;
      if (section.type === SHT_NOBITS) throw new Error(`${object.path}: ${section.name} has no bytes`);
      rodataSize = alignUp(rodataSize, Math.min(Math.max(section.align, 1), 16));
      placed.set(section.index, { kind: "rodata", offset: rodataSize });
      rodataSize += section.size;
    }
  }
  if (version === "v3") rodataSize = rodataSize === V3_RODATA_GUARD ? 0 : alignUp(rodataSize, 8);
  const text = new Uint8Array(textSize);
  const rodata = new Uint8Array(rodataSize);
  for (const object of objects) {
    for (const [index, at] of placement.get(object) ?? []) {
      const bytes = object.sections[index]?.bytes ?? new Uint8Array();
      (at.kind === "text" ? text : rodata).set(bytes, at.offset);
    }
  }
  /** v0: rodata follows text in the file, and the file is mapped as one region. */
  const v0RodataStart = alignUp(TEXT_OFFSET + textSize, 8);
  /** Where the program sees a placed byte. */
  const vaddrOf = (at: Placed, within: number): bigint => {
    const offset = BigInt(at.offset + within);
    if (version === "v0") return MM_PROGRAM_START + BigInt(at.kind === "text" ? TEXT_OFFSET : v0RodataStart) + offset;
    return (at.kind === "text" ? MM_BYTECODE_START : MM_RODATA_START) + offset;
  };

  // Pass 2: global symbols.
  const globals = new Map<string, { object: ElfObject; symbol: ObjectSymbol }>();
  for (const object of objects) {
    for (const symbol of object.symbols) {
      if (symbol.binding === 0 || symbol.sectionIndex === SHN_UNDEF || symbol.name === "") continue;
      if (globals.has(symbol.name)) throw new Error(`duplicate symbol ${symbol.name} in ${object.path}`);
      globals.set(symbol.name, { object, symbol });
    }
  }
  /** The placed section and offset inside it a symbol names, or undefined for an undefined symbol. */
  const resolve = (object: ElfObject, symbol: ObjectSymbol): { at: Placed; value: number } | undefined => {
    let owner = object;
    let sym = symbol;
    if (sym.sectionIndex === SHN_UNDEF) {
      const global = globals.get(sym.name);
      if (!global) return undefined;
      owner = global.object;
      sym = global.symbol;
    }
    const at = placement.get(owner)?.get(sym.sectionIndex);
    if (!at) throw new Error(`${owner.path}: symbol ${sym.name} lives in a section that is not linked`);
    return { at, value: sym.value };
  };

  // Pass 3: relocations.
  const syscallSites: SyscallSite[] = [];
  const textView = new DataView(text.buffer);
  const rodataView = new DataView(rodata.buffer);
  for (const object of objects) {
    for (const [sectionIndex, relocations] of object.relocations) {
      const at = placement.get(object)?.get(sectionIndex);
      if (!at) continue; // relocations of debug or other unmapped sections
      const view = at.kind === "text" ? textView : rodataView;
      for (const reloc of relocations) {
        const symbol = object.symbols[reloc.symbolIndex];
        if (!symbol)
          throw new Error(`${object.path}: relocation names symbol ${reloc.symbolIndex}, which does not exist`);
        const site = at.offset + reloc.offset;
        if (reloc.type === R_BPF_64_64) {
          // lddw: the implicit addend is the first immediate; the 64-bit address spans both.
          const target = resolve(object, symbol);
          if (target === undefined) throw new Error(`${object.path}: undefined data symbol ${symbol.name}`);
          const value = vaddrOf(target.at, target.value + view.getInt32(site + 4, true));
          view.setUint32(site + 4, Number(value & 0xffffffffn), true);
          view.setUint32(site + 12, Number(value >> 32n), true);
        } else if (reloc.type === R_BPF_64_ABS64) {
          const target = resolve(object, symbol);
          if (target === undefined) throw new Error(`${object.path}: undefined data symbol ${symbol.name}`);
          view.setBigUint64(site, vaddrOf(target.at, target.value) + view.getBigUint64(site, true), true);
        } else if (reloc.type === R_BPF_64_32 && at.kind === "text") {
          if (view.getUint8(site) !== OPCODE_CALL_IMM)
            throw new Error(`${object.path}: R_BPF_64_32 on a non-call at ${site}`);
          if (symbol.type === STT_SECTION)
            throw new Error(`${object.path}: call through a section symbol is not supported`);
          const target = resolve(object, symbol);
          if (target === undefined) {
            if (!ALLOWED_SYSCALLS.has(symbol.name))
              throw new Error(`${object.path}: unknown function or syscall ${symbol.name}`);
            if (version === "v0") {
              view.setInt32(site + 4, -1, true);
              syscallSites.push({ offset: TEXT_OFFSET + site, name: symbol.name });
            } else {
              view.setUint8(site + 1, view.getUint8(site + 1) & 0x0f); // src 0: syscall
              view.setUint32(site + 4, syscallHash(symbol.name), true);
            }
          } else {
            if (target.at.kind !== "text") throw new Error(`${object.path}: call to ${symbol.name}, which is not code`);
            // Internal call: pc-relative in instructions, no relocation left for the loader.
            const targetOffset = target.at.offset + target.value;
            view.setInt32(site + 4, targetOffset / 8 - site / 8 - 1, true);
          }
        } else {
          throw new Error(
            `${object.path}: unsupported relocation type ${reloc.type} in ${object.sections[sectionIndex]?.name}`,
          );
        }
      }
    }
  }

  for (let at = 0; at + 8 <= text.length; at += 8) {
    const opcode = textView.getUint8(at);
    if (opcode === OPCODE_CALL_REG) {
      // LLVM encodes callx's register in dst: v0 reads it from imm, v3 from dst.
      textView.setInt32(at + 4, version === "v0" ? textView.getUint8(at + 1) & 0xf : 0, true);
    }
    if (opcode === OPCODE_LDDW) at += 8; // lddw occupies two slots; its second half is data, not an opcode
  }

  const entry = globals.get(entryName);
  if (!entry) throw new Error(`no ${entryName} symbol`);
  const entryAt = resolve(entry.object, entry.symbol);
  if (entryAt === undefined || entryAt.at.kind !== "text") throw new Error(`${entryName} is not in .text`);
  const entryOffset = entryAt.at.offset + entryAt.value;
  verifySbpf(text, { version, syscallHashes: SYSCALL_HASHES });
  if (version === "v0") return writeSharedObject({ text, rodata, entryOffset, syscallSites });
  return writeSbpfV3Object({ text, rodata, entryOffset });
}
