// Market events straight from a transaction's log messages: the "Program data:" lines the
// Amplify program writes on every state change (shared/protocol/events.ts). The live feed reads
// these from logsSubscribe notifications, so a landed transaction costs no getTransaction; only a
// campaign's posting needs the transaction itself (its metadata URI is instruction data).
import { address } from "@solana/kit";
import type { MarketEvent } from "../../shared/api/market-feed";
import { amplifyProgramAddress, decodeEventsFromLogs, taskKey } from "../../shared/protocol";

/** Where the events happened: the transaction, its slot and the block's unix time. */
export interface LogContext {
  readonly signature: string;
  readonly slot: number;
  readonly time: number;
}

/** A posted campaign's metadata, which the program keeps in the account rather than the event. */
export type CampaignMetadata = ReadonlyMap<string, { uri: string; hash: string }>;

function blank(at: LogContext, index: number, kind: MarketEvent["kind"], campaign: string): MarketEvent {
  return {
    signature: at.signature,
    index,
    slot: at.slot,
    time: at.time,
    kind,
    campaign,
    worker: null,
    task: null,
    priceLamports: null,
    feeLamports: null,
    workerRating: null,
    score: null,
    minRating: null,
    replication: null,
    deadline: null,
    metadataUri: null,
    metadataHash: null,
    count: null,
  };
}

/** Every market event the program logged in one landed transaction, in log order. */
export function marketEventsFromLogs(
  at: LogContext,
  logs: readonly string[],
  program: string = amplifyProgramAddress(),
  metadata: CampaignMetadata = new Map(),
): MarketEvent[] {
  const events: MarketEvent[] = [];
  for (const e of decodeEventsFromLogs(logs, address(program))) {
    const index = events.length;
    switch (e.kind) {
      case "campaignPosted":
        events.push({
          ...blank(at, index, "campaign_posted", e.campaign),
          priceLamports: Number(e.price),
          count: e.taskCount,
          replication: e.replication,
          minRating: e.minRating,
          deadline: Number(e.deadline),
          metadataUri: metadata.get(e.campaign)?.uri ?? null,
          metadataHash: metadata.get(e.campaign)?.hash ?? null,
        });
        break;
      case "taskPageAdded":
        events.push({ ...blank(at, index, "tasks_added", e.campaign), count: e.count });
        break;
      case "taskAccepted":
        events.push({
          ...blank(at, index, "task_accepted", e.campaign),
          worker: e.worker,
          task: taskKey(e.campaign, e.taskIndex),
        });
        break;
      case "resultSubmitted":
        events.push({
          ...blank(at, index, "result_submitted", e.campaign),
          worker: e.worker,
          task: taskKey(e.campaign, e.taskIndex),
          priceLamports: Number(e.price),
          feeLamports: Number(e.fee),
          workerRating: e.rating,
        });
        break;
      case "reviewPosted":
        events.push({
          ...blank(at, index, "review_posted", e.campaign),
          worker: e.worker,
          task: taskKey(e.campaign, e.taskIndex),
          score: e.score,
        });
        break;
      case "campaignClosed":
        events.push(blank(at, index, "campaign_closed", e.campaign));
        break;
      default:
        break;
    }
  }
  return events;
}

/**
 * The live hook for ChainReadSource: events from a logs notification, or null when the
 * transaction must be fetched after all (a campaign was posted, so its metadata URI is needed, or
 * the node cut the logs short). A notification carries no block time: the time it arrived stands
 * in, which on a live stream is within a second or two of the block's.
 */
export function eventsFromNotification(
  program: string,
  now: () => number = () => Math.floor(Date.now() / 1000),
): (signature: string, slot: number, logs: readonly string[]) => MarketEvent[] | null {
  return (signature, slot, logs) => {
    if (logs.some((line) => line.startsWith("Log truncated"))) return null;
    const events = marketEventsFromLogs({ signature, slot, time: now() }, logs, program);
    return events.some((e) => e.kind === "campaign_posted") ? null : events;
  };
}
