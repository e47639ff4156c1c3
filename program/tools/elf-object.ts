// Reads the parts of a relocatable ELF64 (little-endian, as clang-19 -target bpfel writes it)
// that the SBF linker needs: sections, symbols and REL relocations. Nothing else is parsed.

export const SHT_SYMTAB = 2;
export const SHT_NOBITS = 8;
export const SHT_REL = 9;
export const SHN_UNDEF = 0;
export const STT_SECTION = 3;
export const STT_FUNC = 2;

export interface ObjectSection {
  index: number;
  name: string;
  type: number;
  flags: bigint;
  size: number;
  align: number;
  link: number;
  info: number;
  bytes: Uint8Array;
}

export interface ObjectSymbol {
  name: string;
  value: number;
  size: number;
  type: number;
  binding: number;
  sectionIndex: number;
}

export interface ObjectRelocation {
  offset: number;
  type: number;
  symbolIndex: number;
}

export interface ElfObject {
  path: string;
  sections: ObjectSection[];
  symbols: ObjectSymbol[];
  /** Relocations keyed by the index of the section they patch. */
  relocations: Map<number, ObjectRelocation[]>;
}

function cString(bytes: Uint8Array, start: number): string {
  let end = start;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return new TextDecoder().decode(bytes.subarray(start, end));
}

export function parseElfObject(path: string, file: Uint8Array): ElfObject {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const magicOk = file[0] === 0x7f && file[1] === 0x45 && file[2] === 0x4c && file[3] === 0x46;
  if (!magicOk || file[4] !== 2 || file[5] !== 1) throw new Error(`${path}: not a little-endian ELF64 file`);
  if (view.getUint16(16, true) !== 1) throw new Error(`${path}: not a relocatable object (ET_REL)`);
  if (view.getUint16(18, true) !== 247) throw new Error(`${path}: not a BPF object (e_machine 247)`);

  const shoff = Number(view.getBigUint64(40, true));
  const shentsize = view.getUint16(58, true);
  const shnum = view.getUint16(60, true);
  const shstrndx = view.getUint16(62, true);

  const raw = Array.from({ length: shnum }, (_, index) => {
    const at = shoff + index * shentsize;
    const type = view.getUint32(at + 4, true);
    const offset = Number(view.getBigUint64(at + 24, true));
    const size = Number(view.getBigUint64(at + 32, true));
    return {
      index,
      nameOffset: view.getUint32(at, true),
      type,
      flags: view.getBigUint64(at + 8, true),
      size,
      link: view.getUint32(at + 40, true),
      info: view.getUint32(at + 44, true),
      align: Number(view.getBigUint64(at + 48, true)) || 1,
      bytes: type === SHT_NOBITS ? new Uint8Array(size) : file.slice(offset, offset + size),
    };
  });
  const shstr = raw[shstrndx]?.bytes ?? new Uint8Array();
  const sections: ObjectSection[] = raw.map(({ nameOffset, ...rest }) => ({
    ...rest,
    name: cString(shstr, nameOffset),
  }));

  const symtab = sections.find((s) => s.type === SHT_SYMTAB);
  const symbols: ObjectSymbol[] = [];
  if (symtab) {
    const strtab = sections[symtab.link]?.bytes ?? new Uint8Array();
    const sv = new DataView(symtab.bytes.buffer, symtab.bytes.byteOffset, symtab.bytes.byteLength);
    for (let at = 0; at + 24 <= symtab.bytes.length; at += 24) {
      const info = sv.getUint8(at + 4);
      const sectionIndex = sv.getUint16(at + 6, true);
      const type = info & 0xf;
      const nameOffset = sv.getUint32(at, true);
      symbols.push({
        name: type === STT_SECTION ? (sections[sectionIndex]?.name ?? "") : cString(strtab, nameOffset),
        value: Number(sv.getBigUint64(at + 8, true)),
        size: Number(sv.getBigUint64(at + 16, true)),
        type,
        binding: info >> 4,
        sectionIndex,
      });
    }
  }

  const relocations = new Map<number, ObjectRelocation[]>();
  for (const section of sections) {
    if (section.type !== SHT_REL) continue;
    const rv = new DataView(section.bytes.buffer, section.bytes.byteOffset, section.bytes.byteLength);
    const list: ObjectRelocation[] = [];
    for (let at = 0; at + 16 <= section.bytes.length; at += 16) {
      const info = rv.getBigUint64(at + 8, true);
      list.push({
        offset: Number(rv.getBigUint64(at, true)),
        type: Number(info & 0xffffffffn),
        symbolIndex: Number(info >> 32n),
      });
    }
    relocations.set(section.info, list);
  }
  return { path, sections, symbols, relocations };
}
