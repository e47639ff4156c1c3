// The committed task list: a campaign stores the Merkle root of its task descriptors instead of
// one account per task. Anyone holding the list (the requester's task-list blob) recomputes the
// root and compares it with campaign.tasksRoot; a worker holding one task and its proof checks
// just that task. The program itself only counts slots by task index.
//
//   leaf(i)    = sha256(0x00 || i as u32 LE || dataHash (32) || uriLength u8 || uri)
//   node(l, r) = sha256(0x01 || l || r); a level with an odd count carries its last node up as is.
import { URI_MAX_BYTES } from "./account-layouts";
import { encodeUtf8 } from "../bytes";
import { sha256 } from "./sha256";

export interface TaskDescriptor {
  /** sha256 of the (encrypted) data blob. */
  dataHash: Uint8Array;
  uri: string;
}

export function taskLeaf(index: number, task: TaskDescriptor): Uint8Array {
  const uri = encodeUtf8(task.uri);
  if (task.dataHash.length !== 32) throw new RangeError("a task's data hash is 32 bytes");
  if (uri.length > URI_MAX_BYTES) throw new RangeError(`a task URI is at most ${URI_MAX_BYTES} bytes`);
  const bytes = new Uint8Array(1 + 4 + 32 + 1 + uri.length);
  new DataView(bytes.buffer).setUint32(1, index, true);
  bytes.set(task.dataHash, 5);
  bytes[37] = uri.length;
  bytes.set(uri, 38);
  return sha256(bytes);
}

function node(left: Uint8Array, right: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(65);
  bytes[0] = 1;
  bytes.set(left, 1);
  bytes.set(right, 33);
  return sha256(bytes);
}

function levels(tasks: readonly TaskDescriptor[]): Uint8Array[][] {
  if (tasks.length === 0) throw new RangeError("a campaign commits at least one task");
  const all: Uint8Array[][] = [tasks.map((t, i) => taskLeaf(i, t))];
  while (all[all.length - 1]!.length > 1) {
    const level = all[all.length - 1]!;
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? node(level[i]!, level[i + 1]!) : level[i]!);
    all.push(next);
  }
  return all;
}

/** The root create_campaign commits for this ordered task list. */
export function computeTasksRoot(tasks: readonly TaskDescriptor[]): Uint8Array {
  return levels(tasks).at(-1)![0]!;
}

/** Sibling hashes from task `index` up to the root (a null where a level carried the node up). */
export function taskProof(tasks: readonly TaskDescriptor[], index: number): (Uint8Array | null)[] {
  const all = levels(tasks);
  const proof: (Uint8Array | null)[] = [];
  let at = index;
  for (const level of all.slice(0, -1)) {
    const sibling = at ^ 1;
    proof.push(sibling < level.length ? level[sibling]! : null);
    at >>= 1;
  }
  return proof;
}

/** Whether `task` is task `index` of the list whose root is `root`. */
export function verifyTask(
  root: Uint8Array,
  index: number,
  task: TaskDescriptor,
  proof: readonly (Uint8Array | null)[],
): boolean {
  let hash = taskLeaf(index, task);
  let at = index;
  for (const sibling of proof) {
    if (sibling) hash = at % 2 === 0 ? node(hash, sibling) : node(sibling, hash);
    at >>= 1;
  }
  return hash.length === root.length && hash.every((b, i) => b === root[i]);
}
