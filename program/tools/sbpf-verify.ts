// Checks linked bytecode against the rules of the SBPF version it targets, so that a construct
// the target cannot express is a build error with a sentence instead of a deploy failure. Mirrors
// solana-sbpf 0.23 `RequisiteVerifier` for v0 and v3 (identical except JMP32 and where callx
// names its register), plus the static-syscall rule of v3 (a `call` with src 0 must name a
// syscall the runtime registers).
import type { SbpfVersion } from "./sbpf-version";

const LDDW = 0x18;
const CALL_IMM = 0x85;
const CALL_REG = 0x8d;

const LOADS = [0x61, 0x69, 0x71, 0x79];
const STORES = [0x62, 0x6a, 0x72, 0x7a, 0x63, 0x6b, 0x73, 0x7b];
const ALU32 = [
  0x04, 0x0c, 0x14, 0x1c, 0x24, 0x2c, 0x34, 0x3c, 0x44, 0x4c, 0x54, 0x5c, 0x64, 0x6c, 0x74, 0x7c, 0x84, 0x94, 0x9c,
  0xa4, 0xac, 0xb4, 0xbc, 0xc4, 0xcc, 0xd4, 0xdc,
];
const ALU64 = [
  0x07, 0x0f, 0x17, 0x1f, 0x27, 0x2f, 0x37, 0x3f, 0x47, 0x4f, 0x57, 0x5f, 0x67, 0x6f, 0x77, 0x7f, 0x87, 0x97, 0x9f,
  0xa7, 0xaf, 0xb7, 0xbf, 0xc7, 0xcf,
];
/** Conditional jump operations (upper nibble) shared by the JMP (0x05) and JMP32 (0x06) classes. */
const JUMP_OPS = [0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0xa0, 0xb0, 0xc0, 0xd0];
const JMP64 = [0x05, ...JUMP_OPS.flatMap((op) => [op | 0x05, op | 0x0d])];
const JMP32 = JUMP_OPS.flatMap((op) => [op | 0x06, op | 0x0e]);
const SHIFT32_IMM = [0x64, 0x74, 0xc4];
const SHIFT64_IMM = [0x67, 0x77, 0xc7];
const DIV_MOD_IMM = [0x34, 0x94, 0x37, 0x97];
const BYTE_SWAP = [0xd4, 0xdc];

const common = new Set([LDDW, ...LOADS, ...STORES, ...ALU32, ...ALU64, ...JMP64, CALL_IMM, CALL_REG, 0x95]);
const ALLOWED: Record<SbpfVersion, ReadonlySet<number>> = { v0: common, v3: new Set([...common, ...JMP32]) };
const STORE_SET = new Set(STORES);
const JUMP_SET = new Set([...JMP64, ...JMP32]);

export interface VerifyOptions {
  version: SbpfVersion;
  /** For v3: murmur3 keys of the syscalls the runtime registers. */
  syscallHashes?: ReadonlySet<number>;
}

/** Throws a sentence naming the instruction index and the rule; returns nothing when the text passes. */
export function verifySbpf(text: Uint8Array, options: VerifyOptions): void {
  const { version } = options;
  if (text.length === 0 || text.length % 8 !== 0)
    throw new Error(`.text is ${text.length} bytes, not a non-empty multiple of 8`);
  const view = new DataView(text.buffer, text.byteOffset, text.byteLength);
  const count = text.length / 8;
  const fail = (pc: number, why: string): never => {
    throw new Error(
      `SBPF ${version} cannot express instruction ${pc} (opcode 0x${(text[pc * 8] ?? 0).toString(16)}): ${why}`,
    );
  };
  for (let pc = 0; pc < count; pc++) {
    const at = pc * 8;
    const opcode = view.getUint8(at);
    const dst = view.getUint8(at + 1) & 0xf;
    const src = view.getUint8(at + 1) >> 4;
    const offset = view.getInt16(at + 2, true);
    const imm = view.getInt32(at + 4, true);
    if (!ALLOWED[version].has(opcode)) fail(pc, "the opcode does not exist in this version");
    if (opcode === LDDW) {
      if (pc + 1 >= count || view.getUint8(at + 8) !== 0)
        fail(pc, "lddw must be followed by its second slot (opcode 0)");
    }
    if (SHIFT32_IMM.includes(opcode) && (imm < 0 || imm >= 32)) fail(pc, `32-bit shift by ${imm}`);
    if (SHIFT64_IMM.includes(opcode) && (imm < 0 || imm >= 64)) fail(pc, `64-bit shift by ${imm}`);
    if (DIV_MOD_IMM.includes(opcode) && imm === 0) fail(pc, "division by an immediate zero");
    if (BYTE_SWAP.includes(opcode) && ![16, 32, 64].includes(imm)) fail(pc, `byte swap of ${imm} bits`);
    if (JUMP_SET.has(opcode)) {
      const target = pc + 1 + offset;
      if (target < 0 || target >= count) fail(pc, `jump to ${target}, outside .text`);
      if (view.getUint8(target * 8) === 0) fail(pc, "jump into the second slot of an lddw");
    }
    if (opcode === CALL_REG) {
      const register = version === "v0" ? imm : dst;
      if (register < 0 || register > 9) fail(pc, `callx through register ${register}`);
    }
    if (opcode === CALL_IMM && version === "v3") {
      if (src === 1) {
        const target = pc + 1 + imm;
        if (target < 0 || target >= count) fail(pc, `internal call to ${target}, outside .text`);
      } else if (src === 0) {
        if (!options.syscallHashes?.has(imm >>> 0))
          fail(pc, `call of 0x${(imm >>> 0).toString(16)}, which is not a known syscall hash`);
      } else {
        fail(pc, `call with src ${src} (0: syscall, 1: internal call)`);
      }
    }
    if (src > 10) fail(pc, `source register r${src}`);
    if (dst > 10 || (dst === 10 && !STORE_SET.has(opcode)))
      fail(pc, `writes r${dst} (r10, the frame pointer, is read-only: stack frames are fixed)`);
    if (opcode === LDDW) pc++;
  }
}
