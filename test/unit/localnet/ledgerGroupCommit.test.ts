// Group commit must not open a window for double execution, and nothing is visible as
// confirmed before its commit.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import nacl from "tweetnacl";
import { getBase58Decoder } from "@solana/kit";
import { Ledger } from "../../../localnet/ledger/ledger";
import { parseWireTransaction } from "../../../localnet/ledger/txWire";

it("a duplicate sent before the first one's commit is dropped, and statuses appear only once durable", async () => {
  const ledger = new Ledger({ home: fs.mkdtempSync(path.join(os.tmpdir(), "amplify-ledger-")) });
  try {
    const to = getBase58Decoder().decode(nacl.sign.keyPair().publicKey);
    const wire = ledger.faucet.transfer(to, 5_000_000n, ledger.latestBlockhash().blockhash);
    const first = ledger.send(parseWireTransaction(wire), { skipPreflight: true });
    const second = ledger.send(parseWireTransaction(wire), { skipPreflight: true });
    expect(first.kind).toBe("landed");
    expect(second).toMatchObject({ kind: "dropped", err: "AlreadyProcessed" });
    expect(ledger.getSignatureStatus(first.signature, true)).toBeNull();
    if (first.kind === "landed") await first.durable;
    expect(ledger.getSignatureStatus(first.signature, true)).toEqual({ slot: expect.any(Number), err: null });
    expect(ledger.getAccount(to)?.lamports).toBe(5_000_000n);
  } finally {
    ledger.close();
  }
});
