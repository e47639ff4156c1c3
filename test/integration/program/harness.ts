// LiteSVM harness for the Amplify program: loads program/dist/amplify.so at the protocol's
// address, sends instructions, reads accounts, and checks lamport conservation.
import { readFileSync } from "node:fs";
import {
  appendTransactionMessageInstructions, createTransactionMessage, generateKeyPairSigner, lamports, pipe,
  setTransactionMessageFeePayerSigner, signTransactionMessageWithSigners,
} from "@solana/kit";
import type { TransactionMetadata } from "litesvm";
import { Clock, FailedTransactionMetadata, LiteSVM } from "litesvm";
import { AMPLIFY_PROGRAM_ADDRESS, getProgramErrorMessage } from "../../../shared/protocol/index";
import type { AmplifyInstruction } from "../../../shared/protocol/index";
import type { Address, Instruction, KeyPairSigner } from "@solana/kit";

export const PROGRAM_PATH = "program/dist/amplify.so";
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
  return BigInt(new Set([feePayer.address, ...instructions.flatMap((ix) => (ix.accounts ?? [])
    .filter((a) => "signer" in a).map((a) => a.address))]).size);
}

export class ProgramHarness {
  readonly svm: LiteSVM;

  constructor(programBytes: Uint8Array = readFileSync(PROGRAM_PATH)) {
    this.svm = new LiteSVM();
    this.svm.addProgram(AMPLIFY_PROGRAM_ADDRESS, programBytes);
    this.setTime(1_700_000_000n);
  }

  async fundedSigner(amount: bigint = 100n * SOL): Promise<KeyPairSigner> {
    const signer = await generateKeyPairSigner();
    this.svm.airdrop(signer.address, lamports(amount));
    return signer;
  }

  setTime(unixTimestamp: bigint): void {
    const clock = this.svm.getClock();
    this.svm.setClock(new Clock(clock.slot + 1n, clock.epochStartTimestamp, clock.epoch, clock.leaderScheduleEpoch, unixTimestamp));
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

  private async sendNow(instructions: (Instruction | AmplifyInstruction)[], feePayer: KeyPairSigner): Promise<SendResult> {
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
  async sendOk(instructions: (Instruction | AmplifyInstruction)[], feePayer: KeyPairSigner): Promise<TransactionMetadata> {
    const touched = [...new Set([feePayer.address, ...instructions.flatMap((ix) => (ix.accounts ?? []).map((a) => a.address))])];
    const before = this.total(touched);
    const result = await this.send(instructions, feePayer);
    if (result instanceof FailedTransactionMetadata) {
      const code = customErrorCode(result);
      const reason = code === undefined ? result.toString() : `${code}: ${getProgramErrorMessage(code)}`;
      throw new Error(`transaction failed (${reason})\n${result.meta().logs().join("\n")}`);
    }
    assertEqual(this.total(touched), before - signatureCount(instructions, feePayer) * LAMPORTS_PER_SIGNATURE, "lamports conserved");
    return result;
  }

  /** Expects program error `code`, and that the failure moved no lamports: only the fee payer paid its fee. */
  async expectError(instructions: (Instruction | AmplifyInstruction)[], feePayer: KeyPairSigner, code: number): Promise<void> {
    const touched = [...new Set(instructions.flatMap((ix) => (ix.accounts ?? []).map((a) => a.address)))];
    const before = touched.map((a) => this.lamports(a));
    const payerBefore = this.lamports(feePayer.address);
    const result = await this.send(instructions, feePayer);
    if (!(result instanceof FailedTransactionMetadata)) throw new Error(`transaction should fail with ${code} but succeeded`);
    assertEqual(customErrorCode(result), code, `program error (${result.toString()})`);
    const signatures = signatureCount(instructions, feePayer);
    touched.forEach((a, i) => {
      if (a !== feePayer.address) assertEqual(this.lamports(a), before[i], `lamports of ${a}`);
    });
    assertEqual(this.lamports(feePayer.address), payerBefore - signatures * LAMPORTS_PER_SIGNATURE, "fee payer lamports");
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
export async function expectConserved(harness: ProgramHarness, addresses: Address[], signatures: bigint,
  action: () => Promise<void>): Promise<void> {
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
export function plantAccount(h: ProgramHarness, address: Address, data: Uint8Array, owner: Address, balance?: bigint): void {
  h.svm.setAccount({ address, data, executable: false, lamports: lamports(balance ?? h.rent(data.length)), programAddress: owner,
    space: BigInt(data.length) });
}
