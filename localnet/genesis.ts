// First-boot set-up of the Amplify program on a fresh ledger: its Config (5 % fee, the
// localnet's faucet as governance authority) and a rent-exempt treasury to receive fees.
import crypto from "node:crypto";
import {
  appendTransactionMessageInstruction,
  createKeyPairSignerFromPrivateKeyBytes,
  createTransactionMessage,
  getAddressDecoder,
  getTransactionEncoder,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
  blockhash,
  type Address,
} from "@solana/kit";
import { AMPLIFY_PROGRAM_ADDRESS, findConfigPda, getInitConfigInstruction } from "../shared/protocol";
import type { Ledger } from "./ledger/ledger";
import { parseWireTransaction } from "./ledger/txWire";

const TREASURY_FLOAT = 1_000_000_000n;

/** The treasury is an address with no known key on the localnet: fees pile up there. */
export function treasuryAddress(ledger: Ledger): Address {
  const bytes = crypto.createHash("sha256").update("amplify-treasury").update(ledger.genesisHash).digest();
  return getAddressDecoder().decode(bytes);
}

export async function bootstrapAmplify(ledger: Ledger, log: (line: string) => void): Promise<void> {
  if (!ledger.loadedPrograms.includes(AMPLIFY_PROGRAM_ADDRESS)) return;
  const [config] = await findConfigPda();
  if (ledger.getAccount(config)) return;
  const faucet = await createKeyPairSignerFromPrivateKeyBytes(ledger.faucet.seed);
  const treasury = treasuryAddress(ledger);
  if (!ledger.getAccount(treasury)) {
    const funded = ledger.airdrop(treasury, TREASURY_FLOAT);
    if (funded.kind === "landed") await funded.durable;
  }
  const ix = await getInitConfigInstruction({ payer: faucet, authority: faucet.address, treasury });
  const latest = ledger.latestBlockhash();
  const message = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayerSigner(faucet, m),
    (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: blockhash(latest.blockhash), lastValidBlockHeight: BigInt(latest.lastValidBlockHeight) }, m),
    (m) => appendTransactionMessageInstruction(ix, m),
  );
  const signed = await signTransactionMessageWithSigners(message);
  const outcome = ledger.send(parseWireTransaction(Uint8Array.from(getTransactionEncoder().encode(signed))), { skipPreflight: false });
  if (outcome.kind !== "landed" || outcome.err !== null) {
    const detail = outcome.kind === "preflightFailed" ? outcome.simulation.logs.join("\n") : outcome.kind;
    throw new Error(`could not initialise the Amplify config: ${detail}`);
  }
  await outcome.durable;
  log(`Amplify config initialised (fee 5 %, treasury ${treasury})`);
}
