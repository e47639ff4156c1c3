// The two SBPF versions the linker emits, and the virtual addresses each one maps the program at
// (solana-sbpf 0.23, the VM inside Agave 4.3 / LiteSVM 1.5: src/program.rs, src/ebpf.rs).
//
// v0: the legacy format. The whole file is mapped at 0x1_0000_0000; syscalls are bound by the
//     loader through R_BPF_64_32 dynamic relocations; ELF e_flags 0.
// v3: SIMD-0178 (static syscalls: `call` with src 0 and imm = murmur3 of the name; internal calls
//     src 1, pc-relative), SIMD-0189 (strict ELF: two PT_LOAD program headers, read-only data at
//     0x0 and bytecode at 0x1_0000_0000, no relocations), SIMD-0377 (callx names its register in
//     dst; JMP32 allowed). e_flags 3. Stack frames stay fixed (4 KiB, no gaps, no `add64 r10`),
//     and the v2-only changes of SIMD-0173/0174 (no lddw, PQR, no neg/le) do NOT apply to v3.
export type SbpfVersion = "v0" | "v3";

export const SBPF_VERSIONS: readonly SbpfVersion[] = ["v0", "v3"];

export const MM_RODATA_START = 0n;
export const MM_BYTECODE_START = 0x1_0000_0000n;
/** v0 maps the whole ELF file here. */
export const MM_PROGRAM_START = 0x1_0000_0000n;

export const E_FLAGS: Record<SbpfVersion, number> = { v0: 0, v3: 3 };
