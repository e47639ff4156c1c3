// LiteSVM harness for the Amplify program: deploys a committed build through the real BPF
// upgradeable loader (Write chunks, DeployWithMaxDataLen) under a chosen feature set, sends
// instructions, reads accounts, and checks lamport conservation.
import { readFileSync } from "node:fs";
import {
  appendTransactionMessageInstructions,
  createKeyPairSignerFromBytes,
  createTransactionMessage,
  generateKeyPairSigner,
  getAddressEncoder,
  lamports,
  pipe,
  setTransactionMessageFeePayerSigner,
  signTransactionMessageWithSigners,
} from "@solana/kit";
import type { TransactionMetadata } from "litesvm";
import { Clock, FailedTransactionMetadata, FeatureSet, LiteSVM } from "litesvm";
import { deployProgram } from "../../shared/loader/index";
import { getProgramErrorMessage } from "../../shared/protocol/index";
import { liteSvmChain } from "./program-loader-deploy";
import type { AmplifyInstruction } from "../../shared/protocol/index";
import type { Address, Instruction, KeyPairSigner } from "@solana/kit";

export type ProgramBuild = "v0" | "v3";
export const PROGRAM_PATHS: Record<ProgramBuild, string> = {
  v0: "program/dist/amplify.so",
  v3: "program/dist/amplify-v3.so",
};
/** The localnet's program keypair: its address is the default program id (AMPLIFY_PROGRAM_ADDRESS). */
export const LOCALNET_PROGRAM_KEYPAIR_PATH = "localnet/program-keypair.json";
export const LAMPORTS_PER_SIGNATURE = 5000n;
export const SOL = 1_000_000_000n;

/** Plain assertion (no vitest import) so bench/ can reuse this harness outside the test runner. */
function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${String(expected)}, got ${String(actual)}`);
}

export type SendResult = TransactionMetadata | FailedTransactionMetadata;

export function customErrorCode(result: SendResult): number | undefined {
  if (!(result instanceof FailedTransactionMetadata)) return undefined;
  const err = result.err() as unknown as { err?: () => unknown };
  if (typeof err.err !== "function") return undefined;
  const inner = err.err() as { code?: number };
  return typeof inner === "object" && inner !== null && typeof inner.code === "number" ? inner.code : undefined;
}

function signatureCount(instructions: (Instruction | AmplifyInstruction)[], feePayer: KeyPairSigner): bigint {
  return BigInt(
    new Set([
      feePayer.address,
      ...instructions.flatMap((ix) => (ix.accounts ?? []).filter((a) => "signer" in a).map((a) => a.address)),
    ]).size,
  );
}

/** A LiteSVM with every feature on (as a stock validator runs) except the ones named. */
export function createSvm(deactivate: readonly Address[] = []): LiteSVM {
  const features = FeatureSet.allEnabled();
  const encoder = getAddressEncoder();
  for (const feature of deactivate) features.deactivate(new Uint8Array(encoder.encode(feature)));
  return LiteSVM.default()
    .withFeatureSet(features)
    .withBuiltins()
    .withLamports(1_000_000_000n * SOL)
    .withSysvars()
    .withPrecompiles()
    .withDefaultPrograms();
}

export async function loadKeypair(path: string): Promise<KeyPairSigner> {
  return createKeyPairSignerFromBytes(Uint8Array.from(JSON.parse(readFileSync(path, "utf8")) as number[]));
}

export interface DeployOptions {
  /** Which committed build; default v3, the one today's clusters accept. */
  build?: ProgramBuild;
  /** Features switched off (default: none, every feature on). */
  deactivate?: readonly Address[];
  /** The program keypair; default the localnet's, whose address is AMPLIFY_PROGRAM_ADDRESS. */
  programKeypair?: KeyPairSigner;
}

export class ProgramHarness {
  readonly svm: LiteSVM;
  readonly programId: Address;
  /** Deployed the program, so it is its upgrade authority: the only signer init_config accepts. */
  readonly deployer: KeyPairSigner;

  private constructor(svm: LiteSVM, programId: Address, deployer: KeyPairSigner) {
    this.svm = svm;
    this.programId = programId;
    this.deployer = deployer;
    this.setTime(1_700_000_000n);
  }

  /** A fresh LiteSVM with the program deployed through the upgradeable loader. */
  static async deploy(options: DeployOptions = {}): Promise<ProgramHarness> {
    const svm = createSvm(options.deactivate);
    const deployer = await generateKeyPairSigner();
    svm.airdrop(deployer.address, lamports(100n * SOL));
    const program = options.programKeypair ?? (await loadKeypair(LOCALNET_PROGRAM_KEYPAIR_PATH));
    await deployProgram({
      chain: liteSvmChain(svm),
      bytes: readFileSync(PROGRAM_PATHS[options.build ?? "v3"]),
      program,
      payer: deployer,
      buffer: await generateKeyPairSigner(),
    });
    return new ProgramHarness(svm, program.address, deployer);
  }

  async fundedSigner(amount: bigint = 100n * SOL): Promise<KeyPairSigner> {
    const signer = await generateKeyPairSigner();
    this.svm.airdrop(signer.address, lamports(amount));
    return signer;
  }

  setTime(unixTimestamp: bigint): void {
    const clock = this.svm.getClock();
    this.svm.setClock(
      new Clock(clock.slot + 1n, clock.epochStartTimestamp, clock.epoch, clock.leaderScheduleEpoch, unixTimestamp),
    );
  }

  now(): bigint {
    return this.svm.getClock().unixTimestamp;
  }

  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Sends the instructions in one transaction. The blockhash is fresh so repeats are not
   * deduplicated; sends are queued so concurrent callers cannot expire each other's blockhash.
   */
  send(instructions: (Instruction | AmplifyInstruction)[], feePayer: KeyPairSigner): Promise<SendResult> {
    const next = this.queue.then(() => this.sendNow(instructions, feePayer));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async sendNow(
    instructions: (Instruction | AmplifyInstruction)[],
    feePayer: KeyPairSigner,
  ): Promise<SendResult> {
    this.svm.expireBlockhash();
    const message = pipe(
      createTransactionMessage({ version: 0 }),
      (m) => setTransactionMessageFeePayerSigner(feePayer, m),
      (m) => this.svm.setTransactionMessageLifetimeUsingLatestBlockhash(m),
      (m) => appendTransactionMessageInstructions(instructions, m),
    );
    return this.svm.sendTransaction(await signTransactionMessageWithSigners(message));
  }

  /**
   * Sends and expects success. Every successful send also checks conservation: the accounts the
   * transaction names hold exactly as many lamports as before, minus the signature fees.
   */
  async sendOk(
    instructions: (Instruction | AmplifyInstruction)[],
    feePayer: KeyPairSigner,
  ): Promise<TransactionMetadata> {
    const touched = [
      ...new Set([feePayer.address, ...instructions.flatMap((ix) => (ix.accounts ?? []).map((a) => a.address))]),
    ];
    const before = this.total(touched);
    const result = await this.send(instructions, feePayer);
    if (result instanceof FailedTransactionMetadata) {
      const code = customErrorCode(result);
      const reason = code === undefined ? result.toString() : `${code}: ${getProgramErrorMessage(code)}`;
      throw new Error(`transaction failed (${reason})\n${result.meta().logs().join("\n")}`);
    }
    assertEqual(
      this.total(touched),
      before - signatureCount(instructions, feePayer) * LAMPORTS_PER_SIGNATURE,
      "lamports conserved",
    );
    return result;
  }

  /** Expects program error `code`, and that the failure moved no lamports: only the fee payer paid its fee. */
  async expectError(
    instructions: (Instruction | AmplifyInstruction)[],
    feePayer: KeyPairSigner,
    code: number,
  ): Promise<void> {
    const touched = [...new Set(instructions.flatMap((ix) => (ix.accounts ?? []).map((a) => a.address)))];
    const before = touched.map((a) => this.lamports(a));
    const payerBefore = this.lamports(feePayer.address);
    const result = await this.send(instructions, feePayer);
    if (!(result instanceof FailedTransactionMetadata))
      throw new Error(`transaction should fail with ${code} but succeeded`);
    assertEqual(customErrorCode(result), code, `program error (${result.toString()})`);
    const signatures = signatureCount(instructions, feePayer);
    touched.forEach((a, i) => {
      if (a !== feePayer.address) assertEqual(this.lamports(a), before[i], `lamports of ${a}`);
    });
    assertEqual(
      this.lamports(feePayer.address),
      payerBefore - signatures * LAMPORTS_PER_SIGNATURE,
      "fee payer lamports",
    );
  }

  lamports(address: Address): bigint {
    return this.svm.getBalance(address) ?? 0n;
  }

  data(address: Address): Uint8Array {
    const account = this.svm.getAccount(address);
    if (!account.exists) throw new Error(`account ${address} does not exist`);
    return Uint8Array.from(account.data);
  }

  exists(address: Address): boolean {
    return this.svm.getAccount(address).exists;
  }

  rent(size: number): bigint {
    return this.svm.minimumBalanceForRentExemption(BigInt(size));
  }

  /** Sum of balances, for conservation checks across a set of accounts. */
  total(addresses: Address[]): bigint {
    return [...new Set(addresses)].reduce((sum, a) => sum + this.lamports(a), 0n);
  }
}

/**
 * Runs `action` and asserts that the lamports of `addresses` changed by exactly minus the
 * signature fees of the transactions it sent: nothing created, nothing lost.
 */
export async function expectConserved(
  harness: ProgramHarness,
  addresses: Address[],
  signatures: bigint,
  action: () => Promise<void>,
): Promise<void> {
  const before = harness.total(addresses);
  await action();
  assertEqual(harness.total(addresses), before - signatures * LAMPORTS_PER_SIGNATURE, "sum of lamports");
}

/** items[index], or a thrown error: keeps noUncheckedIndexedAccess honest in tests. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}

/** Plants an account directly (LiteSVM setAccount): how the tests forge look-alike accounts. */
export function plantAccount(
  h: ProgramHarness,
  address: Address,
  data: Uint8Array,
  owner: Address,
  balance?: bigint,
): void {
  h.svm.setAccount({
    address,
    data,
    executable: false,
    lamports: lamports(balance ?? h.rent(data.length)),
    programAddress: owner,
    space: BigInt(data.length),
  });
}
