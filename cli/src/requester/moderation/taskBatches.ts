// Adds a campaign's tasks in transactions packed as full as the packet allows (the same rule
// as createCampaign's, for tasks given as hash + URI).
import type { Address, Instruction } from "@solana/kit";
import { findTaskPda, getAddTasksInstruction } from "../../../../shared/protocol";
import { MAX_TRANSACTION_BYTES, type AmplifyChain } from "../chain";
import type { RequesterKeys } from "../keyfile";
import type { ProgressListener } from "../progress";

type Signer = RequesterKeys["signer"];

export interface TaskRef {
  dataHash: string;
  uri: string;
}

const MAX_TASKS_PER_TRANSACTION = 12;

export async function addAllTasks(chain: AmplifyChain, signer: Signer, campaign: Address, tasks: TaskRef[], progress: ProgressListener): Promise<number> {
  const pdas: Address[] = [];
  for (let i = 0; i < tasks.length; i++) pdas.push((await findTaskPda(campaign, i))[0]);
  let done = (await chain.campaign(campaign))?.taskCount ?? 0;
  progress({ phase: "tasks", done, total: tasks.length });
  let perIx = MAX_TASKS_PER_TRANSACTION;
  let fits = MAX_TASKS_PER_TRANSACTION;
  while (done < tasks.length) {
    let count = Math.min(fits, tasks.length - done);
    let instructions: Instruction[];
    for (;;) {
      try {
        instructions = await build(signer, campaign, tasks, pdas, done, count, perIx);
      } catch (e) {
        // The builder caps tasks per instruction (the program's own limit): learn it once.
        if (!(e instanceof RangeError) || perIx === 1) throw e;
        perIx--;
        continue;
      }
      if (count === 1 || (await chain.transactionSize(signer, instructions)) <= MAX_TRANSACTION_BYTES) break;
      count--;
    }
    fits = count;
    await chain.send(signer, instructions);
    done += count;
    progress({ phase: "tasks", done, total: tasks.length });
  }
  return done;
}

function build(signer: Signer, campaign: Address, tasks: TaskRef[], pdas: Address[], first: number, count: number, perIx: number): Promise<Instruction[]> {
  const starts: number[] = [];
  for (let i = first; i < first + count; i += perIx) starts.push(i);
  return Promise.all(
    starts.map((start) => {
      const end = Math.min(start + perIx, first + count);
      return getAddTasksInstruction({
        requester: signer,
        campaign,
        firstIndex: start,
        taskAddresses: pdas.slice(start, end),
        tasks: tasks.slice(start, end).map((t) => ({ dataHash: Uint8Array.from(Buffer.from(t.dataHash, "hex")), uri: t.uri })),
      });
    }),
  );
}
