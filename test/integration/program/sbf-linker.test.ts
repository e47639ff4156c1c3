// The linker on a probe program that uses every relocation kind it supports, linked as SBPF v0
// and v3 and run in LiteSVM; and the verifier that refuses what a version cannot express.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  address,
  appendTransactionMessageInstruction,
  createTransactionMessage,
  generateKeyPairSigner,
  lamports,
  pipe,
  setTransactionMessageFeePayerSigner,
  signTransactionMessageWithSigners,
} from "@solana/kit";
import { LiteSVM, TransactionMetadata } from "litesvm";
import { describe, expect, it } from "vitest";
import { CLANG, CLANG_FLAGS } from "../../../program/tools/build";
import { syscallHash } from "../../../program/tools/murmur3";
import { verifySbpf } from "../../../program/tools/sbpf-verify";
import { deployProgram } from "../../../shared/loader/index";
import { createSvm } from "../../support/program-harness";
import { liteSvmChain } from "../../support/program-loader-deploy";
import { parseElfObject } from "../../../program/tools/elf-object";
import { linkSbfObjects } from "../../../program/tools/sbf-linker";

const hasClang = spawnSync(CLANG, ["--version"]).status === 0;
if (!hasClang) console.warn(`${CLANG} not found: skipping the SBF linker probe`);

function compile(dir: string, source: string): ReturnType<typeof parseElfObject> {
  const out = join(dir, source.replace(/\.c$/, ".o"));
  execFileSync(CLANG, [...CLANG_FLAGS, "-c", join("test/integration/program/fixtures", source), "-o", out]);
  return parseElfObject(source, readFileSync(out));
}

describe("SBF linker", () => {
  it.skipIf(!hasClang)(
    "links pointer tables, callx, cross-object calls and syscalls into a program LiteSVM runs",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "amplify-linker-"));
      try {
        const so = linkSbfObjects([compile(dir, "linker-probe.c"), compile(dir, "linker-probe-helper.c")]);
        const svm = new LiteSVM();
        const programId = address("Probe11111111111111111111111111111111111111");
        svm.addProgram(programId, so);
        const payer = await generateKeyPairSigner();
        svm.airdrop(payer.address, lamports(1_000_000_000n));
        const message = pipe(
          createTransactionMessage({ version: 0 }),
          (m) => setTransactionMessageFeePayerSigner(payer, m),
          (m) => svm.setTransactionMessageLifetimeUsingLatestBlockhash(m),
          (m) =>
            appendTransactionMessageInstruction({ programAddress: programId, accounts: [], data: new Uint8Array() }, m),
        );
        const result = svm.sendTransaction(await signTransactionMessageWithSigners(message));
        expect(result.toString()).toContain("probe ok");
        expect(result).toBeInstanceOf(TransactionMetadata);
        const logs = (result as TransactionMetadata).logs();
        expect(logs).toEqual(
          expect.arrayContaining([
            "Program log: alpha",
            "Program log: bravo",
            "Program log: charlie",
            "Program log: probe ok",
          ]),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!hasClang)(
    "links the same objects as SBPF v3, which deploys through the loader with every feature on and runs",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "amplify-linker-"));
      try {
        const so = linkSbfObjects([compile(dir, "linker-probe.c"), compile(dir, "linker-probe-helper.c")], {
          sbpfVersion: "v3",
        });
        expect(new DataView(so.buffer).getUint32(48, true)).toBe(3);
        const svm = createSvm();
        const payer = await generateKeyPairSigner();
        svm.airdrop(payer.address, lamports(10_000_000_000n));
        const program = await generateKeyPairSigner();
        await deployProgram({
          chain: liteSvmChain(svm),
          bytes: so,
          program,
          payer,
          buffer: await generateKeyPairSigner(),
        });
        const message = pipe(
          createTransactionMessage({ version: 0 }),
          (m) => setTransactionMessageFeePayerSigner(payer, m),
          (m) => svm.setTransactionMessageLifetimeUsingLatestBlockhash(m),
          (m) =>
            appendTransactionMessageInstruction(
              { programAddress: program.address, accounts: [], data: new Uint8Array() },
              m,
            ),
        );
        const result = svm.sendTransaction(await signTransactionMessageWithSigners(message));
        expect(result).toBeInstanceOf(TransactionMetadata);
        expect((result as TransactionMetadata).logs()).toEqual(
          expect.arrayContaining(["Program log: alpha", "Program log: charlie", "Program log: probe ok"]),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it("refuses, with a sentence, instructions SBPF v3 cannot express", () => {
    const insn = (opcode: number, regs: number, imm: number): Uint8Array => {
      const bytes = new Uint8Array(8);
      const view = new DataView(bytes.buffer);
      view.setUint8(0, opcode);
      view.setUint8(1, regs);
      view.setInt32(4, imm, true);
      return bytes;
    };
    const text = (...insns: Uint8Array[]): Uint8Array => Uint8Array.from(insns.flatMap((i) => [...i]));
    const exit = insn(0x95, 0, 0);
    const options = { version: "v3" as const, syscallHashes: new Set([syscallHash("sol_log_")]) };
    expect(() => verifySbpf(text(insn(0x85, 0x00, syscallHash("sol_log_")), exit), options)).not.toThrow();
    expect(() => verifySbpf(text(insn(0x07, 0x0a, -64), exit), options)).toThrow(
      /r10, the frame pointer, is read-only/,
    );
    expect(() => verifySbpf(text(insn(0x86, 0x01, 3), exit), options)).toThrow(/opcode does not exist/); // lmul32 (v2 PQR; class 6 is JMP32 in v3)
    expect(() => verifySbpf(text(insn(0xf7, 0x01, 3), exit), options)).toThrow(/opcode does not exist/); // hor64 (v2 only)
    expect(() => verifySbpf(text(insn(0x85, 0x00, syscallHash("sol_unknown_")), exit), options)).toThrow(
      /not a known syscall hash/,
    );
    expect(() => verifySbpf(text(insn(0x85, 0x10, 5), exit), options)).toThrow(/outside .text/);
    expect(() => verifySbpf(text(insn(0x16, 0x01, 0), exit), { version: "v0" })).toThrow(/opcode does not exist/); // jmp32: v3 only
  });

  it.skipIf(!hasClang)("refuses writable globals and unknown syscalls", () => {
    const dir = mkdtempSync(join(tmpdir(), "amplify-linker-"));
    try {
      const object = compile(dir, "linker-probe-helper.c");
      const undefinedCall = {
        ...object,
        symbols: object.symbols.map((s) => (s.name === "probe_helper" ? { ...s, sectionIndex: 0 } : s)),
      };
      expect(() => linkSbfObjects([undefinedCall], { entrypoint: "probe_helper" })).toThrow();
      const withData = {
        ...object,
        sections: [...object.sections, { ...object.sections[1]!, index: 99, name: ".data", size: 8 }],
      };
      expect(() => linkSbfObjects([withData], { entrypoint: "probe_helper" })).toThrow(/writable globals/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
