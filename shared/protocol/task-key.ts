// A task has no account of its own: it is task `index` of a campaign's committed list. Where an
// id string is needed (outbox rows, the task contract), it is "<campaign>#<index>".
import type { Address } from "@solana/kit";

export function taskKey(campaign: string, index: number): string {
  return `${campaign}#${index}`;
}

export function parseTaskKey(key: string): { campaign: Address; index: number } {
  const match = /^([1-9A-HJ-NP-Za-km-z]{32,44})#(\d{1,10})$/.exec(key);
  if (!match) throw new RangeError(`not a task key: ${key}`);
  return { campaign: match[1] as Address, index: Number(match[2]) };
}
