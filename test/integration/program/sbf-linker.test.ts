// The linker on a probe program that uses every relocation kind it supports, run in LiteSVM.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { address, appendTransactionMessageInstruction, createTransactionMessage, generateKeyPairSigner, lamports, pipe,
  setTransactionMessageFeePayerSigner, signTransactionMessageWithSigners } from "@solana/kit";
import { LiteSVM, TransactionMetadata } from "litesvm";
import { describe, expect, it } from "vitest";
import { CLANG, CLANG_FLAGS } from "../../../program/tools/build";
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
  it.skipIf(!hasClang)("links pointer tables, callx, cross-object calls and syscalls into a program LiteSVM runs", async () => {
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
        (m) => appendTransactionMessageInstruction({ programAddress: programId, accounts: [], data: new Uint8Array() }, m),
      );
      const result = svm.sendTransaction(await signTransactionMessageWithSigners(message));
      expect(result.toString()).toContain("probe ok");
      expect(result).toBeInstanceOf(TransactionMetadata);
      const logs = (result as TransactionMetadata).logs();
      expect(logs).toEqual(expect.arrayContaining(["Program log: alpha", "Program log: bravo", "Program log: charlie", "Program log: probe ok"]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasClang)("refuses writable globals and unknown syscalls", () => {
    const dir = mkdtempSync(join(tmpdir(), "amplify-linker-"));
    try {
      const object = compile(dir, "linker-probe-helper.c");
      const undefinedCall = { ...object, symbols: object.symbols.map((s) => (s.name === "probe_helper" ? { ...s, sectionIndex: 0 } : s)) };
      expect(() => linkSbfObjects([undefinedCall], { entrypoint: "probe_helper" })).toThrow();
      const withData = { ...object, sections: [...object.sections, { ...object.sections[1]!, index: 99, name: ".data", size: 8 }] };
      expect(() => linkSbfObjects([withData], { entrypoint: "probe_helper" })).toThrow(/writable globals/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
