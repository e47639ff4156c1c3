// Links clang's relocatable BPF objects into one SBPF v0 shared object (DESIGN §9): ld.lld
// refuses this target. Everything is resolved statically except syscalls, which the loader
// binds by name through R_BPF_64_32 dynamic relocations.
import { SHN_UNDEF, SHT_NOBITS, STT_SECTION } from "./elf-object";
import { alignUp, TEXT_OFFSET, writeSharedObject } from "./sbf-shared-object";
import { ALLOWED_SYSCALLS } from "./syscalls";
import type { ElfObject, ObjectSection, ObjectSymbol } from "./elf-object";
import type { SyscallSite } from "./sbf-shared-object";

/** Programs see their file at this virtual address (MM_PROGRAM_START). */
const PROGRAM_VADDR = 0x1_0000_0000n;
const R_BPF_64_64 = 1;
const R_BPF_64_ABS64 = 2;
const R_BPF_64_32 = 10;
const OPCODE_CALL_IMM = 0x85;
const OPCODE_CALL_REG = 0x8d;

type OutputKind = "text" | "rodata";

function outputKindOf(section: ObjectSection): OutputKind | "ignore" {
  const n = section.name;
  if (n === ".text" || n.startsWith(".text.")) return "text";
  if (n === ".rodata" || n.startsWith(".rodata.") || n === ".data.rel.ro" || n.startsWith(".data.rel.ro.")) return "rodata";
  const writable = n === ".data" || n.startsWith(".data.") || n === ".bss" || n.startsWith(".bss.") || n === ".sdata";
  if (writable && section.size > 0) {
    throw new Error(`section ${n} holds writable globals, which the SBF loader refuses; make them const`);
  }
  return "ignore";
}

interface Placed {
  kind: OutputKind;
  offset: number;
}

export interface LinkOptions {
  entrypoint?: string;
}

export function linkSbfObjects(objects: ElfObject[], options: LinkOptions = {}): Uint8Array {
  const entryName = options.entrypoint ?? "entrypoint";
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
  const rodataStart = alignUp(TEXT_OFFSET + textSize, 8);
  let rodataSize = 0;
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
  const text = new Uint8Array(textSize);
  const rodata = new Uint8Array(rodataSize);
  for (const object of objects) {
    for (const [index, at] of placement.get(object) ?? []) {
      const bytes = object.sections[index]?.bytes ?? new Uint8Array();
      (at.kind === "text" ? text : rodata).set(bytes, at.offset);
    }
  }
  /** File offset (== ELF address) of a placed section. */
  const fileOffsetOf = (at: Placed): number => (at.kind === "text" ? TEXT_OFFSET : rodataStart) + at.offset;

  // Pass 2: global symbols.
  const globals = new Map<string, { object: ElfObject; symbol: ObjectSymbol }>();
  for (const object of objects) {
    for (const symbol of object.symbols) {
      if (symbol.binding === 0 || symbol.sectionIndex === SHN_UNDEF || symbol.name === "") continue;
      if (globals.has(symbol.name)) throw new Error(`duplicate symbol ${symbol.name} in ${object.path}`);
      globals.set(symbol.name, { object, symbol });
    }
  }
  const addressOf = (object: ElfObject, symbol: ObjectSymbol): number | undefined => {
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
    return fileOffsetOf(at) + sym.value;
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
        if (!symbol) throw new Error(`${object.path}: relocation names symbol ${reloc.symbolIndex}, which does not exist`);
        const site = at.offset + reloc.offset;
        if (reloc.type === R_BPF_64_64) {
          // lddw: the implicit addend is the first immediate; the 64-bit address spans both.
          const target = addressOf(object, symbol);
          if (target === undefined) throw new Error(`${object.path}: undefined data symbol ${symbol.name}`);
          const value = PROGRAM_VADDR + BigInt(target + view.getInt32(site + 4, true));
          view.setUint32(site + 4, Number(value & 0xffffffffn), true);
          view.setUint32(site + 12, Number(value >> 32n), true);
        } else if (reloc.type === R_BPF_64_ABS64) {
          const target = addressOf(object, symbol);
          if (target === undefined) throw new Error(`${object.path}: undefined data symbol ${symbol.name}`);
          view.setBigUint64(site, PROGRAM_VADDR + BigInt(target) + view.getBigUint64(site, true), true);
        } else if (reloc.type === R_BPF_64_32 && at.kind === "text") {
          if (view.getUint8(site) !== OPCODE_CALL_IMM) throw new Error(`${object.path}: R_BPF_64_32 on a non-call at ${site}`);
          if (symbol.type === STT_SECTION) throw new Error(`${object.path}: call through a section symbol is not supported`);
          const target = addressOf(object, symbol);
          if (target === undefined) {
            if (!ALLOWED_SYSCALLS.has(symbol.name)) throw new Error(`${object.path}: unknown function or syscall ${symbol.name}`);
            view.setInt32(site + 4, -1, true);
            syscallSites.push({ offset: TEXT_OFFSET + site, name: symbol.name });
          } else {
            // Internal call: pc-relative in instructions, no relocation left for the loader.
            const fromPc = (TEXT_OFFSET + site) / 8;
            view.setInt32(site + 4, (target / 8) - fromPc - 1, true);
          }
        } else {
          throw new Error(`${object.path}: unsupported relocation type ${reloc.type} in ${object.sections[sectionIndex]?.name}`);
        }
      }
    }
  }

  // LLVM encodes callx's register in dst; SBPF v0 reads it from imm.
  for (let at = 0; at + 8 <= text.length; at += 8) {
    const opcode = textView.getUint8(at);
    if (opcode === OPCODE_CALL_REG) textView.setInt32(at + 4, textView.getUint8(at + 1) & 0xf, true);
    if (opcode === 0x18) at += 8; // lddw occupies two slots; its second half is data, not an opcode
  }

  const entry = globals.get(entryName);
  if (!entry) throw new Error(`no ${entryName} symbol`);
  const entryAddress = addressOf(entry.object, entry.symbol);
  if (entryAddress === undefined || entryAddress >= rodataStart) throw new Error(`${entryName} is not in .text`);
  return writeSharedObject({ text, rodata, entryOffset: entryAddress - TEXT_OFFSET, syscallSites });
}
