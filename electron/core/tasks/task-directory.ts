import { address } from "@solana/kit";
import type { AssignmentAccount, CampaignAccount, TaskDescriptor } from "../../../shared/protocol";
import {
  ACCOUNT_SIZES,
  ASSIGNMENT_OFFSETS,
  AssignmentState,
  DISCRIMINATORS,
  decodeAssignment,
  decodeCampaign,
  decodeWorkerProfile,
  findWorkerProfilePda,
  taskKey,
} from "../../../shared/protocol";
import type { CampaignMetadata } from "../../../shared/api/tasks";
import type { ChainClient } from "../../../lib/chain";
import { getAddressEncoder } from "@solana/kit";
import type { CampaignMetadataCache } from "./campaign-metadata";
import type { CampaignTaskLists } from "./campaign-task-lists";

export interface TaskRecord {
  readonly id: string;
  readonly assignment: AssignmentAccount;
  /** The task's descriptor from the campaign's committed list, and its "<campaign>#<index>" key. */
  readonly task: TaskDescriptor & { readonly key: string; readonly index: number };
  readonly campaign: CampaignAccount;
  readonly metadata: CampaignMetadata | null;
  /** Where a private result is sealed to; null for public campaigns or when unknown. */
  readonly requesterX25519: Uint8Array | null;
}

/**
 * This worker's open assignments (an assignment account lives from accept to submit) joined with
 * their task descriptors, campaigns and metadata, read from chain.
 */
export class TaskDirectory {
  private records = new Map<string, TaskRecord>();
  private order: string[] = [];

  constructor(
    private readonly chain: ChainClient,
    private readonly worker: () => string | null,
    private readonly metadata: CampaignMetadataCache,
    private readonly taskLists: CampaignTaskLists,
  ) {}

  get(id: string): TaskRecord | undefined {
    return this.records.get(id);
  }

  /**
   * The record, reading the worker's assignments from chain once if it is not known yet (a
   * task accepted elsewhere, or before the first refresh). A failed read throws.
   */
  async lookup(id: string): Promise<TaskRecord | undefined> {
    if (!this.records.has(id)) await this.refresh();
    return this.records.get(id);
  }

  /** Known records in the order tasks should be worked: oldest accepted first. */
  all(): TaskRecord[] {
    return this.order.map((id) => this.records.get(id)!).filter(Boolean);
  }

  async refresh(): Promise<TaskRecord[]> {
    const worker = this.worker();
    if (!worker) return [];
    const raw = await this.chain.programAccounts(ACCOUNT_SIZES.assignment, [
      { offset: 0, bytes: DISCRIMINATORS.assignment },
      { offset: ASSIGNMENT_OFFSETS.worker, bytes: Uint8Array.from(getAddressEncoder().encode(address(worker))) },
    ]);
    const assignments = raw.map((r) => ({ id: r.address, account: decodeAssignment(r.data) }));
    const campaignAddrs = [...new Set(assignments.map((a) => a.account.campaign))];
    const campaigns = await this.chain.accounts(campaignAddrs);
    const campaignBy = new Map(
      campaignAddrs.map((a, i) => [a as string, campaigns[i] ? decodeCampaign(campaigns[i].data) : null]),
    );

    const requesterKeys = new Map<string, Uint8Array | null>();
    const next = new Map<string, TaskRecord>();
    for (const { id, account } of assignments) {
      const campaign = campaignBy.get(account.campaign);
      if (!campaign) continue;
      const metadata = await this.metadata.get(account.campaign, campaign.metadataUri, campaign.labelSchemaHash);
      const list = await this.taskLists.get(account.campaign, campaign, metadata);
      const descriptor = list?.[account.taskIndex];
      if (!descriptor) continue;
      let requesterX25519: Uint8Array | null = null;
      if (campaign.isPrivate) {
        if (metadata?.requesterX25519) requesterX25519 = Buffer.from(metadata.requesterX25519, "hex");
        else {
          if (!requesterKeys.has(campaign.requester))
            requesterKeys.set(campaign.requester, await this.requesterKey(campaign.requester));
          requesterX25519 = requesterKeys.get(campaign.requester) ?? null;
        }
      }
      const task = { ...descriptor, index: account.taskIndex, key: taskKey(account.campaign, account.taskIndex) };
      next.set(id, { id, assignment: account, task, campaign, metadata, requesterX25519 });
    }
    this.records = next;
    this.order = [...next.values()]
      .sort(
        (a, b) =>
          Number(a.assignment.acceptedAt - b.assignment.acceptedAt) || a.assignment.taskIndex - b.assignment.taskIndex,
      )
      .map((r) => r.id);
    return this.all();
  }

  private async requesterKey(requester: string): Promise<Uint8Array | null> {
    const [pda] = await findWorkerProfilePda(address(requester));
    const account = await this.chain.account(pda);
    return account ? decodeWorkerProfile(account.data).x25519PublicKey : null;
  }
}

/** Every assignment that is still an account is open (accepted or key granted). */
export function isOpen(record: TaskRecord): boolean {
  return record.assignment.state === AssignmentState.Accepted || record.assignment.state === AssignmentState.KeyGranted;
}
