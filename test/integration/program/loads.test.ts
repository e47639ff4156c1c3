import { readFileSync } from "node:fs";
import { appendTransactionMessageInstruction, createTransactionMessage, generateKeyPairSigner, lamports, pipe, setTransactionMessageFeePayerSigner, signTransactionMessageWithSigners, address } from "@solana/kit";
import { LiteSVM, TransactionMetadata } from "litesvm";
import { describe, expect, it } from "vitest";

describe("amplify.so", () => {
  it("loads in LiteSVM and logs", async () => {
    const svm = new LiteSVM();
    const programId = address("AmpLify1111111111111111111111111111111111111");
    svm.addProgram(programId, readFileSync("program/dist/amplify.so"));
    const payer = await generateKeyPairSigner();
    svm.airdrop(payer.address, lamports(1_000_000_000n));
    const message = pipe(
      createTransactionMessage({ version: 0 }),
      (m) => setTransactionMessageFeePayerSigner(payer, m),
      (m) => svm.setTransactionMessageLifetimeUsingLatestBlockhash(m),
      (m) => appendTransactionMessageInstruction({ programAddress: programId, accounts: [], data: new Uint8Array([0]) }, m),
    );
    const result = svm.sendTransaction(await signTransactionMessageWithSigners(message));
    expect(result).toBeInstanceOf(TransactionMetadata);
    expect((result as TransactionMetadata).logs()).toContain("Program log: amplify: hello");
  });
});
