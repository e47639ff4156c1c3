// Adds a campaign's tasks from wherever the chain says it is, in transactions packed with as
// many tasks as fit in one packet (one or more add_tasks instructions each).
import type { Address, Instruction } from "@solana/kit";
import { findTaskPda, getAddTasksInstruction } from "../../shared/protocol";
import { MAX_TRANSACTION_BYTES, type AmplifyChain } from "../chain";
import type { RequesterKeys } from "./keyfile";
import type { ProgressListener } from "./progress";

type Signer = RequesterKeys["signer"];

/** A task as posted: its blob's hash (hex) and URI. */
export interface TaskRef {
  dataHash: string;
  uri: string;
}

const MAX_TASKS_PER_TRANSACTION = 12;

/** Adds every task not yet on chain; returns the campaign's task count. */
export async function addAllTasks(chain: AmplifyChain, signer: Signer, campaign: Address, tasks: readonly TaskRef[], progress: ProgressListener): Promise<number> {
  const batches = new TaskBatches(chain, signer, campaign, tasks);
  let done = (await chain.campaign(campaign))?.taskCount ?? 0;
  progress({ phase: "tasks", done, total: tasks.length });
  while (done < tasks.length) {
    const batch = await batches.pack(done);
    await chain.send(signer, batch.instructions);
    done += batch.count;
    progress({ phase: "tasks", done, total: tasks.length });
  }
  return done;
}

class TaskBatches {
  /** Tasks per instruction: the builder's (the program's) own limit, learnt once. */
  private perIx = MAX_TASKS_PER_TRANSACTION;
  /** Tasks that fitted in the last transaction: the next one starts from there. */
  private fits = MAX_TASKS_PER_TRANSACTION;
  private readonly pdas = new Map<number, Address>();

  constructor(
    private readonly chain: AmplifyChain,
    private readonly signer: Signer,
    private readonly campaign: Address,
    private readonly tasks: readonly TaskRef[],
  ) {}

  /** The largest run of tasks from `first` whose transaction fits in one packet. */
  async pack(first: number): Promise<{ instructions: Instruction[]; count: number }> {
    let count = Math.min(this.fits, this.tasks.length - first);
    for (;;) {
      let instructions: Instruction[];
      try {
        instructions = await this.build(first, count);
      } catch (e) {
        if (!(e instanceof RangeError) || this.perIx === 1) throw e;
        this.perIx--;
        continue;
      }
      if (count === 1 || (await this.chain.transactionSize(this.signer, instructions)) <= MAX_TRANSACTION_BYTES) {
        this.fits = count;
        return { instructions, count };
      }
      count--;
    }
  }

  /** The add_tasks instructions for tasks [first, first + count), `perIx` tasks per instruction. */
  private async build(first: number, count: number): Promise<Instruction[]> {
    const end = first + count;
    // PDA derivation is the slow part of building these (SHA-256 + curve checks): derive each once.
    for (let i = first; i < end; i++) {
      if (!this.pdas.has(i)) this.pdas.set(i, (await findTaskPda(this.campaign, i))[0]);
    }
    const starts: number[] = [];
    for (let i = first; i < end; i += this.perIx) starts.push(i);
    return Promise.all(
      starts.map((start) => {
        const stop = Math.min(start + this.perIx, end);
        return getAddTasksInstruction({
          requester: this.signer,
          campaign: this.campaign,
          firstIndex: start,
          taskAddresses: Array.from({ length: stop - start }, (_, k) => this.pdas.get(start + k) as Address),
          tasks: this.tasks.slice(start, stop).map((t) => ({ dataHash: Uint8Array.from(Buffer.from(t.dataHash, "hex")), uri: t.uri })),
        });
      }),
    );
  }
}
