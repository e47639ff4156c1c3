import {
  ACCOUNT_SIZES,
  ACCOUNT_VERSION,
  ASSIGNMENT_OFFSETS,
  AssignmentState,
  DISCRIMINATORS,
  parseTaskKey,
} from "../../../../../shared/protocol";
import type { Address } from "@solana/kit";
import type { ChainClient, LoggedEvent, SignatureStatus, SignedTransaction } from "../../../../../lib/chain";

/** States of the fake's assignments: open (an account), paid or released (closed, known from events). */
export const PAID = 3;
export const RELEASED = 5;

interface Landed {
  readonly id: string;
  readonly ok: boolean;
}

/**
 * A chain with the one rule that matters for the outbox: a submit lands only while its
 * blockhash is valid, pays only when the assignment is still open, and each signature lands at
 * most once. Faults: any call may throw, and a send may land yet lose its reply.
 */
export class FakeChain {
  height = 100n;
  faultRate = 0;
  down = false;
  readonly assignments = new Map<string, { state: number; hash: string; campaign: Address; index: number }>();
  readonly landed = new Map<string, Landed>();
  readonly payments = new Map<string, number>();
  private counter = 0;

  constructor(private readonly random: () => number = Math.random) {}

  /** An open assignment of task `task` ("<campaign>#<index>"). */
  open(id: string, task: string): void {
    const { campaign, index } = parseTaskKey(task);
    this.assignments.set(id, { state: AssignmentState.Accepted, hash: "", campaign, index });
  }

  private fault(): void {
    if (this.down || this.random() < this.faultRate) throw new TypeError("fetch failed");
  }

  asClient(): ChainClient {
    return this as unknown as ChainClient;
  }

  async blockHeight(): Promise<bigint> {
    this.fault();
    this.height += 1n;
    return this.height;
  }

  async latestBlockhash(): Promise<{ blockhash: string; lastValidBlockHeight: bigint }> {
    this.fault();
    return { blockhash: "fake", lastValidBlockHeight: this.height + 5n };
  }

  async sign(
    _payer: unknown,
    instructions: readonly { id: string; hash: string }[],
    lifetime?: { lastValidBlockHeight: bigint },
  ): Promise<SignedTransaction> {
    const [ix] = instructions;
    const signature = `sig-${++this.counter}`;
    const lastValidBlockHeight = lifetime?.lastValidBlockHeight ?? this.height + 5n;
    const wire = new TextEncoder().encode(
      JSON.stringify({ signature, id: ix!.id, hash: ix!.hash, lvbh: String(lastValidBlockHeight) }),
    );
    return { wire, signature, lastValidBlockHeight };
  }

  async send(wire: Uint8Array): Promise<string> {
    this.fault();
    const tx = JSON.parse(new TextDecoder().decode(wire)) as {
      signature: string;
      id: string;
      hash: string;
      lvbh: string;
    };
    if (!this.landed.has(tx.signature) && this.height <= BigInt(tx.lvbh)) {
      const assignment = this.assignments.get(tx.id)!;
      const ok = assignment.state === AssignmentState.Accepted;
      if (ok) {
        assignment.state = PAID;
        assignment.hash = tx.hash;
        this.payments.set(tx.id, (this.payments.get(tx.id) ?? 0) + 1);
      }
      this.landed.set(tx.signature, { id: tx.id, ok });
    }
    this.fault(); // landed, but the reply is lost
    return tx.signature;
  }

  async signatureStatuses(signatures: readonly string[]): Promise<(SignatureStatus | null)[]> {
    this.fault();
    return signatures.map((s) => {
      const landed = this.landed.get(s);
      if (!landed) return null;
      return {
        slot: 1n,
        confirmationStatus: "confirmed",
        failure: landed.ok ? null : { instruction: 0, programError: 22, kind: "Custom", message: "wrong state" },
      };
    });
  }

  /** Only open assignments are accounts: submission and release close them. */
  async accounts(ids: readonly string[]): Promise<({ address: string; data: Uint8Array; lamports: bigint } | null)[]> {
    this.fault();
    return ids.map((id) => {
      const a = this.assignments.get(id);
      if (!a || a.state !== AssignmentState.Accepted) return null;
      const data = new Uint8Array(ACCOUNT_SIZES.assignment);
      data.set(DISCRIMINATORS.assignment, 0);
      data[8] = ACCOUNT_VERSION;
      data[ASSIGNMENT_OFFSETS.state] = a.state;
      return { address: id, data, lamports: 1n };
    });
  }

  /** What a closed assignment's history says: paid (with the result hash) or released. */
  async events(id: string): Promise<LoggedEvent[]> {
    this.fault();
    const a = this.assignments.get(id);
    if (!a || a.state === AssignmentState.Accepted) return [];
    const worker = "worker" as Address;
    const event =
      a.state === PAID
        ? {
            kind: "resultSubmitted" as const,
            campaign: a.campaign,
            worker,
            taskIndex: a.index,
            price: 1n,
            fee: 0n,
            depositReturned: 0n,
            rating: 0,
            reviewCount: 0,
            resultHash: Uint8Array.from(Buffer.from(a.hash, "hex")),
            resultUri: "",
          }
        : {
            kind: "assignmentReleased" as const,
            campaign: a.campaign,
            worker,
            taskIndex: a.index,
            depositReturned: 0n,
          };
    return [{ signature: "fake", blockTime: 0n, event }];
  }
}
