// First-boot set-up on a fresh ledger, done the way an operator would on any cluster: the
// Amplify program is deployed through the BPF upgradeable loader (buffer, Write chunks,
// DeployWithMaxDataLen) with the newest SBPF version the ledger's feature set accepts, signed by
// the faucet, which is thereby the upgrade authority; then the faucet, and only it, initialises
// the Config (5 % fee, itself as governance authority) and a rent-exempt treasury.
import crypto from "node:crypto";
import fs from "node:fs";
import {
  appendTransactionMessageInstructions,
  blockhash,
  createKeyPairSignerFromBytes,
  createKeyPairSignerFromPrivateKeyBytes,
  createTransactionMessage,
  generateKeyPairSigner,
  getAddressDecoder,
  getTransactionEncoder,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
  type Address,
  type Instruction,
  type TransactionSigner,
} from "@solana/kit";
import {
  decodeFeatureActive,
  deployProgram,
  FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT,
  FEATURE_ENABLE_SBPF_V3_DEPLOYMENT,
  newestAcceptedVersion,
  type ChainAccount,
  type DeployChain,
} from "../shared/loader";
import { findConfigPda, getInitConfigInstruction } from "../shared/protocol";
import type { Ledger } from "./ledger/ledger";
import { parseWireTransaction } from "./ledger/txWire";
import type { LoadedProgram } from "./programs";

const TREASURY_FLOAT = 1_000_000_000n;

/** The treasury is an address with no known key on the localnet: fees pile up there. */
export function treasuryAddress(ledger: Ledger): Address {
  const bytes = crypto.createHash("sha256").update("amplify-treasury").update(ledger.genesisHash).digest();
  return getAddressDecoder().decode(bytes);
}

/** The ledger as a DeployChain: real transactions through `ledger.send`, each awaited to disk. */
export function ledgerChain(ledger: Ledger): DeployChain {
  const read = (address: Address): ChainAccount | null => {
    const account = ledger.getAccount(address);
    return account ? { lamports: account.lamports, owner: account.owner as Address, data: account.data } : null;
  };
  return {
    getAccount: (address) => Promise.resolve(read(address)),
    minimumBalance: (size) => Promise.resolve(ledger.minimumBalanceForRentExemption(size)),
    send: (instructions, feePayer) => sendAndWait(ledger, instructions, feePayer),
  };
}

export async function sendAndWait(
  ledger: Ledger,
  instructions: readonly Instruction[],
  feePayer: TransactionSigner,
): Promise<void> {
  const latest = ledger.latestBlockhash();
  const message = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayerSigner(feePayer, m),
    (m) =>
      setTransactionMessageLifetimeUsingBlockhash(
        { blockhash: blockhash(latest.blockhash), lastValidBlockHeight: BigInt(latest.lastValidBlockHeight) },
        m,
      ),
    (m) => appendTransactionMessageInstructions(instructions, m),
  );
  const signed = await signTransactionMessageWithSigners(message);
  const outcome = ledger.send(parseWireTransaction(Uint8Array.from(getTransactionEncoder().encode(signed))), {
    skipPreflight: false,
  });
  if (outcome.kind !== "landed" || outcome.err !== null) {
    const detail =
      outcome.kind === "preflightFailed"
        ? outcome.simulation.logs.join("\n")
        : `${outcome.kind} ${JSON.stringify("err" in outcome ? outcome.err : null)}`;
    throw new Error(`genesis transaction failed: ${detail}`);
  }
  await outcome.durable;
}

export function faucetSigner(ledger: Ledger): Promise<TransactionSigner> {
  return createKeyPairSignerFromPrivateKeyBytes(ledger.faucet.seed);
}

/** Deploys `program` unless its id already holds a program; returns the program id. */
export async function deployGenesisProgram(
  ledger: Ledger,
  program: LoadedProgram,
  log: (line: string) => void,
): Promise<Address> {
  const keypair = await createKeyPairSignerFromBytes(
    Uint8Array.from(JSON.parse(fs.readFileSync(program.keypairPath, "utf8")) as number[]),
  );
  const chain = ledgerChain(ledger);
  if (await chain.getAccount(keypair.address)) return keypair.address;
  const [disableV0, enableV3] = await Promise.all(
    [FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT, FEATURE_ENABLE_SBPF_V3_DEPLOYMENT].map(async (feature) =>
      decodeFeatureActive(await chain.getAccount(feature)),
    ),
  );
  const version = newestAcceptedVersion({ disableV0: disableV0 ?? false, enableV3: enableV3 ?? false });
  const bytes = fs.readFileSync(program.builds[version]);
  const faucet = await faucetSigner(ledger);
  const result = await deployProgram({
    chain,
    bytes,
    program: keypair,
    payer: faucet,
    buffer: await generateKeyPairSigner(),
  });
  log(
    `program ${result.programId} deployed through the upgradeable loader (SBPF ${version}, ${bytes.length} bytes, ${result.writes} writes)`,
  );
  return result.programId;
}

export async function bootstrapAmplify(
  ledger: Ledger,
  programAddress: Address,
  log: (line: string) => void,
): Promise<void> {
  const [config] = await findConfigPda(programAddress);
  if (ledger.getAccount(config)) return;
  const faucet = await faucetSigner(ledger);
  const treasury = treasuryAddress(ledger);
  if (!ledger.getAccount(treasury)) {
    const funded = ledger.airdrop(treasury, TREASURY_FLOAT);
    if (funded.kind === "landed") await funded.durable;
  }
  await sendAndWait(
    ledger,
    [await getInitConfigInstruction({ payer: faucet, authority: faucet.address, treasury, programAddress })],
    faucet,
  );
  log(`Amplify config initialised (fee 5 %, treasury ${treasury})`);
}
